/**
 * The real terraform binary pointed at the provider stand-in, for one synthesized stack: the stack is copied into
 * a work directory of tcr-local's own (`.tcr-local/<stack>/`), its backend is replaced by a local one there (an
 * override file, so a CosBackend stack never reaches COS), and the stand-in is installed through a CLI config and a
 * filesystem mirror in that directory (TF_CLI_CONFIG_FILE); the user's ~/.terraformrc is never read or changed.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const PROVIDER_SOURCE = 'registry.terraform.io/tencentcloudstack/tencentcloud';

/** The provider stand-in as a runnable bundle (with its proto/ and schema beside it) and the version it emulates. */
export interface StandInPlugin {
  readonly bundle: string;
  readonly version: string;
}

/** The stand-in the package ships: bundle/tfprovider/, next to the tcr-local bundle. */
export function packagedStandIn(bundleDir: string = __dirname): StandInPlugin {
  const dir = path.join(bundleDir, 'tfprovider');
  const bundle = path.join(dir, 'terraform-provider-tencentcloud.js');
  const manifest = path.join(dir, 'provider.json');
  if (!fs.existsSync(bundle) || !fs.existsSync(manifest)) {
    throw new Error(`the provider stand-in is missing from ${dir} (expected terraform-provider-tencentcloud.js and provider.json; reinstall cdktf-tencentcloud-tcr)`);
  }
  return { bundle, version: JSON.parse(fs.readFileSync(manifest, 'utf8')).version };
}

/** terraform on PATH, else the fallbacks; throws naming where it looked. */
export function findTerraform(env: NodeJS.ProcessEnv = process.env, fallbacks: readonly string[] = ['/usr/local/bin/terraform']): string {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const found = [...dirs.map((d) => path.join(d, 'terraform')), ...fallbacks].find(isExecutable);
  if (!found) {
    const where = fallbacks.length > 0 ? `on PATH or at ${fallbacks.join(', ')}` : 'on PATH';
    throw new Error(`terraform not found ${where}: install terraform >= 1.5`);
  }
  return found;
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** terraform's platform directory name for this machine (`linux_amd64`, `darwin_arm64`, ...). */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const archNames: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  return `${platform === 'win32' ? 'windows' : platform}_${archNames[arch] ?? arch}`;
}

/** Where the API calls of terraform's provider go, and as whom. */
export interface ApiTarget {
  /** `http://127.0.0.1:PORT` */
  readonly endpointUrl: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly region: string;
}

export interface CommandResult {
  readonly args: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly seconds: number;
}

export interface WorkspaceOptions {
  /** The synthesized stack directory (`cdktf.out/stacks/<name>`). */
  readonly stackDir: string;
  /** tcr-local's directory for this stack: copy of the stack, state, terraform data, CLI config, mirror. */
  readonly workDir: string;
  readonly plugin: StandInPlugin;
  readonly terraform?: string;
  /** A terraform command still running after this long is terminated (SIGTERM, then SIGKILL). @default 300 */
  readonly commandTimeoutSeconds?: number;
}

/**
 * Installs the stand-in into `dir/mirror` as a filesystem mirror and writes the CLI config naming it at
 * `cliConfig`: terraform run with TF_CLI_CONFIG_FILE=cliConfig takes the tencentcloud provider from there only.
 */
