import { emulatorCaller, PluginCaller } from './plugin';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { tcrClient } from '../emulator/helpers';

/**
 * tencentcloud_tcr_namespace updates at the plugin level, as provider v1.83.25 makes them: ModifyNamespace on every
 * update (also a tags-only one) with the three switches, the severity when set and the CVE list when not empty,
 * then the tags through the Tag API.
 */
describe('tcr_namespace update (plugin level)', () => {
  const NS = 'tencentcloud_tcr_namespace';
  let emulator: EmulatorHandle;
  let caller: PluginCaller;
  const actions: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ log: (line) => actions.push(String(JSON.parse(line).action)) });
    caller = emulatorCaller(emulator);
  });
  afterAll(async () => {
    await emulator?.close();
  });

  const apiNamespace = async (registryId: string, name: string) => {
    const { NamespaceList } = await tcrClient(emulator, emulator.root).DescribeNamespaces({ RegistryId: registryId, NamespaceName: name });
    return NamespaceList!.find((n) => n.Name === name)!;
  };

  test('switches, severity and CVEs change in place; a tags-only update calls ModifyNamespace too', async () => {
    const registry = await caller.apply('tencentcloud_tcr_instance', null, { name: 'ns-update-registry', instance_type: 'basic', delete_bucket: true });
    const registryId = String(registry.id);
    const base = { instance_id: registryId, name: 'team', is_public: false, severity: 'high', cve_whitelist_items: [{ cve_id: 'CVE-2024-0001' }] };
    const created = await caller.apply(NS, null, base);

    const changes = { is_public: true, is_auto_scan: true, is_prevent_vul: true, severity: 'medium', cve_whitelist_items: [{ cve_id: 'CVE-2025-0009' }] };
    const changedConfig = { ...base, ...changes };
    expect(caller.replan(NS, created, changedConfig).requiresReplace).toEqual([]);
    const changed = await caller.apply(NS, created, changedConfig);
    expect(changed).toMatchObject(changes);
    expect(await apiNamespace(registryId, 'team')).toMatchObject({ Public: true, AutoScan: true, PreventVUL: true, Severity: 'medium', CVEWhitelistItems: [{ CVEID: 'CVE-2025-0009' }] });
    expect(caller.replan(NS, changed, changedConfig).changed).toBe(false);

    actions.length = 0;
    const tagged = await caller.apply(NS, changed, { ...changedConfig, tags: { team: 'a' } });
    expect(actions).toEqual(expect.arrayContaining(['ModifyNamespace', 'ModifyResourceTags']));
    expect(actions.indexOf('ModifyNamespace')).toBeLessThan(actions.indexOf('ModifyResourceTags'));
    expect(tagged.tags).toEqual({ team: 'a' });

    // As the provider: an emptied CVE list is not sent, so the API keeps the old one and the read brings it back.
    const emptied = await caller.apply(NS, tagged, { ...changedConfig, tags: { team: 'a' }, cve_whitelist_items: [] });
    expect(emptied.cve_whitelist_items).toEqual([{ cve_id: 'CVE-2025-0009' }]);

    // The API's own rules still apply at apply time (the stand-in does not check severities at plan time).
    await expect(caller.apply(NS, emptied, { ...changedConfig, tags: { team: 'a' }, severity: 'critical' }))
      .rejects.toThrow(/ModifyNamespace failed: \[InvalidParameter\].*Severity/);

    await caller.destroy(NS, emptied);
    await caller.destroy('tencentcloud_tcr_instance', registry);
    expect(emulator.admin.state().tcr.instances).toEqual({});
  }, 60_000);
});
