/**
 * The measuring method every bench script shares (bench/RESULTS.md): each measurement is one fresh `node` child
 * process running an esbuild bundle of the script (no TypeScript compiler in the measured process), variants
 * interleaved and rotated per repetition, medians reported; time = work inside the child, memory = its peak RSS.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface Measurement {
  /** Wall-clock time of the work in the child. */
  readonly ms: number;
  /** CPU time (user + system) of the child over the same work: less sensitive to other load on a shared machine. */
  readonly cpuMs: number;
  readonly peakRssMb: number;
}

/** A command-line argument of the child (`--name value`). */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Parent settings come from the environment, since `npm run bench` does not forward arguments to the task. */
export function setting(name: string, fallback: string): string {
  return process.env[name] ?? fallback;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Bundles `entry` (a bench script) into bench/out/<name>.js and returns the path. */
export function bundle(entry: string, name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const outfile = path.join(__dirname, 'out', `${name}.js`);
  esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: ['cdktf', 'constructs', 'esbuild'],
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs one child (`--child <variant> --n <n> --outdir <dir>`) and returns what it measured. */
export function measure(script: string, variant: string, n: number, keepDir?: string): Measurement {
  const outdir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `bench-${variant}-`));
  try {
    const stdout = execFileSync(process.execPath, [script, '--child', variant, '--n', String(n), '--outdir', outdir], {
      env: { ...process.env, CHECKPOINT_DISABLE: '1' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split('\n').pop()!);
  } finally {
    if (!keepDir) fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** In the child: times `build`, then prints the measurement as the last stdout line. */
export function reportChild(build: () => void): void {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  build();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb })}\n`);
}

/** The files a child run with `n` writes for `stack`, as written: the Terraform JSON and the app manifest. */
export function synthesizedFiles(script: string, variant: string, n: number, stack: string): { document: string; manifest: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-check-${variant}-`));
  try {
    measure(script, variant, n, dir);
    return {
      document: fs.readFileSync(path.join(dir, 'stacks', stack, 'cdk.tf.json'), 'utf8'),
      manifest: fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The synthesized document of `stack` written by a child run with `n`, parsed. */
export function synthesizedDocument(script: string, variant: string, n: number, stack: string): any {
  return JSON.parse(synthesizedFiles(script, variant, n, stack).document);
}

export function sortKeys(value: any): any {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}

/** Medians of `repeats` interleaved, rotated runs of every variant at size `n`. */
export function sample<V extends string>(
  script: string, variants: readonly V[], n: number, repeats: number,
): Record<V, { ms: number; cpuMs: number; mb: number; mbMin: number; mbMax: number }> {
  const samples = Object.fromEntries(variants.map((v) => [v, [] as Measurement[]])) as Record<V, Measurement[]>;
  for (let r = 0; r < repeats; r++) {
    // Interleave (and rotate) variants so machine drift hits all of them alike.
    const order = variants.map((_, i) => variants[(i + r) % variants.length]);
    for (const variant of order) samples[variant].push(measure(script, variant, n));
  }
  return Object.fromEntries(variants.map((v) => [v, {
    ms: median(samples[v].map((s) => s.ms)),
    cpuMs: median(samples[v].map((s) => s.cpuMs)),
    mb: median(samples[v].map((s) => s.peakRssMb)),
    // The spread shows a bimodal heap, which a median hides.
    mbMin: Math.min(...samples[v].map((s) => s.peakRssMb)),
    mbMax: Math.max(...samples[v].map((s) => s.peakRssMb)),
  }])) as Record<V, { ms: number; cpuMs: number; mb: number; mbMin: number; mbMax: number }>;
}

/** Prints a right-aligned markdown table. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

type Lib = typeof import('../src');
type L1 = typeof import('../src/providers/tencentcloud');
type Stack = import('cdktf').TerraformStack;
type ConstructClass = typeof import('constructs').Construct;

/** The benchmarks' common stack start with the library: provider, a standard instance, `names` namespaces. */
export function libRegistry(lib: Lib, stack: Stack, names: string[]) {
  new lib.providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });
  const registry = new lib.TcrInstance(stack, 'registry', { name: 'acme-registry', instanceType: lib.TcrInstanceType.STANDARD });
  return { registry, namespaces: names.map((name) => registry.addNamespace(name, { name })) };
}

/**
 * The same start with raw L1 bindings at the same construct paths; references (instance id, namespace names) taken
 * once, as a careful hand-written stack would (each attribute getter mints a new token).
 */
export function rawRegistry(l1: L1, construct: ConstructClass, stack: Stack, names: string[]) {
  new l1.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });
  const registryScope = new construct(stack, 'registry');
  const instance = new l1.tcrInstance.TcrInstance(registryScope, 'Resource', {
    name: 'acme-registry', instanceType: 'standard', deletionProtection: true, deleteBucket: false,
  });
  const instanceId = instance.id;
  const namespaceRefs = names.map((name) => new l1.tcrNamespace.TcrNamespace(new construct(registryScope, name), 'Resource',
    { instanceId, name, isPublic: false, isAutoScan: false, isPreventVul: false }).name);
  return { registryScope, instanceId, namespaceRefs };
}
