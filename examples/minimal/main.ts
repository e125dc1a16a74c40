import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { providers, TcrInstance } from '../../src';

/** The smallest useful registry: one instance, one namespace, one pull-only account (default 30-day validity). */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  const stack = new TerraformStack(app, 'minimal-registry');
  new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });

  const registry = new TcrInstance(stack, 'registry', { name: 'minimal-registry', deletionProtection: false });
  const apps = registry.addNamespace('apps', { name: 'apps' });
  const puller = registry.addServiceAccount('puller', { name: 'puller' });
  apps.grantPull(puller);

  new TerraformOutput(stack, 'login', { value: `docker login ${registry.registryDomain} -u ${puller.username}` });
  return app;
}

if (require.main === module) {
  process.env.CHECKPOINT_DISABLE = '1';
  buildApp().synth();
}
