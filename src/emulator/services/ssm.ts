/**
 * Secrets Manager (ssm 2019-09-23): user-defined secrets (SecretType 0) with up to ten versions each, the
 * Enabled / Disabled / PendingDelete life cycle and scheduled deletion on the virtual clock.
 *
 * Secret values are kept as given (SSM must hand them back through GetSecretValue); they are never part of an
 * error message, and the core's request log never records parameters.
 */
import { checkSecretName, checkSecretVersionId, SSM_LIMITS } from '../../validation/name-rules';
import { ApiError, invalidParameterValue, missingParameter } from '../api-error';
import { ActionContext, EmulatorState, ServiceDefinition } from '../service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Version id CreateSecret uses when none is given. */
export const DEFAULT_VERSION_ID = 'SSM_Current';

type SecretStatus = 'Enabled' | 'Disabled' | 'PendingDelete';

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
  tags: Array<{ TagKey: string; TagValue: string }>;
  versions: SsmVersionRecord[];
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

function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function requireRegion(ctx: ActionContext): string {
  if (!ctx.region) throw missingParameter('Region');
  return ctx.region;
}

function stringParam(params: Record<string, any>, field: string, required: boolean): string | undefined {
  const value = params[field];
  if (value === undefined || value === null) {
    if (required) throw missingParameter(field);
    return undefined;
  }
  if (typeof value !== 'string') throw invalidParameterValue(field, value, 'must be a string');
  if (required && value === '') throw missingParameter(field);
  return value;
}

