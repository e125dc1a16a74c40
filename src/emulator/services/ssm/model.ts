/**
 * Secrets Manager (ssm 2019-09-23) model: user-defined secrets (SecretType 0) with up to ten versions each, the
 * Enabled / Disabled / PendingDelete life cycle and scheduled deletion on the virtual clock.
 *
 * Secret values are kept as given (SSM must hand them back through GetSecretValue); they are never part of an
 * error message, and the core's request log never records parameters.
 */
import { checkSecretName, checkSecretVersionId, SSM_LIMITS } from '../../../validation/name-rules';
import { ApiError } from '../../api-error';
import { echo, invalidValue, own } from '../../params';
import { EmulatorState } from '../../service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Version id CreateSecret uses when none is given. */
export const DEFAULT_VERSION_ID = 'SSM_Current';
/** The code every SSM rule violation answers (each SSM action documents it). */
const INVALID = 'InvalidParameterValue';

export type SecretStatus = 'Enabled' | 'Disabled' | 'PendingDelete';

export interface SsmVersionRecord {
  versionId: string;
  /** Epoch ms. */
  createdAt: number;
  secretString?: string;
  secretBinary?: string;
}

export interface SsmSecretRecord {
  name: string;
  ownerUin: string;
  region: string;
  description: string;
  kmsKeyId: string;
  createUin: string;
  status: SecretStatus;
  createdAt: number;
  /** Epoch ms at which a PendingDelete secret is purged; 0 otherwise. */
  deleteAt: number;
  additionalConfig: string;
  tags: SsmTag[];
  versions: SsmVersionRecord[];
}

export interface SsmTag {
  TagKey: string;
  TagValue: string;
}

export interface SsmState {
  /** Keyed by `<ownerUin>/<region>/<secretName>`. */
  secrets: Record<string, SsmSecretRecord>;
}

/** The SSM slice of the emulator state, created on first use; secrets whose recovery window ended are purged. */
export function ssmState(state: EmulatorState, now?: number): SsmState {
  if (!state.ssm) state.ssm = { secrets: {} };
  const slice = state.ssm as SsmState;
  if (now !== undefined) {
    for (const [key, secret] of Object.entries(slice.secrets)) {
      if (secret.status === 'PendingDelete' && secret.deleteAt <= now) delete slice.secrets[key];
    }
  }
  return slice;
}

/** A secret value: exactly one of the two fields. */
export interface SecretValue {
  secretString?: string;
  secretBinary?: string;
}

export interface NewSecret {
  readonly name: string;
  readonly versionId: string;
  readonly description: string;
  readonly kmsKeyId: string;
  readonly additionalConfig: string;
  readonly tags: SsmTag[];
  readonly value: SecretValue;
}

export interface SecretQuery {
  /** The `State` filter: 0 = any, else STATE_FILTER's status (4 and 5 match nothing). */
  readonly state: number;
  /** 0 = user-defined; other types exist only for cloud products and match nothing here. */
  readonly secretType: number;
  readonly search: string;
  readonly tagFilters: ReadonlyArray<{ readonly key: string; readonly values: readonly string[] }>;
  /** 1 = oldest first, else newest first. */
  readonly order: number;
}

/** The list filter `State` (0 = all); 4 and 5 apply only to cloud-product secrets and match nothing. */
export const STATE_FILTER: Readonly<Record<number, SecretStatus | undefined>> = { 1: 'Enabled', 2: 'Disabled', 3: 'PendingDelete' };

export function checkSecretNameParam(name: string): void {
  const problem = checkSecretName(name);
  if (problem) throw invalidValue(INVALID, 'SecretName', name, problem);
}

export function checkVersionIdParam(versionId: string): void {
  const problem = checkSecretVersionId(versionId);
  if (problem) throw invalidValue(INVALID, 'VersionId', versionId, problem);
}

export function checkDescription(description: string): void {
  if (Buffer.byteLength(description) > SSM_LIMITS.descriptionMaxBytes) {
    throw new ApiError(INVALID, `The parameter \`Description\` is ${Buffer.byteLength(description)} bytes: it must be at most ${SSM_LIMITS.descriptionMaxBytes} bytes.`);
  }
}

