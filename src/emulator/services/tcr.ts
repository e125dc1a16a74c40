/**
 * TCR Enterprise (tcr 2019-09-24): instances (edition and protection flags, public endpoint and its allow-list),
 * namespaces, service accounts and instance tokens.
 *
 * Secrets: service-account passwords and instance tokens are returned once and kept only as salted SHA-256
 * digests, enough for `verifyRegistryLogin` (a docker-style login check) and useless to anyone reading the state file.
 *
 * Behaviour that no reference states is marked INFERRED; it is chosen so that a client relying on a wrong guess
 * sees an error rather than a silent success.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'crypto';
import { camActionFor, instanceArn, repositoryArn, tcrApi, TcrResourceLevel } from '../../cam/catalog';
import {
  checkCidrBlock,
  checkInstanceName,
  checkNamespaceName,
  checkRegistryType,
  checkServiceAccountName,
  checkServiceAccountPassword,
  checkTokenDescription,
  checkValidityDays,
  PERMANENT_DURATION_DAYS,
  SERVICE_ACCOUNT_ACTIONS,
  SERVICE_ACCOUNT_CI_PREFIX,
  SERVICE_ACCOUNT_PREFIX,
  TEMP_TOKEN_VALIDITY_MS,
} from '../../validation/name-rules';
import { ApiError, invalidParameterValue, missingParameter } from '../api-error';
import { ActionContext, EmulatorState, ServiceDefinition } from '../service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Public registry domain suffix: an instance named `demo` is served at `demo.tencentcloudcr.com`. */
export const REGISTRY_DOMAIN_SUFFIX = '.tencentcloudcr.com';

/** Region ids reported in `Registry.RegionId` (Tencent Cloud numeric region ids; unknown regions report 0). */
const REGION_IDS: Readonly<Record<string, number>> = {
  'ap-guangzhou': 1,
  'ap-shanghai': 4,
  'ap-hongkong': 5,
  'ap-beijing': 8,
  'ap-singapore': 9,
  'ap-chengdu': 16,
  'ap-chongqing': 19,
  'ap-nanjing': 33,
};

export interface SecretDigest {
  readonly salt: string;
  readonly sha256: string;
}

export interface TcrTag {
  readonly Key: string;
  readonly Value: string;
}

export interface TcrNamespaceRecord {
  name: string;
  namespaceId: number;
  isPublic: boolean;
  createdAt: number;
  autoScan: boolean;
  preventVUL: boolean;
  severity: string;
  cveWhitelist: string[];
  tags: TcrTag[];
  /** Repositories inside the namespace (seeded through the admin interface; no repository write API is emulated). */
  repositories: string[];
  /** Images (tags) per repository, seeded through the admin interface; read by DescribeImages. */
  images?: Record<string, TcrImageRecord[]>;
}

export interface TcrImageRecord {
  tag: string;
  digest: string;
  size: number;
  /** Epoch ms. */
  updatedAt: number;
}

export interface TcrPermissionRecord {
  resource: string;
  actions: string[];
}

export interface TcrServiceAccountRecord {
  /** Bare name, without `tcr$`. */
  name: string;
  description: string;
  disabled: boolean;
  /** Epoch ms; 0 = permanent. */
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
  permissions: TcrPermissionRecord[];
  password: SecretDigest;
}

export interface TcrTokenRecord {
  id: string;
  type: 'longterm' | 'temp';
  description: string;
  /** Docker login user name: the UIN of the account that created the token (TCR "user account"). */
  username: string;
  enabled: boolean;
  createdAt: number;
  /** Epoch ms; 0 = never (long-term tokens). */
  expiresAt: number;
  token: SecretDigest;
}

export interface TcrInstanceRecord {
  id: string;
  name: string;
  type: string;
  ownerUin: string;
  region: string;
  status: string;
  createdAt: number;
  chargeType: number;
  renewFlag: number;
  prepaidMonths: number;
  deletionProtection: boolean;
  enableCosMAZ: boolean;
  enableCosVersioning: boolean;
  tags: TcrTag[];
  nextNamespaceId: number;
  namespaces: Record<string, TcrNamespaceRecord>;
  serviceAccounts: Record<string, TcrServiceAccountRecord>;
  tokens: Record<string, TcrTokenRecord>;
  /** Public (external) endpoint; absent in states written before it was emulated, meaning Closed. */
  externalEndpoint?: 'Opened' | 'Closed';
  /** Public-endpoint allow-list (SecurityPolicy entries); emptied when the endpoint is closed. */
  securityPolicies?: TcrSecurityPolicyRecord[];
  /** Last PolicyIndex handed out; indexes are never reused within an instance. */
  lastSecurityPolicyIndex?: number;
}

export interface TcrSecurityPolicyRecord {
  index: number;
  cidrBlock: string;
  description: string;
  version: string;
}

export interface TcrState {
  instances: Record<string, TcrInstanceRecord>;
}

