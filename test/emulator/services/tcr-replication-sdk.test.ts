/**
 * TCR replication instances through the official SDK: CreateReplicationInstance, DescribeReplicationInstances and
 * DeleteReplicationInstance, their life cycle on the virtual clock (Creating -> Running, Deleting -> gone), the
 * rules and error codes, the rate limit, the effect on DeleteInstance and ModifyInstance, and CAM authorization.
 */
import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { REPLICA_CREATING_MS, REPLICA_DELETING_MS } from '../../../src/emulator/services/tcr/model';
import { allowPolicy, camClient, sdkError, tcrClient as tcr } from '../helpers';

let handle: EmulatorHandle;
let client: ReturnType<typeof tcr>;
let id: string;

beforeAll(async () => {
  // A frozen virtual clock: replicas change status (and the one-per-second rate limit opens) only when advanced.
  handle = await startEmulator({ clock: Date.UTC(2026, 10, 25, 12, 0, 0) });
  client = tcr(handle, handle.root);
});
afterAll(async () => handle.close());
beforeEach(async () => {
  handle.admin.reset();
  id = (await client.CreateInstance({ RegistryName: 'replicated-registry', RegistryType: 'premium' })).RegistryId!;
});

const replicas = async (registryId = id) => client.DescribeReplicationInstances({ RegistryId: registryId });
/** Opens the next one-second rate-limit window of the frozen clock. */
const nextSecond = () => handle.admin.advanceClock(1000);

test('a replica is Creating, then Running; it is listed with its region by id or by name', async () => {
  expect(await replicas()).toMatchObject({ TotalCount: 0, ReplicationRegistries: [] });
  const created = await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 5 });
  expect(created.ReplicationRegistryId).toBe(`${id}-5`);
  const listed = await replicas();
  expect(listed.TotalCount).toBe(1);
  expect(listed.ReplicationRegistries).toEqual([{
    RegistryId: id,
    ReplicationRegistryId: `${id}-5`,
    ReplicationRegionId: 5,
    ReplicationRegionName: 'ap-hongkong',
    Status: 'Creating',
    CreatedAt: new Date(handle.admin.now()).toISOString(),
  }]);
  handle.admin.advanceClock(REPLICA_CREATING_MS);
  expect((await replicas()).ReplicationRegistries![0].Status).toBe('Running');

  // By name, with SyncTag; a name and an id that agree are accepted too.
  await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionName: 'ap-nanjing', SyncTag: true });
  handle.admin.advanceClock(REPLICA_CREATING_MS);
  await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 15, ReplicationRegionName: 'na-siliconvalley' });
  handle.admin.advanceClock(REPLICA_CREATING_MS);
  const all = (await replicas()).ReplicationRegistries!;
  expect(all.map((r) => [r.ReplicationRegionId, r.ReplicationRegionName, r.Status])).toEqual([
    [5, 'ap-hongkong', 'Running'], [33, 'ap-nanjing', 'Running'], [15, 'na-siliconvalley', 'Running'],
  ]);
  // Offset and Limit page the list.
  const page = await client.DescribeReplicationInstances({ RegistryId: id, Offset: 1, Limit: 1 });
  expect(page.ReplicationRegistries!.map((r) => r.ReplicationRegionId)).toEqual([33]);
});

test('the region rules: not the master region, once per region, supported regions only, id and name agreeing', async () => {
  // Each call in its own second: failed calls count against the rate limit too.
  const fail = async (req: Record<string, unknown>) => {
    nextSecond();
    return sdkError(client.CreateReplicationInstance({ RegistryId: id, ...req }));
  };
  let e = await fail({ ReplicationRegionId: 1 });
  expect(e.code).toBe('InvalidParameter');
  expect(e.message).toContain('ap-guangzhou');
  expect((await fail({ ReplicationRegionName: 'ap-guangzhou' })).code).toBe('InvalidParameter');
  e = await fail({ ReplicationRegionId: 999 });
  expect(e.code).toBe('InvalidParameter.UnsupportedRegion');
  expect(e.message).toContain('ReplicationRegionId');
  expect(e.message).toContain('999');
  e = await fail({ ReplicationRegionName: 'xx-nowhere-1' });
  expect(e.code).toBe('InvalidParameter.UnsupportedRegion');
  expect(e.message).toContain('xx-nowhere-1');
  e = await fail({ ReplicationRegionId: 5, ReplicationRegionName: 'ap-beijing' });
  expect(e.code).toBe('InvalidParameter');
  expect(e.message).toContain('ReplicationRegionName');
  expect((await fail({})).code).toBe('MissingParameter');
  expect(await replicas()).toMatchObject({ TotalCount: 0 });

  nextSecond();
  await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 8 });
  expect((await fail({ ReplicationRegionName: 'ap-beijing' })).code).toBe('InvalidParameter.ReplicationExists');
  expect((await replicas()).TotalCount).toBe(1);
});

