/**
 * The fault matrix: each case ends with a clear error or with success after retries, and the emulator then holds
 * no orphaned token and no half-written secret.
 */
import { spawn } from 'child_process';
import { ShimWorld, shimWorld } from './harness';
import { buildShimBundle } from '../../scripts/bundle-shim';
import { markerInDescription, ownerMarker } from '../../src/validation/credential-rules';

let w: ShimWorld;
beforeEach(async () => {
  w = await shimWorld();
});
afterEach(() => w.close());

const OWNER = 'company/registry/ci-token';
const createArgs = (extra: string[] = []) => [
  'token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', 'ssm:ci-token', '--owner', OWNER, ...extra,
];
const create = (extra: string[] = []) => w.run(createArgs(extra));

/** After every case: at most one marked token, and if there is a secret, it points at that token, which logs in. */
function expectConsistent(expectSecret: boolean): void {
  const marked = w.tokens().filter((t) => markerInDescription(t.description) === ownerMarker(OWNER));
  if (!expectSecret) {
    expect(marked).toEqual([]);
    expect(w.secret('ci-token')).toBeUndefined();
    return;
  }
  const doc = w.document('ci-token');
  expect(marked.map((t) => t.id)).toEqual([doc.tcrCredentials.tokenId]);
  expect(w.login(doc).ok).toBe(true);
}

test.each([
  ['throttling', { action: 'CreateInstanceToken', kind: 'error', code: 'RequestLimitExceeded', count: 2 }],
  ['InternalError', { action: 'CreateSecret', kind: 'error', code: 'InternalError', count: 2 }],
  ['HTTP 500', { action: 'DescribeInstanceToken', kind: 'http500', count: 2 }],
  ['dropped connection before the mint', { action: 'CreateInstanceToken', kind: 'drop', count: 1 }],
  ['dropped connection on the write', { action: 'CreateSecret', kind: 'drop', count: 1 }],
] as const)('%s: retried with backoff, then success', async (_name, fault) => {
  w.emu.admin.injectFault(fault as any);
  const r = await create(['--debug']);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/retrying in \d+ ms/);
  expect(w.emu.admin.faults()).toEqual([]);
  expectConsistent(true);
});

test('a mint delayed beyond the client timeout lands twice; the next run sweeps the late extra token', async () => {
  w.emu.admin.injectFault({ action: 'CreateInstanceToken', kind: 'delay', delayMs: 1500 });
  const r = await create(['--timeout', '0.5', '--debug']);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/CreateInstanceToken attempt 1: NetworkError/);
  // The delayed first call is handled after the client gave up: wait for it, then re-run to sweep it.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const again = await create();
  expect(again.json.minted).toBe(false);
  expectConsistent(true);
});

test('a secret write delayed beyond the client timeout is recognised as ours when the retry finds it', async () => {
  w.emu.admin.injectFault({ action: 'CreateSecret', kind: 'delay', delayMs: 1200 });
  const r = await create(['--timeout', '0.5']);
  expect(r.code).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 1200));
  expect(w.secret('ci-token')!.versions).toHaveLength(1);
  expectConsistent(true);
});

test('auth failure: not retried, the error names action, code and request id, nothing is created', async () => {
  const r = await w.run(createArgs(), { TENCENTCLOUD_SECRET_KEY: 'wrong-key-EXAMPLE' });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/ListSecretVersionIds failed with AuthFailure\.SignatureFailure \(request id [0-9a-f-]+\)/);
  expect(r.stderr).not.toContain('wrong-key-EXAMPLE');
  expect(w.log.filter((l) => l.action === 'ListSecretVersionIds')).toHaveLength(1);
  expectConsistent(false);
});

test('SSM write failure after the token exists: the token just minted is deleted before exiting 1', async () => {
  w.emu.admin.injectFault({ action: 'CreateSecret', kind: 'error', code: 'FailedOperation.AccessKmsError' });
  const r = await create();
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/writing ssm:ci-token failed \(CreateSecret failed with FailedOperation\.AccessKmsError \(request id [^)]+\): .*\); the token [a-z0-9]{20} minted for it was deleted/);
  expectConsistent(false);
});

test('InternalError outlasting the retry budget ends with a clear error and leaves nothing behind', async () => {
  w.emu.admin.injectFault({ action: 'CreateSecret', kind: 'error', code: 'InternalError', count: 1000 });
  const r = await create(['--retry-budget', '1']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/CreateSecret failed with InternalError \(request id [^)]+\) after \d+ attempts/);
  w.emu.admin.clearFaults();
  expectConsistent(false);
});

test('kill -9 between the mint and the secret write: the next run deletes the orphan and stores a fresh token', async () => {
  const bundle = buildShimBundle();
  // Every write attempt is dropped, so the process is stuck retrying after the token exists; then it is killed.
  w.emu.admin.injectFault({ action: 'CreateSecret', kind: 'drop', count: 1000 });
  const child = spawn(process.execPath, [bundle, ...createArgs()], { env: { ...w.env, PATH: process.env.PATH }, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 20_000;
  while (!w.log.some((l) => l.action === 'CreateSecret' && l.outcome === 'fault:drop')) {
    if (Date.now() > deadline) throw new Error('the child never reached the secret write');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  w.emu.admin.clearFaults();
  const orphan = w.tokens();
  expect(orphan).toHaveLength(1);
  expect(w.secret('ci-token')).toBeUndefined();

  const r = await create();
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(`deleted orphaned token ${orphan[0].id} of owner ${OWNER}`);
  expect(r.json.tokenId).not.toBe(orphan[0].id);
  expectConsistent(true);
});

test('rate limit during the rotation of many secrets: throttled mints are retried, zero failures', async () => {
  const names = Array.from({ length: 30 }, (_, i) => `team-${i}-token`);
  for (const name of names) {
    expect((await w.run(['token', 'create', '--instance-id', w.instanceId, '--registry-domain', w.registry, '--store', `ssm:${name}`])).code).toBe(0);
  }
  w.emu.admin.injectFault({ action: 'CreateInstanceToken', kind: 'error', code: 'RequestLimitExceeded', count: 15 });
  const r = await w.run(['rotate', '--store-prefix', 'team-', '--grace', '0', '--concurrency', '10']);
  expect(r.code).toBe(0);
  expect(r.json).toMatchObject({ total: 30, rotated: 30, failed: 0 });
  expect(w.emu.admin.faults()).toEqual([]);
  // Each secret points at exactly one live token; the replaced ones are gone.
  expect(w.tokens()).toHaveLength(30);
  for (const name of names) expect(w.login(w.document(name)).ok).toBe(true);
});
