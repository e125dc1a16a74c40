/**
 * What each CAM benchmark variant allocates (bench/cam-stacks.ts), to find where the library's memory goes: per
 * variant, in a fresh `node --expose-gc` child, the constructs, cdktf tokens (string and number token maps), the
 * heap retained after the tree is built and after synth (both after a full GC), the heap V8 grew to during
 * synth, and optionally (CAM_PROBE_SNAPSHOT=1) the retained objects by constructor, from a heap snapshot taken
 * after the build.
 *
 * Usage: npm run bench:cam-probe   (CAM_PROBE_N=500 CAM_PROBE_SNAPSHOT=1)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { buildApp, Variant, VARIANTS } from './cam-stacks';
import { arg, bundle, printTable, setting } from './harness';

interface Probe {
  readonly constructs: number;
  readonly stringTokens: number;
  readonly numberTokens: number;
  readonly builtHeapMb: number;
  readonly synthHeapMb: number;
  readonly grownHeapMb: number;
  readonly peakRssMb: number;
  readonly snapshot?: string;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function heapAfterGc(): number {
  (global as any).gc();
  return mb(process.memoryUsage().heapUsed);
}

function tokenCounts(): { stringTokens: number; numberTokens: number } {
  const map = (global as any).__cdktfTokenMap;
  return { stringTokens: map?.stringTokenMap.size ?? 0, numberTokens: map?.numberTokenMap.size ?? 0 };
}

function child(variant: Variant, n: number, outdir: string, snapshotDir?: string): void {
  const app = buildApp(variant, n, outdir);
  const constructs = app.node.findAll().length;
  const builtHeapMb = heapAfterGc();
  const snapshot = snapshotDir ? v8.writeHeapSnapshot(path.join(snapshotDir, `${variant}.heapsnapshot`)) : undefined;
  app.synth();
  const grownHeapMb = mb(v8.getHeapStatistics().total_heap_size);
  const { stringTokens, numberTokens } = tokenCounts();
  const synthHeapMb = heapAfterGc();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const probe: Probe = { constructs, stringTokens, numberTokens, builtHeapMb, synthHeapMb, grownHeapMb, peakRssMb, snapshot };
  process.stdout.write(`${JSON.stringify(probe)}\n`);
}

/** Self size and count of the snapshot's objects by constructor name (V8 heap snapshot format). */
function objectsByConstructor(file: string): Map<string, { count: number; bytes: number }> {
  const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fields: string[] = snap.snapshot.meta.node_fields;
  const types: string[] = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt]];
    const key = type === 'object' || type === 'closure' ? `${type}:${snap.strings[snap.nodes[i + nameAt]]}` : type;
    const entry = out.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snap.nodes[i + sizeAt];
    out.set(key, entry);
  }
  return out;
}

function main(): void {
  const n = Number(setting('CAM_PROBE_N', '500'));
  const withSnapshot = setting('CAM_PROBE_SNAPSHOT', '') === '1';
  const script = bundle(__filename, 'cam-probe');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cam-probe-'));
  try {
    const probes = Object.fromEntries(VARIANTS.map((v) => {
      const args = ['--expose-gc', script, '--child', v, '--n', String(n), '--outdir', path.join(dir, v)];
      if (withSnapshot) args.push('--snapshot', dir);
      const stdout = execFileSync(process.execPath, args, { env: { ...process.env, CHECKPOINT_DISABLE: '1' }, encoding: 'utf8' });
      return [v, JSON.parse(stdout.trim().split('\n').pop()!) as Probe];
    })) as Record<Variant, Probe>;
    const rows: Array<[string, keyof Probe, number]> = [
      ['constructs', 'constructs', 0], ['string tokens', 'stringTokens', 0], ['number tokens', 'numberTokens', 0],
      ['heap after build (MB, after GC)', 'builtHeapMb', 1], ['heap after synth (MB, after GC)', 'synthHeapMb', 1],
      ['heap grown to in synth (MB)', 'grownHeapMb', 1],
      [withSnapshot ? 'peak RSS (MB, writing the snapshot included)' : 'peak RSS (MB)', 'peakRssMb', 1],
    ];
    console.log(`CAM probe, N=${n}, node ${process.version}\n`);
    printTable(['', 'lib', 'raw', 'lib - raw', 'per user'], rows.map(([label, key, digits]) => {
      const [lib, raw] = [probes.lib[key] as number, probes.raw[key] as number];
      return [label, lib.toFixed(digits), raw.toFixed(digits), (lib - raw).toFixed(digits), ((lib - raw) / n).toFixed(digits + 2)];
    }));
    if (withSnapshot) {
      const [lib, raw] = VARIANTS.map((v) => objectsByConstructor(probes[v].snapshot!));
      const keys = [...new Set([...lib.keys(), ...raw.keys()])];
      const diff = keys.map((k) => {
        const [l, r] = [lib.get(k) ?? { count: 0, bytes: 0 }, raw.get(k) ?? { count: 0, bytes: 0 }];
        return { k, count: l.count - r.count, bytes: l.bytes - r.bytes, l, r };
      }).filter((d) => d.count !== 0 || d.bytes !== 0).sort((a, b) => Math.abs(b.bytes) - Math.abs(a.bytes)).slice(0, 40);
      console.log('\nretained after build, by constructor (largest differences in self size):\n');
      printTable(['constructor', 'lib count', 'raw count', 'extra per user', 'lib KB', 'raw KB', 'extra KB'], diff.map((d) => [
        d.k.slice(0, 60), String(d.l.count), String(d.r.count), (d.count / n).toFixed(2),
        (d.l.bytes / 1024).toFixed(0), (d.r.bytes / 1024).toFixed(0), (d.bytes / 1024).toFixed(0),
      ]));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child')) {
  const snapshotDir = process.argv.includes('--snapshot') ? arg('snapshot', os.tmpdir()) : undefined;
  child(arg('child', 'lib') as Variant, Number(arg('n', '100')), arg('outdir', os.tmpdir()), snapshotDir);
} else {
  main();
}
