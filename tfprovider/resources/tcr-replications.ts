/**
 * `replications` of tencentcloud_tcr_instance, following provider v1.83.25 (resource_tc_tcr_instance.go:
 * resourceTencentCloudTcrReplicationSet, ResourceTencentCloudTcrFillReplicas, the read and the delete;
 * service_tencentcloud_tcr.go: CreateReplicationInstance, DeleteReplicationInstance, DescribeReplicationInstances).
 */
import { REGION_NUMERIC_IDS } from '../../src/validation/regions';
import { ApiCallError } from '../api';
import { ProviderError } from '../diagnostics';
import { known, Obj } from '../plan';
import { bool, num, str } from './common';
import { ResourceContext, waitFor } from './types';

const RUNNING = 'Running';
/** The code the provider retries around every replica write. */
const ERROR_CONFLICT = 'InternalError.ErrorConflict';
/** The provider's ReadRetryTimeout*5 / *3 waits are minutes; terraform commands here are cut at 90 s anyway. */
const REPLICA_WAIT_MS = 120_000;
const POLL_MS = 200;

/** The provider's `RegionIdMap` look-up: a region this list lacks is 0, as `helper.StrToInt("")` is. */
function numericRegionId(region: string): number {
  return Object.prototype.hasOwnProperty.call(REGION_NUMERIC_IDS, region) ? REGION_NUMERIC_IDS[region] : 0;
}

/** A replication element's region id: `region_id`, or the id of `region_name` when region_id is unset (0). */
export function replicaRegionId(replica: Obj): number {
  const id = num(replica.region_id) ?? 0;
  const name = str(replica.region_name) ?? '';
  return id === 0 && name !== '' ? numericRegionId(name) : id;
}

export function replicationsOf(v: unknown): Obj[] {
  return (known<Obj[]>(v) ?? []).filter((r) => r !== null && typeof r === 'object');
}

/** Create's check before CreateInstance: no replica in the provider's own region, by id or by name. */
export function checkReplicaRegions(ctx: ResourceContext, replications: unknown): void {
  const providerRegionId = numericRegionId(ctx.region);
  for (const replica of replicationsOf(replications)) {
    const id = num(replica.region_id) ?? 0;
    const name = str(replica.region_name) ?? '';
    if (id !== 0 && id === providerRegionId) {
      throw new ProviderError(`replication region id:${id} region is same with instance region ${providerRegionId} (${ctx.region})`);
    }
    if (name !== '' && name === ctx.region) {
      throw new ProviderError(`replication region name:${name} region is same with instance region ${ctx.region}`);
    }
  }
}

async function describeReplicas(ctx: ResourceContext, registryId: string, limit?: number): Promise<any[]> {
  const resp = await ctx.api.call('tcr', 'DescribeReplicationInstances', { RegistryId: registryId, ...(limit !== undefined ? { Limit: limit } : {}) });
  return resp.ReplicationRegistries ?? [];
}

/**
 * After a replica write the provider polls until it has seen a replica that is not Running ("waiting for polling
 * start") and then sees all Running; after a delete, an empty list also ends the wait. `emptyMeans` says which.
 */
async function waitForReplicaTask(ctx: ResourceContext, registryId: string, emptyMeans: 'done' | 'error'): Promise<void> {
  let started = false;
  await waitFor(`replicas of ${registryId} to finish their task`, async () => {
    const replicas = await describeReplicas(ctx, registryId, 100);
    if (replicas.length === 0) {
      if (emptyMeans === 'done') return true;
      throw new ProviderError(`no replica found in registry ${registryId}`);
    }
    if (replicas.some((r) => r.Status !== RUNNING)) {
      started = true;
      return undefined;
    }
    return started ? true : undefined;
  }, REPLICA_WAIT_MS, POLL_MS);
}

async function createReplica(ctx: ResourceContext, registryId: string, replica: Obj): Promise<void> {
  const regionId = num(replica.region_id) ?? 0;
  const regionName = str(replica.region_name) ?? '';
  // As the provider: SyncTag is always sent (an unset syn_tag is false); FailedOperation (a replica in that region
  // already) is not retried, InternalError.ErrorConflict is. It also retries COS's "409 InvalidBucketState"
  // InternalError, which the emulator never answers.
  await ctx.api.call('tcr', 'CreateReplicationInstance', {
    RegistryId: registryId,
    ...(regionId !== 0 ? { ReplicationRegionId: regionId } : {}),
    ...(regionName !== '' ? { ReplicationRegionName: regionName } : {}),
    SyncTag: bool(replica.syn_tag) ?? false,
  }, [ERROR_CONFLICT]);
  await waitForReplicaTask(ctx, registryId, 'error');
}

