/**
 * Runs one provider acceptance test (tencentcloud/services/{tcr,cam,ssm}/resource_tc_*_test.go at v1.83.25) step
 * by step through the real terraform, the stand-in and a fresh emulator, the way terraform-plugin-testing's
 * resource.Test does: each Config step applies, runs its attribute checks on the state and plans again (a step
 * must leave no diff); each ImportState step imports the resource by its id into a separate state and, with
 * ImportStateVerify, compares every attribute with the state before, except the ignored ones; at the end everything
 * is destroyed and the emulator must hold exactly the resources it started with (CheckDestroy).
 * The configurations are written here as terraform JSON from reading the Go tests; nothing of their text is copied.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { resourceSnapshot } from '../../../tfprovider/harness/lifecycle';
import { plannedActions, TerraformStack } from '../../../tfprovider/harness/terraform';

export type Check = string | RegExp | { readonly set: true };
/** TestCheckResourceAttrSet: any non-empty value. */
export const SET: Check = { set: true };
/** `attr` checks in the flatmap form of TestCheckResourceAttr (`permissions.#`, `tags.team`, `cve_whitelist_items.0.cve_id`). */
export type Checks = Readonly<Record<string, Readonly<Record<string, Check>>>>;

export interface ConfigStep {
  readonly config: Record<string, unknown>;
  readonly checks?: Checks;
}

export interface ImportStep {
  readonly importResource: string;
  /** The test's own ImportStateVerifyIgnore. */
  readonly ignore?: readonly string[];
  /**
   * Attributes where the provider's own read cannot give back what create stored, so that its ImportStateVerify
   * fails there too: each must differ (the stand-in reproduces the provider), everything else must match.
   */
  readonly providerDiffers?: { readonly attributes: readonly string[]; readonly why: string };
}

export type Step = ConfigStep | ImportStep;

export interface AcceptanceFigures {
  readonly test: string;
  readonly steps: number;
  readonly configSteps: number;
  readonly importsCompared: number;
  readonly attributesChecked: number;
  readonly seconds: number;
}

/** Every acceptance run of this jest worker, for the summary line the suites print. */
export const FIGURES: AcceptanceFigures[] = [];

const HEADER = {
  terraform: { required_providers: { tencentcloud: { source: 'tencentcloudstack/tencentcloud', version: '1.83.25' } } },
  provider: { tencentcloud: [{ region: 'ap-guangzhou' }] },
};

/** SDKv2's flatmap of one resource's attributes: `a.#` list/set lengths, `m.%` map sizes, nulls left out. */
export function flatmap(value: unknown, prefix = '', out: Record<string, string> = {}, listElement = false): Record<string, string> {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    out[`${prefix}#`] = String(value.length);
    value.forEach((v, i) => flatmap(v, `${prefix}${i}.`, out, true));
  } else if (typeof value === 'object') {
    // An object that is not a block element is a map attribute (tags), which SDKv2 counts with `%`.
    if (prefix !== '' && !listElement) out[`${prefix}%`] = String(Object.keys(value).length);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatmap(v, `${prefix}${k}.`, out);
  } else {
    out[prefix.slice(0, -1)] = String(value);
  }
  return out;
}

export interface AcceptanceEnv {
  readonly emulator: EmulatorHandle;
  /** Preconditions the provider's test environment has (the keep-* instance), created before the first step. */
  readonly seeded: Record<string, string>;
}

export interface AcceptanceTest {
  /** The Go test function it follows, e.g. `TestAccTencentCloudTcrNamespace_basic_and_update`. */
  readonly name: string;
  /** Creates the fixtures the test's configurations look up; returns values for the configs. */
  readonly seed?: (emulator: EmulatorHandle) => Promise<Record<string, string>>;
  readonly steps: (seeded: Record<string, string>) => Step[];
  /** Provider region (the test account's), default ap-guangzhou. */
  readonly region?: string;
}

function checkAttrs(stack: TerraformStack, checks: Checks, where: string): number {
  let n = 0;
  const resources: any[] = stack.state().resources ?? [];
  for (const [address, attrs] of Object.entries(checks)) {
    const [type, name] = address.split('.');
    const r = resources.find((x) => x.mode === 'managed' && x.type === type && x.name === name);
    if (!r) throw new Error(`${where}: ${address} is not in the state`);
    const flat = flatmap(r.instances[0].attributes);
    for (const [key, want] of Object.entries(attrs)) {
      n++;
      const got = flat[key];
      const ok = typeof want === 'string' ? got === want : want instanceof RegExp ? got !== undefined && want.test(got) : got !== undefined && got !== '';
      if (!ok) throw new Error(`${where}: ${address} ${key} is ${got === undefined ? '(not set)' : JSON.stringify(got)}, want ${typeof want === 'string' ? JSON.stringify(want) : want instanceof RegExp ? String(want) : 'set'}`);
    }
  }
  return n;
}

