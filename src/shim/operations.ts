/**
 * The credential life cycle behind the commands: mint (or reset) then write, idempotent per owner, crash-safe
 * (a token whose secret write failed is deleted at once; a marked token no secret points at is deleted on the
 * next run), delete, and rotate one stored credential.
 */
import { TencentApi } from './api';
import {
  buildDocument, CredentialDocument, publicMetadata, referencedTokenIds, RetiringToken, secretsOf,
} from './document';
import { ApiCallError, ConflictError, OperationError } from './errors';
import { Redactor } from './redact';
import { CredentialStore, StoredCredential } from './stores';
import {
  describeWithMarker, markerInDescription, ownerMarker,
} from '../validation/credential-rules';
import { SERVICE_ACCOUNT_CI_PREFIX, SERVICE_ACCOUNT_PREFIX, TEMP_TOKEN_VALIDITY_MS } from '../validation/name-rules';

export interface OperationContext {
  readonly api: TencentApi;
  readonly redactor: Redactor;
  readonly region: string;
  readonly now: () => number;
  /** Progress notes for stderr (never secrets). */
  readonly note: (line: string) => void;
}

/**
 * One listing of each instance's tokens for a whole `rotate` run, shared by the secrets of that instance: every
 * rotation needs the list only for tokens minted before the run (its own retiring and orphaned tokens, which carry
 * its owner's marker), so the tokens another secret of the batch mints or deletes meanwhile do not matter, and a
 * token deleted meanwhile is handled by deleteToken as already gone.
 */
export class TokenListCache {
  private readonly lists = new Map<string, Promise<InstanceTokenInfo[]>>();

  public list(api: TencentApi, instanceId: string): Promise<InstanceTokenInfo[]> {
    let list = this.lists.get(instanceId);
    if (!list) {
      list = listInstanceTokens(api, instanceId);
      // A failed listing is not cached: the next secret of the instance tries again.
      list.catch(() => this.lists.delete(instanceId));
      this.lists.set(instanceId, list);
    }
    return list;
  }
}

export interface TokenSpec {
  readonly instanceId: string;
  readonly registry: string;
  readonly tokenType: 'longterm' | 'temp';
  readonly owner: string;
  readonly description: string;
  readonly kmsKeyId?: string;
  readonly keepVersions: number;
}

export interface InstanceTokenInfo {
  readonly id: string;
  readonly description: string;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly expiresAt: number;
}

/** A stored temporary token this close to its expiry counts as expired for a repeated `create`. */
const TEMP_REUSE_MARGIN_MS = 5 * 60 * 1000;

export async function listInstanceTokens(api: TencentApi, instanceId: string): Promise<InstanceTokenInfo[]> {
  const tokens: InstanceTokenInfo[] = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const res = await api.tcrCall('DescribeInstanceToken', { RegistryId: instanceId, Limit: limit, Offset: offset });
    const page = (res.Tokens ?? []) as Array<{ Id: string; Desc: string; Enabled: boolean; CreatedAt: string; ExpiredAt: number }>;
    tokens.push(...page.map((t) => ({ id: t.Id, description: t.Desc ?? '', enabled: t.Enabled, createdAt: t.CreatedAt, expiresAt: t.ExpiredAt ?? 0 })));
    if (page.length < limit || tokens.length >= (res.TotalCount ?? 0)) return tokens;
  }
}

function ours(stored: StoredCredential | undefined, owner: string, store: CredentialStore): CredentialDocument | undefined {
  if (!stored) return undefined;
  const doc = stored.doc;
  if (!doc) {
    throw new ConflictError(`${store.spec} exists but was not written by tcr-credentials; refusing to overwrite it (choose another secret name, or delete it first)`);
  }
  if (doc.tcrCredentials.owner !== owner) {
    throw new ConflictError(`${store.spec} belongs to owner "${doc.tcrCredentials.owner}", not "${owner}"; refusing to overwrite it`);
  }
  return doc;
}

