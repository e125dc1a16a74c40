import { ShimWorld, shimWorld } from './harness';

let w: ShimWorld;
beforeEach(async () => {
  w = await shimWorld();
});
afterEach(() => w.close());

const create = (store: string, extra: string[] = []) => w.run([
  'token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', store, ...extra,
]);

test('rotating a long-term token keeps the previous one valid for the grace period, then retires it', async () => {
  const first = await create('ssm:ci-token');
  const oldDoc = w.document('ci-token');
  const r = await w.run(['rotate', '--secret', 'ssm:ci-token', '--grace', '3600']);
  expect(r.code).toBe(0);
  expect(r.json).toMatchObject({ total: 1, rotated: 1, failed: 0, results: [{ store: 'ssm:ci-token', action: 'rotated', version: 'v2', retired: [] }] });
  const newDoc = w.document('ci-token');
  expect(newDoc.tcrCredentials.tokenId).not.toBe(first.json.tokenId);
  expect(newDoc.tcrCredentials.retiring).toEqual([{ tokenId: first.json.tokenId, retireAt: expect.any(Number) }]);
  expect(w.login(oldDoc).ok).toBe(true);
  expect(w.login(newDoc).ok).toBe(true);
  // A repeated create neither treats the retiring token as an orphan nor mints.
  expect((await create('ssm:ci-token')).json.minted).toBe(false);
  expect(w.tokens()).toHaveLength(2);

  const later = await w.run(['rotate', '--secret', 'ssm:ci-token', '--grace', '0']);
  expect(later.json.results[0].retired).toContain(newDoc.tcrCredentials.tokenId);
  expect(w.tokens()).toHaveLength(2);
  expect(w.login(newDoc).ok).toBe(false);
  expect(w.login(w.document('ci-token')).ok).toBe(true);
});

test('rotation prunes versions to --keep-versions, under the SSM limit of 10', async () => {
  await create('ssm:ci-token');
  for (let i = 0; i < 12; i++) expect((await w.run(['rotate', '--secret', 'ssm:ci-token', '--grace', '0', '--keep-versions', '3'])).code).toBe(0);
  expect(w.secret('ci-token')!.versions.map((v) => v.versionId)).toEqual(['v11', 'v12', 'v13']);
  expect(w.tokens()).toHaveLength(1);
  expect(w.login(w.document('ci-token')).ok).toBe(true);
});

test('temporary tokens are re-minted only within the renewal window', async () => {
  // The emulator clock runs 50 minutes behind: the token it mints expires 10 minutes from now.
  w.emu.admin.setClock(Date.now() - 50 * 60_000, false);
  await create('ssm:temp-token', ['--type', 'temp']);
  const skipped = await w.run(['rotate', '--secret', 'ssm:temp-token', '--temp-window', '5']);
  expect(skipped.json).toMatchObject({ rotated: 0, skipped: 1 });
  const r = await w.run(['rotate', '--secret', 'ssm:temp-token']);
  expect(r.json).toMatchObject({ rotated: 1, results: [{ action: 'reminted', version: 'v2' }] });
  expect(w.login(w.document('temp-token')).ok).toBe(true);
});

test('rotating a published service account resets its password; the old one stops working', async () => {
  await w.tcr.CreateNamespace({ RegistryId: w.instanceId, NamespaceName: 'apps', IsPublic: false });
  await w.tcr.CreateServiceAccount({ RegistryId: w.instanceId, Name: 'robot', Permissions: [{ Resource: 'apps', Actions: ['tcr:PullRepository'] }] });
  await w.run(['service-account', 'publish', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--name', 'robot', '--store', 'ssm:robot-login']);
  const before = w.document('robot-login');
  const r = await w.run(['rotate', '--store-prefix', 'robot']);
  expect(r.json).toMatchObject({ rotated: 1, results: [{ action: 'reset', version: 'v2' }] });
  expect(w.login(before).ok).toBe(false);
  expect(w.login(w.document('robot-login')).ok).toBe(true);
});

test('failures are counted in the exit code and do not stop the other secrets', async () => {
  await create('ssm:good-token');
  await w.ssm.CreateSecret({ SecretName: 'foreign', SecretString: 'x' });
  const r = await w.run(['rotate', '--secret', 'ssm:good-token', '--secret', 'ssm:foreign', '--secret', 'ssm:missing', '--grace', '0']);
  expect(r.code).toBe(102);
  expect(r.json).toMatchObject({ total: 3, rotated: 1, failed: 2 });
  expect(r.json.failures).toEqual([
    { store: 'ssm:foreign', error: 'ssm:foreign was not written by tcr-credentials; nothing to rotate' },
    { store: 'ssm:missing', error: 'ssm:missing does not exist' },
  ]);
});

test('a batch lists the instance\'s tokens once, and each secret still retires its own tokens and sweeps its own orphans', async () => {
  for (const name of ['batch-a', 'batch-b', 'batch-c']) expect((await create(`ssm:${name}`, ['--owner', `team/${name}`])).code).toBe(0);
  const firstIds = ['batch-a', 'batch-b', 'batch-c'].map((name) => w.document(name).tcrCredentials.tokenId);
  // An orphan of batch-b: a marked token of its owner that no document points at (an interrupted earlier run).
  await w.tcr.CreateInstanceToken({ RegistryId: w.instanceId, TokenType: 'longterm', Desc: w.tokens().find((t) => t.id === firstIds[1])!.description });
  expect(w.tokens()).toHaveLength(4);
  const listingsBefore = w.actions().filter((a) => a === 'DescribeInstanceToken').length;

  const r = await w.run(['rotate', '--store-prefix', 'batch-', '--grace', '0', '--concurrency', '3']);
  expect(r.json).toMatchObject({ total: 3, rotated: 3, failed: 0 });
  expect(w.actions().filter((a) => a === 'DescribeInstanceToken').length - listingsBefore).toBe(1);
  // Every first token retired, the orphan swept, one fresh token per secret, each one logging in.
  const live = w.tokens().map((t) => t.id);
  expect(live).toHaveLength(3);
  for (const id of firstIds) expect(live).not.toContain(id);
  for (const name of ['batch-a', 'batch-b', 'batch-c']) expect(w.login(w.document(name)).ok).toBe(true);
});
