/**
 * The emulator's resources, for "destroy left the emulator as it started": the TCR, SSM, CAM and Tag slices of its
 * state with id counters (`next*`) dropped and empty containers pruned, and the CAM users, groups, roles and key
 * pairs of the accounts slice (terraform creates them with tencentcloud_cam_user/_group/_role). The clock is not
 * compared.
 */
import { createHash } from 'crypto';

/** Services whose slices hold resources terraform creates. */
const RESOURCE_SLICES = ['tcr', 'ssm', 'cam', 'tag'];
/** The parts of the core's accounts slice that CAM users, groups and roles (and their keys) live in. */
const ACCOUNT_PARTS = ['users', 'groups', 'roles', 'keys'];

/**
 * Temporary instance tokens cannot be deleted by any API (they expire after an hour): a destroy cannot remove
 * them, so they are not compared.
 */
function withoutTemporaryTokens(tcr: any): unknown {
  if (!tcr?.instances) return tcr;
  const instances = Object.fromEntries(Object.entries<any>(tcr.instances).map(([id, i]) => [id, {
    ...i, tokens: Object.fromEntries(Object.entries<any>(i.tokens ?? {}).filter(([, t]) => t.type !== 'temp')),
  }]));
  return { ...tcr, instances };
}

/** Secret values are compared by digest, so a leftover report never prints a credential. */
function redactSecretValues(ssm: any): unknown {
  if (!ssm?.secrets) return ssm;
  const digest = (v: unknown) => (typeof v === 'string' ? `sha256:${createHash('sha256').update(v).digest('hex').slice(0, 16)}` : v);
  const secrets = Object.fromEntries(Object.entries<any>(ssm.secrets).map(([k, sec]) => [k, {
    ...sec, versions: (sec.versions ?? []).map((v: any) => ({ ...v, secretString: digest(v.secretString), secretBinary: digest(v.secretBinary) })),
  }]));
  return { ...ssm, secrets };
}

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
  const comparable = (s: string) => (s === 'tcr' ? withoutTemporaryTokens(state[s]) : s === 'ssm' ? redactSecretValues(state[s]) : state[s]);
  const accounts = (state.accounts ?? {}) as Record<string, any>;
  // Key pairs by SecretId, owner and status only: a leftover report never prints a SecretKey or token.
  const keys = Object.fromEntries(Object.entries<any>(accounts.keys ?? {}).map(([id, k]) => [id, { uin: k.uin, status: k.status }]));
  return {
    ...Object.fromEntries(RESOURCE_SLICES.map((s) => [s, prune(comparable(s)) ?? null])),
    accounts: Object.fromEntries(ACCOUNT_PARTS.map((p) => [p, prune(p === 'keys' ? keys : accounts[p]) ?? null])),
  };
}
