/**
 * SSM handlers: parse each request with the shared typed getters, authorise `ssm:<Action>` on the secret, call
 * the model and render the view. State and rules live in ./model.
 */
import { createHash } from 'crypto';
import { checkDescription, checkSecretNameParam, checkVersionIdParam, DEFAULT_VERSION_ID, secretValue, SecretValue, SsmModel, SsmSecretRecord } from './model';
import { SSM_LIMITS } from '../../../validation/name-rules';
import { handlersWithParams, Params, requiredRegion } from '../../params';
import { ActionContext, ServiceDefinition } from '../../service';

function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function modelFor(ctx: ActionContext): SsmModel {
  return new SsmModel(ctx.state, { ownerUin: ctx.caller.ownerUin, uin: ctx.caller.uin, region: requiredRegion(ctx), now: ctx.now() });
}

function secretArn(ctx: ActionContext, name: string): string {
  return ctx.resourceArn('ssm', `secret/${name}`);
}

/** The region, the name, `ssm:<api>` authorised on the secret, and the secret (or ResourceNotFound). */
function secretFor(ctx: ActionContext, p: Params, api: string): { model: SsmModel; secret: SsmSecretRecord } {
  const model = modelFor(ctx);
  const name = p.string('SecretName');
  ctx.authorize(`ssm:${api}`, [secretArn(ctx, name)]);
  return { model, secret: model.secret(name) };
}

function versionIdOf(p: Params, required: boolean): string | undefined {
  const versionId = required ? p.string('VersionId') : p.optionalString('VersionId');
  if (versionId === undefined || versionId === '') return undefined;
  checkVersionIdParam(versionId);
  return versionId;
}

function valueOf(p: Params): SecretValue {
  return secretValue(p.optionalString('SecretString'), p.optionalString('SecretBinary'));
}

/**
 * INFERRED: the id of the account's SSM-managed default CMK, shaped like a KMS key id (a UUID) and stable per
 * account and region, since the real one is created by the service and not documented.
 */
