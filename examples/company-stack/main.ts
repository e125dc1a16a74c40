import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { provider, tcrInstance } from '../../src/providers/tencentcloud';

/** Example company stack: one TCR Enterprise instance (grows with the library's constructs). */
export class CompanyRegistryStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new provider.TencentcloudProvider(this, 'tencentcloud', { region: 'ap-guangzhou' });
    new tcrInstance.TcrInstance(this, 'registry', { name: 'acme-registry', instanceType: 'standard' });
  }
}

export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  new CompanyRegistryStack(app, 'company-registry');
  return app;
}

if (require.main === module) {
  process.env.CHECKPOINT_DISABLE = '1';
  buildApp().synth();
}
