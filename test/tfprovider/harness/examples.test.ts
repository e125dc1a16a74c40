import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { findExamples } from '../../../tfprovider/harness/examples';
import { EXAMPLE_FIXTURES } from '../../../tfprovider/harness/fixtures';
import { LifecycleResult, runLifecycle, StepResult } from '../../../tfprovider/harness/lifecycle';

/**
 * Every example stack through the real terraform binary (fails, never skips, when terraform is missing) with the
 * stand-in provider and its own emulator: validate, plan creates what the stack declares, apply, a second plan is
 * empty, destroy leaves the emulator's resources as they were.
 */
const examples = findExamples();

const timings: string[] = [];

afterAll(() => {
  process.stdout.write(`e2e seconds per example:\n${timings.join('\n')}\n`);
});

test('examples are found', () => {
  expect(examples.length).toBeGreaterThan(0);
});

describe.each(examples.map((e) => [e.name, e] as const))('%s', (name, example) => {
  let emulator: EmulatorHandle;
  let result: LifecycleResult;
  const step = (s: StepResult['step']) => {
    const found = result.steps.find((x) => x.step === s);
    if (!found) throw new Error(`step ${s} did not run (an earlier step failed): ${JSON.stringify(result.steps.map((x) => [x.step, x.ok]))}`);
    return found;
  };

  beforeAll(async () => {
    emulator = await startEmulator();
    const fixture = EXAMPLE_FIXTURES[example.name];
    result = await runLifecycle(example, emulator, { seed: fixture && (() => fixture(emulator)) });
    timings.push(`  ${name}: ${result.seconds.toFixed(1)} s (${result.steps.map((s) => `${s.step} ${s.seconds.toFixed(2)}`).join(', ')})`);
  }, 180_000);

  afterAll(async () => {
    await emulator?.close();
  });

  test('terraform validate passes', () => {
    expect(step('validate')).toMatchObject({ ok: true });
  });

  test('plan lists a create for every declared resource and nothing else', () => {
    expect(result.plannedCreates).toEqual(result.expectedCreates);
    expect(result.expectedCreates.length).toBeGreaterThan(0);
    expect(step('plan')).toMatchObject({ ok: true });
  });

  test('apply succeeds', () => {
    expect(step('apply').detail).toBe('');
    expect(step('apply').ok).toBe(true);
  });

  test('a second plan is empty (no perpetual diff)', () => {
    expect(result.secondPlanChanges).toEqual([]);
    expect(step('replan').ok).toBe(true);
  });

  test('destroy succeeds and leaves the emulator as it started', () => {
    expect(step('destroy')).toMatchObject({ ok: true });
    expect(result.leftovers).toBe('');
  });

  test('the plugin logged no errors', () => {
    expect(result.pluginLog).toContain('configured: terraform');
    expect(result.pluginLog.split('\n').filter((l) => l.includes('differs from the plan'))).toEqual([]);
    const errors = result.pluginLog.split('\n').filter((l) => l.includes('[ERROR]'));
    expect(errors).toEqual([]);
  });
});