test('only a premium master replicates; an unknown master is refused by each action with its own code', async () => {
  const basic = (await client.CreateInstance({ RegistryName: 'basic-registry', RegistryType: 'basic' })).RegistryId!;
  const e = await sdkError(client.CreateReplicationInstance({ RegistryId: basic, ReplicationRegionId: 5 }));
  expect(e.code).toBe('UnsupportedOperation');
  expect(e.message).toContain('premium');
  nextSecond();
  expect((await sdkError(client.CreateReplicationInstance({ RegistryId: 'tcr-nothere', ReplicationRegionId: 5 }))).code).toBe('InternalError.ErrNotExist');
  expect((await sdkError(replicas('tcr-nothere'))).code).toBe('InvalidParameter');
  expect((await sdkError(client.DeleteReplicationInstance({ RegistryId: 'tcr-nothere', ReplicationRegistryId: 'tcr-nothere-5', ReplicationRegionId: 5 }))).code).toBe('ResourceNotFound');
  // The master is found only in its own region.
  expect((await sdkError(tcr(handle, handle.root, 'ap-shanghai').DescribeReplicationInstances({ RegistryId: id }))).code).toBe('InvalidParameter');
});

test('one change at a time: a replica being created or deleted blocks the next change (ErrorConflict); 1 call per second', async () => {
  await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 5 });
  // Same second: the rate limit (per caller and action) answers first.
  expect((await sdkError(client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 9 }))).code).toBe('RequestLimitExceeded');
  // Another action, or another caller, is not limited, but the replica is still Creating.
  let e = await sdkError(client.DeleteReplicationInstance({ RegistryId: id, ReplicationRegistryId: `${id}-5`, ReplicationRegionId: 5 }));
  expect(e.code).toBe('InternalError.ErrorConflict');
  expect(e.message).toContain('Creating');
  const cam = camClient(handle, handle.root);
  const ops = handle.admin.seedAccount({ name: 'replica-ops' });
  const policy = await cam.CreatePolicy({ PolicyName: 'replica-ops', PolicyDocument: allowPolicy(['tcr:*'], ['*']) });
  await cam.AttachUserPolicy({ PolicyId: policy.PolicyId!, AttachUin: Number(ops.uin) });
  expect((await sdkError(tcr(handle, ops).CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 9 }))).code).toBe('InternalError.ErrorConflict');

  handle.admin.advanceClock(REPLICA_CREATING_MS);
  await client.DeleteReplicationInstance({ RegistryId: id, ReplicationRegistryId: `${id}-5`, ReplicationRegionId: 5 });
  e = await sdkError(tcr(handle, ops).CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 9 }));
  expect(e.code).toBe('InternalError.ErrorConflict');
  expect(e.message).toContain('Deleting');
  handle.admin.advanceClock(REPLICA_DELETING_MS);
  await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 9 });
  expect((await replicas()).ReplicationRegistries!.map((r) => r.ReplicationRegionId)).toEqual([9]);
});

