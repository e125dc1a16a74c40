import 'cdktf/lib/testing/adapters/jest';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  providers, TcrBilling, TcrInstance, TcrInstanceProps, TcrInstanceType, TcrNamespace, TcrNamespaceOptions, TcrServiceAccountOptions,
  Validity, VulnerabilitySeverity,
} from '../../src';
import { stackWithInstance, stackWithProvider, validationErrors } from '../helpers/stacks';

const DAY = 86_400_000;
const NOW = Date.now();

/** Every bad input: the construct to build, the path the message must name, and what the message must say. */
interface BadCase {
  readonly path: string;
  readonly expected: string[];
}

function instanceErrors(props: Partial<TcrInstanceProps>): string[] {
  const { stack } = stackWithProvider();
  new TcrInstance(stack, 'registry', { name: 'acme-registry', ...props });
  return validationErrors(stack);
}

function namespaceErrors(options: Partial<TcrNamespaceOptions>): string[] {
  const { stack, instance } = stackWithInstance();
  instance.addNamespace('ns', { name: 'apps', ...options });
  return validationErrors(stack);
}

function accountErrors(options: Partial<TcrServiceAccountOptions>): string[] {
  const { stack, instance } = stackWithInstance();
  const account = instance.addServiceAccount('sa', { name: 'robot', ...options });
  instance.addNamespace('ns', { name: 'apps' }).grantPull(account);
  return validationErrors(stack);
}

function expectOne(errors: string[], bad: BadCase): void {
  expect(errors).toHaveLength(1);
  expect(errors[0].startsWith(`[${bad.path}] `)).toBe(true);
  for (const part of bad.expected) expect(errors[0]).toContain(part);
}