async function deleteReplica(ctx: ResourceContext, registryId: string, replicaId: string, regionId: number): Promise<void> {
  await ctx.api.call('tcr', 'DeleteReplicationInstance', { RegistryId: registryId, ReplicationRegistryId: replicaId, ReplicationRegionId: regionId }, [ERROR_CONFLICT]);
  await waitForReplicaTask(ctx, registryId, 'done');
}

/** schema.Set's List(): elements by hash code, the codes compared as strings; equal codes collapse. */
function byRegion(replicas: readonly Obj[]): Map<number, Obj> {
  const out = new Map<number, Obj>();
  for (const r of replicas) if (!out.has(replicaRegionId(r))) out.set(replicaRegionId(r), r);
  return new Map([...out.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/**
 * resourceTencentCloudTcrReplicationSet: the old and new lists as sets keyed by region id; each added region is
 * created (and waited for), each removed one deleted by the id stored for it. Like the provider it goes on after a
 * failure and reports the last error at the end. The provider also sleeps 3 s after each write for the API's
 * one-call-per-second limit; here the waits for each task take longer than that, and RequestLimitExceeded is retried.
 */
export async function applyReplications(ctx: ResourceContext, registryId: string, prior: unknown, planned: unknown): Promise<void> {
  const before = byRegion(replicationsOf(prior));
  const after = byRegion(replicationsOf(planned));
  let lastError: unknown;
  for (const [regionId, replica] of after) {
    if (before.has(regionId)) continue;
    try {
      await createReplica(ctx, registryId, replica);
    } catch (e) {
      lastError = e;
    }
  }
  for (const [regionId, replica] of before) {
    if (after.has(regionId)) continue;
    const id = str(replica.id) ?? '';
    if (id === '') {
      lastError = new ProviderError(`replication region ${regionId} has no id`);
      continue;
    }
    try {
      await deleteReplica(ctx, registryId, id, regionId);
    } catch (e) {
      lastError = e;
    }
  }
  if (lastError) throw lastError;
}

/**
 * The read: DescribeReplicationInstances (also when the configuration has none), waiting while a replica is not
 * Running; then ResourceTencentCloudTcrFillReplicas: each replica the API lists sets the id of the element for its
 * region, replicas no element names are appended, and elements whose replica is gone stay as they are. Undefined
 * when the result is empty (the provider then leaves the attribute alone).
 */
export async function readReplications(ctx: ResourceContext, registryId: string, current: unknown): Promise<Obj[] | undefined> {
  const replicas = await waitFor(`replicas of ${registryId} to be Running`, async () => {
    const list = await describeReplicas(ctx, registryId, 100);
    return list.every((r) => r.Status === RUNNING) ? list : undefined;
  }, REPLICA_WAIT_MS, POLL_MS);
  const elements = replicationsOf(current).map((r) => ({ ...r }));
  const indexByRegion = new Map<number, number>();
  elements.forEach((r, i) => indexByRegion.set(replicaRegionId(r), i));
  const appended: Obj[] = [];
  for (const replica of replicas) {
    const index = indexByRegion.get(replica.ReplicationRegionId);
    if (index !== undefined) {
      elements[index].id = replica.ReplicationRegistryId;
    } else {
      const { ReplicationRegistryId: id, ReplicationRegionId: regionId, ReplicationRegionName: regionName } = replica;
      appended.push({ id, region_id: regionId, region_name: regionName, syn_tag: null });
    }
  }
  const out = [...elements, ...appended];
  return out.length > 0 ? out : undefined;
}

/** The delete's first step: every replica the API lists is deleted and waited for; failures are ignored, as there. */
export async function deleteAllReplications(ctx: ResourceContext, registryId: string): Promise<void> {
  for (const replica of await describeReplicas(ctx, registryId)) {
    try {
      await deleteReplica(ctx, registryId, replica.ReplicationRegistryId, replica.ReplicationRegionId);
    } catch (e) {
      const code = e instanceof ApiCallError ? e.code : 'no API code';
      ctx.log.warn(`tcr_instance ${registryId}: deleting replica ${String(replica.ReplicationRegistryId)} failed (${code}), going on as the provider does`);
    }
  }
}