/** The TCR slice of the emulator state, created on first use. */
export function tcrState(state: EmulatorState): TcrState {
  if (!state.tcr) state.tcr = { instances: {} };
  return state.tcr as TcrState;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

/**
 * A record entry by a caller-supplied key, own properties only: `instance.namespaces["constructor"]` must be
 * "no such namespace", not Object.prototype.constructor (valid namespace and account names include such words).
 */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function digest(secret: string, salt = randomBytes(16).toString('hex')): SecretDigest {
  return { salt, sha256: createHash('sha256').update(salt).update(secret).digest('hex') };
}

function matches(secret: string, stored: SecretDigest): boolean {
  const candidate = Buffer.from(digest(secret, stored.salt).sha256, 'hex');
  return timingSafeEqual(candidate, Buffer.from(stored.sha256, 'hex'));
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A random password meeting SERVICE_ACCOUNT_PASSWORD_RULE (16 chars, upper + lower + digit guaranteed). */
export function generateServiceAccountPassword(): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnopqrstuvwxyz';
  const digits = '23456789';
  const chars = [randomFrom(upper, 1), randomFrom(lower, 1), randomFrom(digits, 1), ...randomFrom(upper + lower + digits, 13)];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function requireRegion(ctx: ActionContext): string {
  if (!ctx.region) throw missingParameter('Region');
  return ctx.region;
}

function optionalString(params: Record<string, any>, field: string): string | undefined {
  const value = params[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameterValue(field, value, 'must be a string', 'InvalidParameter');
  return value;
}

function requiredString(params: Record<string, any>, field: string): string {
  const value = optionalString(params, field);
  if (value === undefined || value === '') throw missingParameter(field);
  return value;
}

function optionalBoolean(params: Record<string, any>, field: string): boolean | undefined {
  const value = params[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidParameterValue(field, value, 'must be a boolean', 'InvalidParameter');
  return value;
}

function optionalInteger(params: Record<string, any>, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = params[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const rule = max === Number.MAX_SAFE_INTEGER ? `must be an integer >= ${min}` : `must be an integer from ${min} to ${max}`;
    throw invalidParameterValue(field, value, rule, 'InvalidParameter');
  }
  return value;
}

/** Limit with a default and a ceiling that is silently applied ("超出最大值，调整到最大值"). */
function pageLimit(params: Record<string, any>, field: string, defaultLimit: number, max: number): number {
  const limit = optionalInteger(params, field, 0);
  if (limit === undefined || limit === 0) return defaultLimit;
  return Math.min(limit, max);
}

function tagsFrom(params: Record<string, any>, field: string): TcrTag[] {
  const spec = params[field];
  if (spec === undefined || spec === null) return [];
  if (typeof spec !== 'object' || !Array.isArray(spec.Tags)) {
    throw invalidParameterValue(field, spec, 'must be {"ResourceType": string, "Tags": [{"Key", "Value"}]}', 'InvalidParameter');
  }
  const tags: TcrTag[] = spec.Tags.map((tag: any, i: number) => {
    if (!tag || typeof tag.Key !== 'string' || typeof tag.Value !== 'string' || tag.Key === '') {
      throw invalidParameterValue(`${field}.Tags.${i}`, tag, 'must have a non-empty string Key and a string Value', 'InvalidParameter');
    }
    return { Key: tag.Key, Value: tag.Value };
  });
  return tags;
}

// ---------------------------------------------------------------------------------------------------------
// Lookups and authorization

/** Looks an instance up in the caller's account and region; `notFoundCode` is the code the action documents. */
function findInstance(ctx: ActionContext, registryId: string, notFoundCode: string): TcrInstanceRecord {
  const instance = own(tcrState(ctx.state).instances, registryId);
  if (!instance || instance.ownerUin !== ctx.caller.ownerUin || (ctx.region !== undefined && instance.region !== ctx.region)) {
    throw new ApiError(notFoundCode, `The instance \`RegistryId\` "${registryId}" does not exist in this account and region.`);
  }
  return instance;
}

/** Authorizes `api` against the resource its catalog level names. */
function authorize(ctx: ActionContext, api: string, instanceId: string, namespace?: string): void {
  const entry = tcrApi(api);
  const region = ctx.region ?? '';
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

function stripServiceAccountPrefix(name: string): string {
  for (const prefix of [SERVICE_ACCOUNT_PREFIX, SERVICE_ACCOUNT_CI_PREFIX]) {
    if (name.startsWith(prefix)) return name.slice(prefix.length);
  }
  return name;
}

/** Service-account APIs document no ResourceNotFound code; an unknown account is an InvalidParameter (INFERRED). */
function findServiceAccount(instance: TcrInstanceRecord, name: string): TcrServiceAccountRecord {
  const account = own(instance.serviceAccounts, stripServiceAccountPrefix(name));
  if (!account) {
    throw new ApiError('InvalidParameter', `The service account \`Name\` "${name}" does not exist in instance ${instance.id}.`);
  }
  return account;
}

function permissionsFrom(instance: TcrInstanceRecord, value: unknown): TcrPermissionRecord[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidParameterValue('Permissions', value, 'must be a non-empty list of {"Resource": namespace, "Actions": [...]}', 'InvalidParameter');
  }
  return value.map((permission: any, i: number) => {
    const field = `Permissions.${i}`;
    if (!permission || typeof permission !== 'object') {
      throw invalidParameterValue(field, permission, 'must be {"Resource": namespace, "Actions": [...]}', 'InvalidParameter');
    }
    if (typeof permission.Resource !== 'string' || !own(instance.namespaces, permission.Resource)) {
      throw invalidParameterValue(`${field}.Resource`, permission.Resource, `must name an existing namespace of instance ${instance.id}`, 'InvalidParameter');
    }
    if (!Array.isArray(permission.Actions) || permission.Actions.length === 0) {
      throw invalidParameterValue(`${field}.Actions`, permission.Actions, `must be a non-empty list of ${SERVICE_ACCOUNT_ACTIONS.join(', ')}`, 'InvalidParameter');
    }
    for (const action of permission.Actions) {
      if (!SERVICE_ACCOUNT_ACTIONS.includes(action)) {
        throw invalidParameterValue(`${field}.Actions`, action, `must be one of ${SERVICE_ACCOUNT_ACTIONS.join(', ')}`, 'InvalidParameter');
      }
    }
    return { resource: permission.Resource, actions: [...new Set<string>(permission.Actions)] };
  });
}

/**
 * Expiry from Duration (days from now, wins over ExpiresAt) or ExpiresAt (epoch ms). The project convention
 * `Duration = PERMANENT_DURATION_DAYS` (0) or `ExpiresAt = 0` means permanent, reported as ExpiresAt 0.
 * Returns undefined when neither is given.
 */
function expiryFrom(ctx: ActionContext, params: Record<string, any>): number | undefined {
  const duration = params.Duration;
  if (duration !== undefined && duration !== null) {
    if (duration === PERMANENT_DURATION_DAYS) return 0;
    const broken = typeof duration === 'number' ? checkValidityDays(duration) : 'must be a number of days';
    if (broken) throw invalidParameterValue('Duration', duration, `${broken}, or ${PERMANENT_DURATION_DAYS} for permanent`, 'InvalidParameter');
    return ctx.now() + duration * DAY_MS;
  }
  const expiresAt = params.ExpiresAt;
  if (expiresAt === undefined || expiresAt === null) return undefined;
  if (expiresAt === 0) return 0;
  // A seconds timestamp (a documented-example mistake) lands in 1970 and is rejected here rather than expiring at once.
  if (typeof expiresAt !== 'number' || !Number.isInteger(expiresAt) || expiresAt <= ctx.now()) {
    throw invalidParameterValue('ExpiresAt', expiresAt, 'must be a future time in epoch milliseconds, or 0 for permanent', 'InvalidParameter');
  }
  return expiresAt;
}

function serviceAccountView(account: TcrServiceAccountRecord, embedPermission: boolean): Record<string, unknown> {
  return {
    Name: `${SERVICE_ACCOUNT_PREFIX}${account.name}`,
    Description: account.description,
    Disable: account.disabled,
    ExpiresAt: account.expiresAt,
    CreateTime: iso(account.createdAt),
    UpdateTime: iso(account.updatedAt),
    ...(embedPermission ? { Permissions: account.permissions.map((p) => ({ Resource: p.resource, Actions: [...p.actions] })) } : {}),
  };
}

function registryView(instance: TcrInstanceRecord): Record<string, unknown> {
  return {
    RegistryId: instance.id,
    RegistryName: instance.name,
    RegistryType: instance.type,
    Status: instance.status,
    PublicDomain: `${instance.name}${REGISTRY_DOMAIN_SUFFIX}`,
    CreatedAt: iso(instance.createdAt),
    RegionName: instance.region,
    RegionId: REGION_IDS[instance.region] ?? 0,
    EnableAnonymous: false,
    TokenValidTime: TEMP_TOKEN_VALIDITY_MS / 1000,
    TagSpecification: { ResourceType: 'instance', Tags: instance.tags.map((t) => ({ ...t })) },
    ExpiredAt: instance.chargeType === 1 ? iso(instance.createdAt + instance.prepaidMonths * 30 * DAY_MS) : '',
    PayMod: instance.chargeType,
    RenewFlag: instance.renewFlag,
    DeletionProtection: instance.deletionProtection,
    EnableCosMAZ: instance.enableCosMAZ,
    EnableCosVersioning: instance.enableCosVersioning,
  };
}

function namespaceView(namespace: TcrNamespaceRecord): Record<string, unknown> {
  return {
    Name: namespace.name,
    CreationTime: iso(namespace.createdAt),
    Public: namespace.isPublic,
    NamespaceId: namespace.namespaceId,
    TagSpecification: { ResourceType: 'namespace', Tags: namespace.tags.map((t) => ({ ...t })) },
    Metadata: [],
    CVEWhitelistItems: namespace.cveWhitelist.map((id) => ({ CVEID: id })),
    AutoScan: namespace.autoScan,
    PreventVUL: namespace.preventVUL,
    Severity: namespace.severity,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Instances

function createInstance(ctx: ActionContext, params: Record<string, any>) {
  const region = requireRegion(ctx);
  const name = requiredString(params, 'RegistryName');
  const nameProblem = checkInstanceName(name);
  if (nameProblem) throw invalidParameterValue('RegistryName', name, nameProblem, 'InvalidParameter.ErrorNameIllegal');
  const type = requiredString(params, 'RegistryType');
  const typeProblem = checkRegistryType(type);
  if (typeProblem) throw invalidParameterValue('RegistryType', type, typeProblem, 'InvalidParameter');
  const chargeType = optionalInteger(params, 'RegistryChargeType', 0, 1) ?? 0;
  const prepaid = params.RegistryChargePrepaid;
  let prepaidMonths = 0;
  let renewFlag = 0;
  if (chargeType === 1) {
    if (!prepaid || typeof prepaid !== 'object') throw missingParameter('RegistryChargePrepaid');
    prepaidMonths = optionalInteger(prepaid, 'Period', 1, 36) ?? 0;
    if (prepaidMonths === 0) throw missingParameter('RegistryChargePrepaid.Period');
    renewFlag = optionalInteger(prepaid, 'RenewFlag', 0, 2) ?? 0;
  }
  const tags = tagsFrom(params, 'TagSpecification');
  if (tags.length > 10) throw invalidParameterValue('TagSpecification.Tags', tags.length, 'must hold at most 10 tags', 'InvalidParameter.ErrorTagOverLimit');

  const state = tcrState(ctx.state);
  let id: string;
  do id = `tcr-${randomFrom(LOWER_ALNUM, 8)}`;
  while (state.instances[id]);
  authorize(ctx, 'CreateInstance', id);
  // The name is a global DNS label, so it is unique across all accounts and regions.
  if (Object.values(state.instances).some((instance) => instance.name === name)) {
    throw new ApiError('InvalidParameter.ErrorNameExists', `The instance name \`RegistryName\` "${name}" already exists.`);
  }
  state.instances[id] = {
    id,
    name,
    type,
    ownerUin: ctx.caller.ownerUin,
    region,
    // INFERRED: the real instance is "Pending" for minutes; the emulator reports "Running" at once so pollers finish.
    status: 'Running',
    createdAt: ctx.now(),
    chargeType,
    renewFlag,
    prepaidMonths,
    deletionProtection: optionalBoolean(params, 'DeletionProtection') ?? false,
    enableCosMAZ: optionalBoolean(params, 'EnableCosMAZ') ?? false,
    enableCosVersioning: optionalBoolean(params, 'EnableCosVersioning') ?? false,
    tags,
    nextNamespaceId: 1,
    namespaces: {},
    serviceAccounts: {},
    tokens: {},
  };
  return { RegistryId: id };
}

const INSTANCE_FILTERS: Readonly<Record<string, (instance: TcrInstanceRecord) => string>> = {
  RegistryName: (instance) => instance.name,
  RegistryType: (instance) => instance.type,
  Status: (instance) => instance.status,
};

function describeInstances(ctx: ActionContext, params: Record<string, any>) {
  const ids = params.Registryids;
  if (ids !== undefined && (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))) {
    throw invalidParameterValue('Registryids', ids, 'must be a list of instance ids', 'InvalidParameter');
  }
  const allRegion = optionalBoolean(params, 'AllRegion') ?? false;
  const offset = optionalInteger(params, 'Offset', 0) ?? 0;
  const limit = pageLimit(params, 'Limit', 20, 100);
  const filters = Array.isArray(params.Filters) ? params.Filters : [];
  filters.forEach((filter: any, i: number) => {
    if (!filter || !INSTANCE_FILTERS[filter.Name]) {
      throw invalidParameterValue(`Filters.${i}.Name`, filter?.Name, `must be one of ${Object.keys(INSTANCE_FILTERS).join(', ')}`, 'InvalidParameter');
    }
  });
  const wanted: string[] | undefined = ids && ids.length > 0 ? ids : undefined;
  ctx.authorize(camActionFor('DescribeInstances'), (wanted ?? ['*']).map((id) => instanceArn(ctx.region ?? '', ctx.caller.ownerUin, id)));

  const selected = Object.values(tcrState(ctx.state).instances)
    .filter((instance) => instance.ownerUin === ctx.caller.ownerUin)
    .filter((instance) => allRegion || ctx.region === undefined || instance.region === ctx.region)
    .filter((instance) => !wanted || wanted.includes(instance.id))
    .filter((instance) => filters.every((f: any) => (f.Values ?? []).includes(INSTANCE_FILTERS[f.Name](instance))))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return { TotalCount: selected.length, Registries: selected.slice(offset, offset + limit).map(registryView) };
}

/**
 * INFERRED: TCR terminates an instance together with everything in it (the console's "terminate" deletes all
 * data); only deletion protection stops it (OperationDenied). DryRun checks without deleting.
 */
function deleteInstance(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'DeleteInstance', registryId);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  optionalBoolean(params, 'DeleteBucket');
  if (instance.deletionProtection) {
    throw new ApiError('OperationDenied', `Instance ${registryId} has deletion protection enabled; turn it off before deleting.`);
  }
  if (optionalBoolean(params, 'DryRun')) return {};
  delete tcrState(ctx.state).instances[registryId];
  return {};
}

/** Edition and protection flags: the provider's instance_type / deletion_protection / enable_cos_versioning update. */
function modifyInstance(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'ModifyInstance', registryId);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  const type = optionalString(params, 'RegistryType');
  if (type !== undefined) {
    const typeProblem = checkRegistryType(type);
    if (typeProblem) throw invalidParameterValue('RegistryType', type, typeProblem, 'InvalidParameter');
  }
  const deletionProtection = optionalBoolean(params, 'DeletionProtection');
  const enableCosVersioning = optionalBoolean(params, 'EnableCosVersioning');
  if (type !== undefined) instance.type = type;
  if (deletionProtection !== undefined) instance.deletionProtection = deletionProtection;
  if (enableCosVersioning !== undefined) instance.enableCosVersioning = enableCosVersioning;
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Public endpoint and its allow-list

/**
 * INFERRED: the real service passes through Opening/Deleting before Opened/Closed; the emulator switches at once
 * (a client polling DescribeExternalEndpointStatus sees the final state on its first read). Closing the endpoint
 * drops its allow-list, so a reopened endpoint starts with none.
 */
function manageExternalEndpoint(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  const operation = requiredString(params, 'Operation');
  authorize(ctx, 'ManageExternalEndpoint', registryId);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  if (operation !== 'Create' && operation !== 'Delete') {
    throw invalidParameterValue('Operation', operation, 'must be Create or Delete', 'InvalidParameter');
  }
  instance.externalEndpoint = operation === 'Create' ? 'Opened' : 'Closed';
  if (operation === 'Delete') instance.securityPolicies = [];
  return { RegistryId: registryId };
}

function describeExternalEndpointStatus(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'DescribeExternalEndpointStatus', registryId);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  return { Status: instance.externalEndpoint ?? 'Closed', Reason: '' };
}

function securityPolicySet(params: Record<string, any>): Array<Record<string, unknown>> {
  const set: Array<Record<string, unknown>> = params.SecurityGroupPolicySet; // shape checked against the model
  if (set.length === 0) throw invalidParameterValue('SecurityGroupPolicySet', set, 'must hold at least one entry', 'InvalidParameter');
  return set;
}

function createMultipleSecurityPolicy(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'CreateMultipleSecurityPolicy', registryId);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  const set = securityPolicySet(params);
  if (instance.externalEndpoint !== 'Opened') {
    throw new ApiError('FailedOperation', `The public endpoint of instance ${registryId} is not open; open it (ManageExternalEndpoint Create) before adding allow-list entries.`);
  }
  const entries = set.map((entry, i) => {
    const cidrBlock = optionalString(entry, 'CidrBlock');
    if (!cidrBlock) throw missingParameter(`SecurityGroupPolicySet.${i}.CidrBlock`);
    const cidrProblem = checkCidrBlock(cidrBlock);
    if (cidrProblem) throw invalidParameterValue(`SecurityGroupPolicySet.${i}.CidrBlock`, cidrBlock, cidrProblem, 'InvalidParameter');
    return { cidrBlock, description: optionalString(entry, 'Description') ?? '' };
  });
  const policies = instance.securityPolicies ?? [];
  for (const entry of entries) {
    const index = (instance.lastSecurityPolicyIndex ?? 0) + 1;
    instance.lastSecurityPolicyIndex = index;
    policies.push({ index, cidrBlock: entry.cidrBlock, description: entry.description, version: 'v1' });
  }
  instance.securityPolicies = policies;
  return { RegistryId: registryId };
}

function describeSecurityPolicies(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'DescribeSecurityPolicies', registryId);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  return {
    SecurityPolicySet: (instance.securityPolicies ?? []).map((p) => ({
      PolicyIndex: p.index, CidrBlock: p.cidrBlock, Description: p.description, PolicyVersion: p.version,
    })),
  };
}

/** Entries are named by PolicyIndex (as DescribeSecurityPolicies returns it); an index no longer present is skipped. */
function deleteMultipleSecurityPolicy(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'DeleteMultipleSecurityPolicy', registryId);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  const indexes = new Set(securityPolicySet(params).map((entry, i) => {
    const index = optionalInteger(entry, 'PolicyIndex', 1);
    if (index === undefined) throw missingParameter(`SecurityGroupPolicySet.${i}.PolicyIndex`);
    return index;
  }));
  instance.securityPolicies = (instance.securityPolicies ?? []).filter((p) => !indexes.has(p.index));
  return { RegistryId: registryId };
}