/** Deletes a long-term token; one that is already gone counts as deleted. */
async function deleteToken(ctx: OperationContext, instanceId: string, tokenId: string, known?: InstanceTokenInfo[]): Promise<boolean> {
  const tokens = known ?? await listInstanceTokens(ctx.api, instanceId);
  if (!tokens.some((t) => t.id === tokenId)) return false;
  try {
    await ctx.api.tcrCall('DeleteInstanceToken', { RegistryId: instanceId, TokenId: tokenId });
    return true;
  } catch (e) {
    // DeleteInstanceToken answers InvalidParameter for an unknown token: gone between the list and the delete.
    if (e instanceof ApiCallError && e.code === 'InvalidParameter') return false;
    throw e;
  }
}

/** Deletes this owner's marked tokens that no stored document points at (leftovers of a crash). */
async function sweepOrphans(
  ctx: OperationContext, spec: { instanceId: string; owner: string }, tokens: InstanceTokenInfo[], keep: string[],
): Promise<string[]> {
  const marker = ownerMarker(spec.owner);
  const orphans = tokens.filter((t) => markerInDescription(t.description) === marker && !keep.includes(t.id));
  for (const orphan of orphans) {
    await deleteToken(ctx, spec.instanceId, orphan.id, tokens);
    ctx.note(`deleted orphaned token ${orphan.id} of owner ${spec.owner} (minted by an earlier run that never stored it)`);
  }
  return orphans.map((o) => o.id);
}

interface Minted {
  readonly username: string;
  readonly password: string;
  readonly tokenId?: string;
  readonly expiresAt: number;
  readonly ambiguous: boolean;
}

async function mintToken(ctx: OperationContext, spec: TokenSpec): Promise<Minted> {
  const before = ctx.api.callCounts.get('CreateInstanceToken') ?? 0;
  const res = await ctx.api.tcrCall('CreateInstanceToken', {
    RegistryId: spec.instanceId,
    TokenType: spec.tokenType,
    Desc: describeWithMarker(spec.description, spec.owner),
  });
  ctx.redactor.add(res.Token);
  const attempts = (ctx.api.callCounts.get('CreateInstanceToken') ?? 0) - before;
  return {
    username: String(res.Username),
    password: res.Token,
    ...(res.TokenId ? { tokenId: res.TokenId } : {}),
    expiresAt: res.ExpTime ?? (spec.tokenType === 'temp' ? ctx.now() + TEMP_TOKEN_VALIDITY_MS : 0),
    // A retried mint may have minted on an earlier attempt too: sweep after the write.
    ambiguous: attempts > 1,
  };
}

/**
 * Writes the document; if that fails, deletes the token just minted before rethrowing, so that nothing is left
 * behind. An ambiguous write is checked by reading back (stores.ts), so a landed write is never undone.
 */
async function writeOrUndo(
  ctx: OperationContext, store: CredentialStore, doc: CredentialDocument, previous: StoredCredential | undefined, spec: TokenSpec, minted: Minted,
): Promise<string> {
  try {
    return await store.write(doc, previous, { kmsKeyId: spec.kmsKeyId, keepVersions: spec.keepVersions });
  } catch (e) {
    const message = ctx.redactor.redact((e as Error).message);
    if (minted.tokenId) {
      try {
        await deleteToken(ctx, spec.instanceId, minted.tokenId);
      } catch (undo) {
        throw new OperationError(`writing ${store.spec} failed (${message}), and deleting the token ${minted.tokenId} minted for it failed too (${ctx.redactor.redact((undo as Error).message)}); the next run deletes it`);
      }
      throw new OperationError(`writing ${store.spec} failed (${message}); the token ${minted.tokenId} minted for it was deleted`);
    }
    throw new OperationError(`writing ${store.spec} failed (${message}); the temporary token minted for it cannot be deleted and expires within the hour`);
  }
}

