import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  InstanceToken, providers, SecretStore, ServiceAccountCredentials, TcrInstance, TcrInstanceType, TokenType, Validity,
  VulnerabilitySeverity,
} from '../../src';

/** End of the calendar year after the current one (UTC), so the partner account's expiry is always in the future. */
function endOfNextYear(): Date {
  return new Date(Date.UTC(new Date().getUTCFullYear() + 1, 11, 31, 23, 59, 59));
}

/**
 * Example company stack: one TCR Enterprise instance shared by all teams, a namespace per product area, a CI
 * account that pushes, a cluster account that only pulls, and a partner account that expires.
 */
export class CompanyRegistryStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new providers.provider.TencentcloudProvider(this, 'tencentcloud', { region: 'ap-guangzhou' });

    const registry = new TcrInstance(this, 'registry', {
      name: 'acme-registry',
      instanceType: TcrInstanceType.STANDARD,
      tags: { 'team': 'platform', 'cost-center': 'cc-1042' },
      publicAccess: true,
      publicAccessAllowList: [{ cidrBlock: '203.0.113.0/24', description: 'office egress' }],
    });

    const base = registry.addNamespace('base', {
      name: 'base-images',
      autoScan: true,
      blockVulnerableImages: true,
      blockSeverity: VulnerabilitySeverity.HIGH,
    });
    const apps = registry.addNamespace('apps', { name: 'apps', autoScan: true });
    const data = registry.addNamespace('data', { name: 'data-platform' });
    const charts = registry.addNamespace('charts', { name: 'charts' });

    const ci = registry.addServiceAccount('ci', {
      name: 'ci-pipeline',
      description: 'Builds and pushes every product image',
      validity: Validity.permanent(),
    });
    for (const ns of [apps, data, charts]) ns.grantPush(ci);
    base.grantPull(ci);

    const cluster = registry.addServiceAccount('cluster', {
      name: 'prod-cluster',
      description: 'Image pulls from the production TKE cluster',
      validity: Validity.days(365),
    });
    for (const ns of [base, apps, data]) ns.grantPull(cluster);

    const partner = registry.addServiceAccount('partner', {
      name: 'partner-acme-labs',
      description: 'Read access for an external partner, expires with the contract',
      validity: Validity.until(endOfNextYear()),
    });
    data.grantPull(partner);

    // Registry credentials delivered to SSM at deploy time, never into Terraform state: a long-term token for the
    // build farm, a one-hour token for the release job (re-minted by `tcr-credentials rotate`), and the CI
    // account's password, reset right after creation so the copy the provider keeps in state no longer works.
    new InstanceToken(this, 'build-farm-token', {
      instance: registry,
      description: 'Build farm docker logins',
      store: SecretStore.ssm({ secretName: 'acme-registry-build-farm' }),
    });
    new InstanceToken(this, 'release-token', {
      instance: registry,
      tokenType: TokenType.TEMPORARY,
      store: SecretStore.ssm({ secretName: 'acme-registry-release-job' }),
    });
    new ServiceAccountCredentials(this, 'ci-credentials', {
      serviceAccount: ci,
      store: SecretStore.ssm({ secretName: 'acme-registry-ci-pipeline' }),
    });

    new TerraformOutput(this, 'registry_domain', { value: registry.registryDomain });
    new TerraformOutput(this, 'ci_username', { value: ci.ciUsername });
    new TerraformOutput(this, 'cluster_username', { value: cluster.username });
    // The provider keeps the password in state; never print it.
    new TerraformOutput(this, 'cluster_password', { value: cluster.password, sensitive: true });
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
