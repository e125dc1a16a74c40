/**
 * Credential shim benchmark, against an in-process emulator (its request log counts the calls):
 *  1. API calls per operation, each run as the bundled program in a fresh `node` (what the provisioners run);
 *  2. the shim's wall time over the same raw SDK calls as a ratio, both including node start-up: a first
 *     `token create` (look-ups + one mint + one write) and a repeated one (look-ups only), interleaved, medians;
 *  3. `rotate` of many long-term secrets under the emulator's per-second rate limits: wall time, failures and
 *     throttled answers (the program paces itself under the documented limits).
 *
 * Usage: npm run bench:credentials   (BENCH_REPEATS=15, BENCH_ROTATE=200 by default)
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { buildShimBundle } from '../scripts/bundle-shim';
import { EmulatorHandle, startEmulator } from '../src/emulator';
import { main } from '../src/shim/cli';

delete process.env.http_proxy;
delete process.env.HTTP_PROXY;

const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);
const ROTATE = Number(process.env.BENCH_ROTATE ?? 200);
const ROOT = path.resolve(__dirname, '..');

interface LogLine { action: string; outcome: string; service: string }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The same calls `token create` makes for a first mint (or, with `repeat`, the look-ups of a repeated one). */
function rawScript(): string {
  const sdk = (p: string) => JSON.stringify(path.join(ROOT, 'node_modules', 'tencentcloud-sdk-nodejs', 'tencentcloud', 'services', p));
  return `
const http = require('http');
const { Client: Tcr } = require(${sdk('tcr/v20190924/tcr_client')});
const { Client: Ssm } = require(${sdk('ssm/v20190923/ssm_client')});
const [instanceId, secretName, repeat] = process.argv.slice(2);
const url = new URL(process.env.TENCENTCLOUD_ENDPOINT_URL);
const agent = new http.Agent({ keepAlive: true });
const config = { credential: { secretId: process.env.TENCENTCLOUD_SECRET_ID, secretKey: process.env.TENCENTCLOUD_SECRET_KEY },
  region: process.env.TENCENTCLOUD_REGION, profile: { httpProfile: { endpoint: url.host, protocol: 'http://', agent } } };
const tcr = new Tcr(config), ssm = new Ssm(config);
(async () => {
  let exists = true;
  try { await ssm.ListSecretVersionIds({ SecretName: secretName }); } catch (e) { exists = false; }
  if (exists) await ssm.GetSecretValue({ SecretName: secretName, VersionId: 'v1' });
  await tcr.DescribeInstanceToken({ RegistryId: instanceId, Limit: 100, Offset: 0 });
  if (repeat === 'repeat') return;
  const t = await tcr.CreateInstanceToken({ RegistryId: instanceId, TokenType: 'longterm', Desc: 'raw [tcrc:0000000000000000]' });
  await ssm.CreateSecret({ SecretName: secretName, VersionId: 'v1', SecretString: JSON.stringify({ auths: { x: { password: t.Token } } }) });
  process.stdout.write(JSON.stringify({ tokenId: t.TokenId }) + '\\n');
})().catch((e) => { process.stderr.write(String(e.code) + '\\n'); process.exit(1); });
`;
}

/** Runs `node <args>` without blocking this process (the emulator answering the child lives here). */
function node(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      resolve({ code: error ? Number((error as any).code ?? 1) : 0, stdout });
    });
  });
}

