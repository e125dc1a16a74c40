import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectNoSecret, ShimWorld, shimWorld } from './harness';

let w: ShimWorld;
beforeEach(async () => {
  w = await shimWorld();
});
afterEach(() => w.close());

const create = (extra: string[] = []) => w.run([
  'token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', 'ssm:ci-token',
  '--owner', 'company/registry/ci-token', '--description', 'CI pipeline', ...extra,
]);

test('token create mints a long-term token, stores a ready .dockerconfigjson and prints only metadata', async () => {
  const r = await create();
  expect(r.code).toBe(0);
  expect(r.json).toMatchObject({
    kind: 'instance-token',
    store: 'ssm:ci-token',
    version: 'v1',
    minted: true,
    tokenType: 'longterm',
    instanceId: w.instanceId,
    registry: w.registry,
    username: w.emu.root.uin,
    expiresAt: null,
    owner: 'company/registry/ci-token',
  });
  const doc = w.document('ci-token');
  const auth = doc.auths[w.registry];
  expect(auth.username).toBe(w.emu.root.uin);
  expect(Buffer.from(auth.auth, 'base64').toString()).toBe(`${auth.username}:${auth.password}`);
  expect(doc.tcrCredentials).toMatchObject({ tokenId: r.json.tokenId, tokenType: 'longterm', owner: 'company/registry/ci-token', expiresAt: 0 });
  expect(w.login(doc)).toMatchObject({ ok: true, kind: 'token' });
  // The owner marker sits in the token description and in the secret's tags.
  const [token] = w.tokens();
  expect(token.id).toBe(r.json.tokenId);
  expect(token.description).toBe(`CI pipeline [${r.json.ownerMarker}]`);
  expect(w.secret('ci-token')!.tags).toEqual([
    { TagKey: 'tcr-credentials-owner', TagValue: r.json.ownerMarker },
    { TagKey: 'tcr-credentials-path', TagValue: 'company/registry/ci-token' },
  ]);
  expectNoSecret([r.stdout, r.stderr], doc);
});

test('a repeated create for the same owner mints nothing and writes nothing', async () => {
  const first = await create();
  const before = w.log.length;
  const second = await create();
  expect(second.code).toBe(0);
  expect(second.json).toMatchObject({ minted: false, tokenId: first.json.tokenId, version: 'v1' });
  expect(w.actions().slice(before)).toEqual(['ListSecretVersionIds', 'GetSecretValue', 'DescribeInstanceToken']);
  expect(w.tokens()).toHaveLength(1);
});

test('a create whose stored token was deleted outside mints a new one into a new version and stays single', async () => {
  const first = await create();
  await w.tcr.DeleteInstanceToken({ RegistryId: w.instanceId, TokenId: first.json.tokenId });
  const second = await create();
  expect(second.json).toMatchObject({ minted: true, version: 'v2' });
  expect(w.tokens().map((t) => t.id)).toEqual([second.json.tokenId]);
  expect(w.login(w.document('ci-token')).ok).toBe(true);
});

test('a temporary token lasts one hour on the emulator clock; a repeat within the hour reuses it', async () => {
  const r = await create(['--type', 'temp']);
  expect(r.code).toBe(0);
  expect(r.json.tokenType).toBe('temp');
  expect(r.json.tokenId).toBeUndefined();
  const doc = w.document('ci-token');
  expect(doc.tcrCredentials.expiresAt).toBeGreaterThan(Date.now() + 59 * 60_000);
  expect(w.login(doc).ok).toBe(true);
  expect((await create(['--type', 'temp'])).json.minted).toBe(false);
  w.emu.admin.advanceClock(61 * 60_000);
  expect(w.login(doc)).toMatchObject({ ok: false, reason: 'token has expired' });
});

test('token delete removes the token and the secret; a second delete succeeds as already gone', async () => {
  const created = await create();
  const r = await w.run(['token', 'delete', '--store', 'ssm:ci-token', '--owner', 'company/registry/ci-token']);
  expect(r.code).toBe(0);
  expect(r.json).toMatchObject({ secretDeleted: true, alreadyGone: false, deletedTokens: [created.json.tokenId] });
  expect(w.tokens()).toEqual([]);
  expect(w.secret('ci-token')).toBeUndefined();
  const again = await w.run(['token', 'delete', '--store', 'ssm:ci-token', '--owner', 'company/registry/ci-token', '--instance-id', w.instanceId]);
  expect(again.code).toBe(0);
  expect(again.json).toMatchObject({ secretDeleted: false, alreadyGone: true, deletedTokens: [] });
});

