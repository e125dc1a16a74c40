/**
 * The secret's content: a ready `.dockerconfigjson` (what a Kubernetes `kubernetes.io/dockerconfigjson`
 * imagePullSecret holds, as it is) plus a `tcrCredentials` block of non-secret metadata that makes runs
 * idempotent (owner marker, token id, expiry) and lets rotation and deletion find what to retire.
 * Docker and Kubernetes read only `auths` and ignore the extra top-level key.
 */
import { randomUUID } from 'crypto';
import { ownerMarker } from '../validation/credential-rules';

export type CredentialKind = 'instance-token' | 'service-account';

export interface RetiringToken {
  readonly tokenId: string;
  /** Epoch ms after which rotation deletes it. */
  readonly retireAt: number;
}

export interface CredentialMetadata {
  readonly format: 1;
  readonly kind: CredentialKind;
  /** Stack and construct path (or the CLI user's label) that owns the credential. */
  readonly owner: string;
  /** Digest of `owner` carried in token descriptions and secret tags. */
  readonly ownerMarker: string;
  readonly instanceId: string;
  readonly registry: string;
  readonly region: string;
  /** Docker login user name. */
  readonly username: string;
  /** `longterm` or `temp` (instance tokens). */
  readonly tokenType?: string;
  /** Long-term token id (temporary tokens have none). */
  readonly tokenId?: string;
  /** Epoch ms; 0 = never expires. */
  readonly expiresAt: number;
  /** Service-account name without prefix. */
  readonly serviceAccount?: string;
  /** `tcr@<name>`, for CI systems that mishandle `$`. */
  readonly ciUsername?: string;
  /** CreateTime of the service account whose password this is: a re-created account needs a new one. */
  readonly accountCreatedAt?: string;
  readonly description?: string;
  /** Epoch ms of the write. */
  readonly issuedAt: number;
  /** Identifies this write, so an ambiguous write (timeout, dropped connection) can be checked by reading back. */
  readonly writeId: string;
  /** Previous long-term tokens still valid during the rotation grace period. */
  readonly retiring: readonly RetiringToken[];
}

export interface CredentialDocument {
  readonly auths: Record<string, { username: string; password: string; auth: string }>;
  readonly tcrCredentials: CredentialMetadata;
}

export type MetadataInput = Omit<CredentialMetadata, 'format' | 'ownerMarker' | 'issuedAt' | 'writeId' | 'retiring'>
  & { readonly retiring?: readonly RetiringToken[] };

export function buildDocument(meta: MetadataInput, password: string, now: number): CredentialDocument {
  const auth = Buffer.from(`${meta.username}:${password}`).toString('base64');
  return {
    auths: { [meta.registry]: { username: meta.username, password, auth } },
    tcrCredentials: {
      format: 1,
      ...meta,
      ownerMarker: ownerMarker(meta.owner),
      issuedAt: now,
      writeId: randomUUID(),
      retiring: meta.retiring ?? [],
    },
  };
}

/** The password and `auth` of a document, which every output path must redact. */
export function secretsOf(doc: CredentialDocument): string[] {
  return Object.values(doc.auths).flatMap((a) => [a.password, a.auth]);
}

/** Parses a stored secret; `undefined` when it is not a document this program wrote. */
export function parseDocument(text: string): CredentialDocument | undefined {
  try {
    const doc = JSON.parse(text);
    const meta = doc?.tcrCredentials;
    if (!doc.auths || typeof doc.auths !== 'object' || meta?.format !== 1 || typeof meta.owner !== 'string') return undefined;
    return { auths: doc.auths, tcrCredentials: { ...meta, retiring: Array.isArray(meta.retiring) ? meta.retiring : [] } };
  } catch {
    return undefined;
  }
}

/** Long-term token ids a document still vouches for (current and those in their grace period). */
export function referencedTokenIds(doc: CredentialDocument): string[] {
  const meta = doc.tcrCredentials;
  return [...(meta.tokenId ? [meta.tokenId] : []), ...meta.retiring.map((r) => r.tokenId)];
}

/** What the program prints: never the password or `auth`. */
export function publicMetadata(doc: CredentialDocument, store: string, version: string, minted: boolean): Record<string, unknown> {
  const m = doc.tcrCredentials;
  return {
    kind: m.kind,
    store,
    version,
    minted,
    instanceId: m.instanceId,
    registry: m.registry,
    username: m.username,
    ...(m.tokenType ? { tokenType: m.tokenType } : {}),
    ...(m.tokenId ? { tokenId: m.tokenId } : {}),
    ...(m.serviceAccount ? { serviceAccount: m.serviceAccount, ciUsername: m.ciUsername } : {}),
    expiresAt: m.expiresAt === 0 ? null : new Date(m.expiresAt).toISOString(),
    owner: m.owner,
    ownerMarker: m.ownerMarker,
  };
}