export async function createToken(ctx: OperationContext, store: CredentialStore, spec: TokenSpec): Promise<Record<string, unknown>> {
  store.preflight();
  const stored = await store.read(spec.owner);
  const existing = ours(stored, spec.owner, store);
  const tokens = spec.tokenType === 'longterm' ? await listInstanceTokens(ctx.api, spec.instanceId) : [];
  if (existing && existing.tcrCredentials.kind === 'instance-token' && existing.tcrCredentials.tokenType === spec.tokenType
    && existing.tcrCredentials.instanceId === spec.instanceId && existing.tcrCredentials.registry === spec.registry) {
    const meta = existing.tcrCredentials;
    const live = spec.tokenType === 'longterm'
      ? tokens.some((t) => t.id === meta.tokenId && t.enabled)
      : meta.expiresAt - ctx.now() > TEMP_REUSE_MARGIN_MS;
    if (live) {
      await sweepOrphans(ctx, spec, tokens, referencedTokenIds(existing));
      return publicMetadata(existing, store.spec, stored!.version, false);
    }
  }
  await sweepOrphans(ctx, spec, tokens, existing ? referencedTokenIds(existing) : []);
  const minted = await mintToken(ctx, spec);
  const doc = buildDocument({
    kind: 'instance-token',
    owner: spec.owner,
    instanceId: spec.instanceId,
    registry: spec.registry,
    region: ctx.region,
    username: minted.username,
    tokenType: spec.tokenType,
    ...(minted.tokenId ? { tokenId: minted.tokenId } : {}),
    expiresAt: minted.expiresAt,
    description: spec.description,
    // A replaced long-term token the secret still vouched for is retired now: the new one supersedes it.
    retiring: [],
  }, minted.password, ctx.now());
  ctx.redactor.add(...secretsOf(doc));
  const version = await writeOrUndo(ctx, store, doc, stored, spec, minted);
  if (existing) {
    for (const old of referencedTokenIds(existing)) await deleteToken(ctx, spec.instanceId, old);
  }
  if (minted.ambiguous && minted.tokenId) {
    await sweepOrphans(ctx, spec, await listInstanceTokens(ctx.api, spec.instanceId), [minted.tokenId]);
  }
  return publicMetadata(doc, store.spec, version, true);
}

export interface DeleteSpec {
  readonly instanceId?: string;
  readonly owner?: string;
  readonly recoveryWindowDays: number;
}

/** Deletes the long-term tokens the document records, then the secret. Already gone counts as success. */
export async function deleteCredential(ctx: OperationContext, store: CredentialStore, spec: DeleteSpec): Promise<Record<string, unknown>> {
  const stored = await store.read(spec.owner ?? '');
  const doc = stored?.doc;
  if (stored && !doc) throw new ConflictError(`${store.spec} was not written by tcr-credentials; refusing to delete it`);
  if (doc && spec.owner && doc.tcrCredentials.owner !== spec.owner) {
    throw new ConflictError(`${store.spec} belongs to owner "${doc.tcrCredentials.owner}", not "${spec.owner}"; refusing to delete it`);
  }
  const deletedTokens: string[] = [];
  const instanceId = doc?.tcrCredentials.instanceId ?? spec.instanceId;
  if (instanceId && (doc?.tcrCredentials.tokenType === 'longterm' || (!doc && spec.owner))) {
    const tokens = await listInstanceTokens(ctx.api, instanceId);
    for (const id of doc ? referencedTokenIds(doc) : []) {
      if (await deleteToken(ctx, instanceId, id, tokens)) deletedTokens.push(id);
    }
    const owner = doc?.tcrCredentials.owner ?? spec.owner;
    if (owner) deletedTokens.push(...await sweepOrphans(ctx, { instanceId, owner }, tokens, doc ? referencedTokenIds(doc) : []));
  }
  const removed = await store.remove(spec.recoveryWindowDays);
  return { store: store.spec, secretDeleted: removed, alreadyGone: !stored, deletedTokens, recoveryWindowDays: spec.recoveryWindowDays };
}