// ---------------------------------------------------------------------------------------------------------
// Namespaces

const SEVERITIES = ['low', 'medium', 'high'];

function createNamespace(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  const name = requiredString(params, 'NamespaceName');
  authorize(ctx, 'CreateNamespace', registryId, name);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  const problem = checkNamespaceName(name);
  if (problem) throw invalidParameterValue('NamespaceName', name, problem, 'InvalidParameter');
  const isPublic = optionalBoolean(params, 'IsPublic');
  if (isPublic === undefined) throw missingParameter('IsPublic');
  const severity = optionalString(params, 'Severity') ?? '';
  if (severity !== '' && !SEVERITIES.includes(severity)) {
    throw invalidParameterValue('Severity', severity, `must be one of ${SEVERITIES.join(', ')}`, 'InvalidParameter');
  }
  const cves = params.CVEWhitelistItems ?? [];
  if (!Array.isArray(cves) || cves.some((item: any) => !item || typeof item.CVEID !== 'string')) {
    throw invalidParameterValue('CVEWhitelistItems', cves, 'must be a list of {"CVEID": string}', 'InvalidParameter');
  }
  if (own(instance.namespaces, name)) {
    throw new ApiError('FailedOperation.ErrorTcrResourceConflict', `The namespace \`NamespaceName\` "${name}" already exists in instance ${registryId}.`);
  }
  instance.namespaces[name] = {
    name,
    namespaceId: instance.nextNamespaceId++,
    isPublic,
    createdAt: ctx.now(),
    autoScan: optionalBoolean(params, 'IsAutoScan') ?? false,
    preventVUL: optionalBoolean(params, 'IsPreventVUL') ?? false,
    severity,
    cveWhitelist: cves.map((item: any) => item.CVEID),
    tags: tagsFrom(params, 'TagSpecification'),
    repositories: [],
  };
  return {};
}

