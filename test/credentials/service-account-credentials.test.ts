import 'cdktf/lib/testing/adapters/jest';
import { programArgs, terraformData } from './synthesized';
import { SecretStore, ServiceAccountCredentials, TcrInstance, Validity } from '../../src';
import { camClient } from '../emulator/helpers';
import { stackWithProvider, validationErrors } from '../helpers/stacks';
import { ShimWorld, shimWorld } from '../shim/harness';

function stackWithAccount(instanceId = 'tcr-abcd1234', name = 'acme-registry') {
  const { stack } = stackWithProvider();
  const instance = TcrInstance.fromInstanceAttributes(stack, 'registry', { instanceId, name, region: 'ap-guangzhou' });
  const apps = instance.addNamespace('apps', { name: 'apps' });
  const account = instance.addServiceAccount('ci', { name: 'ci-pipeline', validity: Validity.permanent() });
  apps.grantPull(account);
  return { stack, instance, account };
}

test('publishes after the account exists and again whenever the account is replaced or updated', () => {
  const { stack, account } = stackWithAccount();
  const creds = new ServiceAccountCredentials(stack, 'ci-login', { serviceAccount: account, store: SecretStore.ssm({ secretName: 'ci-login' }) });
  expect(creds.secretName).toBe('ci-login');
  expect(creds.resource.node.id).toBe('Resource');
  const [resource] = Object.values(terraformData(stack));
  expect(resource.depends_on).toEqual([expect.stringMatching(/^tencentcloud_tcr_service_account\.\w+$/)]);
  expect(resource.lifecycle.replace_triggered_by).toEqual(resource.depends_on);
  expect(programArgs(resource, 'create')).toEqual([
    'service-account', 'publish', '--instance-id=tcr-abcd1234', '--registry-domain=acme-registry.tencentcloudcr.com', '--name=ci-pipeline',
    '--store=ssm:ci-login', '--kms-key-id=', '--region=ap-guangzhou', '--owner=stack/ci-login',
  ]);
  expect(programArgs(resource, 'destroy')).toEqual(['service-account', 'unpublish', '--store=ssm:ci-login', '--recovery-window-days=0', '--region=ap-guangzhou', '--owner=stack/ci-login']);
});

test('bad input is reported with the construct path, property, value and rule', () => {
  const { stack, account } = stackWithAccount();
  new ServiceAccountCredentials(stack, 'login', { serviceAccount: account, store: SecretStore.file('relative.json'), owner: '' });
  expect(validationErrors(stack)).toEqual([
    '[stack/login] ServiceAccountCredentials property "store.path" has value "relative.json", which must be an absolute path without NUL characters, not ending in "/"',
    '[stack/login] ServiceAccountCredentials property "owner" has value "", which must be 1-255 characters of letters, digits, spaces and "+-=._:/@"',
  ]);
});

describe('against the emulator', () => {
  let w: ShimWorld;
  beforeEach(async () => {
    w = await shimWorld();
    await w.tcr.CreateNamespace({ RegistryId: w.instanceId, NamespaceName: 'apps', IsPublic: false });
    await w.tcr.CreateServiceAccount({ RegistryId: w.instanceId, Name: 'ci-pipeline', Permissions: [{ Resource: 'apps', Actions: ['tcr:PullRepository'] }] });
  });
  afterEach(() => w.close());

  test('a sub-account with exactly requiredPermissions publishes and unpublishes; without a TCR action it is denied by name', async () => {
    const { stack, account } = stackWithAccount(w.instanceId, w.registry.split('.')[0]);
    const creds = new ServiceAccountCredentials(stack, 'ci-login', { serviceAccount: account, store: SecretStore.ssm({ secretName: 'ci-login' }) });
    const [resource] = Object.values(terraformData(stack));
    expect(creds.requiredPermissions[0]).toEqual({ effect: 'allow', actions: ['tcr:DescribeServiceAccounts', 'tcr:ModifyServiceAccountPassword'], resources: ['*'] });
    const cam = camClient(w.emu, w.emu.root);
    const deployer = async (omit?: string) => {
      const user = w.emu.admin.seedAccount({ name: `publisher-${omit?.replace(':', '-') ?? 'all'}` });
      const statement = creds.requiredPermissions
        .map((s) => ({ effect: s.effect, action: s.actions.filter((a) => a !== omit), resource: s.resources }));
      const { PolicyId } = await cam.CreatePolicy({ PolicyName: `publish-${user.uin}`, PolicyDocument: JSON.stringify({ version: '2.0', statement }) });
      await cam.AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(user.uin) });
      return { TENCENTCLOUD_SECRET_ID: user.secretId, TENCENTCLOUD_SECRET_KEY: user.secretKey };
    };
    const env = await deployer();
    expect((await w.run(programArgs(resource, 'create'), env)).code).toBe(0);
    expect(w.login(w.document('ci-login'))).toMatchObject({ ok: true, kind: 'service-account' });
    expect((await w.run(programArgs(resource, 'create'), env)).json.minted).toBe(false);
    expect((await w.run(programArgs(resource, 'destroy'), env)).code).toBe(0);
    expect(w.secret('ci-login')).toBeUndefined();
    for (const action of creds.requiredPermissions[0].actions) {
      const denied = await w.run(programArgs(resource, 'create'), await deployer(action));
      expect(denied.code).toBe(1);
      expect(denied.stderr).toMatch(new RegExp(`UnauthorizedOperation[^\\n]*${action}`));
    }
  });
});
