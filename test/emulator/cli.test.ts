import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { stsClient } from './helpers';
import { main, parseArgs } from '../../src/emulator/cli';

/*
 * The process tests run the real entry module (src/emulator/cli.ts, `require.main === module` branch) as a child
 * process. It is bundled once with esbuild (~0.2 s) instead of being started through ts-node (~5 s per child), which
 * keeps the realism (own process, real signals, real stdout) at a fraction of the cost.
 */
let bundle: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cli-bundle-')), 'cli.js');
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, '../../src/emulator/cli.ts')], bundle: true, platform: 'node', target: 'node20', outfile: bundle, logLevel: 'error',
  });
});

// A child left running would keep jest waiting (a hang seen before): kill whatever is still alive.
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function spawnCli(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, http_proxy: '' } });
  children.push(child);
  return child;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Fails with a message naming what did not happen, instead of waiting for the jest timeout. */
function within<T>(ms: number, what: () => string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('tencentcloud-emulator CLI', () => {
  test('parseArgs', () => {
    expect(parseArgs([])).toEqual({ port: 4566, host: '127.0.0.1', quiet: false });
    expect(parseArgs(['--port', '0', '--state', 's.json', '--admin-port', '0', '--admin-token-file', 't', '--secret-key-file', 'k', '--quiet', '--host', '::1']))
      .toEqual({ port: 0, host: '::1', state: 's.json', adminPort: 0, adminTokenFile: 't', secretKeyFile: 'k', quiet: true });
    expect(() => parseArgs(['--port', 'x'])).toThrow('--port needs a port number');
    expect(() => parseArgs(['--port', '70000'])).toThrow('--port needs a port number');
    expect(() => parseArgs(['--state'])).toThrow('--state needs a value');
    expect(() => parseArgs(['--state', '--quiet'])).toThrow('--state needs a value');
    expect(() => parseArgs(['--verbose'])).toThrow('unknown argument "--verbose"');
    expect(() => parseArgs(['--admin-port', '0'])).toThrow('--admin-token-file');
  });

  test('main prints the endpoint and SecretId, never the SecretKey; writes the key and admin token to files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cli-'));
    const out: string[] = [];
    const handle = await main(['--port', '0', '--admin-port', '0', '--admin-token-file', path.join(dir, 'admin'),
      '--secret-key-file', path.join(dir, 'key')], (l) => out.push(l));
    try {
      await stsClient(handle, handle.root).GetCallerIdentity();
      const text = out.join('\n');
      expect(text).toContain(`endpoint=${handle.endpoint}`);
      expect(text).toContain(handle.root.secretId);
      expect(text).not.toContain(handle.root.secretKey);
      expect(text).not.toContain(handle.adminToken!);
      expect(out.some((l) => l.includes('"action":"GetCallerIdentity"'))).toBe(true); // request log on stdout
      expect(fs.readFileSync(path.join(dir, 'key'), 'utf8').trim()).toBe(handle.root.secretKey);
      expect(fs.readFileSync(path.join(dir, 'admin'), 'utf8').trim()).toBe(handle.adminToken);
      expect(fs.statSync(path.join(dir, 'key')).mode % 0o1000).toBe(0o600);
    } finally {
      await handle.close();
    }
  });

  test('runs as a process, serves the SDK, and exits cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cli-'));
      const child = spawnCli(['--port', '0', '--state', path.join(dir, 'state.json'), '--secret-key-file', path.join(dir, 'key')]);
      let stdout = '';
      child.stdout!.on('data', (c) => { stdout += c; });
      const endpoint = await within(10_000, () => `the endpoint line (stdout so far: ${JSON.stringify(stdout)})`, new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', () => {
          const m = /endpoint=(\S+)[\s\S]*SecretId=/.exec(stdout);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
      }));
      const secretId = /SecretId=(\S+)/.exec(stdout)![1];
      const secretKey = fs.readFileSync(path.join(dir, 'key'), 'utf8').trim();
      await expect(stsClient({ endpoint } as any, { secretId, secretKey }).GetCallerIdentity()).resolves.toBeDefined();
      expect(stdout).not.toContain(secretKey);
      const exit = exitOf(child);
      child.kill(signal);
      expect(await within(10_000, () => `exit after ${signal}`, exit)).toBe(0);
      expect(stdout).toContain(`received ${signal}`);
    }
  });

  test('a bad argument exits with status 2 and a message', async () => {
    const child = spawnCli(['--bogus']);
    let stderr = '';
    child.stderr!.on('data', (c) => { stderr += c; });
    expect(await within(10_000, () => `exit on a bad argument (stderr: ${JSON.stringify(stderr)})`, exitOf(child))).toBe(2);
    expect(stderr).toContain('unknown argument "--bogus"');
  });
});