export interface ServiceAccountSpec {
  readonly instanceId: string;
  readonly registry: string;
  /** Bare name (a `tcr$`/`tcr@` prefix is accepted and stripped). */
  readonly name: string;
  readonly owner: string;
  readonly kmsKeyId?: string;
  readonly keepVersions: number;
  /** Reset even if the store holds this account incarnation's password (rotation). */
  readonly force: boolean;
}

interface ServiceAccountInfo {
  readonly name: string;
  readonly disabled: boolean;
  readonly expiresAt: number;
  readonly createdAt: string;
  readonly description: string;
}

export async function listServiceAccounts(api: TencentApi, instanceId: string, nameFilter?: string): Promise<ServiceAccountInfo[]> {
  const accounts: ServiceAccountInfo[] = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const res = await api.tcrCall('DescribeServiceAccounts', {
      RegistryId: instanceId,
      Limit: limit,
      Offset: offset,
      ...(nameFilter ? { Filters: [{ Name: 'ServiceAccountName', Values: [nameFilter] }] } : {}),
    });
    const page = (res.ServiceAccounts ?? []) as Array<{ Name: string; Disable: boolean; ExpiresAt: number; CreateTime: string; Description: string }>;
    accounts.push(...page.map((a) => ({ name: a.Name, disabled: !!a.Disable, expiresAt: a.ExpiresAt ?? 0, createdAt: a.CreateTime ?? '', description: a.Description ?? '' })));
    if (page.length < limit || accounts.length >= (res.TotalCount ?? 0)) return accounts;
  }
}

export function bareServiceAccountName(name: string): string {
  for (const prefix of [SERVICE_ACCOUNT_PREFIX, SERVICE_ACCOUNT_CI_PREFIX]) if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name;
}

/**
 * Resets the service account's password (random, ModifyServiceAccountPassword) and publishes it, so the password
 * the provider put into Terraform state at creation is dead. Repeated runs for the same account incarnation
 * (same CreateTime) reset nothing.
 */
export async function publishServiceAccount(
  ctx: OperationContext, store: CredentialStore, spec: ServiceAccountSpec,
): Promise<Record<string, unknown>> {
  store.preflight();
  const name = bareServiceAccountName(spec.name);
  const stored = await store.read(spec.owner);
  const existing = ours(stored, spec.owner, store);
  const account = (await listServiceAccounts(ctx.api, spec.instanceId, name)).find((a) => a.name === `${SERVICE_ACCOUNT_PREFIX}${name}`);
  if (!account) throw new OperationError(`service account ${SERVICE_ACCOUNT_PREFIX}${name} does not exist in instance ${spec.instanceId}`);
  const meta = existing?.tcrCredentials;
  if (!spec.force && meta && meta.kind === 'service-account' && meta.serviceAccount === name && meta.instanceId === spec.instanceId
    && meta.accountCreatedAt === account.createdAt && meta.registry === spec.registry) {
    return publicMetadata(existing!, store.spec, stored!.version, false);
  }
  const res = await ctx.api.tcrCall('ModifyServiceAccountPassword', { RegistryId: spec.instanceId, Name: name, Random: true });
  ctx.redactor.add(res.Password);
  const doc = buildDocument({
    kind: 'service-account',
    owner: spec.owner,
    instanceId: spec.instanceId,
    registry: spec.registry,
    region: ctx.region,
    username: `${SERVICE_ACCOUNT_PREFIX}${name}`,
    ciUsername: `${SERVICE_ACCOUNT_CI_PREFIX}${name}`,
    serviceAccount: name,
    accountCreatedAt: account.createdAt,
    expiresAt: account.expiresAt,
  }, res.Password, ctx.now());
  ctx.redactor.add(...secretsOf(doc));
  let version: string;
  try {
    version = await store.write(doc, stored, { kmsKeyId: spec.kmsKeyId, keepVersions: spec.keepVersions });
  } catch (e) {
    throw new OperationError(`the password of ${SERVICE_ACCOUNT_PREFIX}${name} was reset but writing ${store.spec} failed (${ctx.redactor.redact((e as Error).message)}); run the command again to publish a new one`);
  }
  return publicMetadata(doc, store.spec, version, true);
}

