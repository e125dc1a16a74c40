/**
 * The emulator's resources, for "destroy left the emulator as it started": the TCR, SSM and CAM slices of its
 * state with id counters (`next*`) dropped and empty containers pruned. Account, key and clock bookkeeping is not
 * compared: terraform neither creates nor deletes it.
 */
const RESOURCE_SLICES = ['tcr', 'ssm', 'cam'];

export function resourceSnapshot(state: Record<string, unknown>): unknown {
  const prune = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const a = v.map(prune).filter((x) => x !== undefined);
      return a.length ? a : undefined;
    }
    if (v && typeof v === 'object') {
      const entries = Object.entries(v)
        .filter(([k]) => !/^next[A-Z]/.test(k))
        .map(([k, x]) => [k, prune(x)] as const)
        .filter(([, x]) => x !== undefined);
      return entries.length ? Object.fromEntries(entries) : undefined;
    }
    return v;
  };
  return Object.fromEntries(RESOURCE_SLICES.map((s) => [s, prune(state[s]) ?? null]));
}
