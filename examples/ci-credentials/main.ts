import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  InstanceToken, providers, SecretStore, ServiceAccountCredentials, TcrInstance, TcrNamespace, TokenType, Validity,
} from '../../src';

/**
 * CI credentials on a registry this stack does not own: it imports the shared instance and delivers three
 * credentials to Tencent SSM at deploy time, none of them in Terraform state:
 * - a long-term access credential for the CI runners (deleted again on destroy),
 * - a one-hour temporary token for a one-off job (re-minted by `tcr-credentials rotate` on a schedule),
 * - the password of a robot service account, reset right after creation so the one in state is dead.
 * Deploy with the provider's TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY in the environment; the deploying
 * principal needs the statements printed in the `deployer_permissions` output.
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  const stack = new TerraformStack(app, 'ci-credentials');
  new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });

  const shared = TcrInstance.fromInstanceAttributes(stack, 'shared', {
    instanceId: 'tcr-c1cred01', name: 'acme-shared', region: 'ap-guangzhou',
  });
  const images = TcrNamespace.fromNamespaceName(stack, 'images', shared, 'ci-images');
  const robot = shared.addServiceAccount('robot', { name: 'ci-robot', validity: Validity.days(90) });
  images.grantPush(robot);

  const runners = new InstanceToken(stack, 'runners', {
    instance: shared,
    store: SecretStore.ssm({ secretName: 'ci-runners-docker-config' }),
    description: 'CI runners',
  });
  const job = new InstanceToken(stack, 'job', {
    instance: shared,
    tokenType: TokenType.TEMPORARY,
    store: SecretStore.ssm({ secretName: 'ci-job-docker-config' }),
  });
  const robotLogin = new ServiceAccountCredentials(stack, 'robot-login', {
    serviceAccount: robot,
    store: SecretStore.ssm({ secretName: 'ci-robot-docker-config' }),
  });

  new TerraformOutput(stack, 'secrets', { value: [runners.secretName, job.secretName, robotLogin.secretName] });
  new TerraformOutput(stack, 'deployer_permissions', {
    value: JSON.stringify([...runners.requiredPermissions, ...job.requiredPermissions, ...robotLogin.requiredPermissions]),
  });
  return app;
}

if (require.main === module) {
  process.env.CHECKPOINT_DISABLE = '1';
  buildApp().synth();
}