function describeNamespaces(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  const name = optionalString(params, 'NamespaceName');
  authorize(ctx, 'DescribeNamespaces', registryId, name || '*');
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  const offset = optionalInteger(params, 'Offset', 0) ?? 0;
  const all = optionalBoolean(params, 'All') ?? false;
  // No documented ceiling; the provider pages with Limit 200 and item offsets.
  const limit = pageLimit(params, 'Limit', 20, Number.MAX_SAFE_INTEGER);
  const tagFilters: string[] = [];
  (Array.isArray(params.Filters) ? params.Filters : []).forEach((filter: any, i: number) => {
    if (!filter || filter.Name !== 'Tags') throw invalidParameterValue(`Filters.${i}.Name`, filter?.Name, 'must be Tags', 'InvalidParameter');
    tagFilters.push(...(filter.Values ?? []));
  });
  const selected = Object.values(instance.namespaces)
    // NamespaceName is a search (the provider re-checks for an exact match among the results).
    .filter((ns) => !name || ns.name.includes(name))
    .filter((ns) => tagFilters.every((kv) => ns.tags.some((t) => `${t.Key}:${t.Value}` === kv)))
    .sort((a, b) => a.namespaceId - b.namespaceId);
  const page = all ? selected : selected.slice(offset, offset + limit);
  return { NamespaceList: page.map(namespaceView), TotalCount: selected.length };
}

