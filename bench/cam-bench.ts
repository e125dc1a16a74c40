/**
 * CAM benchmark: N CAM users with two namespace grants each (push to one namespace, pull from another), built
 *   lib - with the library: CamUser + namespace.grantPush / grantPull (one generated policy + attachment per user);
 *   raw - with the raw L1 bindings writing the same users, policies (same document text) and attachments, at the
 *         same construct paths, references taken once.
 * Measured as bench/harness.ts describes; at each size the parent first checks that both write byte-identical
 * Terraform JSON and manifests.
 *
 * Usage: npm run bench:cam   (CAM_BENCH_SIZES=500 CAM_BENCH_REPEATS=5)
 */
import * as os from 'os';
import { buildApp, NAMESPACES, STACK, Variant, VARIANTS } from './cam-stacks';
import { arg, bundle, printTable, reportChild, sample, setting, synthesizedFiles } from './harness';

/**
 * Checks, at the size measured, that both variants write byte-identical Terraform JSON and manifests (the same synth
 * work and output), and returns the document's size.
 */
function sameOutput(script: string, n: number): number {
  const [lib, raw] = VARIANTS.map((v) => synthesizedFiles(script, v, n, STACK));
  if (lib.document !== raw.document) throw new Error(`cam bench: lib and raw L1 variants write different documents at N=${n}`);
  if (lib.manifest !== raw.manifest) throw new Error(`cam bench: lib and raw L1 variants write different manifests at N=${n}`);
  return Buffer.byteLength(lib.document);
}

function main(): void {
  const sizes = setting('CAM_BENCH_SIZES', '500').split(',').map(Number);
  const repeats = Number(setting('CAM_BENCH_REPEATS', '5'));
  const script = bundle(__filename, 'cam-bench');
  console.log(`CAM benchmark: ${NAMESPACES} namespaces, N CAM users x 2 namespace grants; median of ${repeats} fresh processes each`);
  console.log(`node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? '?'})`);
  console.log(`load average at the start: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  const rows = sizes.map((n) => {
    const bytes = sameOutput(script, n);
    const m = sample(script, VARIANTS, n, repeats);
    return [String(n), String(bytes), m.lib.ms.toFixed(0), m.raw.ms.toFixed(0), (m.lib.ms / m.raw.ms).toFixed(3),
      m.lib.cpuMs.toFixed(0), m.raw.cpuMs.toFixed(0), (m.lib.cpuMs / m.raw.cpuMs).toFixed(3),
      m.lib.mb.toFixed(0), m.raw.mb.toFixed(0), (m.lib.mb / m.raw.mb).toFixed(3),
      `${m.lib.mbMin.toFixed(0)}-${m.lib.mbMax.toFixed(0)}`, `${m.raw.mbMin.toFixed(0)}-${m.raw.mbMax.toFixed(0)}`];
  });
  printTable(['N', 'doc bytes', 'lib ms', 'raw ms', 'lib/raw time', 'lib cpu ms', 'raw cpu ms', 'lib/raw cpu', 'lib MB', 'raw MB',
    'lib/raw mem', 'lib MB range', 'raw MB range'], rows);
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cpus`);
  console.log('time = build + synth + write in the child (wall clock); cpu = user + system time of the child over the same');
  console.log('work; mem = peak RSS of the child process (maxRSS); doc bytes = size of the Terraform JSON, byte-identical');
  console.log('for both variants at that N, as is the manifest.');
}

if (process.argv.includes('--child')) {
  const variant = arg('child', 'lib') as Variant;
  const n = Number(arg('n', '100'));
  const outdir = arg('outdir', os.tmpdir());
  reportChild(() => buildApp(variant, n, outdir).synth());
} else {
  main();
}