export function installStandIn(dir: string, plugin: StandInPlugin, cliConfig: string = path.join(dir, 'terraform.rc')): string {
  const mirror = path.join(dir, 'mirror');
  const platformDir = path.join(mirror, ...PROVIDER_SOURCE.split('/'), plugin.version, terraformPlatform());
  fs.rmSync(mirror, { recursive: true, force: true });
  fs.mkdirSync(platformDir, { recursive: true });
  // The plugin is a JS bundle: terraform execs this wrapper, which runs it on the Node running tcr-local.
  fs.writeFileSync(path.join(platformDir, `terraform-provider-tencentcloud_v${plugin.version}`),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(plugin.bundle)} "$@"\n`, { mode: 0o755 });
  fs.writeFileSync(cliConfig, [
    'provider_installation {',
    `  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = [${JSON.stringify(PROVIDER_SOURCE)}]\n  }`,
    `  direct {\n    exclude = [${JSON.stringify(PROVIDER_SOURCE)}]\n  }`,
    '}',
    '',
  ].join('\n'));
  return cliConfig;
}

export class LocalWorkspace {
  readonly stackCopy: string;
  readonly stateFile: string;
  readonly cliConfig: string;
  readonly terraform: string;
  private readonly commandTimeoutMs: number;

  constructor(private readonly options: WorkspaceOptions) {
    this.terraform = options.terraform ?? findTerraform();
    this.commandTimeoutMs = (options.commandTimeoutSeconds ?? 300) * 1000;
    this.stackCopy = path.join(options.workDir, 'stack');
    this.stateFile = path.join(options.workDir, 'terraform.tfstate');
    this.cliConfig = path.join(options.workDir, 'terraform.rc');
  }

  /** Copies the stack in fresh (keeping state and terraform's data dir) and installs the stand-in. */
  prepare(): void {
    const { workDir, stackDir, plugin } = this.options;
    if (!fs.existsSync(path.join(stackDir, 'cdk.tf.json'))) throw new Error(`no synthesized stack at ${stackDir} (cdk.tf.json missing)`);
    fs.rmSync(this.stackCopy, { recursive: true, force: true });
    fs.mkdirSync(workDir, { recursive: true });
    fs.cpSync(stackDir, this.stackCopy, { recursive: true, filter: (src) => path.basename(src) !== '.terraform' });
    // An override's backend block replaces the stack's, whatever kind it is.
    fs.writeFileSync(path.join(this.stackCopy, 'tcr_local_override.tf.json'),
      `${JSON.stringify({ terraform: { backend: { local: { path: this.stateFile } } } }, null, 2)}\n`);

    installStandIn(workDir, plugin, this.cliConfig);
  }

  /** The environment terraform and the stand-in run with: only tcr-local's TF_ and TENCENTCLOUD_ settings. */
  env(target: ApiTarget): NodeJS.ProcessEnv {
    const inherited = { ...process.env };
    for (const k of Object.keys(inherited)) if (k.startsWith('TF_') || k.startsWith('TENCENTCLOUD_')) delete inherited[k];
    return {
      ...inherited,
      CHECKPOINT_DISABLE: '1',
      TF_CLI_CONFIG_FILE: this.cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_DATA_DIR: path.join(this.options.workDir, '.terraform'),
      TENCENTCLOUD_ENDPOINT_URL: target.endpointUrl,
      TENCENTCLOUD_SECRET_ID: target.secretId,
      TENCENTCLOUD_SECRET_KEY: target.secretKey,
      TENCENTCLOUD_REGION: target.region,
    };
  }

  /** Runs terraform in the stack copy; every output line goes to `line` as it comes. */
  run(args: readonly string[], target: ApiTarget, line: (text: string) => void): Promise<CommandResult> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn(this.terraform, [...args, '-no-color'], { cwd: this.stackCopy, env: this.env(target), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      const split = (onLine: (l: string) => void) => {
        let rest = '';
        return (chunk: Buffer) => {
          const lines = (rest + chunk.toString('utf8')).split('\n');
          rest = lines.pop()!;
          lines.forEach(onLine);
        };
      };
      child.stdout.on('data', split((l) => { stdout += `${l}\n`; line(l); }));
      child.stderr.on('data', split(line));
      const timer = setTimeout(() => {
        line(`terraform ${args[0]} still running after ${this.commandTimeoutMs / 1000} s: terminating it`);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }, this.commandTimeoutMs);
      child.on('error', (e) => { clearTimeout(timer); reject(e); });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ args, code: code ?? 1, stdout, seconds: (Date.now() - started) / 1000 });
      });
    });
  }

  /** The state terraform wrote (an empty one before the first apply). */
  state(): { resources?: Array<{ type: string; mode: string; instances?: Array<{ attributes?: Record<string, any> }> }> } {
    return fs.existsSync(this.stateFile) ? JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) : {};
  }
}
