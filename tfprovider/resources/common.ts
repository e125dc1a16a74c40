/** Small helpers shared by the resource implementations. */
import { ApiCallError } from '../api';
import { Diagnostics, ProviderError } from '../diagnostics';
import { known, Obj } from '../plan';
import { ResourceContext, ResourceDefinition } from './types';

/**
 * SDKv2 stores "" / empty collections where the API reports nothing and treats them as equal to an unset
 * attribute. A strict plugin must instead keep the prior value (usually null) so that a second plan is empty.
 */
export function orPrior(apiValue: unknown, prior: unknown): any {
  if (apiValue === undefined || apiValue === null || apiValue === '') return prior ?? null;
  return apiValue;
}

export function tagsFromApi(tags: Array<{ Key?: string; Value?: string }> | undefined, prior: unknown): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  if (Object.keys(out).length === 0) return (prior as Record<string, string> | null) ?? null;
  return out;
}

export function tagsToApi(tags: unknown): Array<{ Key: string; Value: string }> | undefined {
  const m = known<Record<string, string>>(tags);
  if (!m || Object.keys(m).length === 0) return undefined;
  return Object.keys(m).sort().map((k) => ({ Key: k, Value: m[k] }));
}

/** `<a>#<b>` ids (FILED_SP = "#"). */
export function splitId(id: string, parts: number, example: string): string[] {
  const out = id.split('#');
  if (out.length !== parts || out.some((p) => p === '')) {
    throw new ProviderError(`invalid id "${id}"`, `expected the form ${example}`);
  }
  return out;
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiCallError && (e.code.startsWith('ResourceNotFound') || e.code.endsWith('NotExist'));
}

export function str(v: unknown): string | undefined {
  return known<string>(v);
}

export function num(v: unknown): number | undefined {
  const n = known<number | string>(v);
  return n === undefined ? undefined : Number(n);
}

export function bool(v: unknown): boolean | undefined {
  return known<boolean>(v);
}

export function copy(o: Obj): Obj {
  return { ...o };
}

/**
 * Reads an object back after a create or update, as SDKv2 resources end with their Read: the API must know the
 * object by then, so a miss is an error (`notFound` says which object and after what).
 */
export async function readBack(def: Pick<ResourceDefinition, 'read'>, ctx: ResourceContext, state: Obj, notFound: string): Promise<Obj> {
  const read = await def.read(ctx, state);
  if (!read) throw new ProviderError(notFound);
  return read;
}

/**
 * tccommon.ValidateIntegerInRange / ValidateIntegerMin: SDKv2 reports the validator's error as the diagnostic
 * summary, with the attribute path.
 */
export function intInRange(config: Obj, attr: string, diags: Diagnostics, min: number, max?: number): void {
  const v = num(config[attr]);
  if (v === undefined) return;
  if (v < min) diags.error(`"${attr}" cannot be lower than ${min}: ${v}`, '', [attr]);
  if (max !== undefined && v > max) diags.error(`"${attr}" cannot be higher than ${max}: ${v}`, '', [attr]);
}
