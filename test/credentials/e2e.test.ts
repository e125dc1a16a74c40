/**
 * The ci-credentials example (imported instance, a long-term and a temporary InstanceToken, a published service
 * account) through the real terraform binary and the provider stand-in (fails, never skips, without terraform):
 * the secrets are in the emulator and log in; a second apply changes nothing and mints nothing; destroy removes
 * tokens and secrets; no live credential appears in cdktf.out, the state files, terraform's output or any log.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../../examples/ci-credentials/main';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { SsmSecretRecord } from '../../src/emulator/services/ssm';
import { EXAMPLE_FIXTURES } from '../../tfprovider/harness/fixtures';
import { TerraformStack } from '../../tfprovider/harness/terraform';
import { registryLogin } from '../emulator/registry-login-client';

const INSTANCE = 'tcr-c1cred01';
const SECRETS = ['ci-runners-docker-config', 'ci-job-docker-config', 'ci-robot-docker-config'];
const MINTS = ['CreateInstanceToken', 'ModifyServiceAccountPassword', 'CreateSecret', 'PutSecretValue'];

let emulator: EmulatorHandle;
let stack: TerraformStack;
let outdir: string;
const emulatorLog: Array<{ action: string; outcome: string }> = [];
const emulatorLogText: string[] = [];

function secrets(): SsmSecretRecord[] {
  return Object.values(((emulator.admin.state().ssm as any)?.secrets ?? {}) as Record<string, SsmSecretRecord>);
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === '.terraform' ? [] : walk(p);
    return [p];
  });
}

beforeAll(async () => {
  emulator = await startEmulator({
    log: (line) => {
      emulatorLogText.push(line);
      emulatorLog.push(JSON.parse(line));
    },
  });
  await EXAMPLE_FIXTURES['ci-credentials'](emulator);
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-credentials-e2e-'));
  stack = TerraformStack.fromApp(buildApp(outdir), {
    endpointUrl: `http://${emulator.endpoint}`, secretId: emulator.root.secretId, secretKey: emulator.root.secretKey,
  });
}, 60_000);

afterAll(async () => {
  stack?.dispose();
  await emulator?.close();
  if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
});

test('apply, a second apply, destroy: credentials delivered, nothing minted twice, nothing left, no secret leaked', async () => {
  const first = await stack.apply();
  expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });

  // Delivered: three secrets with a .dockerconfigjson that logs in to the registry.
  const delivered = secrets();
  expect(delivered.map((s) => s.name).sort()).toEqual([...SECRETS].sort());
  const docs = delivered.map((s) => JSON.parse(s.versions[s.versions.length - 1].secretString!));
  // docker login's check over HTTP, with the stored .dockerconfigjson as it is.
  for (const doc of docs) {
    const [[domain, auth]] = Object.entries<any>(doc.auths);
    expect(domain).toBe('acme-shared.tencentcloudcr.com');
    expect((await registryLogin(emulator.port, domain, auth.username, auth.password)).status).toBe(200);
  }
  expect(docs.map((d) => d.tcrCredentials.kind).sort()).toEqual(['instance-token', 'instance-token', 'service-account']);
  const liveValues = docs.flatMap((d) => Object.values<any>(d.auths).flatMap((a) => [a.password, a.auth]));

  // A second apply changes nothing and mints nothing.
  const mark = emulatorLog.length;
  const second = await stack.apply();
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('0 added, 0 changed, 0 destroyed');
  expect(emulatorLog.slice(mark).filter((l) => MINTS.includes(l.action))).toEqual([]);

  const statePaths = walk(stack.dir).filter((f) => /\.tfstate(\.backup)?$/.test(f));
  expect(statePaths.length).toBeGreaterThan(0);
  const haystacks: Array<[string, string]> = [
    ...walk(outdir).filter((f) => !f.endsWith('.js')).map((f) => [f, fs.readFileSync(f, 'utf8')] as [string, string]),
    ...statePaths.map((f) => [f, fs.readFileSync(f, 'utf8')] as [string, string]),
    ['plugin log', stack.pluginLog()],
    ['emulator log', emulatorLogText.join('\n')],
  ];

  const destroyed = await stack.destroy();
  expect(destroyed.code).toBe(0);
  expect(secrets()).toEqual([]);
  const instance = (emulator.admin.state().tcr as any).instances[INSTANCE];
  expect(Object.values<any>(instance.tokens).filter((t) => t.type === 'longterm')).toEqual([]);

  haystacks.push(...stack.runs.map((r, i) => [`terraform run ${i} (${r.args.join(' ')})`, `${r.stdout}\n${r.stderr}`] as [string, string]));
  const leaks = haystacks.flatMap(([where, text]) => liveValues.filter((v) => text.includes(v)).map(() => where));
  expect(leaks).toEqual([]);
  // The terraform output shows the program's metadata, so the scan above looked at real provisioner output.
  expect(first.stdout).toMatch(/local-exec\): .*"minted": true/);
}, 180_000);
