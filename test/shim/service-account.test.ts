import { expectNoSecret, ShimWorld, shimWorld } from './harness';

let w: ShimWorld;
let providerPassword: string;
beforeEach(async () => {
  w = await shimWorld();
  await w.tcr.CreateNamespace({ RegistryId: w.instanceId, NamespaceName: 'apps', IsPublic: false });
  const created = await w.tcr.CreateServiceAccount({
    RegistryId: w.instanceId, Name: 'ci-pipeline', Permissions: [{ Resource: 'apps', Actions: ['tcr:PullRepository'] }], Duration: 30,
  });
  providerPassword = created.Password!;
});
afterEach(() => w.close());

const publish = (extra: string[] = []) => w.run([
  'service-account', 'publish', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--name', 'ci-pipeline',
  '--store', 'ssm:ci-pipeline-login', '--owner', 'company/registry/ci/credentials', ...extra,
]);

test('publish resets the password so the one from creation (in Terraform state) is dead, and stores the new one', async () => {
  const r = await publish();
  expect(r.code).toBe(0);
  expect(r.json).toMatchObject({
    kind: 'service-account', minted: true, version: 'v1', username: 'tcr$ci-pipeline', ciUsername: 'tcr@ci-pipeline', serviceAccount: 'ci-pipeline',
  });
  expect(r.json.expiresAt).toMatch(/^\d{4}-/);
  const doc = w.document('ci-pipeline-login');
  expect(doc.auths[w.registry].username).toBe('tcr$ci-pipeline');
  expect(w.login(doc)).toMatchObject({ ok: true, kind: 'service-account' });
  const ciForm = { ...doc, auths: { [w.registry]: { ...doc.auths[w.registry], username: 'tcr@ci-pipeline' } } };
  expect(w.login(ciForm).ok).toBe(true);
  expect(w.login({ ...doc, auths: { [w.registry]: { ...doc.auths[w.registry], password: providerPassword } } }).ok).toBe(false);
  expectNoSecret([r.stdout, r.stderr], doc);
  expect(r.stdout).not.toContain(providerPassword);
});

test('a repeated publish for the same account resets nothing; a re-created account gets a new password', async () => {
  await publish();
  const before = w.log.length;
  const again = await publish();
  expect(again.json).toMatchObject({ minted: false, version: 'v1' });
  expect(w.actions().slice(before)).toEqual(['ListSecretVersionIds', 'GetSecretValue', 'DescribeServiceAccounts']);
  expect(w.login(w.document('ci-pipeline-login')).ok).toBe(true);

  await w.tcr.DeleteServiceAccount({ RegistryId: w.instanceId, Name: 'tcr$ci-pipeline' });
  w.emu.admin.advanceClock(1000);
  await w.tcr.CreateServiceAccount({ RegistryId: w.instanceId, Name: 'ci-pipeline', Permissions: [{ Resource: 'apps', Actions: ['tcr:PullRepository'] }] });
  const recreated = await publish();
  expect(recreated.json).toMatchObject({ minted: true, version: 'v2' });
  expect(w.login(w.document('ci-pipeline-login')).ok).toBe(true);
});

test('publishing an account that does not exist fails naming it, and writes nothing', async () => {
  const r = await w.run(['service-account', 'publish', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--name', 'tcr$nobody', '--store', 'ssm:x-login']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`service account tcr$nobody does not exist in instance ${w.instanceId}`);
  expect(w.secret('x-login')).toBeUndefined();
});

test('unpublish deletes the secret and leaves the account to Terraform', async () => {
  await publish();
  const r = await w.run(['service-account', 'unpublish', '--store', 'ssm:ci-pipeline-login', '--owner', 'company/registry/ci/credentials']);
  expect(r.code).toBe(0);
  expect(r.json).toMatchObject({ secretDeleted: true, deletedTokens: [] });
  expect(w.secret('ci-pipeline-login')).toBeUndefined();
  expect((await w.tcr.DescribeServiceAccounts({ RegistryId: w.instanceId })).ServiceAccounts).toHaveLength(1);
});
