/**
 * The cdktf app of a registry repository run by GitOps pipelines (.github/workflows/registry.yml, .gitlab-ci.yml).
 * In your own repository import from 'cdktf-tencentcloud-tcr' instead of the library's sources.
 *
 * State: a COS backend when TF_STATE_BUCKET is set (the pipelines set it). Terraform's cos backend locks the state
 * with a lock object in the bucket, so a scheduled rotation and a merge never apply at once. Without the variable
 * (a laptop, the offline tests through tcr-local) state is a local file, LOCAL_STATE_FILE or the default.
 */
import { App, CosBackend, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { providers, TcrInstance, TcrInstanceType, Validity } from '../../../src';

const region = process.env.TENCENTCLOUD_REGION ?? 'ap-guangzhou';
const app = new App();
const stack = new TerraformStack(app, 'registry');
if (process.env.TF_STATE_BUCKET) {
  new CosBackend(stack, { bucket: process.env.TF_STATE_BUCKET, prefix: 'registry', region, encrypt: true });
} else {
  new LocalBackend(stack, { path: process.env.LOCAL_STATE_FILE ?? 'terraform.registry.tfstate' });
}
new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region });

const registry = new TcrInstance(stack, 'registry', { name: 'gitops-registry', instanceType: TcrInstanceType.STANDARD });
const apps = registry.addNamespace('apps', { name: 'apps', autoScan: true });
const base = registry.addNamespace('base', { name: 'base-images' });
const ci = registry.addServiceAccount('ci', { name: 'ci', description: 'pushes from the pipelines', validity: Validity.days(90) });
apps.grantPush(ci);
base.grantPull(ci);

new TerraformOutput(stack, 'instance_id', { value: registry.instanceId });
new TerraformOutput(stack, 'registry_domain', { value: registry.registryDomain });
app.synth();
