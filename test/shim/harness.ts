/**
 * Runs `tcr-credentials` against a fresh emulator: in-process through `main` (fast, counted by coverage) or as
 * the esbuild bundle in a child process (what the provisioners run; needed for kill -9).
 */
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { SsmSecretRecord } from '../../src/emulator/services/ssm';
import { verifyRegistryLogin } from '../../src/emulator/services/tcr';
import { main } from '../../src/shim/cli';
import { CredentialDocument } from '../../src/shim/document';
import { profile } from '../emulator/helpers';

export interface RunResult { code: number; stdout: string; stderr: string; json: any }

export interface ShimWorld {
  emu: EmulatorHandle;
  instanceId: string;
  registry: string;
  /** One JSON log line per emulator request. */
  log: Array<{ action: string; outcome: string }>;
  env: NodeJS.ProcessEnv;
  tcr: InstanceType<typeof tencentcloud.tcr.v20190924.Client>;
  ssm: InstanceType<typeof tencentcloud.ssm.v20190923.Client>;
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** Long-term tokens of the instance, from the emulator state. */
  tokens(): Array<{ id: string; description: string; enabled: boolean }>;
  secret(name: string): SsmSecretRecord | undefined;
  /** The current (highest `vN`) version of a secret, parsed. */
  document(name: string): CredentialDocument;
  /** Registry login with the stored credential. */
  login(doc: CredentialDocument): { ok: boolean; reason?: string };
  actions(): string[];
  close(): Promise<void>;
}

let counter = 0;

export async function shimWorld(): Promise<ShimWorld> {
  const log: ShimWorld['log'] = [];
  const emu = await startEmulator({ log: (line) => log.push(JSON.parse(line)) });
  const tcr = new tencentcloud.tcr.v20190924.Client({ credential: emu.root, region: 'ap-guangzhou', profile: profile(emu) });
  const ssm = new tencentcloud.ssm.v20190923.Client({ credential: emu.root, region: 'ap-guangzhou', profile: profile(emu) });
  const name = `shim-registry-${++counter}`;
  const { RegistryId } = await tcr.CreateInstance({ RegistryName: name, RegistryType: 'basic' });
  const instanceId = RegistryId!;
  const env: NodeJS.ProcessEnv = {
    TENCENTCLOUD_SECRET_ID: emu.root.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.root.secretKey,
    TENCENTCLOUD_REGION: 'ap-guangzhou',
    TENCENTCLOUD_ENDPOINT_URL: emu.url,
  };
  const world: ShimWorld = {
    emu,
    instanceId,
    registry: `${name}.tencentcloudcr.com`,
    log,
    env,
    tcr,
    ssm,
    async run(args, extra = {}) {
      let stdout = '';
      let stderr = '';
      const code = await main(args, { env: { ...env, ...extra }, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
      let json: any;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      return { code, stdout, stderr, json };
    },
    tokens() {
      const instance = (emu.admin.state().tcr as any).instances[instanceId];
      return Object.values(instance.tokens as Record<string, any>)
        .filter((t) => t.type === 'longterm')
        .map((t) => ({ id: t.id, description: t.description, enabled: t.enabled }));
    },
    secret(secretName) {
      const secrets = ((emu.admin.state().ssm as any)?.secrets ?? {}) as Record<string, SsmSecretRecord>;
      return Object.values(secrets).find((s) => s.name === secretName);
    },
    document(secretName) {
      const secret = world.secret(secretName);
      if (!secret) throw new Error(`secret ${secretName} does not exist`);
      const current = [...secret.versions].sort((a, b) => Number(b.versionId.slice(1)) - Number(a.versionId.slice(1)))[0];
      return JSON.parse(current.secretString!);
    },
    login(doc) {
      const [auth] = Object.values(doc.auths);
      return verifyRegistryLogin(emu.admin.state(), instanceId, auth.username, auth.password, emu.admin.now());
    },
    actions() {
      return log.map((l) => l.action);
    },
    close: () => emu.close(),
  };
  return world;
}

/** Every password and `auth` of a document: what must never appear in any output. */
export function secretValues(doc: CredentialDocument): string[] {
  return Object.values(doc.auths).flatMap((a) => [a.password, a.auth]);
}

export function expectNoSecret(texts: string[], doc: CredentialDocument): void {
  for (const value of secretValues(doc)) {
    for (const text of texts) expect(text.includes(value)).toBe(false);
  }
}
