/**
 * Planning the way terraform-plugin-sdk/v2 does for this provider: Go-style defaults for unset attributes,
 * computed attributes unknown on create, prior values kept for computed attributes on update, and
 * `requires_replace` for ForceNew attributes. Works on whole objects shaped by a schema block.
 */
import { containsUnknown, UNKNOWN, Value, valuesEqual } from './codec';
import { JsonBlock } from './schema';

export type Obj = Record<string, Value>;

/** The empty value of a block: every attribute null, list/set blocks empty, single blocks null. */
export function nullObject(block: JsonBlock): Obj {
  const out: Obj = {};
  for (const name of Object.keys(block.attributes ?? {})) out[name] = null;
  for (const [name, nb] of Object.entries(block.block_types ?? {})) {
    out[name] = nb.nesting_mode === 'list' || nb.nesting_mode === 'set' ? [] : nb.nesting_mode === 'map' ? {} : null;
  }
  return out;
}

/** Fills every schema attribute that `value` lacks (recursively into blocks) so the value encodes. */
export function complete(block: JsonBlock, value: Obj | null): Obj | null {
  if (value === null) return null;
  const out = nullObject(block);
  for (const name of Object.keys(block.attributes ?? {})) if (value[name] !== undefined) out[name] = value[name];
  for (const [name, nb] of Object.entries(block.block_types ?? {})) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    if (v === UNKNOWN) out[name] = UNKNOWN;
    else if (nb.nesting_mode === 'list' || nb.nesting_mode === 'set') out[name] = (v as Obj[]).map((e) => complete(nb.block, e));
    else if (nb.nesting_mode === 'map') out[name] = Object.fromEntries(Object.entries(v as Record<string, Obj>).map(([k, e]) => [k, complete(nb.block, e)]));
    else out[name] = complete(nb.block, v);
  }
  return out;
}

/** Sets computed attributes that are null to unknown, recursively (planning a create). */
export function markComputedUnknown(block: JsonBlock, value: Obj): Obj {
  const out: Obj = { ...value };
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    if (a.computed && (out[name] === null || out[name] === undefined)) out[name] = UNKNOWN;
  }
  for (const [name, nb] of Object.entries(block.block_types ?? {})) {
    const v = out[name];
    if (Array.isArray(v)) out[name] = v.map((e) => (e && e !== UNKNOWN ? markComputedUnknown(nb.block, e) : e));
    else if (v && v !== UNKNOWN && typeof v === 'object' && nb.nesting_mode !== 'map') out[name] = markComputedUnknown(nb.block, v);
  }
  return out;
}

/** Write-only attributes are never planned or stored. */
export function clearWriteOnly(block: JsonBlock, value: Obj): Obj {
  const out: Obj = { ...value };
  for (const [name, a] of Object.entries(block.attributes ?? {})) if (a.write_only) out[name] = null;
  return out;
}

/** Replaces unknown values left after apply with null (computed attributes the API did not report). */
export function unknownsToNull(v: Value): Value {
  if (v === UNKNOWN) return null;
  if (Array.isArray(v)) return v.map(unknownsToNull);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, unknownsToNull(e)]));
  return v;
}

export interface PlanRules {
  /** Attributes whose change destroys and re-creates the resource (ForceNew). */
  readonly forceNew?: readonly string[];
  /** Go `Default:` values, applied when the configuration leaves the attribute null. */
  readonly defaults?: Readonly<Record<string, Value>>;
  /** Computed attributes that an in-place update changes (planned unknown when anything changes). */
  readonly changesOnUpdate?: readonly string[];
  /** Last word on an in-place update plan (SDKv2 CustomizeDiff), e.g. to mark values the update recomputes. */
  customizeUpdate?(planned: Obj, prior: Obj, config: Obj | null): Obj;
}

export interface PlanResult {
  readonly planned: Obj | null;
  readonly requiresReplace: string[];
}

function isConfigurable(block: JsonBlock, name: string): boolean {
  const a = block.attributes?.[name];
  return a === undefined /* block */ || !!a.optional || !!a.required;
}

export function planChange(block: JsonBlock, rules: PlanRules, prior: Obj | null, proposed: Obj | null, config: Obj | null): PlanResult {
  if (proposed === null) return { planned: null, requiresReplace: [] }; // destroy
  let planned: Obj = { ...proposed };
  for (const [name, dflt] of Object.entries(rules.defaults ?? {})) {
    if (config?.[name] === null || config?.[name] === undefined) planned[name] = dflt;
  }
  planned = clearWriteOnly(block, planned);
  if (prior === null) return { planned: markComputedUnknown(block, planned), requiresReplace: [] };
  // SDKv2 reads an unset attribute as its zero value: a prior "", false, 0 or empty collection that the
  // configuration leaves unset is no change, and the plan keeps the prior value (legacy type system).
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    if (!a.computed && planned[name] === null && isZeroValue(prior[name])) planned[name] = prior[name];
  }

  const changed = Object.keys(planned).filter((name) => isConfigurable(block, name) && name !== 'id' && !valuesEqual(prior[name], planned[name]));
  if (changed.length === 0) return { planned, requiresReplace: [] };
  const requiresReplace = changed.filter((name) => rules.forceNew?.includes(name));
  if (requiresReplace.length > 0) {
    // The create half is planned again by terraform with a null prior; here only mark what will be new.
    for (const [name, a] of Object.entries(block.attributes ?? {})) {
      if (a.computed && (!config || config[name] === null || config[name] === undefined)) planned[name] = UNKNOWN;
    }
    return { planned, requiresReplace };
  }
  for (const name of rules.changesOnUpdate ?? []) planned[name] = UNKNOWN;
  if (rules.customizeUpdate) planned = rules.customizeUpdate(planned, prior, config);
  // Nested computed attributes that terraform could not carry over (set elements) become unknown.
  for (const [name, nb] of Object.entries(block.block_types ?? {})) {
    const v = planned[name];
    if (Array.isArray(v)) planned[name] = v.map((e) => (e && e !== UNKNOWN ? markComputedUnknown(nb.block, e) : e));
  }
  return { planned, requiresReplace };
}

/** SDKv2's zero values ("", false, 0, empty collections), which it does not tell apart from unset. */
export function isZeroValue(v: Value): boolean {
  if (v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && v !== UNKNOWN && Object.keys(v).length === 0;
}

/** Known (not unknown, not null) value or undefined, for reading config/plan values in resource code. */
export function known<T = Value>(v: Value): T | undefined {
  return v === null || v === undefined || containsUnknown(v) ? undefined : (v as T);
}