function deleteNamespace(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  const name = requiredString(params, 'NamespaceName');
  authorize(ctx, 'DeleteNamespace', registryId, name);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  const namespace = own(instance.namespaces, name);
  if (!namespace) {
    throw new ApiError('ResourceNotFound.TcrResourceNotFound', `The namespace \`NamespaceName\` "${name}" does not exist in instance ${registryId}.`);
  }
  // Like Harbor underneath TCR: a namespace that still holds repositories cannot be deleted (412 -> PreconditionFailed).
  if (namespace.repositories.length > 0) {
    throw new ApiError('FailedOperation.PreconditionFailed', `The namespace "${name}" still contains ${namespace.repositories.length} repositories; delete them first.`);
  }
  delete instance.namespaces[name];
  // A grant on a deleted namespace is meaningless; drop it so it cannot revive if the name is reused.
  for (const account of Object.values(instance.serviceAccounts)) {
    account.permissions = account.permissions.filter((p) => p.resource !== name);
  }
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Images (read-only; repositories and tags are seeded through the admin interface)

/**
 * DescribeImages, served so that its CAM-side name (`tcr:DescribeRepositories`, auth-upgrade table) is checked
 * on a real call. The shared API facts do not cover it; its request model (scripts/api-model-supplement.ts) comes
 * from the SDK model (tcr_models.d.ts), whose doc says `Offset` is a 1-based PAGE number, not an item offset.
 * INFERRED: a missing namespace or repository answers ResourceNotFound; Limit defaults to 20.
 */
function describeImages(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  const namespaceName = requiredString(params, 'NamespaceName');
  const repositoryName = requiredString(params, 'RepositoryName');
  const version = optionalString(params, 'ImageVersion');
  const digestFilter = optionalString(params, 'Digest');
  const exact = optionalBoolean(params, 'ExactMatch') ?? false;
  const limit = pageLimit(params, 'Limit', 20, 100);
  const page = optionalInteger(params, 'Offset', 0) || 1;
  ctx.authorize(camActionFor('DescribeImages'), [
    repositoryArn(ctx.region ?? '', ctx.caller.ownerUin, registryId, namespaceName, `${repositoryName}/${version && exact ? version : '*'}`),
  ]);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound');
  const namespace = own(instance.namespaces, namespaceName);
  if (!namespace || !namespace.repositories.includes(repositoryName)) {
    throw new ApiError('ResourceNotFound', `The repository "${namespaceName}/${repositoryName}" does not exist in instance ${registryId}.`);
  }
  const images = (namespace.images && own(namespace.images, repositoryName)) ?? [];
  const selected = images
    .filter((image) => !version || (exact ? image.tag === version : image.tag.includes(version)))
    .filter((image) => !digestFilter || image.digest === digestFilter)
    .sort((a, b) => b.updatedAt - a.updatedAt || a.tag.localeCompare(b.tag));
  return {
    ImageInfoList: selected.slice((page - 1) * limit, page * limit).map((image) => ({
      Digest: image.digest, Size: image.size, ImageVersion: image.tag, UpdateTime: iso(image.updatedAt), Kind: 'image', KmsSignature: '',
    })),
    TotalCount: selected.length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Service accounts

function createServiceAccount(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'CreateServiceAccount', registryId);
  const instance = findInstance(ctx, registryId, 'InvalidParameter');
  const name = requiredString(params, 'Name');
  const problem = checkServiceAccountName(name);
  if (problem) throw invalidParameterValue('Name', name, problem, 'InvalidParameter');
  if (params.Permissions === undefined) throw missingParameter('Permissions');
  const permissions = permissionsFrom(instance, params.Permissions);
  const description = optionalString(params, 'Description') ?? '';
  const expiresAt = expiryFrom(ctx, params) ?? 0;
  const disabled = optionalBoolean(params, 'Disable') ?? false;
  // INFERRED: no conflict code is documented for this API; OperationDenied is the closest listed one.
  if (own(instance.serviceAccounts, name)) {
    throw new ApiError('OperationDenied', `The service account \`Name\` "${SERVICE_ACCOUNT_PREFIX}${name}" already exists in instance ${registryId}.`);
  }
  const password = generateServiceAccountPassword();
  const now = ctx.now();
  instance.serviceAccounts[name] = {
    name,
    description,
    disabled,
    expiresAt,
    createdAt: now,
    updatedAt: now,
    permissions,
    password: digest(password),
  };
  return { Name: `${SERVICE_ACCOUNT_PREFIX}${name}`, Password: password, ExpiresAt: expiresAt, CreateTime: iso(now) };
}

function describeServiceAccounts(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'DescribeServiceAccounts', registryId);
  const instance = findInstance(ctx, registryId, 'InvalidParameter');
  const all = optionalBoolean(params, 'All') ?? false;
  const embed = optionalBoolean(params, 'EmbedPermission') ?? false;
  const offset = optionalInteger(params, 'Offset', 0) ?? 0;
  const limit = pageLimit(params, 'Limit', 20, 100);
  const nameFilters: string[] = [];
  (Array.isArray(params.Filters) ? params.Filters : []).forEach((filter: any, i: number) => {
    if (!filter || filter.Name !== 'ServiceAccountName') {
      throw invalidParameterValue(`Filters.${i}.Name`, filter?.Name, 'must be ServiceAccountName', 'InvalidParameter');
    }
    nameFilters.push(...(filter.Values ?? []).map((v: string) => stripServiceAccountPrefix(String(v))));
  });
  const selected = Object.values(instance.serviceAccounts)
    .filter((account) => nameFilters.length === 0 || nameFilters.some((v) => account.name.includes(v)))
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  const page = all ? selected : selected.slice(offset, offset + limit);
  return { ServiceAccounts: page.map((account) => serviceAccountView(account, embed)), TotalCount: selected.length };
}

function modifyServiceAccount(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'ModifyServiceAccount', registryId);
  const instance = findInstance(ctx, registryId, 'InvalidParameter');
  const account = findServiceAccount(instance, requiredString(params, 'Name'));
  // Validate everything before changing anything.
  const permissions = params.Permissions === undefined ? undefined : permissionsFrom(instance, params.Permissions);
  const description = optionalString(params, 'Description');
  const expiresAt = expiryFrom(ctx, params);
  const disabled = optionalBoolean(params, 'Disable');
  if (permissions) account.permissions = permissions;
  if (description !== undefined) account.description = description;
  if (expiresAt !== undefined) account.expiresAt = expiresAt;
  if (disabled !== undefined) account.disabled = disabled;
  account.updatedAt = ctx.now();
  return {};
}

