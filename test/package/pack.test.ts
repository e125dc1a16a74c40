/*
 * The published artifact as a user gets it: `npm pack` (which runs prepack: compile + bundles), unpacked, checked
 * file by file, then installed into a fresh cdktf app with no network and no dev dependencies in reach, where the
 * README's code must compile and synthesize unchanged and the emulator must start from its bundle.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The target for the unpacked package (it was 52.7 MB with the bundled SDK). */
const MAX_UNPACKED_BYTES = 5 * 1024 * 1024;

let work: string;
let pkgDir: string;
let files: string[];
let manifest: Record<string, any>;

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

/** Runs a command in the tests' clean environment: no proxy, no checkpoint call, never the user's npm config. */
function run(cmd: string, args: readonly string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}) {
  return spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', npm_config_userconfig: path.join(work, 'npmrc'), ...extraEnv },
    timeout: 120_000,
  });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tcr-pack-'));
  fs.writeFileSync(path.join(work, 'npmrc'), '');
  const packed = run(NPM, ['pack', '--pack-destination', work], REPO);
  if (packed.status !== 0) throw new Error(`npm pack failed (${packed.status}):\n${packed.stdout}\n${packed.stderr}`);
  const tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${work}:\n${packed.stdout}`);
  fs.renameSync(path.join(work, tarball), path.join(work, 'package.tgz'));
  execFileSync('tar', ['xzf', 'package.tgz'], { cwd: work });
  pkgDir = path.join(work, 'package');
  files = walk(pkgDir);
  manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  test(`unpacks to under ${MAX_UNPACKED_BYTES / 1024 / 1024} MB and bundles no dependency`, () => {
    const unpacked = files.reduce((sum, f) => sum + fs.statSync(path.join(pkgDir, f)).size, 0);
    expect({ unpacked, withinTarget: unpacked < MAX_UNPACKED_BYTES }).toEqual({ unpacked, withinTarget: true });
    expect(files.filter((f) => f.includes('node_modules/'))).toEqual([]);
    expect(manifest.bundledDependencies ?? manifest.bundleDependencies).toBeUndefined();
    // Only peers: the programs that call Tencent Cloud APIs carry their libraries in their bundles.
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['cdktf', 'constructs']);
    for (const range of Object.values<string>(manifest.peerDependencies)) expect(range).toMatch(/^\^/);
  });

  test('ships the library, the bundles and their licences, not the repo tooling', () => {
    expect(files).toEqual(expect.arrayContaining([
      'lib/index.js', 'lib/index.d.ts', '.jsii', 'README.md', 'LICENSE',
      'bundle/emulator.js', 'bundle/emulator.d.ts', 'bundle/THIRD-PARTY-LICENSES.md', 'bundle/tcr-local.js',
      'bundle/tfprovider/terraform-provider-tencentcloud.js', 'bundle/tfprovider/proto/tfplugin6.proto',
      'bundle/tfprovider/tencentcloud-provider-schema.json', 'bundle/tfprovider/provider.json',
    ]));
    const leaked = files.filter((f) => /^(src|test|examples|scripts|bench|tfprovider|cdktf\.out|\.tcr-local|\.ci|\.projen)\//.test(f)
      || f === 'cdktf.json' || f.endsWith('.tgz') || /^lib\/emulator\/.*\.js$/.test(f) || /^lib\/(shim|local)\//.test(f));
    expect(leaked).toEqual([]);
    const licences = fs.readFileSync(path.join(pkgDir, 'bundle', 'THIRD-PARTY-LICENSES.md'), 'utf8');
    expect(licences).toMatch(/- tencentcloud-sdk-nodejs 4\.1\.313 \(Apache-2\.0\)/);
    expect(licences).toContain('## tencentcloud-sdk-nodejs@4.1.313: licence text');
  });

  test('no source map points at a file the package lacks', () => {
    const dangling: string[] = [];
    for (const f of files.filter((x) => /\.(js|map)$/.test(x))) {
      const text = fs.readFileSync(path.join(pkgDir, f), 'utf8');
      const maps: Array<{ from: string; doc: { sources?: string[]; sourceRoot?: string } }> = [];
      if (f.endsWith('.map')) maps.push({ from: f, doc: JSON.parse(text) });
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      if (url?.startsWith('data:')) {
        maps.push({ from: f, doc: JSON.parse(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')) });
      } else if (url && !files.includes(path.posix.join(path.posix.dirname(f), url))) {
        dangling.push(`${f} -> ${url}`);
      }
      for (const { from, doc } of maps) {
        for (const source of doc.sources ?? []) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), doc.sourceRoot ?? '', source));
          if (!files.includes(target)) dangling.push(`${from} -> ${source}`);
        }
      }
    }
    expect(dangling).toEqual([]);
  });

  test('every relative link in the packaged Markdown resolves inside the package', () => {
    const broken: string[] = [];
    for (const doc of files.filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(pkgDir, doc), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split('#')[0];
        if (!target || /^[a-z]+:/i.test(m[1])) continue; // anchors, http(s):, mailto:
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target)).replace(/\/$/, '');
        if (!files.some((f) => f === resolved || f.startsWith(`${resolved}/`))) broken.push(`${doc}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('every bin answers --help, -h and --version with exit 0, from the unpacked package alone', () => {
    const bins: Record<string, string> = manifest.bin;
    expect(Object.keys(bins).length).toBeGreaterThan(0);
    for (const [name, file] of Object.entries(bins)) {
      expect(files).toContain(path.posix.normalize(file));
      expect(fs.readFileSync(path.join(pkgDir, file), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
      for (const flag of ['--help', '-h']) {
        const r = run(process.execPath, [path.join(pkgDir, file), flag], work);
        expect({ name, flag, status: r.status, stderr: r.stderr }).toEqual({ name, flag, status: 0, stderr: '' });
        expect(r.stdout).toContain(`usage: ${name} `);
      }
      const v = run(process.execPath, [path.join(pkgDir, file), '--version'], work);
      expect({ name, status: v.status, stdout: v.stdout.trim() }).toEqual({ name, status: 0, stdout: `${name} ${manifest.version}` });
    }
  });
});

