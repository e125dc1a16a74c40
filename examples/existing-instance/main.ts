import { App, TerraformStack } from 'cdktf';
import { providers, TcrInstance, TcrNamespace, Validity } from '../../src';

/**
 * A team that does not own the registry: it imports the shared instance and one of its namespaces, adds its own
 * namespace and a deploy account. The instance itself is never changed by this stack.
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  const stack = new TerraformStack(app, 'team-payments');
  new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });

  const shared = TcrInstance.fromInstanceAttributes(stack, 'shared', {
    instanceId: 'tcr-abcd1234', name: 'acme-registry', region: 'ap-guangzhou',
  });
  const base = TcrNamespace.fromNamespaceName(stack, 'base', shared, 'base-images');
  const payments = shared.addNamespace('payments', { name: 'team-payments' });

  const deployer = shared.addServiceAccount('deployer', {
    name: 'payments-deployer', validity: Validity.days(90),
  });
  payments.grantPush(deployer);
  base.grantPull(deployer);
  return app;
}

if (require.main === module) {
  process.env.CHECKPOINT_DISABLE = '1';
  buildApp().synth();
}