async function timed(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = process.hrtime.bigint();
  const r = await node(args, env);
  if (r.code !== 0) throw new Error(`node ${args.join(' ')} exited ${r.code}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function run(): Promise<void> {
  const bundle = buildShimBundle();
  const log: LogLine[] = [];
  const emu: EmulatorHandle = await startEmulator({ log: (line) => log.push(JSON.parse(line)) });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    TENCENTCLOUD_SECRET_ID: emu.root.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.root.secretKey,
    TENCENTCLOUD_REGION: 'ap-guangzhou',
    TENCENTCLOUD_ENDPOINT_URL: emu.url,
  };
  const tcrCall = async (action: string, params: Record<string, unknown>) => {
    const tencentcloud = await import('tencentcloud-sdk-nodejs');
    const client = new tencentcloud.tcr.v20190924.Client({ credential: emu.root, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: emu.endpoint, protocol: 'http://' } } });
    return client.request(action, params);
  };
  try {
    const { RegistryId: instanceId } = await tcrCall('CreateInstance', { RegistryName: 'bench-registry', RegistryType: 'standard' });
    const domain = 'bench-registry.tencentcloudcr.com';
    await tcrCall('CreateNamespace', { RegistryId: instanceId, NamespaceName: 'apps', IsPublic: false });
    await tcrCall('CreateServiceAccount', { RegistryId: instanceId, Name: 'robot', Permissions: [{ Resource: 'apps', Actions: ['tcr:PullRepository'] }] });

    // 1. API calls per operation.
    const calls = async (args: string[]) => {
      const before = log.length;
      const r = await node([bundle, ...args], env);
      if (r.code !== 0) throw new Error(`${args.join(' ')} exited ${r.code}`);
      const lines = log.slice(before);
      const byAction = new Map<string, number>();
      for (const l of lines) byAction.set(l.action, (byAction.get(l.action) ?? 0) + 1);
      return { total: lines.length, detail: [...byAction].map(([a, n]) => (n > 1 ? `${a}×${n}` : a)).join(', ') };
    };
    const create = (store: string, type = 'longterm') => ['token', 'create', '--instance-id', instanceId, '--registry-domain', domain, '--type', type, '--store', store];
    const publish = ['service-account', 'publish', '--instance-id', instanceId, '--registry-domain', domain, '--name', 'robot', '--store', 'ssm:bench-robot'];
    const ops: Array<[string, string[]]> = [
      ['token create (first, long-term)', create('ssm:bench-ops')],
      ['token create (repeated)', create('ssm:bench-ops')],
      ['token create (first, temporary)', create('ssm:bench-temp', 'temp')],
      ['token create (repeated, temporary)', create('ssm:bench-temp', 'temp')],
      ['service-account publish (first)', publish],
      ['service-account publish (repeated)', publish],
      ['rotate --secret (long-term, grace 0)', ['rotate', '--secret', 'ssm:bench-ops', '--grace', '0']],
      ['token delete', ['token', 'delete', '--store', 'ssm:bench-ops']],
      ['service-account unpublish', ['service-account', 'unpublish', '--store', 'ssm:bench-robot']],
    ];
    process.stdout.write('\n## API calls per operation\n\n| operation | calls | actions |\n|---|---|---|\n');
    for (const [name, args] of ops) {
      const c = await calls(args);
      process.stdout.write(`| ${name} | ${c.total} | ${c.detail} |\n`);
    }

    // 2. Wall time: shim bundle vs raw SDK calls, both fresh node processes, interleaved.
    const benchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shim-bench-'));
    const rawFile = path.join(benchDir, 'raw.js');
    fs.writeFileSync(rawFile, rawScript());
    // The same raw script as one esbuild file too: the shim's bundle saves module resolution, this isolates it.
    const rawBundle = path.join(benchDir, 'raw.bundle.js');
    buildSync({ entryPoints: [rawFile], outfile: rawBundle, bundle: true, platform: 'node', target: 'node20', logLevel: 'error' });
    const variants: Record<string, (secret: string, repeat: boolean) => string[]> = {
      'shim': (secret) => [bundle, ...create(`ssm:${secret}`)],
      'raw SDK': (secret, repeat) => [rawFile, instanceId, secret, ...(repeat ? ['repeat'] : [])],
      'raw SDK bundled': (secret, repeat) => [rawBundle, instanceId, secret, ...(repeat ? ['repeat'] : [])],
    };
    const names = Object.keys(variants);
    const first: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const repeated: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < REPEATS; i++) {
      // Rotate the order per repetition, so no variant always runs first.
      const order = names.map((_, k) => names[(k + i) % names.length]);
      for (const who of order) {
        const secret = `bench-${who.replace(/ /g, '-')}-${i}`;
        first[who].push(await timed(variants[who](secret, false), env));
        repeated[who].push(await timed(variants[who](secret, true), env));
      }
    }
    const startups: number[] = [];
    for (let i = 0; i < REPEATS; i++) startups.push(await timed(['-e', '0'], env));
    const startup = median(startups);
    process.stdout.write(`\n## Wall time, shim bundle vs raw SDK calls (median of ${REPEATS}, each a fresh node; bare node start-up ${startup.toFixed(0)} ms)\n\n`);
    process.stdout.write('| operation | shim ms | raw SDK ms | raw SDK bundled ms | shim / raw | shim / raw bundled |\n|---|---|---|---|---|---|\n');
    for (const [name, series] of [['first create (4 calls)', first], ['repeated create (3 calls)', repeated]] as const) {
      const m = (n: string) => median(series[n]);
      process.stdout.write(`| ${name} | ${m('shim').toFixed(0)} | ${m('raw SDK').toFixed(0)} | ${m('raw SDK bundled').toFixed(0)} | `
        + `${(m('shim') / m('raw SDK')).toFixed(3)} | ${(m('shim') / m('raw SDK bundled')).toFixed(3)} |\n`);
    }
    process.stdout.write(`\nBundle: ${fs.statSync(bundle).size} bytes.\n`);

    // 3. Rotation of many secrets under the rate limits.
    const sink = { env, stdout: () => undefined, stderr: () => undefined };
    for (let i = 0; i < ROTATE; i++) {
      const code = await main([...create(`ssm:rot-${String(i).padStart(4, '0')}`)], sink);
      if (code !== 0) throw new Error(`setup create ${i} exited ${code}`);
    }
    for (const concurrency of ['8', '20']) {
      const before = log.length;
      const t0 = process.hrtime.bigint();
      const out = (await node([bundle, 'rotate', '--store-prefix', 'rot-', '--grace', '0', '--concurrency', concurrency], env)).stdout;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const summary = JSON.parse(out);
      const lines = log.slice(before);
      const throttled = lines.filter((l) => l.outcome.startsWith('RequestLimitExceeded')).length;
      const mints = lines.filter((l) => l.action === 'CreateInstanceToken' && l.outcome === 'ok').length;
      process.stdout.write(`\nrotate of ${ROTATE} long-term secrets, concurrency ${concurrency}: ${(ms / 1000).toFixed(2)} s wall, `
        + `${summary.rotated} rotated, ${summary.failed} failed, ${lines.length} API calls, ${mints} mints, ${throttled} throttled answers\n`);
    }
  } finally {
    await emu.close();
  }
}

run().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