function fail(where: string, what: string, run: { stdout: string; stderr: string }): never {
  throw new Error(`${where}: ${what}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
}

/** Runs the test; throws on the first step that differs, naming the step. */
export async function runAcceptance(test: AcceptanceTest): Promise<AcceptanceFigures> {
  const t0 = Date.now();
  const emulator = await startEmulator();
  const seeded = (await test.seed?.(emulator)) ?? {};
  const before = JSON.stringify(resourceSnapshot(emulator.admin.state()));
  const steps = test.steps(seeded);
  const options = { endpointUrl: `http://${emulator.endpoint}`, secretId: emulator.root.secretId, secretKey: emulator.root.secretKey, region: test.region };
  let stack: TerraformStack | undefined;
  let configSteps = 0;
  let importsCompared = 0;
  let attributesChecked = 0;
  let lastConfig: Record<string, unknown> | undefined;
  try {
    for (const [i, step] of steps.entries()) {
      const where = `${test.name} step ${i + 1}`;
      if ('config' in step) {
        configSteps++;
        const doc = { ...HEADER, provider: { tencentcloud: [{ region: test.region ?? 'ap-guangzhou' }] }, ...step.config };
        lastConfig = doc;
        if (!stack) stack = TerraformStack.fromJson(doc, options);
        else stack.writeConfig(doc);
        const apply = await stack.apply();
        if (apply.code !== 0) fail(where, 'apply failed', apply);
        attributesChecked += checkAttrs(stack, step.checks ?? {}, where);
        const { run, json } = await stack.plan();
        if (!json) fail(where, 'plan after apply failed', run);
        const a = plannedActions(json);
        const changes = [...a.create, ...a.update, ...a.delete, ...a.replace];
        if (changes.length) fail(where, `after applying, the plan is not empty: ${changes.join(', ')}`, run);
      } else {
        if (!stack || !lastConfig) throw new Error(`${where}: an import step needs a config step before it`);
        importsCompared++;
        await verifyImport(stack, lastConfig, step, options, where);
      }
    }
    if (stack) {
      const d = await stack.destroy();
      if (d.code !== 0) fail(`${test.name} destroy`, 'destroy failed', d);
    }
    const after = JSON.stringify(resourceSnapshot(emulator.admin.state()));
    if (after !== before) throw new Error(`${test.name}: the emulator is not as it started after destroy\nbefore: ${before}\nafter:  ${after}`);
  } finally {
    stack?.dispose();
    await emulator.close();
  }
  const figures = { test: test.name, steps: steps.length, configSteps, importsCompared, attributesChecked, seconds: (Date.now() - t0) / 1000 };
  FIGURES.push(figures);
  // CONFORMANCE_FIGURES=<file>: one JSON line per test, for the figures of a run (tests, steps, imports, time).
  if (process.env.CONFORMANCE_FIGURES) fs.appendFileSync(process.env.CONFORMANCE_FIGURES, `${JSON.stringify(figures)}\n`);
  return figures;
}

/**
 * ImportStateVerify: `terraform import` of the resource's id in a second working directory with the same
 * configuration and an empty state (the original state is left alone, as the testing framework does), then every
 * flatmapped attribute of the imported resource equals the original except the ignored prefixes.
 */
async function verifyImport(stack: TerraformStack, doc: Record<string, unknown>, step: ImportStep, options: object, where: string): Promise<void> {
  const [type, name] = step.importResource.split('.');
  const original = (stack.state().resources as any[]).find((r) => r.mode === 'managed' && r.type === type && r.name === name);
  if (!original) throw new Error(`${where}: ${step.importResource} is not in the state`);
  const attrs = original.instances[0].attributes;
  // Only the imported resource's own block (and what it references) is needed; keep the whole config.
  const importer = TerraformStack.fromJson(doc, options);
  try {
    const imp = await importer.run(['import', '-no-color', '-input=false', step.importResource, String(attrs.id)]);
    if (imp.code !== 0) fail(where, `import of ${step.importResource} ${String(attrs.id)} failed`, imp);
    const imported = (importer.state().resources as any[]).find((r) => r.mode === 'managed' && r.type === type && r.name === name);
    const under = (list: readonly string[]) => (k: string) => list.some((p) => k === p || k.startsWith(`${p}.`));
    const ignored = under(step.ignore ?? []);
    const known = under(step.providerDiffers?.attributes ?? []);
    const want = Object.fromEntries(Object.entries(flatmap(attrs)).filter(([k]) => !ignored(k)));
    const got = Object.fromEntries(Object.entries(flatmap(imported.instances[0].attributes)).filter(([k]) => !ignored(k)));
    const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])].sort();
    const differing = keys.filter((k) => want[k] !== got[k]);
    const diffs = differing.filter((k) => !known(k)).map((k) => `${k}: ${JSON.stringify(want[k])} (created) vs ${JSON.stringify(got[k])} (imported)`);
    if (diffs.length) throw new Error(`${where}: ImportStateVerify of ${step.importResource} differs:\n  ${diffs.join('\n  ')}`);
    const stillEqual = (step.providerDiffers?.attributes ?? []).filter((a) => !differing.some(under([a])));
    if (stillEqual.length) {
      throw new Error(`${where}: ${stillEqual.join(', ')} now survive the import, which the provider's read cannot do (${step.providerDiffers!.why}); update the test`);
    }
  } finally {
    // The import stack's state must not destroy anything: it is discarded with its directory.
    fs.rmSync(path.join(importer.dir, 'terraform.tfstate'), { force: true });
    importer.dispose();
  }
}
