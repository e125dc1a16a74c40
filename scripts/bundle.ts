/**
 * Builds the package's programs that call Tencent Cloud APIs as single-file esbuild bundles in bundle/, with the
 * third-party licences they contain (bundle/THIRD-PARTY-LICENSES.md). The npm package therefore depends on nothing
 * but its peers: tencentcloud-sdk-nodejs and the gRPC libraries are build-time inputs, not dependencies.
 *
 * Run by `npx projen bundle` (part of post-compile) and by npm's prepack, so `npm pack` always ships fresh bundles.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as esbuild from 'esbuild';

const REPO = path.resolve(__dirname, '..');
export const BUNDLE_DIR = path.join(REPO, 'bundle');

export interface BundleSpec {
  /** Source entry point, relative to the repo. */
  readonly entry: string;
  /** Output file name inside bundle/. */
  readonly outfile: string;
  /** A bin: executable, keeps the entry's `#!/usr/bin/env node`. */
  readonly bin?: boolean;
  /**
   * Source files another bundle already contains, mapped to that bundle's require path: the bin then loads the
   * library bundle instead of carrying a second copy of it.
   */
  readonly shared?: Readonly<Record<string, string>>;
  /** A `.d.ts` written beside the bundle re-exporting these compiled typings (relative to bundle/). */
  readonly typings?: string;
  /** Files the bundle reads at run time, copied beside it: repo path -> path inside bundle/. */
  readonly assets?: Readonly<Record<string, string>>;
}

export const BUNDLES: readonly BundleSpec[] = [
  { entry: 'src/emulator/index.ts', outfile: 'emulator.js', typings: '../lib/emulator/index' },
  { entry: 'src/emulator/cli.ts', outfile: 'tencentcloud-emulator.js', bin: true, shared: { 'src/emulator/index.ts': './emulator.js' } },
  // Self-contained: the credential constructs copy this one file into cdktf.out as a TerraformAsset.
  { entry: 'src/shim/bin.ts', outfile: 'tcr-credentials.js', bin: true },
  // The provider stand-in tcr-local installs for terraform; it loads its proto definitions and schema from beside it.
  {
    entry: 'tfprovider/main.ts',
    outfile: 'tfprovider/terraform-provider-tencentcloud.js',
    assets: {
      'tfprovider/proto': 'tfprovider/proto',
      'schema/tencentcloud-provider-schema.json': 'tfprovider/tencentcloud-provider-schema.json',
      'schema/provider.json': 'tfprovider/provider.json',
    },
  },
  { entry: 'src/local/cli.ts', outfile: 'tcr-local.js', bin: true, shared: { 'src/emulator/index.ts': './emulator.js' } },
];

interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly licenseText?: string;
}

/** Resolves imports of files another bundle holds to an external require of that bundle. */
function sharedBundlesPlugin(shared: Readonly<Record<string, string>>): esbuild.Plugin {
  const byFile = new Map(Object.entries(shared).map(([file, target]) => [path.join(REPO, file), target]));
  return {
    name: 'shared-bundles',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const base = path.resolve(args.resolveDir, args.path);
        for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
          const target = byFile.get(candidate);
          if (target) return { path: target, external: true };
        }
        return undefined;
      });
    },
  };
}

/** The package a bundled input file belongs to: the directory after its last `node_modules/`. */
function packageRootOf(input: string): string | undefined {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const depth = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return path.join(REPO, ...parts.slice(0, at + 1 + depth));
}

function packageInfo(root: string): PackageInfo {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const licenseFile = fs.readdirSync(root).find((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f));
  const license = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? 'UNKNOWN';
  return {
    name: pkg.name,
    version: pkg.version,
    license,
    licenseText: licenseFile ? fs.readFileSync(path.join(root, licenseFile), 'utf8').trim() : undefined,
  };
}

export interface BuiltBundle {
  readonly outfile: string;
  readonly bytes: number;
  readonly packages: readonly PackageInfo[];
}

/** The esbuild options of one bundle (also used to rebuild a single bundle in tests). */
export function esbuildOptions(spec: BundleSpec, outfile: string): esbuild.BuildOptions & { metafile: true } {
  return {
    absWorkingDir: REPO,
    entryPoints: [path.join(REPO, spec.entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    // Licence headers of bundled code stay in the file; the full texts go to THIRD-PARTY-LICENSES.md.
    legalComments: 'eof',
    sourcemap: false,
    // The SDK's HTTP stack (node-fetch -> whatwg-url -> tr46) requires Node's deprecated punycode module, which
    // prints DEP0040 on every start from Node 21 on: bundle the userland package of the same code instead.
    alias: { punycode: 'punycode/' },
    // Minified, but keepNames: a stack trace from a user still names the functions.
    minify: true,
    keepNames: true,
    metafile: true,
    logLevel: 'error',
    plugins: spec.shared ? [sharedBundlesPlugin(spec.shared)] : [],
  };
}

export async function buildBundles(outDir: string = BUNDLE_DIR): Promise<BuiltBundle[]> {
  // Each output is overwritten, the folder is not emptied: tests build bundle/tcr-credentials.js on demand too.
  fs.mkdirSync(outDir, { recursive: true });
  const built: BuiltBundle[] = [];
  for (const spec of BUNDLES) {
    const outfile = path.join(outDir, spec.outfile);
    const result = await esbuild.build(esbuildOptions(spec, outfile));
    const roots = new Set<string>();
    for (const input of Object.keys(result.metafile!.inputs)) {
      const root = packageRootOf(input);
      if (root) roots.add(root);
    }
    if (spec.bin) fs.chmodSync(outfile, 0o755);
    for (const [from, to] of Object.entries(spec.assets ?? {})) {
      fs.cpSync(path.join(REPO, from), path.join(outDir, to), { recursive: true });
    }
    if (spec.typings) {
      fs.writeFileSync(outfile.replace(/\.js$/, '.d.ts'), `export * from '${spec.typings}';\n`);
    }
    built.push({ outfile, bytes: fs.statSync(outfile).size, packages: [...roots].sort().map(packageInfo) });
  }
  fs.writeFileSync(path.join(outDir, 'THIRD-PARTY-LICENSES.md'), licencesDocument(built));
  return built;
}

function licencesDocument(built: readonly BuiltBundle[]): string {
  const lines = [
    '# Third-party software in these bundles',
    '',
    'Generated by scripts/bundle.ts from the metadata of the packages esbuild put into each bundle.',
    '',
  ];
  const texts = new Map<string, PackageInfo>();
  for (const b of built) {
    lines.push(`## ${path.relative(BUNDLE_DIR, b.outfile)}`, '');
    if (b.packages.length === 0) lines.push('No third-party code.');
    for (const p of b.packages) {
      lines.push(`- ${p.name} ${p.version} (${p.license})`);
      texts.set(`${p.name}@${p.version}`, p);
    }
    lines.push('');
  }
  for (const [id, p] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## ${id}: licence text`, '', '```', p.licenseText ?? `No licence file in the package; its package.json declares ${p.license}.`, '```', '');
  }
  return lines.join('\n');
}

/* istanbul ignore next: the command-line entry; buildBundles is what the tests call */
if (require.main === module) {
  buildBundles().then((built) => {
    for (const b of built) {
      process.stdout.write(`${path.relative(REPO, b.outfile)}: ${(b.bytes / 1024).toFixed(0)} KiB, ${b.packages.length} third-party packages\n`);
    }
  }, (e: Error) => {
    process.stderr.write(`bundle: ${e.message}\n`);
    process.exit(1);
  });
}
