/**
 * TCR handlers: parse each request with the shared typed getters, authorise it against the CAM resource its
 * catalog level names, call the model and render the view. State and rules live in ./model, views in ./views.
 */
import { INSTANCE_FILTERS, NewInstance, TcrModel, TcrTag } from './model';
import { imageView, iso, namespaceView, registryView, replicaView, serviceAccountView, tokenView } from './views';
import { camActionFor, instanceArn, repositoryArn, tcrApi, TcrResourceLevel } from '../../../cam/catalog';
import { SERVICE_ACCOUNT_PREFIX } from '../../../validation/name-rules';
import { handlersWithParams, own, Params, requiredRegion } from '../../params';
import { ActionContext, ServiceDefinition } from '../../service';

function modelFor(ctx: ActionContext): TcrModel {
  return new TcrModel(ctx.state, { ownerUin: ctx.caller.ownerUin, region: requiredRegion(ctx), now: ctx.now() });
}

/** Authorizes `api` against the resource its catalog level names, in the request's (validated) region. */
function authorize(ctx: ActionContext, api: string, instanceId: string, namespace?: string): void {
  const entry = tcrApi(api);
  const region = requiredRegion(ctx);
  const uin = ctx.caller.ownerUin;
  let resources: string[];
  switch (entry.resourceLevel) {
    case TcrResourceLevel.INSTANCE:
      resources = [instanceArn(region, uin, instanceId)];
      break;
    case TcrResourceLevel.REPOSITORY:
      resources = [repositoryArn(region, uin, instanceId, namespace ?? '*')];
      break;
    default:
      // Operation-level or undocumented (service accounts): the strict reading, resource `*`.
      resources = ['*'];
  }
  ctx.authorize(camActionFor(api), resources);
}

/**
 * The items of a list answer the caller may see: each is checked as `api`'s CAM action on its own resource, as
 * CAM does for resource-level list APIs, so an allow on `team` does not show `team-secret`.
 */
function visible<T>(ctx: ActionContext, api: string, items: readonly T[], resourceOf: (item: T) => string): T[] {
  const camAction = camActionFor(api);
  return items.filter((item) => ctx.allows(camAction, resourceOf(item)));
}

const TAGS_RULE = 'must be {"ResourceType": string, "Tags": [{"Key", "Value"}]}';

