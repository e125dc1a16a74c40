/**
 * `npm run e2e`: every example stack through the real terraform binary with the stand-in provider and a fresh
 * local emulator (validate, plan, apply, plan again, destroy, emulator left as it started), then a summary.
 * Exits non-zero when any step of any example fails, or when terraform is missing.
 */
import { findExamples } from './examples';
import { EXAMPLE_FIXTURES } from './fixtures';
import { LifecycleResult, runLifecycle } from './lifecycle';
import { findTerraform, installPlugin } from './terraform';
import { startEmulator } from '../../src/emulator';

async function main(): Promise<number> {
  process.env.CHECKPOINT_DISABLE = '1';
  const terraform = findTerraform();
  const plugin = installPlugin();
  process.stdout.write(`terraform: ${terraform}\nplugin ready in ${plugin.buildSeconds.toFixed(2)} s (esbuild bundle, cached by source digest): ${plugin.bundle}\n\n`);
  const only = process.argv.slice(2);
  const examples = findExamples().filter((e) => only.length === 0 || only.includes(e.name));
  if (examples.length === 0) throw new Error(`no example matches ${only.join(', ')}`);
  const results: LifecycleResult[] = [];
  for (const example of examples) {
    const emulator = await startEmulator();
    try {
      process.stdout.write(`== ${example.name}\n`);
      const fixture = EXAMPLE_FIXTURES[example.name];
      const r = await runLifecycle(example, emulator, { seed: fixture && (() => fixture(emulator)) });
      for (const s of r.steps) {
        process.stdout.write(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.step.padEnd(15)} ${s.seconds.toFixed(2).padStart(6)} s  ${s.ok ? s.detail : ''}\n`);
        if (!s.ok) process.stdout.write(`${s.detail.split('\n').map((l) => `       | ${l}`).join('\n')}\n`);
      }
      results.push(r);
    } finally {
      await emulator.close();
    }
  }
  process.stdout.write('\nSummary\n');
  let failed = 0;
  for (const r of results) {
    const bad = r.steps.filter((s) => !s.ok).map((s) => s.step);
    if (bad.length) failed++;
    process.stdout.write(`  ${bad.length ? 'FAIL' : 'ok  '} ${r.example.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.expectedCreates.length} resources${bad.length ? `  failed: ${bad.join(', ')}` : ''}\n`);
  }
  process.stdout.write(`\n${results.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e: any) => {
  process.stderr.write(`${String(e?.stack ?? e)}\n`);
  process.exit(1);
});