const INSTANCE_RULE = 'must be 5-50 characters of lowercase letters, digits and "-"';
describe('instance validation', () => {
  test.each<[string, string]>([
    ['too short', 'acme'],
    ['too long', 'a'.repeat(51)],
    ['uppercase', 'Acme-registry'],
    ['starts with a digit', '1acme-registry'],
    ['ends with a dash', 'acme-registry-'],
    ['underscore', 'acme_registry'],
    ['dot', 'acme.registry'],
  ])('name %s (%p)', (_label, name) => {
    expectOne(instanceErrors({ name }), {
      path: 'stack/registry', expected: ['TcrInstance property "name"', JSON.stringify(name), INSTANCE_RULE],
    });
  });

  test.each<[string, Partial<TcrInstanceProps>, string, string[]]>([
    ['prepaid period 0', { billing: TcrBilling.prepaid(0) }, 'billing.periodMonths', ['value 0', 'must be 1-12, 24 or 36 months']],
    ['prepaid period 18', { billing: TcrBilling.prepaid(18) }, 'billing.periodMonths', ['value 18', 'must be 1-12, 24 or 36 months']],
    ['prepaid period 1.5', { billing: TcrBilling.prepaid(1.5) }, 'billing.periodMonths', ['value 1.5', 'must be 1-12, 24 or 36 months']],
    ['replication on standard', { instanceType: TcrInstanceType.STANDARD, replicationRegions: ['ap-shanghai'] },
      'replicationRegions', ['["ap-shanghai"]', 'is only available on the premium instance type', 'instanceType is "standard"']],
    ['replication to an unknown region', { instanceType: TcrInstanceType.PREMIUM, replicationRegions: ['ap-shanghai', 'ap-moon'] },
      'replicationRegions[1]', ['"ap-moon"', 'must be a Tencent Cloud region id: one of ap-guangzhou, ap-shanghai']],
    ['replication region given twice', { instanceType: TcrInstanceType.PREMIUM, replicationRegions: ['ap-shanghai', 'ap-beijing', 'ap-shanghai'] },
      'replicationRegions', ['["ap-shanghai","ap-beijing","ap-shanghai"]', 'names a region more than once']],
    ['allowlist without public access', { publicAccessAllowList: [{ cidrBlock: '10.0.0.0/8' }] },
      'publicAccessAllowList', ['["10.0.0.0/8"]', 'can only be set when publicAccess is true']],
    ['allowlist entry not a CIDR', { publicAccess: true, publicAccessAllowList: [{ cidrBlock: '10.0.0.300/8' }] },
      'publicAccessAllowList[0].cidrBlock', ['"10.0.0.300/8"', 'must be an IPv4 address or CIDR block']],
    ['allowlist prefix > 32', { publicAccess: true, publicAccessAllowList: [{ cidrBlock: '10.0.0.0/33' }] },
      'publicAccessAllowList[0].cidrBlock', ['"10.0.0.0/33"', 'must be an IPv4 address or CIDR block']],
    ['allowlist hostname', { publicAccess: true, publicAccessAllowList: [{ cidrBlock: 'office.example.com' }] },
      'publicAccessAllowList[0].cidrBlock', ['"office.example.com"', 'must be an IPv4 address or CIDR block']],
    ['reserved tag key', { tags: { qcloud_owner: 'x' } }, 'tags', ['"qcloud_owner"', 'is not a valid tag key', 'reserved prefixes']],
    ['empty tag key', { tags: { '': 'x' } }, 'tags', ['value ""', 'is not a valid tag key', '1-127 characters']],
    ['tag key too long', { tags: { ['k'.repeat(128)]: 'x' } }, 'tags', [JSON.stringify('k'.repeat(128)), 'is not a valid tag key', '1-127 characters']],
    ['tag value too long', { tags: { team: 'v'.repeat(256) } }, 'tags.team', [JSON.stringify('v'.repeat(256)), 'must be at most 255 characters']],
    ['too many tags', { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'tags', ['"51 tags"', 'must have at most 50 tags']],
  ])('%s', (_label, props, property, expected) => {
    expectOne(instanceErrors(props), { path: 'stack/registry', expected: [`TcrInstance property "${property}"`, ...expected] });
  });

  test('two owned instances with the same name in one app', () => {
    const { app } = stackWithProvider();
    const other = new TerraformStack(app, 'other');
    new providers.provider.TencentcloudProvider(other, 'tencentcloud', {});
    new TcrInstance(app.node.findChild('stack'), 'first', { name: 'acme-registry' });
    new TcrInstance(other, 'second', { name: 'acme-registry' });
    expect(validationErrors(app.node.findChild('stack') as TerraformStack)).toEqual([]);
    expectOne(validationErrors(other), {
      path: 'other/second',
      expected: ['TcrInstance property "name"', '"acme-registry"', 'must be unique: it is the registry domain',
        'instance stack/first already uses it'],
    });
  });

  test('an owned instance and an import of it, or the same name in separate apps, are fine', () => {
    for (let i = 0; i < 2; i++) {
      const { stack } = stackWithProvider();
      new TcrInstance(stack, 'owned', { name: 'acme-registry' });
      TcrInstance.fromInstanceAttributes(stack, 'imported', { instanceId: 'tcr-1', name: 'acme-registry' });
      expect(validationErrors(stack)).toEqual([]);
    }
  });

  test('imported instance in an unknown region', () => {
    const { stack } = stackWithProvider();
    TcrInstance.fromInstanceAttributes(stack, 'old', { instanceId: 'tcr-1', name: 'old-registry', region: 'guangzhou' });
    expectOne(validationErrors(stack), {
      path: 'stack/old', expected: ['TcrInstance (imported) property "region"', '"guangzhou"', 'must be a Tencent Cloud region id', 'or "" for every region'],
    });
  });

  test('region props that are tokens are left to terraform', () => {
    const { stack } = stackWithProvider();
    const region = new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;
    TcrInstance.fromInstanceAttributes(stack, 'old', { instanceId: 'tcr-1', name: 'old-registry', region });
    new TcrInstance(stack, 'registry', { name: 'acme-registry', instanceType: TcrInstanceType.PREMIUM, replicationRegions: [region, region] });
    expect(validationErrors(stack)).toEqual([]);
  });

  test('imported instance with an invalid name', () => {
    const { stack } = stackWithProvider();
    TcrInstance.fromInstanceAttributes(stack, 'old', { instanceId: 'tcr-1', name: 'Old_Registry' });
    expectOne(validationErrors(stack), {
      path: 'stack/old', expected: ['TcrInstance (imported) property "name"', '"Old_Registry"', INSTANCE_RULE],
    });
  });
});

const NAMESPACE_RULE = 'must be 2-30 characters of lowercase letters, digits and the separators';
describe('namespace validation', () => {
  test.each<[string, string]>([
    ['one character', 'a'],
    ['31 characters', 'n'.repeat(31)],
    ['uppercase', 'Apps'],
    ['leading separator', '-apps'],
    ['trailing separator', 'apps.'],
    ['double separator', 'my__apps'],
    ['slash', 'team/apps'],
    ['space', 'my apps'],
  ])('name %s (%p)', (_label, name) => {
    expectOne(namespaceErrors({ name }), {
      path: 'stack/registry/ns', expected: ['TcrNamespace property "name"', JSON.stringify(name), NAMESPACE_RULE],
    });
  });

  test.each<[string, Partial<TcrNamespaceOptions>, string, string[]]>([
    ['unknown severity', { blockVulnerableImages: true, blockSeverity: VulnerabilitySeverity.of('critical') },
      'blockSeverity', ['"critical"', 'must be one of low, medium, high']],
    ['severity without blocking', { blockSeverity: VulnerabilitySeverity.HIGH },
      'blockSeverity', ['"high"', 'can only be set together with blockVulnerableImages: true']],
    ['malformed CVE id', { cveAllowList: ['CVE-2024-1'] }, 'cveAllowList[0]', ['"CVE-2024-1"', 'must be a CVE id']],
    ['lowercase CVE id', { cveAllowList: ['CVE-2024-12345', 'cve-2024-12345'] }, 'cveAllowList[1]', ['"cve-2024-12345"', 'must be a CVE id']],
    ['reserved tag key on a namespace', { tags: { 'tencent:cost': 'x' } }, 'tags', ['"tencent:cost"', 'reserved prefixes']],
  ])('%s', (_label, options, property, expected) => {
    expectOne(namespaceErrors(options), { path: 'stack/registry/ns', expected: [`TcrNamespace property "${property}"`, ...expected] });
  });

  test('duplicate namespace names in one instance', () => {
    const { stack, instance } = stackWithInstance();
    instance.addNamespace('first', { name: 'apps' });
    new TcrNamespace(stack, 'second', { instance, name: 'apps' });
    expectOne(validationErrors(stack), {
      path: 'stack/second',
      expected: ['TcrNamespace property "name"', '"apps"', 'must be unique within one TCR instance', 'namespace stack/registry/first already uses it'],
    });
  });

  test('the same namespace name in two instances is fine', () => {
    const { stack, instance } = stackWithInstance();
    const other = new TcrInstance(stack, 'other', { name: 'acme-other' });
    instance.addNamespace('a', { name: 'apps' });
    other.addNamespace('a', { name: 'apps' });
    expect(validationErrors(stack)).toEqual([]);
  });

  test('duplicate namespace names across two imports of the same existing instance', () => {
    const { stack } = stackWithProvider();
    const a = TcrInstance.fromInstanceAttributes(stack, 'a', { instanceId: 'tcr-1', name: 'acme-registry' });
    const b = TcrInstance.fromInstanceAttributes(stack, 'b', { instanceId: 'tcr-1', name: 'acme-registry' });
    a.addNamespace('apps', { name: 'apps' });
    b.addNamespace('apps', { name: 'apps' });
    expectOne(validationErrors(stack), {
      path: 'stack/b/apps',
      expected: ['TcrNamespace property "name"', '"apps"', 'must be unique within one TCR instance', 'namespace stack/a/apps already uses it'],
    });
  });

  test('the same names in two separate apps do not collide', () => {
    for (let i = 0; i < 2; i++) {
      const { stack } = stackWithProvider();
      TcrInstance.fromInstanceAttributes(stack, 'a', { instanceId: 'tcr-1', name: 'acme-registry' }).addNamespace('apps', { name: 'apps' });
      expect(validationErrors(stack)).toEqual([]);
    }
  });

  test('imported namespace with an invalid name', () => {
    const { stack, instance } = stackWithInstance();
    const account = instance.addServiceAccount('sa', { name: 'robot' });
    TcrNamespace.fromNamespaceName(stack, 'legacy', instance, 'Legacy').grantPull(account);
    expectOne(validationErrors(stack), { path: 'stack/legacy', expected: ['TcrNamespace (imported) property "name"', '"Legacy"', NAMESPACE_RULE] });
  });
});

const ACCOUNT_RULE = 'must be 1-64 characters of lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, without the "tcr$"/"tcr@" prefix';
const VALIDITY_RULE = 'must be a whole number of days from 1 to 3650 (use Validity.permanent() for no expiry)';
const UNTIL_RULE = 'must be a whole number of milliseconds since the epoch, in the future and at most 3650 days from now';
describe('service account validation', () => {
  test.each<[string, string]>([
    ['typed tcr$ prefix', 'tcr$robot'],
    ['typed tcr@ prefix', 'tcr@robot'],
    ['empty', ''],
    ['leading dash', '-robot'],
    ['leading dot', '.robot'],
    ['uppercase', 'Robot'],
    ['space', 'ci robot'],
    ['65 characters', 'r'.repeat(65)],
    ['dollar inside', 'ci$bot'],
  ])('name %s (%p)', (_label, name) => {
    expectOne(accountErrors({ name }), {
      path: 'stack/registry/sa', expected: ['TcrServiceAccount property "name"', JSON.stringify(name), ACCOUNT_RULE],
    });
  });

  test.each<[string, Validity, string[]]>([
    ['0 days', Validity.days(0), ['"Validity.days(0)"', VALIDITY_RULE]],
    ['negative days', Validity.days(-5), ['"Validity.days(-5)"', VALIDITY_RULE]],
    ['fractional days', Validity.days(1.5), ['"Validity.days(1.5)"', VALIDITY_RULE]],
    ['3651 days', Validity.days(3651), ['"Validity.days(3651)"', VALIDITY_RULE]],
    ['until yesterday', Validity.until(new Date(NOW - DAY)), [new Date(NOW - DAY).toISOString(), UNTIL_RULE]],
    ['until in 11 years', Validity.until(new Date(NOW + 4000 * DAY)), [new Date(NOW + 4000 * DAY).toISOString(), UNTIL_RULE]],
    ['until an invalid date', Validity.until(new Date('not a date')), ['"Validity.until(NaN)"', UNTIL_RULE]],
    ['until non-integer ms', Validity.untilEpochMillis(NOW + DAY + 0.5), [`Validity.until(${NOW + DAY + 0.5}`, UNTIL_RULE]],
    ['until given in seconds', Validity.untilEpochMillis(Math.floor((NOW + DAY) / 1000)), ['1970-', UNTIL_RULE]],
  ])('validity %s', (_label, validity, expected) => {
    expectOne(accountErrors({ validity }), {
      path: 'stack/registry/sa', expected: ['TcrServiceAccount property "validity"', ...expected],
    });
  });

  test('tag problems on an account', () => {
    expectOne(accountErrors({ tags: { project: 'x' } }), { path: 'stack/registry/sa', expected: ['property "tags"', '"project"', 'reserved prefixes'] });
  });

  test('a service account without grants', () => {
    const { stack, instance } = stackWithInstance();
    instance.addServiceAccount('idle', { name: 'idle' });
    expectOne(validationErrors(stack), {
      path: 'stack/registry/idle',
      expected: ['TcrServiceAccount property "grants" has value []', 'must contain at least one namespace grant', 'grantPull(account)'],
    });
  });

  test('a grant on a namespace of another instance', () => {
    const { stack, instance } = stackWithInstance();
    const other = new TcrInstance(stack, 'other', { name: 'acme-other' });
    const foreign = other.addNamespace('apps', { name: 'apps' });
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    foreign.grantPull(account);
    expectOne(validationErrors(stack), {
      path: 'stack/registry/ci',
      expected: ['property "grants" has value "stack/other/apps"', 'is a namespace of instance stack/other',
        'must belong to the same TCR instance as the service account (stack/registry)'],
    });
  });

  test('a grant on an imported namespace of another imported instance', () => {
    const { stack, instance } = stackWithInstance();
    const old = TcrInstance.fromInstanceAttributes(stack, 'old', { instanceId: 'tcr-old', name: 'old-registry' });
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    TcrNamespace.fromNamespaceName(stack, 'legacy', old, 'legacy').grantPush(account);
    expectOne(validationErrors(stack), {
      path: 'stack/registry/ci',
      expected: ['TcrServiceAccount property "grants" has value "stack/legacy"', 'is a namespace of instance stack/old', 'must belong to the same TCR instance'],
    });
  });

  test('a grant on a same-named namespace of another instance is not merged away', () => {
    const { stack, instance } = stackWithInstance();
    const other = new TcrInstance(stack, 'other', { name: 'acme-other' });
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    instance.addNamespace('apps', { name: 'apps' }).grantPull(account);
    other.addNamespace('apps', { name: 'apps' }).grantPush(account);
    expectOne(validationErrors(stack), {
      path: 'stack/registry/ci',
      expected: ['property "grants" has value "stack/other/apps"', 'is a namespace of instance stack/other',
        'must belong to the same TCR instance as the service account (stack/registry)'],
    });
  });

  test('a grant without actions', () => {
    const { stack, instance } = stackWithInstance();
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    instance.addNamespace('apps', { name: 'apps' }).grant(account);
    expectOne(validationErrors(stack), {
      path: 'stack/registry/ci',
      expected: ['property "grants[stack/registry/apps].actions" has value []', 'must contain at least one action'],
    });
  });

  test('two imports of the same instance id count as one instance', () => {
    const { stack } = stackWithProvider();
    const a = TcrInstance.fromInstanceAttributes(stack, 'a', { instanceId: 'tcr-1', name: 'acme-registry' });
    const b = TcrInstance.fromInstanceAttributes(stack, 'b', { instanceId: 'tcr-1', name: 'acme-registry' });
    const account = a.addServiceAccount('ci', { name: 'ci' });
    TcrNamespace.fromNamespaceName(stack, 'ns', b, 'apps').grantPull(account);
    expect(validationErrors(stack)).toEqual([]);
  });

  test('an action that service accounts do not support', () => {
    const { stack, instance } = stackWithInstance();
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    instance.addNamespace('apps', { name: 'apps' }).grant(account, 'tcr:DeleteRepository');
    expectOne(validationErrors(stack), {
      path: 'stack/registry/ci',
      expected: ['property "grants[stack/registry/apps].actions" has value "tcr:DeleteRepository"', 'must be one of tcr:CreateHelmChart'],
    });
  });

  test('duplicate service-account names in one instance', () => {
    const { stack, instance } = stackWithInstance();
    const ns = instance.addNamespace('apps', { name: 'apps' });
    ns.grantPull(instance.addServiceAccount('a', { name: 'ci' }));
    ns.grantPull(instance.addServiceAccount('b', { name: 'ci' }));
    expectOne(validationErrors(stack), {
      path: 'stack/registry/b',
      expected: ['TcrServiceAccount property "name"', '"ci"', 'must be unique within one TCR instance', 'service account stack/registry/a already uses it'],
    });
  });
});

describe('validation behaviour', () => {
  test('all problems are reported at once, each on its construct', () => {
    const { stack, instance } = stackWithInstance();
    instance.addNamespace('bad', { name: 'Bad' });
    instance.addServiceAccount('idle', { name: 'tcr$idle', validity: Validity.days(0) });
    const errors = validationErrors(stack);
    expect(errors).toHaveLength(4);
    expect(errors.filter((e) => e.startsWith('[stack/registry/idle]'))).toHaveLength(3);
    expect(() => Testing.synth(stack, true)).toThrow(/Validation failed/);
  });

  test('unresolved tokens are never checked as literals', () => {
    const { stack, instance } = stackWithInstance();
    const v = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const days = new TerraformVariable(stack, 'days', { type: 'number' }).numberValue;
    const ns = instance.addNamespace('ns', { name: v('ns_name'), cveAllowList: [v('cve')], tags: { [v('tag_key')]: v('tag_value') } });
    const account = instance.addServiceAccount('sa', { name: v('sa_name'), validity: Validity.days(days) });
    const sa2 = instance.addServiceAccount('sa2', { name: v('sa2_name'), validity: Validity.untilEpochMillis(days) });
    ns.grantPull(account);
    ns.grantPull(sa2);
    TcrInstance.fromInstanceAttributes(stack, 'imp', { instanceId: v('id'), name: v('imp_name') });
    expect(validationErrors(stack)).toEqual([]);
  });

  // cdktf itself refuses a stack whose resources have no provider construct, so users cannot forget to add the
  // TencentcloudProvider that pins required_providers; this test guards that behaviour across cdktf upgrades.
  test('a stack without the tencentcloud provider fails validation', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const stack = new TerraformStack(app, 'bare');
    const instance = new TcrInstance(stack, 'registry', { name: 'acme-registry' });
    const ns = instance.addNamespace('apps', { name: 'apps' });
    for (let i = 0; i < 3; i++) ns.grantPull(instance.addServiceAccount(`sa${i}`, { name: `sa${i}` }));
    expectOne(validationErrors(stack), {
      path: 'bare', expected: ['Found resources without a matching provider construct', 'tencentcloud'],
    });
  });
});