function tagsFrom(p: Params, field: string): TcrTag[] {
  const spec = p.optionalStruct(field, TAGS_RULE);
  if (!spec) return [];
  const list = spec.value('Tags');
  if (!Array.isArray(list)) throw p.invalid(field, p.value(field), TAGS_RULE);
  return list.map((tag: any, i: number) => {
    if (!tag || typeof tag.Key !== 'string' || typeof tag.Value !== 'string' || tag.Key === '') {
      throw spec.invalid(`Tags.${i}`, tag, 'must have a non-empty string Key and a string Value');
    }
    return { Key: tag.Key, Value: tag.Value };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Instances

function createInstance(ctx: ActionContext, p: Params) {
  requiredRegion(ctx);
  const name = p.string('RegistryName');
  const type = p.string('RegistryType');
  const chargeType = p.optionalInteger('RegistryChargeType', 0, 1) ?? 0;
  let prepaidMonths = 0;
  let renewFlag = 0;
  if (chargeType === 1) {
    const prepaid = p.optionalStruct('RegistryChargePrepaid', 'must be {"Period": months, "RenewFlag": 0-2}');
    if (!prepaid) throw p.missing('RegistryChargePrepaid');
    prepaidMonths = prepaid.optionalInteger('Period', 1, 36) ?? 0;
    if (prepaidMonths === 0) throw prepaid.missing('Period');
    renewFlag = prepaid.optionalInteger('RenewFlag', 0, 2) ?? 0;
  }
  const input: NewInstance = {
    name,
    type,
    chargeType,
    prepaidMonths,
    renewFlag,
    tags: tagsFrom(p, 'TagSpecification'),
    deletionProtection: p.optionalBoolean('DeletionProtection') ?? false,
    enableCosMAZ: p.optionalBoolean('EnableCosMAZ') ?? false,
    enableCosVersioning: p.optionalBoolean('EnableCosVersioning') ?? false,
  };
  const model = modelFor(ctx);
  model.checkNewInstance(input);
  const id = model.newInstanceId();
  authorize(ctx, 'CreateInstance', id);
  model.createInstance(id, input);
  return { RegistryId: id };
}

function describeInstances(ctx: ActionContext, p: Params) {
  const ids = p.value('Registryids');
  if (ids !== undefined && (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))) {
    throw p.invalid('Registryids', ids, 'must be a list of instance ids');
  }
  const allRegion = p.optionalBoolean('AllRegion') ?? false;
  const offset = p.optionalInteger('Offset', 0) ?? 0;
  const limit = p.pageLimit('Limit', 20, 100);
  const filters = p.list('Filters', 'must be a list of {"Name", "Values"}').map((filter: any, i: number) => {
    if (!filter || typeof filter.Name !== 'string' || own(INSTANCE_FILTERS, filter.Name) === undefined) {
      throw p.invalid(`Filters.${i}.Name`, filter?.Name, `must be one of ${Object.keys(INSTANCE_FILTERS).join(', ')}`);
    }
    return { name: filter.Name as string, values: (filter.Values ?? []) as string[] };
  });
  const wanted: string[] | undefined = ids && (ids as string[]).length > 0 ? ids as string[] : undefined;
  const region = requiredRegion(ctx);
  ctx.authorize(camActionFor('DescribeInstances'), (wanted ?? ['*']).map((id) => instanceArn(region, ctx.caller.ownerUin, id)));
  // Each instance in its own region: with AllRegion, an instance elsewhere needs an allow there too.
  const selected = visible(ctx, 'DescribeInstances', modelFor(ctx).instances({ ids: wanted, allRegion, filters }),
    (instance) => instanceArn(instance.region, ctx.caller.ownerUin, instance.id));
  return { TotalCount: selected.length, Registries: selected.slice(offset, offset + limit).map(registryView) };
}

function deleteInstance(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DeleteInstance', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound');
  p.optionalBoolean('DeleteBucket');
  const dryRun = p.optionalBoolean('DryRun') ?? false;
  model.deleteInstance(instance, dryRun);
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Replication instances (the provider's `replications`)

function createReplicationInstance(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'CreateReplicationInstance', registryId);
  const model = modelFor(ctx);
  // INFERRED: the action documents no not-found code; InternalError.ErrNotExist ("the target does not exist") is
  // the one of its list that says so.
  const instance = model.instance(registryId, 'InternalError.ErrNotExist');
  const region = model.replicaRegion(p.optionalInteger('ReplicationRegionId', 0), p.optionalString('ReplicationRegionName'));
  const replica = model.createReplica(instance, region, p.optionalBoolean('SyncTag') ?? false);
  return { ReplicationRegistryId: replica.id };
}

function describeReplicationInstances(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DescribeReplicationInstances', registryId);
  const offset = p.optionalInteger('Offset', 0) ?? 0;
  const limit = p.pageLimit('Limit', 20, 100);
  const model = modelFor(ctx);
  // INFERRED: no not-found code is documented for the action; InvalidParameter, as for the service-account actions.
  const instance = model.instance(registryId, 'InvalidParameter');
  const replicas = model.replicas(instance);
  return {
    TotalCount: replicas.length,
    ReplicationRegistries: replicas.slice(offset, offset + limit).map((r) => replicaView(instance, r, model.replicaStatus(r))),
  };
}

function deleteReplicationInstance(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DeleteReplicationInstance', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound');
  const replicaId = p.string('ReplicationRegistryId');
  const regionId = p.optionalInteger('ReplicationRegionId', 0);
  if (regionId === undefined) throw p.missing('ReplicationRegionId');
  model.deleteReplica(instance, replicaId, regionId);
  return {};
}

/** Edition and protection flags: the provider's instance_type / deletion_protection / enable_cos_versioning update. */
function renewInstance(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'RenewInstance', registryId);
  const prepaid = p.optionalStruct('RegistryChargePrepaid', 'must be {"Period": months, "RenewFlag": 0-2}');
  if (!prepaid) throw p.missing('RegistryChargePrepaid');
  const months = prepaid.optionalInteger('Period', 1, 36);
  if (months === undefined) throw prepaid.missing('Period');
  const renewFlag = prepaid.optionalInteger('RenewFlag', 0, 2) ?? 0;
  const flag = p.optionalInteger('Flag', 0, 1) ?? 0;
  const model = modelFor(ctx);
  model.renewInstance(model.instance(registryId, 'ResourceNotFound'), months, renewFlag, flag);
  return { RegistryId: registryId };
}