export function defaultKmsKeyId(ownerUin: string, region: string): string {
  const h = createHash('sha256').update(`ssm-default-cmk:${ownerUin}:${region}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function metadataView(secret: SsmSecretRecord): Record<string, unknown> {
  return {
    SecretName: secret.name,
    Description: secret.description,
    // A secret created without a key is encrypted with the CMK SSM made for the account, and reports that key.
    KmsKeyId: secret.kmsKeyId === '' ? defaultKmsKeyId(secret.ownerUin, secret.region) : secret.kmsKeyId,
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

function createSecret(ctx: ActionContext, p: Params) {
  const model = modelFor(ctx);
  const name = p.string('SecretName');
  checkSecretNameParam(name);
  ctx.authorize('ssm:CreateSecret', [secretArn(ctx, name)]);
  const versionId = versionIdOf(p, false) ?? DEFAULT_VERSION_ID;
  const description = p.optionalString('Description') ?? '';
  checkDescription(description);
  const secretType = p.optionalInteger('SecretType', 0, 3) ?? 0;
  if (secretType !== 0) throw p.invalid('SecretType', secretType, 'only 0 (user-defined secret) is emulated');
  const value = valueOf(p);
  const tags = p.list('Tags', 'must be a list of {"TagKey", "TagValue"}').map((tag: any, i: number) => {
    if (!tag || typeof tag.TagKey !== 'string' || tag.TagKey === '' || typeof tag.TagValue !== 'string') {
      throw p.invalid(`Tags.${i}`, tag, 'must have a non-empty string TagKey and a string TagValue');
    }
    return { TagKey: tag.TagKey as string, TagValue: tag.TagValue as string };
  });
  model.createSecret({
    name,
    versionId,
    description,
    value,
    tags,
    kmsKeyId: p.optionalString('KmsKeyId') ?? '',
    additionalConfig: p.optionalString('AdditionalConfig') ?? '',
  });
  return { SecretName: name, VersionId: versionId, TagCode: 0, TagMsg: '' };
}

function putSecretValue(ctx: ActionContext, p: Params) {
  const versionId = versionIdOf(p, true) as string;
  const value = valueOf(p);
  const { model, secret } = secretFor(ctx, p, 'PutSecretValue');
  model.putValue(secret, versionId, value);
  return { SecretName: secret.name, VersionId: versionId };
}

function updateSecret(ctx: ActionContext, p: Params) {
  const versionId = versionIdOf(p, true) as string;
  const value = valueOf(p);
  const { model, secret } = secretFor(ctx, p, 'UpdateSecret');
  model.updateValue(secret, versionId, value);
  return { SecretName: secret.name, VersionId: versionId };
}

function getSecretValue(ctx: ActionContext, p: Params) {
  const versionId = p.string('VersionId');
  const { model, secret } = secretFor(ctx, p, 'GetSecretValue');
  const version = model.readValue(secret, versionId);
  return { SecretName: secret.name, VersionId: version.versionId, SecretString: version.secretString ?? '', SecretBinary: version.secretBinary ?? '' };
}

function describeSecret(ctx: ActionContext, p: Params) {
  return metadataView(secretFor(ctx, p, 'DescribeSecret').secret);
}

function listSecretVersionIds(ctx: ActionContext, p: Params) {
  const { secret } = secretFor(ctx, p, 'ListSecretVersionIds');
  return { SecretName: secret.name, Versions: secret.versions.map((v) => ({ VersionId: v.versionId, CreateTime: seconds(v.createdAt) })) };
}

function deleteSecretVersion(ctx: ActionContext, p: Params) {
  const versionId = p.string('VersionId');
  const { model, secret } = secretFor(ctx, p, 'DeleteSecretVersion');
  model.deleteVersion(secret, versionId);
  return { SecretName: secret.name, VersionId: versionId };
}

function disableSecret(ctx: ActionContext, p: Params) {
  const { model, secret } = secretFor(ctx, p, 'DisableSecret');
  model.setEnabled(secret, false);
  return { SecretName: secret.name };
}

function enableSecret(ctx: ActionContext, p: Params) {
  const { model, secret } = secretFor(ctx, p, 'EnableSecret');
  model.setEnabled(secret, true);
  return { SecretName: secret.name };
}

function deleteSecret(ctx: ActionContext, p: Params) {
  const days = p.optionalInteger('RecoveryWindowInDays', 0, SSM_LIMITS.recoveryWindowMaxDays) ?? 0;
  const { model, secret } = secretFor(ctx, p, 'DeleteSecret');
  const deleteTime = model.deleteSecret(secret, days);
  return { SecretName: secret.name, DeleteTime: seconds(deleteTime), FlowID: 0 };
}

function restoreSecret(ctx: ActionContext, p: Params) {
  const { model, secret } = secretFor(ctx, p, 'RestoreSecret');
  model.restoreSecret(secret);
  return { SecretName: secret.name };
}

function updateDescription(ctx: ActionContext, p: Params) {
  const description = p.optionalString('Description');
  if (description === undefined) throw p.missing('Description');
  checkDescription(description);
  const { model, secret } = secretFor(ctx, p, 'UpdateDescription');
  model.updateDescription(secret, description);
  return { SecretName: secret.name };
}

function listSecrets(ctx: ActionContext, p: Params) {
  const model = modelFor(ctx);
  ctx.authorize('ssm:ListSecrets', [secretArn(ctx, '*')]);
  const offset = p.optionalInteger('Offset', 0) ?? 0;
  const limit = p.optionalInteger('Limit', 0, 1000) || 20;
  const order = p.optionalInteger('OrderType', 0, 1) ?? 0;
  const state = p.optionalInteger('State', 0, 5) ?? 0;
  const secretType = p.optionalInteger('SecretType', 0, 3) ?? 0;
  const search = p.optionalString('SearchSecretName') ?? '';
  const rawFilters = p.value('TagFilters') ?? [];
  if (!Array.isArray(rawFilters) || rawFilters.some((f: any) => !f || typeof f.TagKey !== 'string')) {
    throw p.invalid('TagFilters', rawFilters, 'must be a list of {"TagKey", "TagValue": [...]}');
  }
  const tagFilters = rawFilters.map((f: any) => ({ key: f.TagKey as string, values: (f.TagValue ?? []) as string[] }));
  // Each secret on its own resource: an allow on `secret/app-*` lists only those secrets.
  const selected = model.secrets({ state, secretType, search, tagFilters, order })
    .filter((secret) => ctx.allows('ssm:ListSecrets', secretArn(ctx, secret.name)));
  return {
    TotalCount: selected.length,
    SecretMetadatas: selected.slice(offset, offset + limit).map((s) => ({
      ...metadataView(s), KmsKeyType: s.kmsKeyId === '' ? 'DEFAULT' : 'CUSTOMER', RotationStatus: 0, NextRotationTime: 0, RotationBeginTime: '',
    })),
  };
}

export const ssmService: ServiceDefinition = {
  service: 'ssm',
  version: '2019-09-23',
  actions: handlersWithParams('ssm', {
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
  }),
};