export interface RotateOptions {
  /** Token listings shared by the secrets of one run. */
  readonly tokenLists: TokenListCache;
  /** Grace period in ms before a replaced long-term token is deleted. */
  readonly graceMs: number;
  /** Temporary tokens expiring within this window are re-minted. */
  readonly tempWindowMs: number;
  readonly keepVersions: number;
}

/** Rotates one stored credential; returns what it did. */
export async function rotateOne(ctx: OperationContext, store: CredentialStore, options: RotateOptions): Promise<Record<string, unknown>> {
  store.preflight();
  const stored = await store.read('');
  if (!stored) throw new OperationError(`${store.spec} does not exist`);
  const doc = stored.doc;
  if (!doc) throw new ConflictError(`${store.spec} was not written by tcr-credentials; nothing to rotate`);
  const meta = doc.tcrCredentials;
  if (meta.kind === 'service-account') {
    const result = await publishServiceAccount(ctx, store, {
      instanceId: meta.instanceId,
      registry: meta.registry,
      name: meta.serviceAccount!,
      owner: meta.owner,
      keepVersions: options.keepVersions,
      force: true,
    });
    return { store: store.spec, action: 'reset', version: result.version };
  }
  const spec: TokenSpec = {
    instanceId: meta.instanceId,
    registry: meta.registry,
    tokenType: meta.tokenType === 'temp' ? 'temp' : 'longterm',
    owner: meta.owner,
    description: meta.description ?? '',
    keepVersions: options.keepVersions,
  };
  const now = ctx.now();
  if (spec.tokenType === 'temp') {
    if (meta.expiresAt - now > options.tempWindowMs) return { store: store.spec, action: 'skipped', reason: 'temporary token not yet within the renewal window' };
    const minted = await mintToken(ctx, spec);
    const next = buildDocument({ ...meta, username: minted.username, expiresAt: minted.expiresAt }, minted.password, now);
    ctx.redactor.add(...secretsOf(next));
    return { store: store.spec, action: 'reminted', version: await writeOrUndo(ctx, store, next, stored, spec, minted) };
  }
  const tokens = await options.tokenLists.list(ctx.api, spec.instanceId);
  // Retire the tokens whose grace period is over; keep the others vouched for.
  const retiring: RetiringToken[] = [];
  const retired: string[] = [];
  for (const r of meta.retiring) {
    if (r.retireAt <= now) {
      await deleteToken(ctx, spec.instanceId, r.tokenId, tokens);
      retired.push(r.tokenId);
    } else {retiring.push(r);}
  }
  await sweepOrphans(ctx, spec, tokens, referencedTokenIds(doc));
  const minted = await mintToken(ctx, spec);
  const previous = meta.tokenId && tokens.some((t) => t.id === meta.tokenId) ? [{ tokenId: meta.tokenId, retireAt: now + options.graceMs }] : [];
  const next = buildDocument({
    ...meta,
    username: minted.username,
    tokenId: minted.tokenId,
    expiresAt: minted.expiresAt,
    retiring: options.graceMs === 0 ? retiring : [...retiring, ...previous],
  }, minted.password, now);
  ctx.redactor.add(...secretsOf(next));
  const version = await writeOrUndo(ctx, store, next, stored, spec, minted);
  if (options.graceMs === 0) {
    for (const p of previous) {
      // `tokens` was listed before the mint and holds p (that is how it got into `previous`): no second listing.
      await deleteToken(ctx, spec.instanceId, p.tokenId, tokens);
      retired.push(p.tokenId);
    }
  }
  return { store: store.spec, action: 'rotated', version, tokenId: minted.tokenId, retired };
}
