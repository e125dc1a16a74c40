/**
 * A user's cdktf app directory as tcr-local sees it: `cdktf.json` names the command that synthesizes it and the
 * output directory; `<output>/manifest.json` lists the synthesized stacks.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface CdktfApp {
  readonly dir: string;
  /** The `app` command of cdktf.json; undefined when the app has only a synthesized output. */
  readonly command?: string;
  /** Absolute output directory (cdktf.json `output`, default `cdktf.out`). */
  readonly outdir: string;
}

export function readCdktfApp(dir: string): CdktfApp {
  const file = path.join(dir, 'cdktf.json');
  if (!fs.existsSync(file)) {
    if (fs.existsSync(path.join(dir, 'cdktf.out', 'manifest.json'))) return { dir, outdir: path.join(dir, 'cdktf.out') };
    throw new Error(`${dir} is not a cdktf app: it has neither cdktf.json nor cdktf.out/manifest.json`);
  }
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (config.app !== undefined && (typeof config.app !== 'string' || config.app.trim() === '')) {
    throw new Error(`${file}: "app" must be the command that synthesizes the app, got ${JSON.stringify(config.app)}`);
  }
  return { dir, command: config.app, outdir: path.resolve(dir, config.output ?? 'cdktf.out') };
}

/** Runs the app's synth command the way `cdktf synth` does (CDKTF_OUTDIR); each output line goes to `line`. */
export function synthesize(app: CdktfApp, line: (text: string) => void): Promise<void> {
  if (!app.command) return Promise.reject(new Error(`${path.join(app.dir, 'cdktf.json')} has no "app" command to synthesize with`));
  return new Promise((resolve, reject) => {
    const child = spawn(app.command!, {
      cwd: app.dir,
      shell: true,
      env: { ...process.env, CDKTF_OUTDIR: app.outdir, CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail: string[] = [];
    const onData = (chunk: Buffer) => {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) {
        line(l);
        tail = [...tail, l].slice(-20);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`synth command ${JSON.stringify(app.command)} exited with ${code}${tail.length ? `:\n${tail.join('\n')}` : ''}`));
    });
  });
}

/** The stack directories of the synthesized output, by stack name. */
export function synthesizedStacks(app: CdktfApp): Record<string, string> {
  const manifestFile = path.join(app.outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`no synthesized app at ${app.outdir} (manifest.json missing): synthesize first`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  return Object.fromEntries(Object.values<{ name: string; workingDirectory: string }>(manifest.stacks ?? {})
    .map((s) => [s.name, path.join(app.outdir, s.workingDirectory)]));
}

/** The stack to work on: the named one, or the only one; otherwise an error listing the choices. */
export function chooseStack(stacks: Record<string, string>, name?: string): string {
  const names = Object.keys(stacks).sort();
  if (name !== undefined) {
    if (!stacks[name]) throw new Error(`--stack ${JSON.stringify(name)} is not a stack of this app; its stacks: ${names.join(', ') || '(none)'}`);
    return name;
  }
  if (names.length === 1) return names[0];
  throw new Error(names.length === 0 ? 'the app synthesized no stacks' : `the app has ${names.length} stacks: choose one with --stack (${names.join(', ')})`);
}
