/**
 * `audit`: every long-term token and service account of an instance with expiry, enabled state and owner marker,
 * flagged: expired, permanent, disabled, orphan (this library's marker, no secret points at it), and created
 * automatically by another Tencent Cloud service (must not be deleted). `--delete-orphans` deletes only orphans.
 */
import { TencentApi } from './api';
import { referencedTokenIds } from './document';
import { listInstanceTokens, listServiceAccounts, OperationContext } from './operations';
import { SsmStore } from './stores';
import { markerInDescription, OWNER_TAG_KEY } from '../validation/credential-rules';
import { SERVICE_ACCOUNT_PREFIX } from '../validation/name-rules';

/**
 * Tokens that other Tencent Cloud services create for themselves (seed "Managing User-Level Account", Supports
 * and Limits): the TKE TCR add-on and CODING DevOps image builds. INFERRED: the seeds do not give their exact
 * descriptions; these patterns match the product names. A wrong guess only mislabels a row: audit never deletes
 * a token without this library's own marker.
 */
const AUTO_CREATED: ReadonlyArray<{ pattern: RegExp; by: string }> = [
  { pattern: /\btke\b|tcr[-_ ]?addon|add-on/i, by: 'TKE TCR add-on' },
  { pattern: /coding/i, by: 'CODING DevOps' },
];

export interface AuditRow {
  readonly kind: 'token' | 'service-account';
  readonly id: string;
  readonly description: string;
  readonly enabled: boolean;
  readonly expiresAt: string | null;
  readonly ownerMarker: string | null;
  readonly storedIn: string[];
  readonly flags: string[];
  readonly autoCreatedBy?: string;
}

export interface AuditOptions {
  readonly instanceId: string;
  readonly deleteOrphans: boolean;
  /** Orphans younger than this are left alone: they may belong to a create that is writing its secret right now. */
  readonly orphanMinAgeMs: number;
}

interface StoredReferences {
  /** Token id -> the secrets that hold it. */
  readonly tokens: Map<string, string[]>;
  /** Service-account name -> the secrets that hold its password. */
  readonly accounts: Map<string, string[]>;
}

async function storedReferences(api: () => TencentApi, instanceId: string): Promise<StoredReferences> {
  const tokens = new Map<string, string[]>();
  const accounts = new Map<string, string[]>();
  const names: string[] = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const res = await api().ssmCall('ListSecrets', { TagFilters: [{ TagKey: OWNER_TAG_KEY }], Limit: limit, Offset: offset });
    const page = (res.SecretMetadatas ?? []) as Array<{ SecretName: string; Status: string }>;
    names.push(...page.filter((m) => m.Status === 'Enabled').map((m) => m.SecretName));
    if (page.length < limit) break;
  }
  const add = (map: Map<string, string[]>, key: string, secret: string) => map.set(key, [...(map.get(key) ?? []), secret]);
  for (const name of names) {
    const stored = await new SsmStore(name, api).read('');
    const meta = stored?.doc?.tcrCredentials;
    if (!meta || meta.instanceId !== instanceId) continue;
    for (const id of referencedTokenIds(stored!.doc!)) add(tokens, id, `ssm:${name}`);
    if (meta.serviceAccount) add(accounts, meta.serviceAccount, `ssm:${name}`);
  }
  return { tokens, accounts };
}

export async function audit(ctx: OperationContext, options: AuditOptions): Promise<{ rows: AuditRow[]; deleted: string[] }> {
  const now = ctx.now();
  const [tokens, accounts, refs] = [
    await listInstanceTokens(ctx.api, options.instanceId),
    await listServiceAccounts(ctx.api, options.instanceId),
    await storedReferences(() => ctx.api, options.instanceId),
  ];
  const rows: AuditRow[] = [];
  const deleted: string[] = [];
  for (const t of tokens) {
    const marker = markerInDescription(t.description) ?? null;
    const storedIn = refs.tokens.get(t.id) ?? [];
    const auto = marker ? undefined : AUTO_CREATED.find((a) => a.pattern.test(t.description));
    const flags = [
      ...(t.expiresAt === 0 ? ['permanent'] : t.expiresAt <= now ? ['expired'] : []),
      ...(t.enabled ? [] : ['disabled']),
      ...(marker && storedIn.length === 0 ? ['orphan'] : []),
      ...(!marker && !auto ? ['unmanaged'] : []),
      ...(auto ? ['auto-created: do not delete'] : []),
    ];
    rows.push({
      kind: 'token',
      id: t.id,
      description: t.description,
      enabled: t.enabled,
      expiresAt: t.expiresAt === 0 ? null : new Date(t.expiresAt).toISOString(),
      ownerMarker: marker,
      storedIn,
      flags,
      ...(auto ? { autoCreatedBy: auto.by } : {}),
    });
    const age = now - Date.parse(t.createdAt);
    if (options.deleteOrphans && flags.includes('orphan') && !(age < options.orphanMinAgeMs)) {
      await ctx.api.tcrCall('DeleteInstanceToken', { RegistryId: options.instanceId, TokenId: t.id });
      deleted.push(t.id);
    }
  }
  for (const a of accounts) {
    const name = a.name.startsWith(SERVICE_ACCOUNT_PREFIX) ? a.name.slice(SERVICE_ACCOUNT_PREFIX.length) : a.name;
    const storedIn = refs.accounts.get(name) ?? [];
    rows.push({
      kind: 'service-account',
      id: a.name,
      description: a.description,
      enabled: !a.disabled,
      expiresAt: a.expiresAt === 0 ? null : new Date(a.expiresAt).toISOString(),
      ownerMarker: null,
      storedIn,
      flags: [
        ...(a.expiresAt === 0 ? ['permanent'] : a.expiresAt <= now ? ['expired'] : []),
        ...(a.disabled ? ['disabled'] : []),
        ...(storedIn.length === 0 ? ['unpublished'] : []),
      ],
    });
  }
  return { rows, deleted };
}

export function auditTable(rows: readonly AuditRow[]): string {
  const header = ['KIND', 'ID', 'ENABLED', 'EXPIRES', 'OWNER', 'STORED IN', 'FLAGS', 'DESCRIPTION'];
  const lines = rows.map((r) => [
    r.kind, r.id, r.enabled ? 'yes' : 'no', r.expiresAt ?? 'never', r.ownerMarker ?? '-', r.storedIn.join(',') || '-',
    r.flags.join(',') || '-', r.description,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [header, ...lines].map((l) => l.map((c, i) => (i === l.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}
