/**
 * What `tcr-local deploy|plan|destroy` does in a cdktf app directory, step by step: synthesize (or take the
 * existing output), start the embedded emulator (or use `--endpoint`), install the provider stand-in through
 * tcr-local's own CLI config, and run the real terraform.
 */
import * as fs from 'fs';
import * as path from 'path';
// Deep import: the SDK's index would pull all of its services into the tcr-local bundle.
import { Client as TcrClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/tcr/v20190924/tcr_client';
import { CdktfApp, chooseStack, readCdktfApp, synthesize, synthesizedStacks } from './cdktf-app';
import { DeliveredCredentialInfo, deliveredCredentials } from './delivered-credentials';
import { resourceSnapshot } from './emulator-resources';
import { Progress } from './progress';
import { ApiTarget, installStandIn, LocalWorkspace, StandInPlugin } from './terraform';
import { EmulatorHandle, startEmulator } from '../emulator';

export type LocalCommand = 'deploy' | 'plan' | 'destroy';

export interface LocalRunOptions {
  readonly command: LocalCommand;
  /** The cdktf app directory. */
  readonly appDir: string;
  readonly stack?: string;
  /** Use an emulator already running there instead of starting one (`http://127.0.0.1:4566`). */
  readonly endpoint?: string;
  /** deploy: leave the stack applied and the emulator running (until SIGINT/SIGTERM) instead of destroying. */
  readonly keep?: boolean;
  /** Take the existing synthesized output instead of running the app's synth command. */
  readonly skipSynth?: boolean;
  /** Port of the embedded emulator. @default 0 (a free one) */
  readonly port?: number;
  /** @default the stack's provider region, else ap-guangzhou */
  readonly region?: string;
  readonly plugin: StandInPlugin;
  readonly terraform?: string;
  /** Credentials for `endpoint` when tcr-local did not start it (else TENCENTCLOUD_SECRET_ID / _KEY). */
  readonly env?: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  /** With `keep`: resolves when the user is done with the kept emulator. @default SIGINT or SIGTERM */
  readonly waitWhileKept?: (endpoint: KeptEndpoint) => Promise<void>;
}

/** What a kept deploy leaves for `tcr-local env` and `tcr-local destroy` in `.tcr-local/endpoint.json`. */
export interface KeptEndpoint {
  readonly endpointUrl: string;
  readonly secretId: string;
  /** The SecretKey is never printed: it is in this file (mode 0600). */
  readonly secretKeyFile: string;
  readonly region: string;
  /** The CLI config that makes a plain `terraform` take the provider stand-in (TF_CLI_CONFIG_FILE). */
  readonly cliConfigFile: string;
}

export interface LocalRunResult {
  readonly stack: string;
  readonly outputs: Record<string, { sensitive: boolean; value: unknown }>;
  /** deploy with the embedded emulator: the credentials tcr-credentials delivered, each with a registry login tried. */
  readonly credentials?: DeliveredCredentialInfo[];
  /** deploy: the second plan proposed no change. */
  readonly secondPlanEmpty?: boolean;
  /** deploy without keep: the emulator's resources after destroy equal those before apply. */
  readonly emulatorClean?: boolean;
  readonly steps: Progress['steps'];
}

export const WORK_DIR_NAME = '.tcr-local';
const DEFAULT_REGION = 'ap-guangzhou';

export function keptEndpointFile(appDir: string): string {
  return path.join(appDir, WORK_DIR_NAME, 'endpoint.json');
}

export function readKeptEndpoint(appDir: string): KeptEndpoint | undefined {
  const file = keptEndpointFile(appDir);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** The provider block's region in the synthesized stack, if it is a literal. */
function stackRegion(stackDir: string): string | undefined {
  const doc = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const blocks = doc.provider?.tencentcloud;
  const region = Array.isArray(blocks) ? blocks[0]?.region : blocks?.region;
  return typeof region === 'string' && !region.includes('${') ? region : undefined;
}

function externalTarget(options: LocalRunOptions, region: string): ApiTarget {
  const endpointUrl = options.endpoint!.includes('://') ? options.endpoint! : `http://${options.endpoint}`;
  const kept = readKeptEndpoint(options.appDir);
  if (kept && kept.endpointUrl === endpointUrl) {
    return { endpointUrl, secretId: kept.secretId, secretKey: fs.readFileSync(kept.secretKeyFile, 'utf8').trim(), region };
  }
  const env = options.env ?? process.env;
  const secretId = env.TENCENTCLOUD_SECRET_ID;
  const secretKey = env.TENCENTCLOUD_SECRET_KEY;
  if (!secretId || !secretKey) {
    throw new Error(`--endpoint ${options.endpoint}: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY to a key of that emulator (no kept tcr-local endpoint matches it)`);
  }
  return { endpointUrl, secretId, secretKey, region };
}

/**
 * Instances with deletion protection (the TcrInstance default) refuse DeleteInstance, as Tencent Cloud does.
 * Like an operator, turn it off through the API (ModifyInstance) before destroying, and say so.
 */
async function unprotectInstances(ws: LocalWorkspace, target: ApiTarget, progress: Progress): Promise<void> {
  const ids = (ws.state().resources ?? [])
    .filter((r) => r.type === 'tencentcloud_tcr_instance' && r.mode === 'managed')
    .flatMap((r) => r.instances ?? [])
    .filter((i) => i.attributes?.deletion_protection === true)
    .map((i) => String(i.attributes!.id));
  if (ids.length === 0) return;
  const url = new URL(target.endpointUrl);
  const client = new TcrClient({
    credential: { secretId: target.secretId, secretKey: target.secretKey },
    region: target.region,
    profile: { httpProfile: { endpoint: url.host, protocol: `${url.protocol}//` } },
  });
  for (const id of ids) {
    await client.ModifyInstance({ RegistryId: id, DeletionProtection: false });
    progress.detail(`deletion protection of ${id} turned off (ModifyInstance), as destroying a protected instance fails on Tencent Cloud too`);
  }
}

async function terraformStep(
  progress: Progress, ws: LocalWorkspace, target: ApiTarget, title: string, args: string[], okCodes: number[] = [0],
): Promise<number> {
  return progress.step(title, async () => {
    const r = await ws.run(args, target, (l) => { if (l.trim()) progress.detail(l); });
    if (!okCodes.includes(r.code)) throw new Error(`terraform ${args.join(' ')} exited with ${r.code}`);
    return r.code;
  });
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { process.off('SIGINT', done); process.off('SIGTERM', done); resolve(); };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const progress = new Progress(options.out);
  const app: CdktfApp = readCdktfApp(options.appDir);
  if (options.skipSynth || !app.command) {
    progress.detail(`taking the synthesized app in ${path.relative(options.appDir, app.outdir) || '.'} (not synthesizing)`);
  } else {
    await progress.step(`synthesize (${app.command})`, () => synthesize(app, (l) => progress.detail(l)));
  }
  const stacks = synthesizedStacks(app);
  const stack = chooseStack(stacks, options.stack);
  const region = options.region ?? stackRegion(stacks[stack]) ?? DEFAULT_REGION;

  let emulator: EmulatorHandle | undefined;
  let target: ApiTarget;
  if (options.endpoint) {
    target = externalTarget(options, region);
    progress.detail(`using the emulator at ${target.endpointUrl}`);
  } else {
    if (options.command === 'destroy') {
      const kept = readKeptEndpoint(options.appDir);
      throw new Error(`destroy needs the emulator the stack was deployed to: pass --endpoint${kept ? ` ${kept.endpointUrl} (kept by an earlier deploy --keep)` : ''}`);
    }
    emulator = await progress.step('start the emulator', () => startEmulator({ port: options.port ?? 0 }));
    target = { endpointUrl: emulator.url.replace(/\/$/, ''), secretId: emulator.root.secretId, secretKey: emulator.root.secretKey, region };
    progress.detail(`endpoint ${target.endpointUrl}, root SecretId ${target.secretId} (SecretKey not shown)`);
  }
  const before = emulator ? JSON.stringify(resourceSnapshot(emulator.admin.state())) : undefined;

  const ws = new LocalWorkspace({
    stackDir: stacks[stack],
    workDir: path.join(options.appDir, WORK_DIR_NAME, stack),
    plugin: options.plugin,
    terraform: options.terraform,
  });
  let kept = false;
  try {
    await progress.step(`install the provider stand-in ${options.plugin.version} (CLI config ${path.relative(options.appDir, ws.cliConfig)})`, () => ws.prepare());
    await terraformStep(progress, ws, target, 'terraform init', ['init', '-input=false']);
    const result: { outputs: LocalRunResult['outputs']; credentials?: DeliveredCredentialInfo[]; secondPlanEmpty?: boolean; emulatorClean?: boolean } = { outputs: {} };

    if (options.command === 'plan') {
      await terraformStep(progress, ws, target, 'terraform plan', ['plan', '-input=false']);
    } else if (options.command === 'destroy') {
      await unprotectInstances(ws, target, progress);
      await terraformStep(progress, ws, target, 'terraform destroy', ['destroy', '-auto-approve', '-input=false']);
    } else {
      await terraformStep(progress, ws, target, 'terraform apply', ['apply', '-auto-approve', '-input=false']);
      result.outputs = await progress.step('outputs', async () => {
        const r = await ws.run(['output', '-json'], target, () => undefined);
        if (r.code !== 0) throw new Error(`terraform output exited with ${r.code}`);
        const outputs: LocalRunResult['outputs'] = JSON.parse(r.stdout || '{}');
        for (const [name, o] of Object.entries(outputs)) {
          progress.detail(`${name} = ${o.sensitive ? '(sensitive, not shown)' : JSON.stringify(o.value)}`);
        }
        return outputs;
      });
      if (emulator) result.credentials = await checkDeliveredCredentials(emulator, progress);
      const code = await terraformStep(progress, ws, target, 'terraform plan again (must propose no change)', ['plan', '-input=false', '-detailed-exitcode'], [0, 2]);
      result.secondPlanEmpty = code === 0;
      if (!result.secondPlanEmpty) throw new Error('the second plan proposes changes: the stack does not converge (see the plan above)');
      if (options.keep) {
        kept = true;
        return { stack, ...result, steps: progress.steps };
      }
      await unprotectInstances(ws, target, progress);
      await terraformStep(progress, ws, target, 'terraform destroy', ['destroy', '-auto-approve', '-input=false']);
      if (emulator) {
        result.emulatorClean = await progress.step('check the emulator is as it started', () => {
          const after = JSON.stringify(resourceSnapshot(emulator!.admin.state()));
          if (after !== before) throw new Error(`destroy left resources in the emulator: ${after}`);
          return true;
        });
      }
    }
    return { stack, ...result, steps: progress.steps };
  } finally {
    if (kept && emulator) {
      await keepRunning(options, target, ws.cliConfig, progress);
    }
    if (emulator) await emulator.close();
    if (!kept && options.command === 'deploy' && !options.endpoint) fs.rmSync(path.join(options.appDir, WORK_DIR_NAME, stack), { recursive: true, force: true });
    for (const line of progress.summary()) options.out(line);
  }
}

/** Shows the metadata of every credential delivered into the emulator's SSM and logs in to the registry with it. */
function checkDeliveredCredentials(emulator: EmulatorHandle, progress: Progress): Promise<DeliveredCredentialInfo[]> {
  return progress.step('delivered credentials: metadata and a registry login with each', () => {
    const found = deliveredCredentials(emulator.admin.state(), emulator.admin.now());
    if (found.length === 0) progress.detail('none: the stack delivers no credential through tcr-credentials');
    for (const c of found) {
      progress.detail(`${c.secret} (version ${c.version}): ${c.kind} for ${c.registry} (${c.instanceId}), user ${c.username}`
        + `${c.tokenId ? `, token id ${c.tokenId}` : ''}, expires ${c.expires}, owner ${c.owner}`);
      progress.detail(`  docker login ${c.registry} -u ${c.username}: ${c.loginOk ? 'Login Succeeded' : `FAILED: ${c.loginProblem}`}`);
    }
    const failed = found.filter((c) => !c.loginOk);
    if (failed.length > 0) throw new Error(`the registry refused the credential delivered in ${failed.map((c) => c.secret).join(', ')}`);
    return found;
  });
}

type KeepOptions = Pick<LocalRunOptions, 'appDir' | 'stack' | 'waitWhileKept'>;

async function keepRunning(options: KeepOptions, target: ApiTarget, cliConfigFile: string, progress: Progress, what = 'the stack stays applied'): Promise<void> {
  const dir = path.join(options.appDir, WORK_DIR_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const secretKeyFile = path.join(dir, 'emulator.key');
  fs.writeFileSync(secretKeyFile, `${target.secretKey}\n`, { mode: 0o600 });
  const endpoint: KeptEndpoint = { endpointUrl: target.endpointUrl, secretId: target.secretId, secretKeyFile, region: target.region, cliConfigFile };
  fs.writeFileSync(keptEndpointFile(options.appDir), `${JSON.stringify(endpoint, null, 2)}\n`);
  progress.detail(`kept: ${what}, the emulator runs at ${target.endpointUrl} until Ctrl-C`);
  progress.detail('  eval "$(tcr-local env)"   # point terraform, the SDK and tcr-credentials at it');
  if (what === 'the stack stays applied') {
    progress.detail(`  tcr-local destroy --endpoint ${target.endpointUrl}${options.stack ? ` --stack ${options.stack}` : ''}`);
  }
  await (options.waitWhileKept ?? waitForSignal)(endpoint);
  fs.rmSync(keptEndpointFile(options.appDir), { force: true });
  fs.rmSync(secretKeyFile, { force: true });
}

export interface StartOptions {
  readonly appDir: string;
  readonly port?: number;
  readonly region?: string;
  readonly plugin: StandInPlugin;
  readonly out: (line: string) => void;
  /** Resolves when the user is done with the emulator. @default SIGINT or SIGTERM */
  readonly waitWhileKept?: (endpoint: KeptEndpoint) => Promise<void>;
}

/**
 * `tcr-local start`: the emulator and the stand-in without a stack, for pipelines' own scripts: after
 * `eval "$(tcr-local env)"` a plain `terraform` uses the stand-in against the emulator, and the SDK and
 * tcr-credentials call the emulator too.
 */
export async function startLocal(options: StartOptions): Promise<void> {
  const progress = new Progress(options.out);
  const emulator = await progress.step('start the emulator', () => startEmulator({ port: options.port ?? 0 }));
  try {
    const target: ApiTarget = {
      endpointUrl: emulator.url.replace(/\/$/, ''),
      secretId: emulator.root.secretId,
      secretKey: emulator.root.secretKey,
      region: options.region ?? DEFAULT_REGION,
    };
    progress.detail(`endpoint ${target.endpointUrl}, root SecretId ${target.secretId} (SecretKey not shown)`);
    const dir = path.join(options.appDir, WORK_DIR_NAME);
    const cliConfig = await progress.step(`install the provider stand-in ${options.plugin.version}`, () => {
      fs.mkdirSync(dir, { recursive: true });
      return installStandIn(dir, options.plugin);
    });
    progress.detail(`CLI config ${cliConfig} (TF_CLI_CONFIG_FILE; ~/.terraformrc is not read)`);
    await keepRunning(options, target, cliConfig, progress, 'nothing is deployed');
  } finally {
    await emulator.close();
  }
}