test('a recovery window keeps the secret PendingDelete; the next create of the same owner restores it', async () => {
  await create();
  expect((await w.run(['token', 'delete', '--store', 'ssm:ci-token', '--recovery-window-days', '7'])).code).toBe(0);
  expect(w.secret('ci-token')!.status).toBe('PendingDelete');
  const again = await create();
  expect(again.code).toBe(0);
  expect(again.json).toMatchObject({ minted: true, version: 'v2' });
  expect(w.secret('ci-token')!.status).toBe('Enabled');
  expect(w.login(w.document('ci-token')).ok).toBe(true);
  // Another owner cannot take it over.
  const foreign = await w.run(['token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', 'ssm:ci-token', '--owner', 'someone/else']);
  expect(foreign.code).toBe(3);
  expect(foreign.stderr).toContain('belongs to owner "company/registry/ci-token", not "someone/else"');
  expect(w.tokens()).toHaveLength(1);
});

test('a secret not written by tcr-credentials is never overwritten and no token is minted for it', async () => {
  await w.ssm.CreateSecret({ SecretName: 'ci-token', SecretString: 'hand-made' });
  const r = await create();
  expect(r.code).toBe(3);
  expect(r.stderr).toContain('ssm:ci-token exists but was not written by tcr-credentials');
  expect(w.actions()).not.toContain('CreateInstanceToken');
  expect((await w.run(['token', 'delete', '--store', 'ssm:ci-token'])).code).toBe(3);
  expect(w.secret('ci-token')).toBeDefined();
});

test('the file store writes mode 0600 atomically and delete removes the file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrc-'));
  const file = path.join(dir, 'docker-config.json');
  const r = await w.run(['token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', `file:${file}`]);
  expect(r.code).toBe(0);
  expect(r.json).toMatchObject({ store: `file:${file}`, owner: `cli:file:${file}`, minted: true });
  expect((fs.statSync(file).mode % 0o1000).toString(8)).toBe('600');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(w.login(doc).ok).toBe(true);
  expect(fs.readdirSync(dir)).toEqual(['docker-config.json']);
  expect((await w.run(['token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', `file:${file}`])).json.minted).toBe(false);
  const del = await w.run(['token', 'delete', '--store', `file:${file}`]);
  expect(del.json).toMatchObject({ secretDeleted: true, deletedTokens: [r.json.tokenId] });
  expect(fs.existsSync(file)).toBe(false);
  expect(w.tokens()).toEqual([]);
  fs.rmSync(dir, { recursive: true });
});

test('--debug shows one line per attempt and never a value', async () => {
  const r = await create(['--debug']);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/\[debug\] CreateInstanceToken attempt 1: ok in \d+ ms \(request id [0-9a-f-]+\)/);
  expect(r.stderr).toMatch(/\[debug\] 4 API calls: ListSecretVersionIds=1 DescribeInstanceToken=1 CreateInstanceToken=1 CreateSecret=1/);
  expectNoSecret([r.stdout, r.stderr], w.document('ci-token'));
  expect(r.stderr).not.toContain(w.emu.root.secretKey);
});

test('temporary keys: the STS token comes from TENCENTCLOUD_SECURITY_TOKEN as for the provider, else TENCENTCLOUD_SESSION_TOKEN', async () => {
  const temp = w.emu.admin.issueTemporaryCredentials({ uin: w.emu.root.uin, sessionName: 'deploy' });
  const keys = { TENCENTCLOUD_SECRET_ID: temp.secretId, TENCENTCLOUD_SECRET_KEY: temp.secretKey };
  const viaProviderName = await w.run(['token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', 'ssm:temp-a'],
    { ...keys, TENCENTCLOUD_SECURITY_TOKEN: temp.token, TENCENTCLOUD_SESSION_TOKEN: 'stale-token' });
  expect(viaProviderName.stderr).toBe('');
  expect(viaProviderName.code).toBe(0);
  const viaSdkName = await w.run(['token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', 'ssm:temp-b'],
    { ...keys, TENCENTCLOUD_SESSION_TOKEN: temp.token });
  expect(viaSdkName.code).toBe(0);
  const providerNameWins = await w.run(['token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', 'ssm:temp-c'],
    { ...keys, TENCENTCLOUD_SECURITY_TOKEN: 'stale-token', TENCENTCLOUD_SESSION_TOKEN: temp.token });
  expect(providerNameWins.code).toBe(1);
  expect(providerNameWins.stderr).toContain('AuthFailure.TokenFailure');
});
