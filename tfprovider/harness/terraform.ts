/**
 * Runs the real terraform binary against a synthesized example stack, offline: the stand-in provider is bundled
 * with esbuild into one JS file behind a `#!/bin/sh` wrapper, installed into a filesystem mirror that a CLI config of
 * the harness's own names (TF_CLI_CONFIG_FILE; ~/.terraformrc is never read or touched), and pointed at a local
 * emulator through TENCENTCLOUD_ENDPOINT_URL.
 */
import { spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { findTerraform } from '../../src/local/terraform';

const REPO = path.resolve(__dirname, '..', '..');
export const PROVIDER_VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, 'schema', 'provider.json'), 'utf8')).version;
/** The plugin's own sources; the harness beside them (this folder) is not part of the plugin. */
const PLUGIN_DIR = path.join(REPO, 'tfprovider');
const HARNESS_DIR = __dirname;

// terraform on PATH, else /usr/local/bin/terraform; throws (never skips) when neither exists: tcr-local's lookup.
export { findTerraform };

export interface PluginInstall {
  /** filesystem_mirror root */
  readonly mirrorDir: string;
  readonly bundle: string;
  readonly buildSeconds: number;
}

let installed: PluginInstall | undefined;

/** Everything the bundle is made of: a change in any of them means a new bundle. */
function bundleInputsDigest(): string {
  const hash = crypto.createHash('sha256').update(process.execPath).update(PROVIDER_VERSION);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (p === HARNESS_DIR) continue;
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(PLUGIN_DIR);
  files.push(path.join(REPO, 'src', 'validation', 'name-rules.ts'), path.join(REPO, 'schema', 'tencentcloud-provider-schema.json'), path.join(REPO, 'package-lock.json'));
  for (const f of files.sort()) hash.update(f).update(fs.readFileSync(f));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles the plugin into a temp dir laid out as a filesystem mirror. The dir is named after a digest of the
 * plugin's sources, so test workers and later runs reuse one build instead of leaving a copy each behind.
 */
export function installPlugin(): PluginInstall {
  if (installed && fs.existsSync(installed.bundle)) return installed;
  const t0 = process.hrtime.bigint();
  const root = path.join(os.tmpdir(), `tf-standin-plugin-${bundleInputsDigest()}`);
  const mirrorDir = path.join(root, 'mirror');
  const bundle = path.join(root, 'bin', 'terraform-provider-tencentcloud.js');
  if (!fs.existsSync(path.join(root, 'complete'))) {
    // Build beside the final place and rename: concurrent jest workers never see a half-written plugin.
    const staging = fs.mkdtempSync(`${root}.staging-`);
    const binDir = path.join(staging, 'bin');
    fs.mkdirSync(path.join(binDir, 'proto'), { recursive: true });
    esbuild.buildSync({
      entryPoints: [path.join(PLUGIN_DIR, 'main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: path.join(binDir, 'terraform-provider-tencentcloud.js'),
      logLevel: 'error',
    });
    for (const f of fs.readdirSync(path.join(PLUGIN_DIR, 'proto'))) {
      fs.copyFileSync(path.join(PLUGIN_DIR, 'proto', f), path.join(binDir, 'proto', f));
    }
    fs.copyFileSync(path.join(REPO, 'schema', 'tencentcloud-provider-schema.json'), path.join(binDir, 'tencentcloud-provider-schema.json'));
    const platformDir = path.join(staging, 'mirror', 'registry.terraform.io', 'tencentcloudstack', 'tencentcloud', PROVIDER_VERSION, 'linux_amd64');
    fs.mkdirSync(platformDir, { recursive: true });
    const exe = path.join(platformDir, `terraform-provider-tencentcloud_v${PROVIDER_VERSION}`);
    fs.writeFileSync(exe, `#!/bin/sh\nexec "${process.execPath}" "${bundle}" "$@"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(staging, 'complete'), '');
    try {
      fs.renameSync(staging, root);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another worker finished first
    }
  }
  // The marker's mtime says when a build was last used: builds of older sources are pruned after a day.
  const now = new Date();
  fs.utimesSync(path.join(root, 'complete'), now, now);
  prunePluginBuilds(path.dirname(root), path.basename(root));
  installed = { mirrorDir, bundle, buildSeconds: Number(process.hrtime.bigint() - t0) / 1e9 };
  return installed;
}

/**
 * Removes plugin builds of other source digests not used for `maxAgeMs` (one is left per source change, ~2 MB each,
 * shared by every checkout on the machine) and staging dirs of interrupted builds.
 */
export function prunePluginBuilds(dir = os.tmpdir(), keep = '', maxAgeMs = 24 * 3600_000): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('tf-standin-plugin-') || name === keep) continue;
    const full = path.join(dir, name);
    let lastUsed: number;
    try {
      lastUsed = fs.statSync(name.includes('.staging-') ? full : path.join(full, 'complete')).mtimeMs;
    } catch {
      continue; // being renamed or removed by another process
    }
    if (Date.now() - lastUsed < maxAgeMs) continue;
    fs.rmSync(full, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export interface RunResult {
  readonly args: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export interface StackOptions {
  /** TENCENTCLOUD_ENDPOINT_URL of the emulator (omit for validate/plan-only runs). */
  readonly endpointUrl?: string;
  readonly secretId?: string;
  readonly secretKey?: string;
  readonly region?: string;
  /** Extra environment for terraform and the plugin. */
  readonly env?: Readonly<Record<string, string>>;
  /** A terraform command still running after this long is terminated (SIGTERM, then SIGKILL). @default 90 */
  readonly commandTimeoutSeconds?: number;
}

/** What `buildApp(outdir)` of an example returns (a cdktf App). */
export interface SynthesizableApp {
  readonly outdir: string;
  synth(): void;
}

/** One synthesized stack in its own temp dir, with its own CLI config, state and plugin log. */
export class TerraformStack {
  /** Synthesizes `buildApp(outdir)` of an example and prepares the named stack (default: the only one). */
  static fromApp(app: SynthesizableApp, options: StackOptions = {}, stackName?: string): TerraformStack {
    app.synth();
    const stacksDir = path.join(app.outdir, 'stacks');
    const stacks = fs.readdirSync(stacksDir);
    const name = stackName ?? (stacks.length === 1 ? stacks[0] : undefined);
    if (!name || !stacks.includes(name)) throw new Error(`choose a stack: ${stacks.join(', ')}`);
    return new TerraformStack(path.join(stacksDir, name), options);
  }

  /** A stack directory from a raw cdk.tf.json-style document (used for deliberately broken configs). */
  static fromJson(doc: object, options: StackOptions = {}): TerraformStack {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-standin-stack-'));
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(doc, null, 2));
    const stack = new TerraformStack(dir, options);
    stack.ownedDirs.push(dir);
    return stack;
  }

  readonly terraform: string;
  readonly logFile: string;
  readonly runs: RunResult[] = [];
  private readonly ownedDirs: string[] = [];
  private readonly cliConfig: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly commandTimeoutMs: number;
  private initialized = false;

  private constructor(readonly dir: string, options: StackOptions) {
    this.terraform = findTerraform();
    this.commandTimeoutMs = (options.commandTimeoutSeconds ?? 90) * 1000;
    const plugin = installPlugin();
    this.relocateLocalBackend();
    const tfHome = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-standin-cli-'));
    this.ownedDirs.push(tfHome);
    this.cliConfig = path.join(tfHome, 'terraform.rc');
    fs.writeFileSync(this.cliConfig, [
      'provider_installation {',
      `  filesystem_mirror {\n    path    = ${JSON.stringify(plugin.mirrorDir)}\n    include = ["registry.terraform.io/tencentcloudstack/tencentcloud"]\n  }`,
      '  direct {\n    exclude = ["registry.terraform.io/tencentcloudstack/tencentcloud"]\n  }',
      '}',
      '',
    ].join('\n'));
    this.logFile = path.join(tfHome, 'provider.log');
    const inherited = { ...process.env };
    for (const k of Object.keys(inherited)) if (k.startsWith('TF_') || k.startsWith('TENCENTCLOUD_')) delete inherited[k];
    this.env = {
      ...inherited,
      CHECKPOINT_DISABLE: '1',
      TF_CLI_CONFIG_FILE: this.cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_DATA_DIR: path.join(dir, '.terraform'),
      TFPROVIDER_LOG_FILE: this.logFile,
      TENCENTCLOUD_WRITE_RETRY_TIMEOUT: '10',
      ...(options.endpointUrl ? { TENCENTCLOUD_ENDPOINT_URL: options.endpointUrl } : {}),
      ...(options.secretId ? { TENCENTCLOUD_SECRET_ID: options.secretId } : {}),
      ...(options.secretKey ? { TENCENTCLOUD_SECRET_KEY: options.secretKey } : {}),
      TENCENTCLOUD_REGION: options.region ?? 'ap-guangzhou',
      ...options.env,
    };
  }

  async init(): Promise<RunResult> {
    const r = await this.run(['init', '-input=false', '-no-color'], { init: false });
    if (r.code !== 0) throw new Error(`terraform init failed:\n${r.stdout}\n${r.stderr}`);
    this.initialized = true;
    return r;
  }

  /** Runs terraform with `args` in the stack dir (after init). Never throws on a non-zero exit. */
  async run(args: string[], opts: { init?: boolean } = {}): Promise<RunResult> {
    if (opts.init !== false && !this.initialized) await this.init();
    const t0 = process.hrtime.bigint();
    const child = spawn(this.terraform, args, { cwd: this.dir, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // A hung command must not outlive its test: terraform gets SIGTERM (it stops its plugins), then SIGKILL.
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 3000);
    }, this.commandTimeoutMs);
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c) => resolve(c ?? -1));
    }).finally(() => {
      clearTimeout(timer);
      clearTimeout(killTimer);
    });
    const stderr = Buffer.concat(err).toString('utf8')
      + (timedOut ? `\nterraform ${args[0]} timed out after ${this.commandTimeoutMs / 1000} s and was terminated\n` : '');
    const result = { args, code: timedOut ? -1 : code, stdout: Buffer.concat(out).toString('utf8'), stderr, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
    this.runs.push(result);
    return result;
  }

  validate(): Promise<RunResult> {
    return this.run(['validate', '-no-color']);
  }

  /** `plan -out`, then `show -json` of that plan. */
  async plan(extra: string[] = []): Promise<{ run: RunResult; json: any }> {
    const run = await this.run(['plan', '-input=false', '-no-color', '-out=tfplan', ...extra]);
    if (run.code !== 0) return { run, json: undefined };
    const show = await this.run(['show', '-json', '-no-color', 'tfplan']);
    if (show.code !== 0) throw new Error(`terraform show -json failed:\n${show.stderr}`);
    return { run, json: JSON.parse(show.stdout) };
  }

  apply(): Promise<RunResult> {
    return this.run(['apply', '-input=false', '-no-color', '-auto-approve']);
  }

  destroy(): Promise<RunResult> {
    return this.run(['destroy', '-input=false', '-no-color', '-auto-approve']);
  }

  /** Replaces the configuration of a raw-JSON stack (to plan an update against existing state). */
  writeConfig(doc: object): void {
    fs.writeFileSync(path.join(this.dir, 'main.tf.json'), JSON.stringify(doc, null, 2));
  }

  /** The state terraform wrote (local backend), parsed. */
  state(): any {
    return JSON.parse(fs.readFileSync(this.stateFile(), 'utf8'));
  }

  /** Removes the temp dirs this stack created (CLI config, plugin log, raw-JSON stack dirs). */
  dispose(): void {
    for (const d of this.ownedDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  }

  /** The plugin's own log (every plugin process of every command of this stack). */
  pluginLog(): string {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
  }

  stateFile(): string {
    return path.join(this.dir, 'terraform.tfstate');
  }

  /** cdktf writes the local backend path as <cwd>/terraform.<stack>.tfstate; keep state inside the temp dir instead. */
  private relocateLocalBackend(): void {
    const file = path.join(this.dir, 'cdk.tf.json');
    if (!fs.existsSync(file)) return;
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (doc.terraform?.backend?.local) {
      doc.terraform.backend.local.path = path.join(this.dir, 'terraform.tfstate');
      fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    }
  }
}

/** Resource addresses a `terraform show -json` plan creates / updates / deletes / replaces. */
export function plannedActions(planJson: any): { create: string[]; update: string[]; delete: string[]; replace: string[]; noop: string[] } {
  const out = { create: [] as string[], update: [] as string[], delete: [] as string[], replace: [] as string[], noop: [] as string[] };
  for (const rc of planJson?.resource_changes ?? []) {
    const actions: string[] = rc.change?.actions ?? [];
    const key = actions.join(',');
    if (key === 'create') out.create.push(rc.address);
    else if (key === 'update') out.update.push(rc.address);
    else if (key === 'delete') out.delete.push(rc.address);
    else if (key === 'no-op' || key === 'read') out.noop.push(rc.address);
    else out.replace.push(rc.address);
  }
  return out;
}
