import 'cdktf/lib/testing/adapters/jest';
import * as fs from 'fs';
import * as path from 'path';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { TcrAction, TcrNamespace, TcrNamespaceBase, TcrServiceAccount, Validity } from '../../src';
import { tcrServiceAccount } from '../../src/providers/tencentcloud';
import { expectSchemaValid } from '../helpers/schema-validator';
import { stackWithInstance, synthValidated } from '../helpers/stacks';

function accounts(doc: any): any[] {
  return Object.values(doc.resource.tencentcloud_tcr_service_account);
}

describe('TcrServiceAccount', () => {
  test('defaults: 30 days, enabled, user names with tcr$ and tcr@ prefixes', () => {
    const { stack, instance } = stackWithInstance();
    const ns = instance.addNamespace('apps', { name: 'apps' });
    const account = instance.addServiceAccount('ci', { name: 'ci-bot' });
    ns.grantPull(account);
    const synthed = Testing.synth(stack, true);
    expect(synthed).toHaveResourceWithProperties(tcrServiceAccount.TcrServiceAccount, {
      name: 'ci-bot', duration: 30, disable: false, registry_id: '${tencentcloud_tcr_instance.registry_EFEA226F.id}',
    });
    expectSchemaValid(synthed);
    expect(account.username).toBe('tcr$ci-bot');
    expect(account.ciUsername).toBe('tcr@ci-bot');
    expect(account.name).toBe('ci-bot');
    expect(account.instance).toBe(instance);
    expect(account.validity.durationDays).toBe(30);
    expect(account.resource.node.id).toBe('Resource');
    expect(accounts(JSON.parse(synthed))[0].expires_at).toBeUndefined();
  });

  test('grants become one block per namespace, actions de-duplicated and sorted, blocks sorted by namespace', () => {
    const { stack, instance } = stackWithInstance();
    const web = instance.addNamespace('web', { name: 'web' });
    const apps = instance.addNamespace('apps', { name: 'apps' });
    const charts = instance.addNamespace('charts', { name: 'charts' });
    const account = instance.addServiceAccount('ci', { name: 'ci', description: 'CI pipeline' });
    web.grantPull(account);
    charts.grant(account, TcrAction.DESCRIBE_HELM_CHARTS, TcrAction.CREATE_HELM_CHART);
    apps.grantPush(account);
    web.grantPush(account);
    apps.grantPull(account);
    charts.grant(account, TcrAction.CREATE_HELM_CHART);
    const doc = synthValidated(stack);
    expectSchemaValid(doc);
    expect(accounts(doc)[0].permissions).toEqual([
      { resource: '${tencentcloud_tcr_namespace.registry_apps_8FFF62D3.name}', actions: ['tcr:PullRepository', 'tcr:PushRepository'] },
      { resource: '${tencentcloud_tcr_namespace.registry_charts_5129A625.name}', actions: ['tcr:CreateHelmChart', 'tcr:DescribeHelmCharts'] },
      { resource: '${tencentcloud_tcr_namespace.registry_web_EF8BBFCE.name}', actions: ['tcr:PullRepository', 'tcr:PushRepository'] },
    ]);
    expect(accounts(doc)[0].description).toBe('CI pipeline');
  });

  test('output does not depend on the order of grant calls', () => {
    const build = (reverse: boolean) => {
      const { stack, instance } = stackWithInstance();
      const nss = ['alpha', 'bravo', 'charlie'].map((n) => instance.addNamespace(n, { name: n }));
      const account = instance.addServiceAccount('ci', { name: 'ci' });
      const calls = [
        () => nss[2].grantPull(account), () => nss[0].grantPush(account), () => nss[1].grantPull(account), () => nss[0].grantPull(account),
      ];
      (reverse ? calls.reverse() : calls).forEach((call) => call());
      return Testing.synth(stack, true);
    };
    expect(build(true)).toEqual(build(false));
  });

  test('two handles on one namespace merge into one block', () => {
    const { stack, instance } = stackWithInstance();
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    TcrNamespace.fromNamespaceName(stack, 'a', instance, 'shared').grantPull(account);
    TcrNamespace.fromNamespaceName(stack, 'b', instance, 'shared').grantPush(account);
    expect(accounts(synthValidated(stack))[0].permissions).toEqual([
      { resource: 'shared', actions: ['tcr:PullRepository', 'tcr:PushRepository'] },
    ]);
  });

  test.each([
    ['permanent', Validity.permanent(), { duration: 0 }],
    ['days', Validity.days(90), { duration: 90 }],
    ['console default', Validity.consoleDefault(), { duration: 30 }],
    ['until a date', Validity.until(new Date('2030-01-01T00:00:00Z')), { expires_at: 1893456000000 }],
    ['until epoch millis', Validity.untilEpochMillis(1893456000000), { expires_at: 1893456000000 }],
  ])('validity %s', (_label, validity, expected) => {
    const { stack, instance } = stackWithInstance();
    const ns = instance.addNamespace('apps', { name: 'apps' });
    const account = new TcrServiceAccount(stack, 'acct', { instance, name: 'robot', validity, disabled: true, tags: { a: 'b' } });
    ns.grantPull(account);
    const body = accounts(synthValidated(stack))[0];
    expect({ duration: body.duration, expires_at: body.expires_at }).toEqual({ duration: undefined, expires_at: undefined, ...expected });
    expect(body.disable).toBe(true);
    expect(body.tags).toEqual({ a: 'b' });
    expect(account.validity.isPermanent).toBe(_label === 'permanent');
  });

  test('password is a reference to the sensitive provider attribute, never a literal', () => {
    const { stack, instance } = stackWithInstance();
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    instance.addNamespace('apps', { name: 'apps' }).grantPull(account);
    new TerraformOutput(stack, 'ci_password', { value: account.password, sensitive: true });
    const doc = synthValidated(stack);
    expect(doc.output.ci_password).toEqual({
      value: '${tencentcloud_tcr_service_account.registry_ci_DE943019.password}', sensitive: true,
    });
    expect(accounts(doc)[0].password).toBeUndefined();
  });

  test('an owned namespace and an import of it merge into one block that references the owned one, in any order', () => {
    for (const importFirst of [true, false]) {
      const { stack, instance } = stackWithInstance();
      const account = instance.addServiceAccount('ci', { name: 'ci' });
      const grantImported = () => TcrNamespace.fromNamespaceName(stack, 'imported', instance, 'apps').grantPull(account);
      const grantOwned = () => instance.addNamespace('apps', { name: 'apps' }).grantPush(account);
      if (importFirst) {
        grantImported();
        grantOwned();
      } else {
        grantOwned();
        grantImported();
      }
      expect(accounts(synthValidated(stack))[0].permissions).toEqual([
        { resource: '${tencentcloud_tcr_namespace.registry_apps_8FFF62D3.name}', actions: ['tcr:PullRepository', 'tcr:PushRepository'] },
      ]);
    }
  });

  test('namespaces from a subclass without the internal declared name still get one block each', () => {
    const { stack, instance } = stackWithInstance();
    // What a TcrNamespaceBase subclass written in Python or Java looks like at runtime: no `_declaredName`.
    class ForeignNamespace extends TcrNamespaceBase {
      public readonly _declaredName = undefined as unknown as string;
      constructor(id: string, public readonly name: string) {
        super(stack, id);
      }
      public get instance() {
        return instance;
      }
    }
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    new ForeignNamespace('b', 'team-b').grantPush(account);
    new ForeignNamespace('a', 'team-a').grantPull(account);
    expect(accounts(synthValidated(stack))[0].permissions).toEqual([
      { resource: 'team-a', actions: ['tcr:PullRepository'] },
      { resource: 'team-b', actions: ['tcr:PullRepository', 'tcr:PushRepository'] },
    ]);
  });

  test('more than 20 accounts in one instance: one warning about the provider read limit, no error', () => {
    const { stack, instance } = stackWithInstance();
    const ns = instance.addNamespace('apps', { name: 'apps' });
    for (let i = 0; i < 20; i++) ns.grantPull(instance.addServiceAccount(`sa${i}`, { name: `sa${i}` }));
    expect(warnings(stack)).toEqual([]);
    for (let i = 20; i < 22; i++) ns.grantPull(instance.addServiceAccount(`sa${i}`, { name: `sa${i}` }));
    const found = warnings(stack);
    expect(found).toHaveLength(1);
    expect(found[0].constructPath).toBe('stack/registry/sa20');
    expect(found[0].message).toContain('instance stack/registry has more than 20 service accounts');
    expect(found[0].message).toContain('DescribeServiceAccounts');
    synthValidated(stack);
  });
});

/** Warning annotations as written to the synthesized manifest (what `cdktf synth` prints). */
function warnings(stack: TerraformStack): Array<{ constructPath: string; message: string }> {
  const outdir = Testing.fullSynth(stack);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return Object.values<any>(manifest.stacks).flatMap((s) => s.annotations)
    .filter((a: any) => a.level === '@cdktf/warn')
    .map((a: any) => ({ constructPath: a.constructPath, message: a.message }));
}