function modifyInstance(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'ModifyInstance', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound');
  model.modifyInstance(instance, {
    type: p.optionalString('RegistryType'),
    deletionProtection: p.optionalBoolean('DeletionProtection'),
    enableCosVersioning: p.optionalBoolean('EnableCosVersioning'),
  });
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Public endpoint and its allow-list

function manageExternalEndpoint(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  const operation = p.string('Operation');
  authorize(ctx, 'ManageExternalEndpoint', registryId);
  const model = modelFor(ctx);
  model.manageExternalEndpoint(model.instance(registryId, 'ResourceNotFound'), operation);
  return { RegistryId: registryId };
}

function describeExternalEndpointStatus(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DescribeExternalEndpointStatus', registryId);
  const instance = modelFor(ctx).instance(registryId, 'ResourceNotFound');
  return { Status: instance.externalEndpoint ?? 'Closed', Reason: '' };
}

const POLICY_SET_RULE = 'must be a list of {"CidrBlock", "Description", "PolicyIndex"}';

/** The non-empty SecurityGroupPolicySet, each entry as a structure. */
function securityPolicySet(p: Params): Params[] {
  const set = p.structs('SecurityGroupPolicySet', POLICY_SET_RULE);
  if (set.length === 0) throw p.invalid('SecurityGroupPolicySet', [], 'must hold at least one entry');
  return set;
}

function createMultipleSecurityPolicy(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'CreateMultipleSecurityPolicy', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound');
  const entries = securityPolicySet(p).map((entry) => ({
    field: entry.path('CidrBlock'),
    cidrBlock: entry.string('CidrBlock'),
    description: entry.optionalString('Description') ?? '',
  }));
  model.addSecurityPolicies(instance, entries);
  return { RegistryId: registryId };
}

function describeSecurityPolicies(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DescribeSecurityPolicies', registryId);
  const instance = modelFor(ctx).instance(registryId, 'ResourceNotFound');
  return {
    SecurityPolicySet: (instance.securityPolicies ?? []).map((policy) => ({
      PolicyIndex: policy.index, CidrBlock: policy.cidrBlock, Description: policy.description, PolicyVersion: policy.version,
    })),
  };
}

/** Entries are named by PolicyIndex (as DescribeSecurityPolicies returns it). */
function deleteMultipleSecurityPolicy(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DeleteMultipleSecurityPolicy', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound');
  const indexes = new Set(securityPolicySet(p).map((entry) => {
    const index = entry.optionalInteger('PolicyIndex', 1);
    if (index === undefined) throw entry.missing('PolicyIndex');
    return index;
  }));
  model.deleteSecurityPolicies(instance, indexes);
  return { RegistryId: registryId };
}

// ---------------------------------------------------------------------------------------------------------
// Namespaces