function modifyServiceAccountPassword(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'ModifyServiceAccountPassword', registryId);
  const instance = findInstance(ctx, registryId, 'InvalidParameter');
  const account = findServiceAccount(instance, requiredString(params, 'Name'));
  const random = optionalBoolean(params, 'Random');
  if (random === undefined) throw missingParameter('Random');
  let password: string;
  if (random) {
    password = generateServiceAccountPassword();
  } else {
    password = requiredString(params, 'Password');
    const problem = checkServiceAccountPassword(password);
    // The rule is stated without echoing the rejected password.
    if (problem) throw new ApiError('InvalidParameter', `The value of parameter \`Password\` is invalid: ${problem}.`);
  }
  account.password = digest(password);
  account.updatedAt = ctx.now();
  return { Password: password };
}

function deleteServiceAccount(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'DeleteServiceAccount', registryId);
  const instance = findInstance(ctx, registryId, 'InvalidParameter');
  const account = findServiceAccount(instance, requiredString(params, 'Name'));
  delete instance.serviceAccounts[account.name];
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Instance tokens

/** Drops temporary tokens whose hour is over, so the state does not grow with every CI run. */
function pruneExpiredTempTokens(instance: TcrInstanceRecord, now: number): void {
  for (const token of Object.values(instance.tokens)) {
    if (token.type === 'temp' && token.expiresAt <= now) delete instance.tokens[token.id];
  }
}

