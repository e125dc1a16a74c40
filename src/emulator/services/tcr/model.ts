/**
 * TCR Enterprise (tcr 2019-09-24) model: the records of the `tcr` state slice and the service's rules (name rules,
 * uniqueness, existence, life cycle), independent of how a request is parsed or a response rendered.
 *
 * Secrets: service-account passwords and instance tokens are returned once and kept only as salted SHA-256
 * digests, enough for the registry login check and useless to anyone reading the state file.
 *
 * Behaviour that no reference states is marked INFERRED; it is chosen so that a client relying on a wrong guess
 * sees an error rather than a silent success.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'crypto';
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
  REPLICATION_EDITION_RULE,
  REPLICATION_REGISTRY_TYPE,
  SERVICE_ACCOUNT_ACTIONS,
  SERVICE_ACCOUNT_CI_PREFIX,
  SERVICE_ACCOUNT_PREFIX,
  TEMP_TOKEN_VALIDITY_MS,
  VULNERABILITY_SEVERITIES,
} from '../../../validation/name-rules';
import { checkRegion, numericRegionIds, REGION_NUMERIC_IDS, REGION_RULE, regionForNumericId } from '../../../validation/regions';
import { ApiError } from '../../api-error';
import { echo, invalidValue, own } from '../../params';
import { EmulatorState } from '../../service';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Every TCR rule violation answers this code unless the action documents a more specific one. */
const INVALID = 'InvalidParameter';

export interface SecretDigest {
  readonly salt: string;
  readonly sha256: string;
}

export interface TcrTag {
  Key: string;
  Value: string;
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
  /** Set through the Tag API (`tcr:instance/<registryId>#<name>`, as the provider tags service accounts). */
  tags?: TcrTag[];
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
  /** Epoch ms the prepaid periods count from: createdAt, or when RenewInstance made a postpaid instance prepaid. */
  prepaidFrom?: number;
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
  /** Replication instances in other regions (CreateReplicationInstance); absent in older states, meaning none. */
  replicas?: TcrReplicaRecord[];
}

/** A replication (replica) instance of a premium instance in another region. */
export interface TcrReplicaRecord {
  /** `<masterId>-<regionId>`, as the API reference's examples name them (`tcr-12345-5`). */
  id: string;
  regionId: number;
  regionName: string;
  syncTag: boolean;
  createdAt: number;
  /** Epoch ms (virtual clock) from which the replica is Running. */
  runningAt: number;
  /** Epoch ms (virtual clock) at which a replica being deleted is gone; absent until DeleteReplicationInstance. */
  goneAt?: number;
}

/**
 * INFERRED (no reference gives the durations): a new replica is `Creating` for this long, a deleted one `Deleting`,
 * on the virtual clock. The provider's waits need both: after CreateReplicationInstance and after
 * DeleteReplicationInstance it polls DescribeReplicationInstances until it has seen a replica that is not Running
 * and then all Running (or none left), so a replica that switched at once would leave it waiting forever.
 */
export const REPLICA_CREATING_MS = 1000;
export const REPLICA_DELETING_MS = 1000;
export const REPLICA_STATUS = { CREATING: 'Creating', RUNNING: 'Running', DELETING: 'Deleting' } as const;

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
// Secrets and generated ids

export function digest(secret: string, salt = randomBytes(16).toString('hex')): SecretDigest {
  return { salt, sha256: createHash('sha256').update(salt).update(secret).digest('hex') };
}