function createNamespace(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  const name = p.string('NamespaceName');
  authorize(ctx, 'CreateNamespace', registryId, name);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound');
  model.checkNamespaceName(name);
  const isPublic = p.boolean('IsPublic');
  const severity = p.optionalString('Severity') ?? '';
  const cves = p.value('CVEWhitelistItems') ?? [];
  if (!Array.isArray(cves) || cves.some((item: any) => !item || typeof item.CVEID !== 'string')) {
    throw p.invalid('CVEWhitelistItems', cves, 'must be a list of {"CVEID": string}');
  }
  model.createNamespace(instance, {
    name,
    isPublic,
    severity,
    autoScan: p.optionalBoolean('IsAutoScan') ?? false,
    preventVUL: p.optionalBoolean('IsPreventVUL') ?? false,
    cveWhitelist: cves.map((item: any) => item.CVEID),
    tags: tagsFrom(p, 'TagSpecification'),
  });
  return {};
}

function describeNamespaces(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  const name = p.optionalString('NamespaceName');
  authorize(ctx, 'DescribeNamespaces', registryId, name || '*');
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound');
  const offset = p.optionalInteger('Offset', 0) ?? 0;
  const all = p.optionalBoolean('All') ?? false;
  // No documented ceiling; the provider pages with Limit 200 and item offsets.
  const limit = p.pageLimit('Limit', 20, Number.MAX_SAFE_INTEGER);
  const tagFilters: string[] = [];
  p.list('Filters', 'must be a list of {"Name": "Tags", "Values"}').forEach((filter: any, i: number) => {
    if (!filter || filter.Name !== 'Tags') throw p.invalid(`Filters.${i}.Name`, filter?.Name, 'must be Tags');
    tagFilters.push(...(filter.Values ?? []));
  });
  const selected = visible(ctx, 'DescribeNamespaces', model.namespaces(instance, name, tagFilters),
    (ns) => repositoryArn(instance.region, ctx.caller.ownerUin, instance.id, ns.name));
  const page = all ? selected : selected.slice(offset, offset + limit);
  return { NamespaceList: page.map(namespaceView), TotalCount: selected.length };
}

function deleteNamespace(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  const name = p.string('NamespaceName');
  authorize(ctx, 'DeleteNamespace', registryId, name);
  const model = modelFor(ctx);
  model.deleteNamespace(model.instance(registryId, 'ResourceNotFound'), name);
  return {};
}

/**
 * DescribeImages, served so that its CAM-side name (`tcr:DescribeRepositories`, auth-upgrade table) is checked
 * on a real call. The shared API facts do not cover it; its request model (scripts/api-model-supplement.ts) comes
 * from the SDK model (tcr_models.d.ts), whose doc says `Offset` is a 1-based PAGE number, not an item offset.
 */
function describeImages(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  const namespaceName = p.string('NamespaceName');
  const repositoryName = p.string('RepositoryName');
  const version = p.optionalString('ImageVersion');
  const digest = p.optionalString('Digest');
  const exact = p.optionalBoolean('ExactMatch') ?? false;
  const limit = p.pageLimit('Limit', 20, 100);
  const page = p.optionalInteger('Offset', 0) || 1;
  ctx.authorize(camActionFor('DescribeImages'), [
    repositoryArn(requiredRegion(ctx), ctx.caller.ownerUin, registryId, namespaceName, `${repositoryName}/${version && exact ? version : '*'}`),
  ]);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound');
  const selected = visible(ctx, 'DescribeImages', model.images(instance, namespaceName, repositoryName, { version, exact, digest }),
    (image) => repositoryArn(instance.region, ctx.caller.ownerUin, instance.id, namespaceName, `${repositoryName}/${image.tag}`));
  return { ImageInfoList: selected.slice((page - 1) * limit, page * limit).map(imageView), TotalCount: selected.length };
}

// ---------------------------------------------------------------------------------------------------------
// Service accounts