/** Exactly one of SecretString / SecretBinary (empty = absent), within the size limit. Messages never include the value. */
export function secretValue(secretString: string | undefined, secretBinary: string | undefined): SecretValue {
  const hasString = secretString !== undefined && secretString !== '';
  const hasBinary = secretBinary !== undefined && secretBinary !== '';
  if (hasString === hasBinary) {
    throw new ApiError(INVALID, 'Exactly one of the parameters `SecretString` and `SecretBinary` must be set.');
  }
  const field = hasString ? 'SecretString' : 'SecretBinary';
  const value = (hasString ? secretString : secretBinary) as string;
  if (Buffer.byteLength(value) > SSM_LIMITS.secretValueMaxBytes) {
    throw new ApiError(INVALID, `The parameter \`${field}\` is ${Buffer.byteLength(value)} bytes: it must be at most ${SSM_LIMITS.secretValueMaxBytes} bytes.`);
  }
  if (hasBinary && !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) {
    throw new ApiError(INVALID, 'The parameter `SecretBinary` must be base64-encoded.');
  }
  return hasString ? { secretString: value } : { secretBinary: value };
}

/** Who the model acts for: the caller's root account and UIN, the request's region and the virtual clock. */
export interface SsmScope {
  readonly ownerUin: string;
  readonly uin: string;
  readonly region: string;
  readonly now: number;
}

/** The SSM model over one state, seen from one account and region. */
export class SsmModel {
  private readonly slice: SsmState;

  constructor(state: EmulatorState, private readonly scope: SsmScope) {
    this.slice = ssmState(state, scope.now);
  }

  private key(name: string): string {
    return `${this.scope.ownerUin}/${this.scope.region}/${name}`;
  }

  createSecret(input: NewSecret): SsmSecretRecord {
    if (new Set(input.tags.map((t) => t.TagKey)).size !== input.tags.length) {
      throw new ApiError('InvalidParameterValue.TagKeysDuplicated', 'The parameter `Tags` repeats a TagKey.');
    }
    const key = this.key(input.name);
    const existing = own(this.slice.secrets, key);
    if (existing) {
      throw new ApiError('ResourceInUse.SecretExists', `The secret \`SecretName\` "${input.name}" already exists (status ${existing.status}).`);
    }
    const inRegion = Object.values(this.slice.secrets).filter((s) => s.ownerUin === this.scope.ownerUin && s.region === this.scope.region).length;
    if (inRegion >= SSM_LIMITS.secretsPerRegion) {
      throw new ApiError('LimitExceeded', `An account can hold at most ${SSM_LIMITS.secretsPerRegion} secrets per region.`);
    }
    const secret: SsmSecretRecord = {
      name: input.name,
      ownerUin: this.scope.ownerUin,
      region: this.scope.region,
      description: input.description,
      kmsKeyId: input.kmsKeyId,
      createUin: this.scope.uin,
      status: 'Enabled',
      createdAt: this.scope.now,
      deleteAt: 0,
      additionalConfig: input.additionalConfig,
      tags: input.tags,
      versions: [{ versionId: input.versionId, createdAt: this.scope.now, ...input.value }],
    };
    this.slice.secrets[key] = secret;
    return secret;
  }

  /** The secret of the caller's account and region, or `notFoundCode`. */
  secret(name: string, notFoundCode = 'ResourceNotFound'): SsmSecretRecord {
    const secret = own(this.slice.secrets, this.key(name));
    if (!secret) throw new ApiError(notFoundCode, `The secret \`SecretName\` ${echo(name)} does not exist.`);
    return secret;
  }

  /** Operations that only Enabled and Disabled secrets allow. */
  requireNotPendingDelete(secret: SsmSecretRecord, code = 'FailedOperation'): void {
    if (secret.status === 'PendingDelete') {
      throw new ApiError(code, `The secret "${secret.name}" is scheduled for deletion (PendingDelete); restore it with RestoreSecret first.`);
    }
  }

  version(secret: SsmSecretRecord, versionId: string): SsmVersionRecord {
    const version = secret.versions.find((v) => v.versionId === versionId);
    if (!version) throw new ApiError('ResourceNotFound', `The version \`VersionId\` ${echo(versionId)} of secret "${secret.name}" does not exist.`);
    return version;
  }