/** Constant-time check of `secret` against a stored digest. */
export function digestMatches(secret: string, stored: SecretDigest): boolean {
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

/** `tcr$ci` and `tcr@ci` (the provider sends both) name the account `ci`. */
export function stripServiceAccountPrefix(name: string): string {
  for (const prefix of [SERVICE_ACCOUNT_PREFIX, SERVICE_ACCOUNT_CI_PREFIX]) {
    if (name.startsWith(prefix)) return name.slice(prefix.length);
  }
  return name;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs (already parsed by the handlers)

export interface NewInstance {
  readonly name: string;
  readonly type: string;
  readonly chargeType: number;
  readonly prepaidMonths: number;
  readonly renewFlag: number;
  readonly deletionProtection: boolean;
  readonly enableCosMAZ: boolean;
  readonly enableCosVersioning: boolean;
  readonly tags: TcrTag[];
}

export interface InstanceQuery {
  readonly ids?: readonly string[];
  readonly allRegion: boolean;
  /** Filter name -> accepted values (exact). */
  readonly filters: ReadonlyArray<{ readonly name: string; readonly values: readonly string[] }>;
}

export interface NewNamespace {
  readonly name: string;
  readonly isPublic: boolean;
  readonly autoScan: boolean;
  readonly preventVUL: boolean;
  readonly severity: string;
  readonly cveWhitelist: string[];
  readonly tags: TcrTag[];
}

export interface PermissionInput {
  /** Field path for errors (`Permissions.0`). */
  readonly field: string;
  readonly resource: unknown;
  readonly actions: unknown;
}

export interface ServiceAccountChange {
  readonly permissions?: TcrPermissionRecord[];
  readonly description?: string;
  readonly expiresAt?: number;
  readonly disabled?: boolean;
}

/** Which instance fields DescribeInstances filters on, by filter name. */
export const INSTANCE_FILTERS: Readonly<Record<string, (instance: TcrInstanceRecord) => string>> = {
  RegistryName: (instance) => instance.name,
  RegistryType: (instance) => instance.type,
  Status: (instance) => instance.status,
};

/** Who the model acts for: the caller's root account, the request's region and the virtual clock. */
export interface TcrScope {
  readonly ownerUin: string;
  /** The request's validated region: every look-up and every new instance is in it. */
  readonly region: string;
  readonly now: number;
}

/** The TCR model over one state, seen from one account and region. */
export class TcrModel {
  private readonly slice: TcrState;

  constructor(state: EmulatorState, private readonly scope: TcrScope) {
    this.slice = tcrState(state);
  }

  // -------------------------------------------------------------------------------------------------------
  // Instances

  /** Rules a new instance must meet before an id is handed out (the id is then authorised by the caller). */
  checkNewInstance(input: NewInstance): void {
    const nameProblem = checkInstanceName(input.name);
    if (nameProblem) throw invalidValue('InvalidParameter.ErrorNameIllegal', 'RegistryName', input.name, nameProblem);
    const typeProblem = checkRegistryType(input.type);
    if (typeProblem) throw invalidValue(INVALID, 'RegistryType', input.type, typeProblem);
    if (input.tags.length > 10) throw invalidValue('InvalidParameter.ErrorTagOverLimit', 'TagSpecification.Tags', input.tags.length, 'must hold at most 10 tags');
  }

  newInstanceId(): string {
    let id: string;
    do id = `tcr-${randomFrom(LOWER_ALNUM, 8)}`;
    while (own(this.slice.instances, id));
    return id;
  }

  createInstance(id: string, input: NewInstance): TcrInstanceRecord {
    // The name is a global DNS label, so it is unique across all accounts and regions.
    if (Object.values(this.slice.instances).some((instance) => instance.name === input.name)) {
      throw new ApiError('InvalidParameter.ErrorNameExists', `The instance name \`RegistryName\` "${input.name}" already exists.`);
    }
    const instance: TcrInstanceRecord = {
      id,
      name: input.name,
      type: input.type,
      ownerUin: this.scope.ownerUin,
      region: this.scope.region,
      // INFERRED: the real instance is "Pending" for minutes; the emulator reports "Running" at once so pollers finish.
      status: 'Running',
      createdAt: this.scope.now,
      chargeType: input.chargeType,
      renewFlag: input.renewFlag,
      prepaidMonths: input.prepaidMonths,
      deletionProtection: input.deletionProtection,
      enableCosMAZ: input.enableCosMAZ,
      enableCosVersioning: input.enableCosVersioning,
      tags: input.tags,
      nextNamespaceId: 1,
      namespaces: {},
      serviceAccounts: {},
      tokens: {},
    };
    this.slice.instances[id] = instance;
    return instance;
  }

  /** An instance of the caller's account and region; `notFoundCode` is the code the action documents. */
  instance(registryId: string, notFoundCode: string): TcrInstanceRecord {
    const instance = own(this.slice.instances, registryId);
    if (!instance || instance.ownerUin !== this.scope.ownerUin || instance.region !== this.scope.region) {
      throw new ApiError(notFoundCode, `The instance \`RegistryId\` ${echo(registryId)} does not exist in this account and region.`);
    }
    return instance;
  }

  /** The caller's instances matching `query`, oldest first. */
  instances(query: InstanceQuery): TcrInstanceRecord[] {
    return Object.values(this.slice.instances)
      .filter((instance) => instance.ownerUin === this.scope.ownerUin)
      .filter((instance) => query.allRegion || instance.region === this.scope.region)
      .filter((instance) => !query.ids || query.ids.includes(instance.id))
      .filter((instance) => query.filters.every((f) => f.values.includes(INSTANCE_FILTERS[f.name](instance))))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /**
   * INFERRED: TCR terminates an instance together with everything in it (the console's "terminate" deletes all
   * data); only deletion protection stops it (OperationDenied). DryRun checks without deleting.
   */
  deleteInstance(instance: TcrInstanceRecord, dryRun: boolean): void {
    if (instance.deletionProtection) {
      throw new ApiError('OperationDenied', `Instance ${instance.id} has deletion protection enabled; turn it off before deleting.`);
    }
    // INFERRED: a master with replicas (also ones still being deleted) is not deleted; the provider deletes every
    // replica and waits for them to be gone before DeleteInstance, which suggests the service insists on it.
    const replicas = this.replicas(instance);
    if (replicas.length > 0) {
      throw new ApiError('OperationDenied', `Instance ${instance.id} still has ${replicas.length} replication instance(s) (${replicas.map((r) => r.id).join(', ')}); delete them (DeleteReplicationInstance) first.`);
    }
    if (!dryRun) delete this.slice.instances[instance.id];
  }

  /**
   * RenewInstance: `Flag` 0 renews a prepaid instance by `months` (its expiry moves on) and sets the renewal flag;
   * `Flag` 1 turns a postpaid instance prepaid for `months`. INFERRED (no per-case codes documented): renewing a
   * postpaid instance with Flag 0, or converting a prepaid one with Flag 1, gives UnsupportedOperation.
   */
  renewInstance(instance: TcrInstanceRecord, months: number, renewFlag: number, flag: number): void {
    if (flag === 0 && instance.chargeType !== 1) {
      throw new ApiError('UnsupportedOperation', `Instance ${instance.id} is postpaid; only a prepaid instance can be renewed (Flag 1 converts it).`);
    }
    if (flag === 1 && instance.chargeType === 1) {
      throw new ApiError('UnsupportedOperation', `Instance ${instance.id} is already prepaid; renew it with Flag 0.`);
    }
    if (flag === 1) {
      instance.chargeType = 1;
      instance.prepaidMonths = months;
      // The prepaid period starts now: expiry is computed from createdAt, so move the start to keep them apart.
      instance.prepaidFrom = this.scope.now;
    } else {
      instance.prepaidMonths += months;
    }
    instance.renewFlag = renewFlag;
  }

  /** Edition and protection flags; every field is checked before any is changed. */
  modifyInstance(instance: TcrInstanceRecord, change: { type?: string; deletionProtection?: boolean; enableCosVersioning?: boolean }): void {
    if (change.type !== undefined) {
      const typeProblem = checkRegistryType(change.type);
      if (typeProblem) throw invalidValue(INVALID, 'RegistryType', change.type, typeProblem);
      // INFERRED: replications are premium-only, so an instance with replicas cannot leave the premium edition.
      if (change.type !== REPLICATION_REGISTRY_TYPE && this.replicas(instance).length > 0) {
        throw invalidValue('UnsupportedOperation', 'RegistryType', change.type, `cannot change while instance ${instance.id} has replication instances: replication ${REPLICATION_EDITION_RULE}`);
      }
      instance.type = change.type;
    }
    if (change.deletionProtection !== undefined) instance.deletionProtection = change.deletionProtection;
    if (change.enableCosVersioning !== undefined) instance.enableCosVersioning = change.enableCosVersioning;
  }

  // -------------------------------------------------------------------------------------------------------
  // Replication instances

  /** The instance's replicas, oldest first; replicas whose deletion finished are dropped from the state here. */
  replicas(instance: TcrInstanceRecord): TcrReplicaRecord[] {
    const now = this.scope.now;
    const live = (instance.replicas ?? []).filter((r) => r.goneAt === undefined || r.goneAt > now);
    if (instance.replicas && live.length !== instance.replicas.length) instance.replicas = live;
    return live;
  }

  replicaStatus(replica: TcrReplicaRecord): string {
    if (replica.goneAt !== undefined) return REPLICA_STATUS.DELETING;
    return this.scope.now >= replica.runningAt ? REPLICA_STATUS.RUNNING : REPLICA_STATUS.CREATING;
  }

  /**
   * The replica's region, from `ReplicationRegionId` and/or `ReplicationRegionName` (at least one; both must name
   * the same region). Only regions of the shared list (src/validation/regions.ts) are supported.
   */
  replicaRegion(regionId: number | undefined, regionName: string | undefined): { id: number; name: string } {
    if (regionId === undefined && regionName === undefined) {
      throw new ApiError('MissingParameter', 'The request is missing a required parameter `ReplicationRegionId` (or `ReplicationRegionName`).');
    }
    const unsupported = 'InvalidParameter.UnsupportedRegion';
    const byId = regionId === undefined ? undefined : regionForNumericId(regionId);
    if (regionId !== undefined && byId === undefined) {
      throw invalidValue(unsupported, 'ReplicationRegionId', regionId, `must be the numeric id of a supported region: ${numericRegionIds()}`);
    }
    if (regionName !== undefined && (checkRegion(regionName) || own(REGION_NUMERIC_IDS, regionName) === undefined)) {
      throw invalidValue(unsupported, 'ReplicationRegionName', regionName, REGION_RULE);
    }
    if (byId !== undefined && regionName !== undefined && byId !== regionName) {
      // INFERRED: no reference says which one wins; disagreeing fields are refused.
      throw invalidValue(INVALID, 'ReplicationRegionName', regionName, `must name the same region as ReplicationRegionId ${regionId} (${byId})`);
    }
    const name = byId ?? regionName!;
    return { id: REGION_NUMERIC_IDS[name], name };
  }

  /**
   * CreateReplicationInstance. INFERRED codes, chosen from the action's documented list: a master that is not
   * premium gives UnsupportedOperation (the provider's schema: "premium only"); a replica in the master's own
   * region InvalidParameter; a second replica in a region InvalidParameter.ReplicationExists; a replica still being
   * created or deleted InternalError.ErrorConflict (the code the provider retries on both actions).
   */
  createReplica(instance: TcrInstanceRecord, region: { id: number; name: string }, syncTag: boolean): TcrReplicaRecord {
    if (instance.type !== REPLICATION_REGISTRY_TYPE) {
      throw new ApiError('UnsupportedOperation', `Instance ${instance.id} is "${instance.type}": replication ${REPLICATION_EDITION_RULE}.`);
    }
    if (region.name === instance.region) {
      throw invalidValue(INVALID, 'ReplicationRegionId', region.id, `must be another region than the master instance's own (${instance.region})`);
    }
    const replicas = this.replicas(instance);
    if (replicas.some((r) => r.regionId === region.id && r.goneAt === undefined)) {
      throw new ApiError('InvalidParameter.ReplicationExists', `Instance ${instance.id} already has a replication instance in ${region.name} (${region.id}).`);
    }
    this.checkNoReplicaChanging(instance, replicas);
    const replica: TcrReplicaRecord = {
      id: `${instance.id}-${region.id}`,
      regionId: region.id,
      regionName: region.name,
      syncTag,
      createdAt: this.scope.now,
      runningAt: this.scope.now + REPLICA_CREATING_MS,
    };
    instance.replicas = [...replicas, replica];
    return replica;
  }

  /** DeleteReplicationInstance: the replica is Deleting for REPLICA_DELETING_MS, then gone. */
  deleteReplica(instance: TcrInstanceRecord, replicaId: string, regionId: number): void {
    const replicas = this.replicas(instance);
    const replica = replicas.find((r) => r.id === replicaId && r.goneAt === undefined);
    if (!replica) {
      throw new ApiError('ResourceNotFound', `Instance ${instance.id} has no replication instance \`ReplicationRegistryId\` ${echo(replicaId)}.`);
    }
    if (replica.regionId !== regionId) {
      throw invalidValue(INVALID, 'ReplicationRegionId', regionId, `must be the region of replication instance ${replica.id} (${replica.regionId})`);
    }
    this.checkNoReplicaChanging(instance, replicas);
    replica.goneAt = this.scope.now + REPLICA_DELETING_MS;
  }

  private checkNoReplicaChanging(instance: TcrInstanceRecord, replicas: readonly TcrReplicaRecord[]): void {
    const busy = replicas.find((r) => this.replicaStatus(r) !== REPLICA_STATUS.RUNNING);
    if (busy) {
      throw new ApiError('InternalError.ErrorConflict', `Replication instance ${busy.id} of instance ${instance.id} is ${this.replicaStatus(busy)}; retry when it has finished.`);
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Public endpoint and its allow-list

  /**
   * INFERRED: the real service passes through Opening/Deleting before Opened/Closed; the emulator switches at once
   * (a client polling DescribeExternalEndpointStatus sees the final state on its first read). Closing the endpoint
   * drops its allow-list, so a reopened endpoint starts with none.
   */
  manageExternalEndpoint(instance: TcrInstanceRecord, operation: string): void {
    if (operation !== 'Create' && operation !== 'Delete') throw invalidValue(INVALID, 'Operation', operation, 'must be Create or Delete');
    instance.externalEndpoint = operation === 'Create' ? 'Opened' : 'Closed';
    if (operation === 'Delete') instance.securityPolicies = [];
  }

  /** Adds allow-list entries; every entry is checked before any is added. */
  addSecurityPolicies(instance: TcrInstanceRecord, entries: ReadonlyArray<{ field: string; cidrBlock: string; description: string }>): void {
    if (instance.externalEndpoint !== 'Opened') {
      throw new ApiError('FailedOperation', `The public endpoint of instance ${instance.id} is not open; open it (ManageExternalEndpoint Create) before adding allow-list entries.`);
    }
    for (const entry of entries) {
      const cidrProblem = checkCidrBlock(entry.cidrBlock);
      if (cidrProblem) throw invalidValue(INVALID, entry.field, entry.cidrBlock, cidrProblem);
    }
    const policies = instance.securityPolicies ?? [];
    for (const entry of entries) {
      const index = (instance.lastSecurityPolicyIndex ?? 0) + 1;
      instance.lastSecurityPolicyIndex = index;
      policies.push({ index, cidrBlock: entry.cidrBlock, description: entry.description, version: 'v1' });
    }
    instance.securityPolicies = policies;
  }

  /** INFERRED: an index no longer present is skipped. */
  deleteSecurityPolicies(instance: TcrInstanceRecord, indexes: ReadonlySet<number>): void {
    instance.securityPolicies = (instance.securityPolicies ?? []).filter((p) => !indexes.has(p.index));
  }

  // -------------------------------------------------------------------------------------------------------
  // Namespaces

  checkNamespaceName(name: string): void {
    const problem = checkNamespaceName(name);
    if (problem) throw invalidValue(INVALID, 'NamespaceName', name, problem);
  }

  createNamespace(instance: TcrInstanceRecord, input: NewNamespace): TcrNamespaceRecord {
    if (input.severity !== '' && !VULNERABILITY_SEVERITIES.includes(input.severity)) {
      throw invalidValue(INVALID, 'Severity', input.severity, `must be one of ${VULNERABILITY_SEVERITIES.join(', ')}`);
    }
    if (own(instance.namespaces, input.name)) {
      throw new ApiError('FailedOperation.ErrorTcrResourceConflict', `The namespace \`NamespaceName\` "${input.name}" already exists in instance ${instance.id}.`);
    }
    const namespace: TcrNamespaceRecord = {
      name: input.name,
      namespaceId: instance.nextNamespaceId++,
      isPublic: input.isPublic,
      createdAt: this.scope.now,
      autoScan: input.autoScan,
      preventVUL: input.preventVUL,
      severity: input.severity,
      cveWhitelist: input.cveWhitelist,
      tags: input.tags,
      repositories: [],
    };
    instance.namespaces[input.name] = namespace;
    return namespace;
  }

  /** Namespaces whose name contains `search` (a search: the provider re-checks for an exact match) with all `tags`. */
  namespaces(instance: TcrInstanceRecord, search: string | undefined, tags: readonly string[]): TcrNamespaceRecord[] {
    return Object.values(instance.namespaces)
      .filter((ns) => !search || ns.name.includes(search))
      .filter((ns) => tags.every((kv) => ns.tags.some((t) => `${t.Key}:${t.Value}` === kv)))
      .sort((a, b) => a.namespaceId - b.namespaceId);
  }

  deleteNamespace(instance: TcrInstanceRecord, name: string): void {
    const namespace = own(instance.namespaces, name);
    if (!namespace) {
      throw new ApiError('ResourceNotFound.TcrResourceNotFound', `The namespace \`NamespaceName\` ${echo(name)} does not exist in instance ${instance.id}.`);
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
  }

  // -------------------------------------------------------------------------------------------------------
  // Images (read-only; repositories and tags are seeded through the admin interface)

  /** INFERRED: a missing namespace or repository answers ResourceNotFound. Newest first. */
  images(
    instance: TcrInstanceRecord, namespaceName: string, repositoryName: string, filter: { version?: string; exact: boolean; digest?: string },
  ): TcrImageRecord[] {
    const namespace = own(instance.namespaces, namespaceName);
    if (!namespace || !namespace.repositories.includes(repositoryName)) {
      throw new ApiError('ResourceNotFound', `The repository ${echo(`${namespaceName}/${repositoryName}`)} does not exist in instance ${instance.id}.`);
    }
    const images = (namespace.images && own(namespace.images, repositoryName)) ?? [];
    const { version, exact, digest: wanted } = filter;
    return images
      .filter((image) => !version || (exact ? image.tag === version : image.tag.includes(version)))
      .filter((image) => !wanted || image.digest === wanted)
      .sort((a, b) => b.updatedAt - a.updatedAt || a.tag.localeCompare(b.tag));
  }

  // -------------------------------------------------------------------------------------------------------
  // Service accounts

  checkServiceAccountName(name: string): void {
    const problem = checkServiceAccountName(name);
    if (problem) throw invalidValue(INVALID, 'Name', name, problem);
  }

  /** Grants on existing namespaces of the instance with actions from SERVICE_ACCOUNT_ACTIONS; a non-empty list. */
  permissions(instance: TcrInstanceRecord, list: unknown, items: readonly PermissionInput[]): TcrPermissionRecord[] {
    if (items.length === 0) {
      throw invalidValue(INVALID, 'Permissions', list, 'must be a non-empty list of {"Resource": namespace, "Actions": [...]}');
    }
    return items.map(({ field, resource, actions }) => {
      if (typeof resource !== 'string' || !own(instance.namespaces, resource)) {
        throw invalidValue(INVALID, `${field}.Resource`, resource, `must name an existing namespace of instance ${instance.id}`);
      }
      if (!Array.isArray(actions) || actions.length === 0) {
        throw invalidValue(INVALID, `${field}.Actions`, actions, `must be a non-empty list of ${SERVICE_ACCOUNT_ACTIONS.join(', ')}`);
      }
      for (const action of actions) {
        if (!SERVICE_ACCOUNT_ACTIONS.includes(action)) {
          throw invalidValue(INVALID, `${field}.Actions`, action, `must be one of ${SERVICE_ACCOUNT_ACTIONS.join(', ')}`);
        }
      }
      return { resource, actions: [...new Set<string>(actions)] };
    });
  }

  /**
   * Expiry from Duration (days from now, wins over ExpiresAt) or ExpiresAt (epoch ms). The project convention
   * `Duration = PERMANENT_DURATION_DAYS` (0) or `ExpiresAt = 0` means permanent, reported as ExpiresAt 0.
   * Returns undefined when neither is given.
   */
  expiry(duration: unknown, expiresAt: unknown): number | undefined {
    if (duration !== undefined && duration !== null) {
      if (duration === PERMANENT_DURATION_DAYS) return 0;
      const broken = typeof duration === 'number' ? checkValidityDays(duration) : 'must be a number of days';
      if (broken) throw invalidValue(INVALID, 'Duration', duration, `${broken}, or ${PERMANENT_DURATION_DAYS} for permanent`);
      return this.scope.now + (duration as number) * DAY_MS;
    }
    if (expiresAt === undefined || expiresAt === null) return undefined;
    if (expiresAt === 0) return 0;
    // A seconds timestamp (a documented-example mistake) lands in 1970 and is rejected here rather than expiring at once.
    if (typeof expiresAt !== 'number' || !Number.isInteger(expiresAt) || expiresAt <= this.scope.now) {
      throw invalidValue(INVALID, 'ExpiresAt', expiresAt, 'must be a future time in epoch milliseconds, or 0 for permanent');
    }
    return expiresAt;
  }

  /** Creates the account; returns it with its one-time password. */
  createServiceAccount(
    instance: TcrInstanceRecord,
    input: { name: string; description: string; expiresAt: number; disabled: boolean; permissions: TcrPermissionRecord[] },
  ): { account: TcrServiceAccountRecord; password: string } {
    // INFERRED: no conflict code is documented for this API; OperationDenied is the closest listed one.
    if (own(instance.serviceAccounts, input.name)) {
      throw new ApiError('OperationDenied', `The service account \`Name\` "${SERVICE_ACCOUNT_PREFIX}${input.name}" already exists in instance ${instance.id}.`);
    }
    const password = generateServiceAccountPassword();
    const now = this.scope.now;
    const account: TcrServiceAccountRecord = { ...input, createdAt: now, updatedAt: now, password: digest(password) };
    instance.serviceAccounts[input.name] = account;
    return { account, password };
  }

  /** Service-account APIs document no ResourceNotFound code; an unknown account is an InvalidParameter (INFERRED). */
  serviceAccount(instance: TcrInstanceRecord, name: string): TcrServiceAccountRecord {
    const account = own(instance.serviceAccounts, stripServiceAccountPrefix(name));
    if (!account) {
      throw new ApiError(INVALID, `The service account \`Name\` ${echo(name)} does not exist in instance ${instance.id}.`);
    }
    return account;
  }

  /** Accounts whose bare name contains any of `nameFilters` (all when empty), oldest first. */
  serviceAccounts(instance: TcrInstanceRecord, nameFilters: readonly string[]): TcrServiceAccountRecord[] {
    const bare = nameFilters.map(stripServiceAccountPrefix);
    return Object.values(instance.serviceAccounts)
      .filter((account) => bare.length === 0 || bare.some((v) => account.name.includes(v)))
      .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  }

  modifyServiceAccount(account: TcrServiceAccountRecord, change: ServiceAccountChange): void {
    if (change.permissions) account.permissions = change.permissions;
    if (change.description !== undefined) account.description = change.description;
    if (change.expiresAt !== undefined) account.expiresAt = change.expiresAt;
    if (change.disabled !== undefined) account.disabled = change.disabled;
    account.updatedAt = this.scope.now;
  }

  /** Sets a given password (checked against the rule, never echoed) or a random one; returns the new password. */
  resetServiceAccountPassword(account: TcrServiceAccountRecord, given: string | undefined): string {
    let password: string;
    if (given === undefined) {
      password = generateServiceAccountPassword();
    } else {
      password = given;
      const problem = checkServiceAccountPassword(password);
      // The rule is stated without echoing the rejected password.
      if (problem) throw new ApiError(INVALID, `The value of parameter \`Password\` is invalid: ${problem}.`);
    }
    account.password = digest(password);
    account.updatedAt = this.scope.now;
    return password;
  }

  deleteServiceAccount(instance: TcrInstanceRecord, account: TcrServiceAccountRecord): void {
    delete instance.serviceAccounts[account.name];
  }

  // -------------------------------------------------------------------------------------------------------
  // Instance tokens

  checkTokenDescription(description: string): void {
    const problem = checkTokenDescription(description);
    if (problem) throw invalidValue(INVALID, 'Desc', description, problem);
  }

  /** Mints a token for the calling account `username`; returns it with its one-time secret. */
  createToken(instance: TcrInstanceRecord, input: { type: 'longterm' | 'temp'; description: string; username: string }): { token: TcrTokenRecord; secret: string } {
    const now = this.scope.now;
    this.pruneExpiredTempTokens(instance);
    let id: string;
    do id = randomFrom(LOWER_ALNUM, 20);
    while (own(instance.tokens, id));
    const secret = randomBytes(32).toString('base64url');
    const token: TcrTokenRecord = {
      id,
      type: input.type,
      description: input.description,
      username: input.username,
      enabled: true,
      createdAt: now,
      expiresAt: input.type === 'temp' ? now + TEMP_TOKEN_VALIDITY_MS : 0,
      token: digest(secret),
    };
    instance.tokens[id] = token;
    return { token, secret };
  }

  /** Drops temporary tokens whose hour is over, so the state does not grow with every CI run. */
  private pruneExpiredTempTokens(instance: TcrInstanceRecord): void {
    for (const token of Object.values(instance.tokens)) {
      if (token.type === 'temp' && token.expiresAt <= this.scope.now) delete instance.tokens[token.id];
    }
  }

  /** Temporary tokens cannot be listed, disabled or deleted: only long-term ones are found. */
  longTermToken(instance: TcrInstanceRecord, tokenId: string): TcrTokenRecord {
    const token = own(instance.tokens, tokenId);
    if (!token || token.type !== 'longterm') {
      throw new ApiError(INVALID, `The long-term token \`TokenId\` ${echo(tokenId)} does not exist in instance ${instance.id}.`);
    }
    return token;
  }

  longTermTokens(instance: TcrInstanceRecord): TcrTokenRecord[] {
    return Object.values(instance.tokens)
      .filter((token) => token.type === 'longterm')
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  deleteToken(instance: TcrInstanceRecord, token: TcrTokenRecord): void {
    delete instance.tokens[token.id];
  }
}
