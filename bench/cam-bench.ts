/**
 * CAM benchmark: N CAM users with two namespace grants each (push to one namespace, pull from another), built
 *   lib - with the library: CamUser + namespace.grantPush / grantPull (one generated policy + attachment per user);
 *   raw - with the raw L1 bindings writing the same users, policies (same document text) and attachments, at the
 *         same construct paths, references taken once.
 * Measured as bench/harness.ts describes; the parent first checks that both write byte-identical documents.
 *
 * Usage: npx ts-node --project test/tsconfig.json bench/cam-bench.ts   (CAM_BENCH_SIZES=500 CAM_BENCH_REPEATS=5)
 */
import * as os from 'os';
import { buildApp, NAMESPACES, STACK, Variant, VARIANTS } from './cam-stacks';
import { arg, bundle, printTable, reportChild, sample, setting, sortKeys, synthesizedDocument } from './harness';

function main(): void {
  const sizes = setting('CAM_BENCH_SIZES', '500').split(',').map(Number);
  const repeats = Number(setting('CAM_BENCH_REPEATS', '5'));
  const script = bundle(__filename, 'cam-bench');
  const [lib, raw] = VARIANTS.map((v) => JSON.stringify(sortKeys(synthesizedDocument(script, v, 50, STACK))));
  if (lib !== raw) throw new Error('cam bench: lib and raw L1 variants synthesize different documents');
  console.log(`CAM benchmark: ${NAMESPACES} namespaces, N CAM users x 2 namespace grants; median of ${repeats} fresh processes each`);
  console.log(`node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? '?'})\n`);
  const rows = sizes.map((n) => {
    const m = sample(script, VARIANTS, n, repeats);
    return [String(n), m.lib.ms.toFixed(0), m.raw.ms.toFixed(0), (m.lib.ms / m.raw.ms).toFixed(3),
      m.lib.cpuMs.toFixed(0), m.raw.cpuMs.toFixed(0), (m.lib.cpuMs / m.raw.cpuMs).toFixed(3),
      m.lib.mb.toFixed(0), m.raw.mb.toFixed(0), (m.lib.mb / m.raw.mb).toFixed(3)];
  });
  printTable(['N', 'lib ms', 'raw ms', 'lib/raw time', 'lib cpu ms', 'raw cpu ms', 'lib/raw cpu', 'lib MB', 'raw MB', 'lib/raw mem'], rows);
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cpus`);
  console.log('time = build + synth + write in the child (wall clock); cpu = user + system time of the child over the same');
  console.log('work; mem = peak RSS of the child process (maxRSS).');
}

if (process.argv.includes('--child')) {
  const variant = arg('child', 'lib') as Variant;
  const n = Number(arg('n', '100'));
  const outdir = arg('outdir', os.tmpdir());
  reportChild(() => buildApp(variant, n, outdir).synth());
} else {
  main();
}
