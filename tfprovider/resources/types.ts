import { TencentApi } from '../api';
import { Diagnostics } from '../diagnostics';
import { PluginLog } from '../log';
import { Obj, PlanRules } from '../plan';

export interface ResourceContext {
  readonly api: TencentApi;
  readonly log: PluginLog;
  /** Provider region (provider block, TENCENTCLOUD_REGION, or ap-guangzhou). */
  readonly region: string;
  /**
   * Create paths call this as soon as the API has created the object (SDKv2's d.SetId): if a later step of the
   * create fails, the provider still returns a state with this id, which terraform keeps as tainted, instead of
   * losing track of an object that exists.
   */
  readonly created?: (id: string) => void;
}

/**
 * One managed resource type of the stand-in. Values are whole objects of the resource's schema block; `create` and
 * `update` get the planned object with unknowns replaced by null and return the new state, which terraform checks
 * against the plan. Like SDKv2's ResourceData, `read` starts from the prior state and overwrites what the API reports.
 */
export interface ResourceDefinition extends PlanRules {
  /** The provider's own config validations (ValidateFunc, ExactlyOneOf, ...); unknown values are skipped. */
  validate?(config: Obj, diags: Diagnostics): void;
  create(ctx: ResourceContext, planned: Obj): Promise<Obj>;
  /** Returns null when the resource is gone (terraform then plans to create it again). */
  read(ctx: ResourceContext, state: Obj): Promise<Obj | null>;
  update?(ctx: ResourceContext, prior: Obj, planned: Obj): Promise<Obj>;
  delete(ctx: ResourceContext, state: Obj): Promise<void>;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