test('a deleted replica is Deleting, then gone; wrong ids and regions are refused', async () => {
  await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 5 });
  handle.admin.advanceClock(REPLICA_CREATING_MS);
  const del = (replicaId: string, regionId: number) => {
    nextSecond();
    return client.DeleteReplicationInstance({ RegistryId: id, ReplicationRegistryId: replicaId, ReplicationRegionId: regionId });
  };
  let e = await sdkError(del(`${id}-8`, 8));
  expect(e.code).toBe('ResourceNotFound');
  expect(e.message).toContain(`${id}-8`);
  e = await sdkError(del(`${id}-5`, 8));
  expect(e.code).toBe('InvalidParameter');
  expect(e.message).toContain('ReplicationRegionId');
  nextSecond();
  expect((await sdkError(client.DeleteReplicationInstance({ RegistryId: id, ReplicationRegistryId: `${id}-5` } as any))).code).toBe('MissingParameter');

  await del(`${id}-5`, 5);
  expect((await replicas()).ReplicationRegistries!.map((r) => r.Status)).toEqual(['Deleting']);
  handle.admin.advanceClock(REPLICA_DELETING_MS);
  // Gone: there is nothing left to delete.
  expect((await sdkError(del(`${id}-5`, 5))).code).toBe('ResourceNotFound');
  expect(await replicas()).toMatchObject({ TotalCount: 0, ReplicationRegistries: [] });
  // The state keeps no trace of it.
  expect(handle.admin.state().tcr.instances[id].replicas).toEqual([]);
  // The region is free again.
  await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 5 });
});

test('a master with replicas is neither deleted nor taken off the premium edition', async () => {
  await client.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 5 });
  handle.admin.advanceClock(REPLICA_CREATING_MS);
  let e = await sdkError(client.DeleteInstance({ RegistryId: id, DeleteBucket: true }));
  expect(e.code).toBe('OperationDenied');
  expect(e.message).toContain(`${id}-5`);
  e = await sdkError(client.ModifyInstance({ RegistryId: id, RegistryType: 'standard' }));
  expect(e.code).toBe('UnsupportedOperation');
  expect(e.message).toContain('RegistryType');
  expect((await client.DescribeInstances({ Registryids: [id] })).Registries![0].RegistryType).toBe('premium');

  nextSecond();
  await client.DeleteReplicationInstance({ RegistryId: id, ReplicationRegistryId: `${id}-5`, ReplicationRegionId: 5 });
  // Still being deleted: the master waits for it.
  expect((await sdkError(client.DeleteInstance({ RegistryId: id }))).code).toBe('OperationDenied');
  handle.admin.advanceClock(REPLICA_DELETING_MS);
  await client.ModifyInstance({ RegistryId: id, RegistryType: 'standard' });
  await client.DeleteInstance({ RegistryId: id, DeleteBucket: true });
  expect((await client.DescribeInstances({ Registryids: [id] })).TotalCount).toBe(0);
});

test('CAM: the replication actions are checked as operation-level (resource *); a denial answers UnauthorizedOperation', async () => {
  const dev = handle.admin.seedAccount({ name: 'replica-dev' });
  const devClient = tcr(handle, dev);
  const actions = ['tcr:CreateReplicationInstance', 'tcr:DescribeReplicationInstances', 'tcr:DeleteReplicationInstance'];
  const create = () => devClient.CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 5 });
  const describe = () => devClient.DescribeReplicationInstances({ RegistryId: id });
  const remove = () => devClient.DeleteReplicationInstance({ RegistryId: id, ReplicationRegistryId: `${id}-5`, ReplicationRegionId: 5 });
  for (const call of [create, describe, remove]) {
    const e = await sdkError(call());
    expect(e.code).toBe('UnauthorizedOperation');
  }
  const cam = camClient(handle, handle.root);
  const scoped = await cam.CreatePolicy({
    PolicyName: 'replica-scoped', PolicyDocument: allowPolicy(actions, [`qcs::tcr:ap-guangzhou:uin/${handle.root.uin}:instance/${id}`]),
  });
  await cam.AttachUserPolicy({ PolicyId: scoped.PolicyId!, AttachUin: Number(dev.uin) });
  nextSecond();
  expect((await sdkError(create())).code).toBe('UnauthorizedOperation');

  const all = await cam.CreatePolicy({ PolicyName: 'replica-all', PolicyDocument: allowPolicy(actions, ['*']) });
  await cam.AttachUserPolicy({ PolicyId: all.PolicyId!, AttachUin: Number(dev.uin) });
  nextSecond();
  await create();
  handle.admin.advanceClock(REPLICA_CREATING_MS);
  expect((await describe()).TotalCount).toBe(1);
  nextSecond();
  await remove();
  expect((await client.DescribeReplicationInstances({ RegistryId: id })).ReplicationRegistries![0].Status).toBe('Deleting');
});