function longTermToken(instance: TcrInstanceRecord, tokenId: string): TcrTokenRecord {
  const token = own(instance.tokens, tokenId);
  if (!token || token.type !== 'longterm') {
    throw new ApiError('InvalidParameter', `The long-term token \`TokenId\` "${tokenId}" does not exist in instance ${instance.id}.`);
  }
  return token;
}

function createInstanceToken(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'CreateInstanceToken', registryId);
  const instance = findInstance(ctx, registryId, 'ResourceNotFound.TcrResourceNotFound');
  const type = optionalString(params, 'TokenType') ?? 'temp';
  if (type !== 'longterm' && type !== 'temp') {
    throw invalidParameterValue('TokenType', type, 'must be "longterm" or "temp"', 'InvalidParameter');
  }
  const description = optionalString(params, 'Desc') ?? '';
  const problem = checkTokenDescription(description);
  if (problem) throw invalidParameterValue('Desc', `${description.slice(0, 16)}...`, problem, 'InvalidParameter');
  const now = ctx.now();
  pruneExpiredTempTokens(instance, now);
  let id: string;
  do id = randomFrom(LOWER_ALNUM, 20);
  while (instance.tokens[id]);
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = type === 'temp' ? now + TEMP_TOKEN_VALIDITY_MS : 0;
  instance.tokens[id] = {
    id,
    type,
    description,
    username: ctx.caller.uin,
    enabled: true,
    createdAt: now,
    expiresAt,
    token: digest(secret),
  };
  return { Username: ctx.caller.uin, Token: secret, ExpTime: expiresAt, ...(type === 'longterm' ? { TokenId: id } : {}) };
}