function integerParam(params: Record<string, any>, field: string, min: number, max: number): number | undefined {
  const value = params[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidParameterValue(field, value, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function checkDescription(description: string): void {
  if (Buffer.byteLength(description) > SSM_LIMITS.descriptionMaxBytes) {
    throw new ApiError('InvalidParameterValue', `The parameter \`Description\` is ${Buffer.byteLength(description)} bytes: it must be at most ${SSM_LIMITS.descriptionMaxBytes} bytes.`);
  }
}

function versionIdParam(params: Record<string, any>, required: boolean): string | undefined {
  const versionId = stringParam(params, 'VersionId', required);
  if (versionId === undefined || versionId === '') return undefined;
  const problem = checkSecretVersionId(versionId);
  if (problem) throw invalidParameterValue('VersionId', versionId, problem);
  return versionId;
}

/** Exactly one of SecretString / SecretBinary, within the size limit. Messages never include the value. */
function secretValue(params: Record<string, any>): { secretString?: string; secretBinary?: string } {
  const secretString = stringParam(params, 'SecretString', false);
  const secretBinary = stringParam(params, 'SecretBinary', false);
  const hasString = secretString !== undefined && secretString !== '';
  const hasBinary = secretBinary !== undefined && secretBinary !== '';
  if (hasString === hasBinary) {
    throw new ApiError('InvalidParameterValue', 'Exactly one of the parameters `SecretString` and `SecretBinary` must be set.');
  }
  const field = hasString ? 'SecretString' : 'SecretBinary';
  const value = (hasString ? secretString : secretBinary) as string;
  if (Buffer.byteLength(value) > SSM_LIMITS.secretValueMaxBytes) {
    throw new ApiError('InvalidParameterValue', `The parameter \`${field}\` is ${Buffer.byteLength(value)} bytes: it must be at most ${SSM_LIMITS.secretValueMaxBytes} bytes.`);
  }
  if (hasBinary && !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) {
    throw new ApiError('InvalidParameterValue', 'The parameter `SecretBinary` must be base64-encoded.');
  }
  return hasString ? { secretString: value } : { secretBinary: value };
}

function secretKey(ctx: ActionContext, region: string, name: string): string {
  return `${ctx.caller.ownerUin}/${region}/${name}`;
}

/** Validates the name, authorizes `ssm:<api>` on the secret, and returns it (or throws ResourceNotFound). */
function secretFor(ctx: ActionContext, params: Record<string, any>, api: string, notFoundCode = 'ResourceNotFound'): SsmSecretRecord {
  const region = requireRegion(ctx);
  const name = stringParam(params, 'SecretName', true) as string;
  ctx.authorize(`ssm:${api}`, [ctx.resourceArn('ssm', `secret/${name}`)]);
  const secret = ssmState(ctx.state, ctx.now()).secrets[secretKey(ctx, region, name)];
  if (!secret) throw new ApiError(notFoundCode, `The secret \`SecretName\` "${name}" does not exist.`);
  return secret;
}

/** Operations that only Enabled and Disabled secrets allow. */
function requireNotPendingDelete(secret: SsmSecretRecord, code = 'FailedOperation'): void {
  if (secret.status === 'PendingDelete') {
    throw new ApiError(code, `The secret "${secret.name}" is scheduled for deletion (PendingDelete); restore it with RestoreSecret first.`);
  }
}

function findVersion(secret: SsmSecretRecord, versionId: string): SsmVersionRecord {
  const version = secret.versions.find((v) => v.versionId === versionId);
  if (!version) throw new ApiError('ResourceNotFound', `The version \`VersionId\` "${versionId}" of secret "${secret.name}" does not exist.`);
  return version;
}

function metadata(secret: SsmSecretRecord): Record<string, unknown> {
  return {
    SecretName: secret.name,
    Description: secret.description,
    KmsKeyId: secret.kmsKeyId,
    CreateUin: Number(secret.createUin),
    CreateUinString: secret.createUin,
    Status: secret.status,
    DeleteTime: secret.deleteAt === 0 ? 0 : seconds(secret.deleteAt),
    CreateTime: seconds(secret.createdAt),
    SecretType: 0,
    ProductName: '',
    ResourceID: '',
    RotationStatus: false,
    RotationFrequency: 0,
    ResourceName: '',
    ProjectID: 0,
    AssociatedInstanceIDs: [],
    TargetUin: 0,
    TargetUinString: '',
    AdditionalConfig: secret.additionalConfig,
    EncryptType: 0,
    EncryptSwitching: false,
  };
}

function createSecret(ctx: ActionContext, params: Record<string, any>) {
  const region = requireRegion(ctx);
  const name = stringParam(params, 'SecretName', true) as string;
  const nameProblem = checkSecretName(name);
  if (nameProblem) throw invalidParameterValue('SecretName', name, nameProblem);
  ctx.authorize('ssm:CreateSecret', [ctx.resourceArn('ssm', `secret/${name}`)]);
  const versionId = versionIdParam(params, false) ?? DEFAULT_VERSION_ID;
  const description = stringParam(params, 'Description', false) ?? '';
  checkDescription(description);
  const secretType = integerParam(params, 'SecretType', 0, 3) ?? 0;
  if (secretType !== 0) {
    throw invalidParameterValue('SecretType', secretType, 'only 0 (user-defined secret) is emulated');
  }
  const value = secretValue(params);
  const rawTags = params.Tags ?? [];
  if (!Array.isArray(rawTags)) throw invalidParameterValue('Tags', rawTags, 'must be a list of {"TagKey", "TagValue"}');
  const tags = rawTags.map((tag: any, i: number) => {
    if (!tag || typeof tag.TagKey !== 'string' || tag.TagKey === '' || typeof tag.TagValue !== 'string') {
      throw invalidParameterValue(`Tags.${i}`, tag, 'must have a non-empty string TagKey and a string TagValue');
    }
    return { TagKey: tag.TagKey, TagValue: tag.TagValue };
  });
  if (new Set(tags.map((t) => t.TagKey)).size !== tags.length) {
    throw new ApiError('InvalidParameterValue.TagKeysDuplicated', 'The parameter `Tags` repeats a TagKey.');
  }
  const now = ctx.now();
  const slice = ssmState(ctx.state, now);
  const key = secretKey(ctx, region, name);
  if (slice.secrets[key]) {
    throw new ApiError('ResourceInUse.SecretExists', `The secret \`SecretName\` "${name}" already exists (status ${slice.secrets[key].status}).`);
  }
  const inRegion = Object.values(slice.secrets).filter((s) => s.ownerUin === ctx.caller.ownerUin && s.region === region).length;
  if (inRegion >= SSM_LIMITS.secretsPerRegion) {
    throw new ApiError('LimitExceeded', `An account can hold at most ${SSM_LIMITS.secretsPerRegion} secrets per region.`);
  }
  slice.secrets[key] = {
    name,
    ownerUin: ctx.caller.ownerUin,
    region,
    description,
    kmsKeyId: stringParam(params, 'KmsKeyId', false) ?? '',
    createUin: ctx.caller.uin,
    status: 'Enabled',
    createdAt: now,
    deleteAt: 0,
    additionalConfig: stringParam(params, 'AdditionalConfig', false) ?? '',
    tags,
    versions: [{ versionId, createdAt: now, ...value }],
  };
  return { SecretName: name, VersionId: versionId, TagCode: 0, TagMsg: '' };
}

function putSecretValue(ctx: ActionContext, params: Record<string, any>) {
  const versionId = versionIdParam(params, true) as string;
  const value = secretValue(params);
  const secret = secretFor(ctx, params, 'PutSecretValue');
  requireNotPendingDelete(secret);
  if (secret.versions.some((v) => v.versionId === versionId)) {
    throw new ApiError('ResourceInUse.VersionIdExists', `The version \`VersionId\` "${versionId}" already exists in secret "${secret.name}".`);
  }
  if (secret.versions.length >= SSM_LIMITS.versionsPerSecret) {
    throw new ApiError('LimitExceeded', `The secret "${secret.name}" already holds ${SSM_LIMITS.versionsPerSecret} versions, the maximum; delete one with DeleteSecretVersion first.`);
  }
  secret.versions.push({ versionId, createdAt: ctx.now(), ...value });
  return { SecretName: secret.name, VersionId: versionId };
}

function updateSecret(ctx: ActionContext, params: Record<string, any>) {
  const versionId = versionIdParam(params, true) as string;
  const value = secretValue(params);
  const secret = secretFor(ctx, params, 'UpdateSecret');
  requireNotPendingDelete(secret);
  const version = findVersion(secret, versionId);
  delete version.secretString;
  delete version.secretBinary;
  Object.assign(version, value);
  return { SecretName: secret.name, VersionId: versionId };
}

function getSecretValue(ctx: ActionContext, params: Record<string, any>) {
  const versionId = stringParam(params, 'VersionId', true) as string;
  const secret = secretFor(ctx, params, 'GetSecretValue');
  if (secret.status === 'Disabled') {
    throw new ApiError('ResourceUnavailable.ResourceDisabled', `The secret "${secret.name}" is disabled; enable it with EnableSecret to read it.`);
  }
  requireNotPendingDelete(secret, 'ResourceUnavailable.ResourcePendingDeleted');
  const version = findVersion(secret, versionId);
  return {
    SecretName: secret.name,
    VersionId: version.versionId,
    SecretString: version.secretString ?? '',
    SecretBinary: version.secretBinary ?? '',
  };
}

function describeSecret(ctx: ActionContext, params: Record<string, any>) {
  return metadata(secretFor(ctx, params, 'DescribeSecret'));
}

function listSecretVersionIds(ctx: ActionContext, params: Record<string, any>) {
  const secret = secretFor(ctx, params, 'ListSecretVersionIds');
  return {
    SecretName: secret.name,
    Versions: secret.versions.map((v) => ({ VersionId: v.versionId, CreateTime: seconds(v.createdAt) })),
  };
}

/** Any status allows deleting a version (DeleteSecretVersion doc); the last one may go too (the provider relies on it). */
function deleteSecretVersion(ctx: ActionContext, params: Record<string, any>) {
  const versionId = stringParam(params, 'VersionId', true) as string;
  const secret = secretFor(ctx, params, 'DeleteSecretVersion');
  findVersion(secret, versionId);
  secret.versions = secret.versions.filter((v) => v.versionId !== versionId);
  return { SecretName: secret.name, VersionId: versionId };
}

function disableSecret(ctx: ActionContext, params: Record<string, any>) {
  const secret = secretFor(ctx, params, 'DisableSecret');
  requireNotPendingDelete(secret);
  secret.status = 'Disabled';
  return { SecretName: secret.name };
}

function enableSecret(ctx: ActionContext, params: Record<string, any>) {
  const secret = secretFor(ctx, params, 'EnableSecret');
  requireNotPendingDelete(secret);
  secret.status = 'Enabled';
  return { SecretName: secret.name };
}

/** The secret must be disabled first (DeleteSecret doc); 0 days deletes now, 1-30 schedules the deletion. */
function deleteSecret(ctx: ActionContext, params: Record<string, any>) {
  const days = integerParam(params, 'RecoveryWindowInDays', 0, SSM_LIMITS.recoveryWindowMaxDays) ?? 0;
  const secret = secretFor(ctx, params, 'DeleteSecret');
  if (secret.status === 'PendingDelete') {
    throw new ApiError('FailedOperation', `The secret "${secret.name}" is already scheduled for deletion.`);
  }
  if (secret.status !== 'Disabled') {
    throw new ApiError('FailedOperation', `The secret "${secret.name}" is Enabled; disable it with DisableSecret before deleting it.`);
  }
  const now = ctx.now();
  if (days === 0) {
    delete ssmState(ctx.state).secrets[secretKey(ctx, secret.region, secret.name)];
    return { SecretName: secret.name, DeleteTime: seconds(now), FlowID: 0 };
  }
  secret.status = 'PendingDelete';
  secret.deleteAt = now + days * DAY_MS;
  return { SecretName: secret.name, DeleteTime: seconds(secret.deleteAt), FlowID: 0 };
}

/** A restored secret comes back Disabled (RestoreSecret doc). */
function restoreSecret(ctx: ActionContext, params: Record<string, any>) {
  const secret = secretFor(ctx, params, 'RestoreSecret');
  if (secret.status !== 'PendingDelete') {
    throw new ApiError('FailedOperation', `The secret "${secret.name}" is ${secret.status}, not PendingDelete; there is nothing to restore.`);
  }
  secret.status = 'Disabled';
  secret.deleteAt = 0;
  return { SecretName: secret.name };
}

function updateDescription(ctx: ActionContext, params: Record<string, any>) {
  const description = params.Description;
  if (typeof description !== 'string') throw missingParameter('Description');
  checkDescription(description);
  const secret = secretFor(ctx, params, 'UpdateDescription');
  requireNotPendingDelete(secret);
  secret.description = description;
  return { SecretName: secret.name };
}

const STATE_FILTER: Readonly<Record<number, SecretStatus | undefined>> = { 1: 'Enabled', 2: 'Disabled', 3: 'PendingDelete' };

function listSecrets(ctx: ActionContext, params: Record<string, any>) {
  const region = requireRegion(ctx);
  ctx.authorize('ssm:ListSecrets', [ctx.resourceArn('ssm', 'secret/*')]);
  const offset = integerParam(params, 'Offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const limit = integerParam(params, 'Limit', 0, 1000) || 20;
  const order = integerParam(params, 'OrderType', 0, 1) ?? 0;
  const stateFilter = integerParam(params, 'State', 0, 5) ?? 0;
  const secretType = integerParam(params, 'SecretType', 0, 3) ?? 0;
  const search = stringParam(params, 'SearchSecretName', false) ?? '';
  const tagFilters = params.TagFilters ?? [];
  if (!Array.isArray(tagFilters) || tagFilters.some((f: any) => !f || typeof f.TagKey !== 'string')) {
    throw invalidParameterValue('TagFilters', tagFilters, 'must be a list of {"TagKey", "TagValue": [...]}');
  }
  const selected = Object.values(ssmState(ctx.state, ctx.now()).secrets)
    .filter((s) => s.ownerUin === ctx.caller.ownerUin && s.region === region)
    // Only user-defined secrets exist here; states 4/5 apply to cloud-product secrets and match nothing.
    .filter(() => secretType === 0)
    .filter((s) => stateFilter === 0 || STATE_FILTER[stateFilter] === s.status)
    .filter((s) => search === '' || s.name.includes(search))
    .filter((s) => tagFilters.every((f: any) => s.tags.some((t) => t.TagKey === f.TagKey
      && (!f.TagValue?.length || f.TagValue.includes(t.TagValue)))))
    .sort((a, b) => (order === 1 ? a.createdAt - b.createdAt : b.createdAt - a.createdAt) || a.name.localeCompare(b.name));
  return {
    TotalCount: selected.length,
    SecretMetadatas: selected.slice(offset, offset + limit).map((s) => {
      const m = metadata(s);
      return { ...m, KmsKeyType: s.kmsKeyId === '' ? 'DEFAULT' : 'CUSTOMER', RotationStatus: 0, NextRotationTime: 0, RotationBeginTime: '' };
    }),
  };
}

export const ssmService: ServiceDefinition = {
  service: 'ssm',
  version: '2019-09-23',
  actions: {
    CreateSecret: createSecret,
    PutSecretValue: putSecretValue,
    UpdateSecret: updateSecret,
    GetSecretValue: getSecretValue,
    DescribeSecret: describeSecret,
    ListSecretVersionIds: listSecretVersionIds,
    DeleteSecretVersion: deleteSecretVersion,
    DisableSecret: disableSecret,
    EnableSecret: enableSecret,
    DeleteSecret: deleteSecret,
    RestoreSecret: restoreSecret,
    UpdateDescription: updateDescription,
    ListSecrets: listSecrets,
  },
};