  putValue(secret: SsmSecretRecord, versionId: string, value: SecretValue): void {
    this.requireNotPendingDelete(secret);
    if (secret.versions.some((v) => v.versionId === versionId)) {
      throw new ApiError('ResourceInUse.VersionIdExists', `The version \`VersionId\` "${versionId}" already exists in secret "${secret.name}".`);
    }
    if (secret.versions.length >= SSM_LIMITS.versionsPerSecret) {
      throw new ApiError('LimitExceeded', `The secret "${secret.name}" already holds ${SSM_LIMITS.versionsPerSecret} versions, the maximum; delete one with DeleteSecretVersion first.`);
    }
    secret.versions.push({ versionId, createdAt: this.scope.now, ...value });
  }

  updateValue(secret: SsmSecretRecord, versionId: string, value: SecretValue): void {
    this.requireNotPendingDelete(secret);
    const version = this.version(secret, versionId);
    delete version.secretString;
    delete version.secretBinary;
    Object.assign(version, value);
  }

  /** The value of a readable (Enabled) secret's version. */
  readValue(secret: SsmSecretRecord, versionId: string): SsmVersionRecord {
    if (secret.status === 'Disabled') {
      throw new ApiError('ResourceUnavailable.ResourceDisabled', `The secret "${secret.name}" is disabled; enable it with EnableSecret to read it.`);
    }
    this.requireNotPendingDelete(secret, 'ResourceUnavailable.ResourcePendingDeleted');
    return this.version(secret, versionId);
  }

  /** Any status allows deleting a version (DeleteSecretVersion doc); the last one may go too (the provider relies on it). */
  deleteVersion(secret: SsmSecretRecord, versionId: string): void {
    this.version(secret, versionId);
    secret.versions = secret.versions.filter((v) => v.versionId !== versionId);
  }

  setEnabled(secret: SsmSecretRecord, enabled: boolean): void {
    this.requireNotPendingDelete(secret);
    secret.status = enabled ? 'Enabled' : 'Disabled';
  }

  /** The secret must be disabled first (DeleteSecret doc); 0 days deletes now, 1-30 schedules. Returns the deletion time. */
  deleteSecret(secret: SsmSecretRecord, recoveryDays: number): number {
    if (secret.status === 'PendingDelete') {
      throw new ApiError('FailedOperation', `The secret "${secret.name}" is already scheduled for deletion.`);
    }
    if (secret.status !== 'Disabled') {
      throw new ApiError('FailedOperation', `The secret "${secret.name}" is Enabled; disable it with DisableSecret before deleting it.`);
    }
    if (recoveryDays === 0) {
      delete this.slice.secrets[this.key(secret.name)];
      return this.scope.now;
    }
    secret.status = 'PendingDelete';
    secret.deleteAt = this.scope.now + recoveryDays * DAY_MS;
    return secret.deleteAt;
  }

  /** A restored secret comes back Disabled (RestoreSecret doc). */
  restoreSecret(secret: SsmSecretRecord): void {
    if (secret.status !== 'PendingDelete') {
      throw new ApiError('FailedOperation', `The secret "${secret.name}" is ${secret.status}, not PendingDelete; there is nothing to restore.`);
    }
    secret.status = 'Disabled';
    secret.deleteAt = 0;
  }

  updateDescription(secret: SsmSecretRecord, description: string): void {
    this.requireNotPendingDelete(secret);
    secret.description = description;
  }

  /** The caller's secrets in the region matching `query`. */
  secrets(query: SecretQuery): SsmSecretRecord[] {
    return Object.values(this.slice.secrets)
      .filter((s) => s.ownerUin === this.scope.ownerUin && s.region === this.scope.region)
      .filter(() => query.secretType === 0)
      .filter((s) => query.state === 0 || STATE_FILTER[query.state] === s.status)
      .filter((s) => query.search === '' || s.name.includes(query.search))
      .filter((s) => query.tagFilters.every((f) => s.tags.some((t) => t.TagKey === f.key
        && (f.values.length === 0 || f.values.includes(t.TagValue)))))
      .sort((a, b) => (query.order === 1 ? a.createdAt - b.createdAt : b.createdAt - a.createdAt) || a.name.localeCompare(b.name));
  }
}
