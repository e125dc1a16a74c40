import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stsClient } from './helpers';
import { main, parseArgs } from '../../src/emulator/cli';

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
      const child = spawn(process.execPath, [
        '-r', require.resolve('ts-node/register/transpile-only'), path.join(__dirname, '../../src/emulator/cli.ts'),
        '--port', '0', '--state', path.join(dir, 'state.json'), '--secret-key-file', path.join(dir, 'key'),
      ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, http_proxy: '' } });
      let stdout = '';
      child.stdout.on('data', (c) => { stdout += c; });
      const endpoint = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /endpoint=(\S+)[\s\S]*SecretId=/.exec(stdout);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
        setTimeout(() => reject(new Error(`no endpoint printed: ${stdout}`)), 20_000).unref();
      }).catch((e) => {
        child.kill('SIGKILL');
        throw e;
      });
      try {
        const secretId = /SecretId=(\S+)/.exec(stdout)![1];
        const secretKey = fs.readFileSync(path.join(dir, 'key'), 'utf8').trim();
        await expect(stsClient({ endpoint } as any, { secretId, secretKey }).GetCallerIdentity()).resolves.toBeDefined();
        expect(stdout).not.toContain(secretKey);
        const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
        child.kill(signal);
        expect(await exit).toBe(0);
        expect(stdout).toContain(`received ${signal}`);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
  });

  test('a bad argument exits with status 2 and a message', async () => {
    const child = spawn(process.execPath, [
      '-r', require.resolve('ts-node/register/transpile-only'), path.join(__dirname, '../../src/emulator/cli.ts'), '--bogus',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => { stderr += c; });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
    expect(stderr).toContain('unknown argument "--bogus"');
  });
});