function describeInstanceToken(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'DescribeInstanceToken', registryId);
  const instance = findInstance(ctx, registryId, 'InvalidParameter');
  const offset = optionalInteger(params, 'Offset', 0) ?? 0;
  const limit = pageLimit(params, 'Limit', 20, 200);
  const tokens = Object.values(instance.tokens)
    .filter((token) => token.type === 'longterm')
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return {
    TotalCount: tokens.length,
    Tokens: tokens.slice(offset, offset + limit).map((token) => ({
      Id: token.id,
      Desc: token.description,
      RegistryId: instance.id,
      Enabled: token.enabled,
      CreatedAt: iso(token.createdAt),
      ExpiredAt: token.expiresAt,
    })),
  };
}

function modifyInstanceToken(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'ModifyInstanceToken', registryId);
  const instance = findInstance(ctx, registryId, 'InvalidParameter');
  const token = longTermToken(instance, requiredString(params, 'TokenId'));
  const flag = optionalInteger(params, 'ModifyFlag', 1, 2) ?? 2;
  if (flag === 1) {
    const description = optionalString(params, 'Desc');
    if (description === undefined) throw missingParameter('Desc');
    const problem = checkTokenDescription(description);
    if (problem) throw invalidParameterValue('Desc', `${description.slice(0, 16)}...`, problem, 'InvalidParameter');
    token.description = description;
  } else {
    const enable = optionalBoolean(params, 'Enable');
    if (enable === undefined) throw missingParameter('Enable');
    token.enabled = enable;
  }
  return {};
}

function deleteInstanceToken(ctx: ActionContext, params: Record<string, any>) {
  const registryId = requiredString(params, 'RegistryId');
  authorize(ctx, 'DeleteInstanceToken', registryId);
  const instance = findInstance(ctx, registryId, 'InvalidParameter');
  const token = longTermToken(instance, requiredString(params, 'TokenId'));
  delete instance.tokens[token.id];
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Registry login (used by the admin interface and tests; no signed API reaches it)

export interface RegistryLoginResult {
  readonly ok: boolean;
  /** Why the login failed, without the password. */
  readonly reason?: string;
  /** `service-account` or `token`. */
  readonly kind?: string;
  /** For service accounts, the namespaces and actions the login grants. */
  readonly permissions?: readonly TcrPermissionRecord[];
}

/**
 * Checks a docker-style login to `instanceId`: a service account (`tcr$name` or `tcr@name`) or an instance
 * token (user name = the creator's UIN). Disabled or expired accounts and tokens fail, as the registry does.
 */
export function verifyRegistryLogin(state: EmulatorState, instanceId: string, username: string, password: string, now: number): RegistryLoginResult {
  const instance = own(tcrState(state).instances, instanceId);
  if (!instance) return { ok: false, reason: `instance ${instanceId} does not exist` };
  if (username.startsWith(SERVICE_ACCOUNT_PREFIX) || username.startsWith(SERVICE_ACCOUNT_CI_PREFIX)) {
    const account = own(instance.serviceAccounts, stripServiceAccountPrefix(username));
    if (!account || !matches(password, account.password)) return { ok: false, reason: 'unauthorized: bad user name or password' };
    if (account.disabled) return { ok: false, reason: `service account ${username} is disabled` };
    if (account.expiresAt !== 0 && account.expiresAt <= now) return { ok: false, reason: `service account ${username} has expired` };
    return { ok: true, kind: 'service-account', permissions: account.permissions.map((p) => ({ resource: p.resource, actions: [...p.actions] })) };
  }
  const token = Object.values(instance.tokens).find((t) => t.username === username && matches(password, t.token));
  if (!token) return { ok: false, reason: 'unauthorized: bad user name or password' };
  if (!token.enabled) return { ok: false, reason: 'token is disabled' };
  if (token.expiresAt !== 0 && token.expiresAt <= now) return { ok: false, reason: 'token has expired' };
  return { ok: true, kind: 'token' };
}

const SERVICE_ACCOUNT_RATE = 20;

export const tcrService: ServiceDefinition = {
  service: 'tcr',
  version: '2019-09-24',
  actions: {
    CreateInstance: createInstance,
    DescribeInstances: describeInstances,
    DeleteInstance: deleteInstance,
    ModifyInstance: modifyInstance,
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
  },
  rateLimits: {
    CreateInstanceToken: 100,
    CreateServiceAccount: SERVICE_ACCOUNT_RATE,
    DescribeServiceAccounts: SERVICE_ACCOUNT_RATE,
    ModifyServiceAccount: SERVICE_ACCOUNT_RATE,
    ModifyServiceAccountPassword: SERVICE_ACCOUNT_RATE,
  },
};