function permissionsFrom(model: TcrModel, instance: ReturnType<TcrModel['instance']>, p: Params) {
  const list = p.value('Permissions');
  const rule = 'must be a non-empty list of {"Resource": namespace, "Actions": [...]}';
  const items = p.structs('Permissions', rule).map((item, i) => ({
    field: `Permissions.${i}`, resource: item.value('Resource'), actions: item.value('Actions'),
  }));
  return model.permissions(instance, list, items);
}

function createServiceAccount(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'CreateServiceAccount', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'InvalidParameter');
  const name = p.string('Name');
  model.checkServiceAccountName(name);
  if (!p.has('Permissions')) throw p.missing('Permissions');
  const permissions = permissionsFrom(model, instance, p);
  const description = p.optionalString('Description') ?? '';
  const expiresAt = model.expiry(p.value('Duration'), p.value('ExpiresAt')) ?? 0;
  const disabled = p.optionalBoolean('Disable') ?? false;
  const { account, password } = model.createServiceAccount(instance, { name, description, expiresAt, disabled, permissions });
  return { Name: `${SERVICE_ACCOUNT_PREFIX}${account.name}`, Password: password, ExpiresAt: account.expiresAt, CreateTime: iso(account.createdAt) };
}

function describeServiceAccounts(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DescribeServiceAccounts', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'InvalidParameter');
  const all = p.optionalBoolean('All') ?? false;
  const embed = p.optionalBoolean('EmbedPermission') ?? false;
  const offset = p.optionalInteger('Offset', 0) ?? 0;
  const limit = p.pageLimit('Limit', 20, 100);
  const nameFilters: string[] = [];
  p.list('Filters', 'must be a list of {"Name": "ServiceAccountName", "Values"}').forEach((filter: any, i: number) => {
    if (!filter || filter.Name !== 'ServiceAccountName') throw p.invalid(`Filters.${i}.Name`, filter?.Name, 'must be ServiceAccountName');
    nameFilters.push(...(filter.Values ?? []).map((v: unknown) => String(v)));
  });
  // No finer resource than the operation-level `*` checked above exists for service accounts: nothing to filter.
  const selected = model.serviceAccounts(instance, nameFilters);
  const page = all ? selected : selected.slice(offset, offset + limit);
  return { ServiceAccounts: page.map((account) => serviceAccountView(account, embed)), TotalCount: selected.length };
}

function modifyServiceAccount(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'ModifyServiceAccount', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'InvalidParameter');
  const account = model.serviceAccount(instance, p.string('Name'));
  // Everything is parsed and checked before anything changes.
  model.modifyServiceAccount(account, {
    permissions: p.value('Permissions') === undefined ? undefined : permissionsFrom(model, instance, p),
    description: p.optionalString('Description'),
    expiresAt: model.expiry(p.value('Duration'), p.value('ExpiresAt')),
    disabled: p.optionalBoolean('Disable'),
  });
  return {};
}

function modifyServiceAccountPassword(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'ModifyServiceAccountPassword', registryId);
  const model = modelFor(ctx);
  const account = model.serviceAccount(model.instance(registryId, 'InvalidParameter'), p.string('Name'));
  const random = p.boolean('Random');
  return { Password: model.resetServiceAccountPassword(account, random ? undefined : p.string('Password')) };
}

function deleteServiceAccount(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DeleteServiceAccount', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'InvalidParameter');
  model.deleteServiceAccount(instance, model.serviceAccount(instance, p.string('Name')));
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Instance tokens

function createInstanceToken(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'CreateInstanceToken', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'ResourceNotFound.TcrResourceNotFound');
  const type = p.optionalString('TokenType') ?? 'temp';
  if (type !== 'longterm' && type !== 'temp') throw p.invalid('TokenType', type, 'must be "longterm" or "temp"');
  const description = p.optionalString('Desc') ?? '';
  model.checkTokenDescription(description);
  const { token, secret } = model.createToken(instance, { type, description, username: ctx.caller.uin });
  return { Username: token.username, Token: secret, ExpTime: token.expiresAt, ...(type === 'longterm' ? { TokenId: token.id } : {}) };
}