describe('installed into a fresh cdktf app, offline', () => {
  let app: string;

  beforeAll(() => {
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', version: '1.0.0', private: true }));
    // The tarball alone, as a user's `npm install` would put it; --offline proves it needs nothing from a registry.
    const install = run(NPM, ['install', '--offline', '--legacy-peer-deps', '--no-audit', '--no-fund', '--ignore-scripts', '../package.tgz'], app);
    if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stdout}\n${install.stderr}`);
    // The peers the user brings: the repo's own copies (nothing else of the repo's node_modules is in reach).
    for (const peer of ['cdktf', 'constructs']) {
      fs.symlinkSync(path.join(REPO, 'node_modules', peer), path.join(app, 'node_modules', peer), 'dir');
    }
  }, 120_000);

  test('installs no dependency of its own', () => {
    expect(fs.readdirSync(path.join(app, 'node_modules')).sort()).toEqual(['.bin', '.package-lock.json', 'cdktf', 'cdktf-tencentcloud-tcr', 'constructs']);
  });

  test("the README's construct example compiles and synthesizes unchanged", () => {
    const readme = fs.readFileSync(path.join(pkgDir, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Constructs'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toContain("from 'cdktf-tencentcloud-tcr'");
    fs.writeFileSync(path.join(app, 'main.ts'), code!);
    const tsc = run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--strict', '--target', 'es2022', '--module', 'commonjs', '--skipLibCheck', 'main.ts'], app);
    expect({ status: tsc.status, out: tsc.stdout }).toEqual({ status: 0, out: '' });
    const synth = run(process.execPath, ['main.js'], app);
    expect({ status: synth.status, stderr: synth.stderr }).toEqual({ status: 0, stderr: '' });
    const doc = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out', 'stacks', 'registry', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(doc.resource).sort()).toEqual(['tencentcloud_tcr_instance', 'tencentcloud_tcr_namespace', 'tencentcloud_tcr_service_account']);
    expect(doc.terraform.required_providers.tencentcloud).toEqual({ source: 'registry.terraform.io/tencentcloudstack/tencentcloud', version: '1.83.25' });
  });

  test('bad input is reported with the construct path, property, value and rule', () => {
    fs.writeFileSync(path.join(app, 'bad.js'), [
      "const { App, TerraformStack } = require('cdktf');",
      "const { providers, TcrInstance } = require('cdktf-tencentcloud-tcr');",
      "const app = new App(); const stack = new TerraformStack(app, 'bad');",
      "new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });",
      "new TcrInstance(stack, 'registry', { name: 'Bad_Name' });",
      'app.synth();',
    ].join('\n'));
    const synth = run(process.execPath, ['bad.js'], app);
    expect(synth.status).not.toBe(0);
    expect(synth.stderr).toContain('[bad/registry] TcrInstance property "name" has value "Bad_Name"');
  });

  test("tcr-local deploys the README's stack from the package: real terraform, the bundled stand-in, the emulator", () => {
    fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node main.js' }));
    const r = run(path.join(app, 'node_modules', '.bin', 'tcr-local'), ['deploy'], app);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
    expect(r.stdout).toMatch(/ci_password = \(sensitive, not shown\)/);
    expect(r.stdout).toContain('check the emulator is as it started: done');
    expect(r.stdout).toContain('tcr-local deploy of stack registry: ok');
  });

  test('the emulator starts from its bundle, without tencentcloud-sdk-nodejs installed', () => {
    const r = run(process.execPath, ['-e', [
      "const { startEmulator } = require('cdktf-tencentcloud-tcr/bundle/emulator');",
      "startEmulator({ port: 0 }).then(async (h) => { console.log('endpoint', h.endpoint); await h.close(); });",
    ].join('\n')], app);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^endpoint 127\.0\.0\.1:\d+$/m);
    expect(() => require.resolve('tencentcloud-sdk-nodejs', { paths: [app] })).toThrow();
  });
});
