import { emulatorCaller, PluginCaller } from './plugin';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { Obj } from '../../tfprovider/plan';
import { tcrClient } from '../emulator/helpers';

/**
 * `replications` of tencentcloud_tcr_instance at the plugin level, against an emulator, as provider v1.83.25 does
 * them: created once the instance runs, a set difference by region on update (add new regions, delete removed ones
 * by their stored id), the read's fill (ids by region, unknown replicas appended, gone ones kept), the create-time
 * region check, and destroy deleting replicas and namespaces before the instance.
 */
describe('tcr_instance replications (plugin level)', () => {
  const TYPE = 'tencentcloud_tcr_instance';
  let emulator: EmulatorHandle;
  let caller: PluginCaller;
  const actions: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ log: (line) => actions.push(String(JSON.parse(line).action)) });
    caller = emulatorCaller(emulator, 10);
  });
  afterAll(async () => {
    await emulator?.close();
  });

  const instance = (name: string, replications: Array<Record<string, unknown>>, type = 'premium') => ({ name, instance_type: type, delete_bucket: true, replications });
  const replicaElement = (r: Record<string, unknown>) => ({ id: null, region_id: null, region_name: null, syn_tag: null, ...r });
  const apiReplicas = async (id: string) => (await tcrClient(emulator, emulator.root).DescribeReplicationInstances({ RegistryId: id }))
    .ReplicationRegistries!
    .map((r) => [r.ReplicationRegistryId, r.ReplicationRegionId, r.Status]);

  test('create, update by set difference, an empty re-plan after each, import, destroy', async () => {
    const createConfig = instance('replicated', [{ region_id: 5 }, { region_name: 'ap-nanjing', syn_tag: true }]);
    const created = await caller.apply(TYPE, null, createConfig);
    const id = String(created.id);
    expect(created.replications).toEqual([
      replicaElement({ id: `${id}-5`, region_id: 5 }),
      replicaElement({ id: `${id}-33`, region_name: 'ap-nanjing', syn_tag: true }),
    ]);
    // Created in schema.Set order (hash codes compared as strings: "33" before "5"), each once the last runs.
    expect(await apiReplicas(id)).toEqual([[`${id}-33`, 33, 'Running'], [`${id}-5`, 5, 'Running']]);
    expect(caller.replan(TYPE, created, createConfig).changed).toBe(false);

    // Region 5 goes, 8 comes, nanjing stays (now at index 0: terraform pairs elements by index, the read by region).
    const updateConfig = instance('replicated', [{ region_name: 'ap-nanjing', syn_tag: true }, { region_id: 8 }]);
    const updated = await caller.apply(TYPE, created, updateConfig);
    expect(updated.replications).toEqual([
      replicaElement({ id: `${id}-33`, region_name: 'ap-nanjing', syn_tag: true }),
      replicaElement({ id: `${id}-8`, region_id: 8 }),
    ]);
    expect((await apiReplicas(id)).map(([replica]) => replica).sort()).toEqual([`${id}-33`, `${id}-8`]);
    expect(caller.replan(TYPE, updated, updateConfig).changed).toBe(false);

    // Import: no configuration to pair with, so every replica the API lists is appended with its id and region.
    const imported = await caller.importAndRead(TYPE, id);
    expect(imported!.replications).toEqual(expect.arrayContaining([
      replicaElement({ id: `${id}-33`, region_id: 33, region_name: 'ap-nanjing' }),
      replicaElement({ id: `${id}-8`, region_id: 8, region_name: 'ap-beijing' }),
    ]));

    actions.length = 0;
    await caller.destroy(TYPE, updated);
    // Replicas first (each waited for), then the instance.
    const firstDelete = actions.indexOf('DeleteReplicationInstance');
    expect(firstDelete).toBeGreaterThan(actions.indexOf('DescribeReplicationInstances'));
    expect(actions.lastIndexOf('DeleteReplicationInstance')).toBeLessThan(actions.indexOf('DeleteInstance'));
    expect(actions.filter((a) => a === 'DeleteReplicationInstance')).toHaveLength(2);
    expect(emulator.admin.state().tcr.instances[id]).toBeUndefined();
  }, 60_000);

  test('the read: called also without replications; ids by region; replicas added outside appended, gone ones kept', async () => {
    actions.length = 0;
    const plain = await caller.apply(TYPE, null, instance('plain-premium', []));
    expect(actions).toContain('DescribeReplicationInstances');
    expect(plain.replications).toEqual([]);
    const id = String(plain.id);

    // A replica made outside terraform shows up in the state and as a change in the next plan.
    await tcrClient(emulator, emulator.root).CreateReplicationInstance({ RegistryId: id, ReplicationRegionId: 9 });
    const refreshed = (await caller.read(TYPE, plain))!;
    expect(refreshed.replications).toEqual([replicaElement({ id: `${id}-9`, region_id: 9, region_name: 'ap-singapore' })]);
    expect(caller.replan(TYPE, refreshed, instance('plain-premium', [])).changed).toBe(true);
    // Applying the configuration deletes it again.
    const cleaned = await caller.apply(TYPE, refreshed, instance('plain-premium', []));
    expect(await apiReplicas(id)).toEqual([]);
    expect(cleaned.replications).toEqual([]);

    // A replica deleted outside terraform stays in the state (the provider's fill keeps elements the API lacks).
    const withOne = await caller.apply(TYPE, cleaned, instance('plain-premium', [{ region_id: 5 }]));
    await new Promise((r) => setTimeout(r, 1100));
    await tcrClient(emulator, emulator.root).DeleteReplicationInstance({ RegistryId: id, ReplicationRegistryId: `${id}-5`, ReplicationRegionId: 5 });
    const stale = (await caller.read(TYPE, withOne))!;
    expect(stale.replications).toEqual([replicaElement({ id: `${id}-5`, region_id: 5 })]);
    expect(await apiReplicas(id)).toEqual([]);
    expect(caller.replan(TYPE, stale, instance('plain-premium', [{ region_id: 5 }])).changed).toBe(false);
    await caller.destroy(TYPE, stale);
    expect(emulator.admin.state().tcr.instances[id]).toBeUndefined();
  }, 60_000);

  test('create refuses a replica in the provider\'s region before creating anything; API refusals name the code', async () => {
    const before = Object.keys(emulator.admin.state().tcr?.instances ?? {}).length;
    await expect(caller.apply(TYPE, null, instance('same-region', [{ region_id: 1 }])))
      .rejects.toThrow('replication region id:1 region is same with instance region 1 (ap-guangzhou)');
    await expect(caller.apply(TYPE, null, instance('same-region', [{ region_name: 'ap-guangzhou' }])))
      .rejects.toThrow('replication region name:ap-guangzhou region is same with instance region ap-guangzhou');
    expect(Object.keys(emulator.admin.state().tcr?.instances ?? {})).toHaveLength(before);

    // Not premium: the API refuses the replica after the instance exists (the create ends with its error).
    await expect(caller.apply(TYPE, null, instance('basic-replicated', [{ region_id: 5 }], 'basic')))
      .rejects.toThrow(/CreateReplicationInstance failed: \[UnsupportedOperation\].*premium/);
    const leftover = Object.values(emulator.admin.state().tcr.instances as Record<string, { id: string; name: string }>).find((i) => i.name === 'basic-replicated')!;
    await caller.destroy(TYPE, { ...caller.full(TYPE, instance('basic-replicated', [], 'basic')) as Obj, id: leftover.id });
  }, 60_000);

  test('destroy deletes the namespaces of the instance before the instance, as the provider does', async () => {
    const created = await caller.apply(TYPE, null, instance('with-namespaces', []));
    const id = String(created.id);
    await tcrClient(emulator, emulator.root).CreateNamespace({ RegistryId: id, NamespaceName: 'outside', IsPublic: false });
    actions.length = 0;
    await caller.destroy(TYPE, created);
    expect(actions.indexOf('DeleteNamespace')).toBeGreaterThan(-1);
    expect(actions.indexOf('DeleteNamespace')).toBeLessThan(actions.indexOf('DeleteInstance'));
    expect(emulator.admin.state().tcr.instances[id]).toBeUndefined();
  }, 60_000);
});