function describeInstanceToken(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DescribeInstanceToken', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'InvalidParameter');
  const offset = p.optionalInteger('Offset', 0) ?? 0;
  const limit = p.pageLimit('Limit', 20, 200);
  // Tokens are part of the instance (instance-level, authorised above): nothing finer to filter by.
  const tokens = model.longTermTokens(instance);
  return { TotalCount: tokens.length, Tokens: tokens.slice(offset, offset + limit).map((token) => tokenView(instance, token)) };
}

function modifyInstanceToken(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'ModifyInstanceToken', registryId);
  const model = modelFor(ctx);
  const token = model.longTermToken(model.instance(registryId, 'InvalidParameter'), p.string('TokenId'));
  const flag = p.optionalInteger('ModifyFlag', 1, 2) ?? 2;
  if (flag === 1) {
    const description = p.optionalString('Desc');
    if (description === undefined) throw p.missing('Desc');
    model.checkTokenDescription(description);
    token.description = description;
  } else {
    token.enabled = p.boolean('Enable');
  }
  return {};
}

function deleteInstanceToken(ctx: ActionContext, p: Params) {
  const registryId = p.string('RegistryId');
  authorize(ctx, 'DeleteInstanceToken', registryId);
  const model = modelFor(ctx);
  const instance = model.instance(registryId, 'InvalidParameter');
  model.deleteToken(instance, model.longTermToken(instance, p.string('TokenId')));
  return {};
}

const SERVICE_ACCOUNT_RATE = 20;

export const tcrService: ServiceDefinition = {
  service: 'tcr',
  version: '2019-09-24',
  actions: handlersWithParams('tcr', {
    CreateInstance: createInstance,
    DescribeInstances: describeInstances,
    DeleteInstance: deleteInstance,
    ModifyInstance: modifyInstance,
    RenewInstance: renewInstance,
    ManageExternalEndpoint: manageExternalEndpoint,
    DescribeExternalEndpointStatus: describeExternalEndpointStatus,
    CreateMultipleSecurityPolicy: createMultipleSecurityPolicy,
    DescribeSecurityPolicies: describeSecurityPolicies,
    DeleteMultipleSecurityPolicy: deleteMultipleSecurityPolicy,
    CreateNamespace: createNamespace,
    DescribeNamespaces: describeNamespaces,
    DeleteNamespace: deleteNamespace,
    DescribeImages: describeImages,
    CreateServiceAccount: createServiceAccount,
    DescribeServiceAccounts: describeServiceAccounts,
    ModifyServiceAccount: modifyServiceAccount,
    ModifyServiceAccountPassword: modifyServiceAccountPassword,
    DeleteServiceAccount: deleteServiceAccount,
    CreateInstanceToken: createInstanceToken,
    DescribeInstanceToken: describeInstanceToken,
    ModifyInstanceToken: modifyInstanceToken,
    DeleteInstanceToken: deleteInstanceToken,
    CreateReplicationInstance: createReplicationInstance,
    DescribeReplicationInstances: describeReplicationInstances,
    DeleteReplicationInstance: deleteReplicationInstance,
  }),
  rateLimits: {
    CreateInstanceToken: 100,
    // "A maximum of 1 requests can be initiated per second for this API" (API reference of both actions).
    CreateReplicationInstance: 1,
    DeleteReplicationInstance: 1,
    CreateServiceAccount: SERVICE_ACCOUNT_RATE,
    DescribeServiceAccounts: SERVICE_ACCOUNT_RATE,
    ModifyServiceAccount: SERVICE_ACCOUNT_RATE,
    ModifyServiceAccountPassword: SERVICE_ACCOUNT_RATE,
  },
};
