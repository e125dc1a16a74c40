/**
 * The full terraform lifecycle of one example against a running emulator: validate, plan (creates), apply,
 * plan again (must be empty), destroy, and a comparison of the emulator's resources before and after.
 * Each step's outcome is recorded so tests can assert them one by one and `npm run e2e` can print a summary.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TencentApi } from '../api';
import { declaredResources, Example, loadBuildApp } from './examples';
import { plannedActions, RunResult, TerraformStack } from './terraform';
import { resourceSnapshot } from '../../src/local/emulator-resources';
import { PluginLog } from '../log';

// The snapshot lives with tcr-local, which makes the same check for users' stacks; tests import it from here.
export { resourceSnapshot };

/** What the lifecycle needs of an emulator (src/emulator's EmulatorHandle satisfies it). */
export interface EmulatorLike {
  readonly endpoint: string;
  readonly root: { readonly secretId: string; readonly secretKey: string };
  readonly admin: { state(): Record<string, unknown> };
}

export interface StepResult {
  readonly step: 'validate' | 'plan' | 'apply' | 'replan' | 'destroy' | 'emulator-clean';
  readonly ok: boolean;
  readonly seconds: number;
  readonly detail: string;
}

export interface LifecycleResult {
  readonly example: string;
  readonly steps: StepResult[];
  readonly seconds: number;
  readonly expectedCreates: string[];
  readonly plannedCreates: string[];
  readonly secondPlanChanges: string[];
  readonly leftovers: string;
  readonly pluginLog: string;
  readonly runs: readonly RunResult[];
}

function summarize(r: RunResult): string {
  const text = `${r.stdout}\n${r.stderr}`.trim();
  return text.length > 4000 ? `${text.slice(0, 2000)}\n...\n${text.slice(-2000)}` : text;
}

/**
 * Instances with deletion protection (the TcrInstance default) refuse DeleteInstance, so `terraform destroy` fails
 * exactly as it would against Tencent Cloud. Like an operator, the lifecycle turns protection off through the API
 * (ModifyInstance) before destroying, and reports that it did.
 */
async function disableDeletionProtection(stack: TerraformStack, emulator: EmulatorLike): Promise<string[]> {
  if (!fs.existsSync(stack.stateFile())) return [];
  const ids: string[] = [];
  for (const r of stack.state().resources ?? []) {
    if (r.type !== 'tencentcloud_tcr_instance' || r.mode !== 'managed') continue;
    for (const i of r.instances ?? []) if (i.attributes?.deletion_protection === true) ids.push(i.attributes.id);
  }
  if (ids.length === 0) return [];
  const api = new TencentApi({
    secretId: emulator.root.secretId,
    secretKey: emulator.root.secretKey,
    region: 'ap-guangzhou',
    endpointUrl: `http://${emulator.endpoint}`,
    retryTimeoutSeconds: 5,
  }, new PluginLog('', false));
  for (const id of ids) await api.call('tcr', 'ModifyInstance', { RegistryId: id, DeletionProtection: false });
  return ids;
}

export interface LifecycleOptions {
  /** Keep the synthesized stack and state for inspection. */
  readonly keep?: boolean;
  readonly region?: string;
  /** Preconditions to create in the emulator before the first plan (see fixtures.ts). */
  readonly seed?: () => Promise<void>;
}

export async function runLifecycle(example: Example, emulator: EmulatorLike, options: LifecycleOptions = {}): Promise<LifecycleResult> {
  const t0 = Date.now();
  const steps: StepResult[] = [];
  await options.seed?.();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `tf-standin-e2e-${example.name}-`));
  const before = JSON.stringify(resourceSnapshot(emulator.admin.state()));
  const buildApp = await loadBuildApp(example);
  const stack = TerraformStack.fromApp(buildApp(outdir), {
    endpointUrl: `http://${emulator.endpoint}`,
    secretId: emulator.root.secretId,
    secretKey: emulator.root.secretKey,
    region: options.region,
  });
  const expectedCreates = declaredResources(stack.dir);
  let plannedCreates: string[] = [];
  let secondPlanChanges: string[] = [];
  let leftovers = '';
  let pluginLog = '';
  const record = (step: StepResult['step'], ok: boolean, r: RunResult | undefined, detail = '') =>
    steps.push({ step, ok, seconds: r?.seconds ?? 0, detail: ok ? detail : `${detail}${r ? `\n${summarize(r)}` : ''}` });

  try {
    const v = await stack.validate();
    record('validate', v.code === 0, v);

    const p1 = await stack.plan();
    if (p1.json) {
      const a = plannedActions(p1.json);
      plannedCreates = a.create.sort();
      const others = [...a.update, ...a.delete, ...a.replace];
      const ok = JSON.stringify(plannedCreates) === JSON.stringify(expectedCreates) && others.length === 0;
      record('plan', ok, p1.run, ok ? `${plannedCreates.length} to create` : `expected creates ${expectedCreates.join(', ')}; planned ${plannedCreates.join(', ')}; other changes ${others.join(', ')}`);
    } else {
      record('plan', false, p1.run);
    }

    const ap = await stack.apply();
    record('apply', ap.code === 0, ap);

    if (ap.code === 0) {
      const p2 = await stack.plan();
      if (p2.json) {
        const a = plannedActions(p2.json);
        secondPlanChanges = [...a.create, ...a.update, ...a.delete, ...a.replace];
        record('replan', secondPlanChanges.length === 0, p2.run,
          secondPlanChanges.length === 0 ? 'no changes' : `perpetual diff: ${secondPlanChanges.join(', ')}`);
      } else {
        record('replan', false, p2.run);
      }
    }

    const unprotected = await disableDeletionProtection(stack, emulator);
    const d = await stack.destroy();
    record('destroy', d.code === 0, d, unprotected.length ? `deletion protection turned off first (ModifyInstance) on ${unprotected.join(', ')}` : '');
    const after = JSON.stringify(resourceSnapshot(emulator.admin.state()));
    leftovers = after === before ? '' : `before: ${before}\nafter:  ${after}`;
    steps.push({ step: 'emulator-clean', ok: leftovers === '', seconds: 0, detail: leftovers });
  } finally {
    pluginLog = stack.pluginLog();
    stack.dispose();
    if (!options.keep) fs.rmSync(outdir, { recursive: true, force: true });
  }
  return {
    example: example.name,
    steps,
    seconds: (Date.now() - t0) / 1000,
    expectedCreates,
    plannedCreates,
    secondPlanChanges,
    leftovers,
    pluginLog,
    runs: stack.runs,
  };
}
