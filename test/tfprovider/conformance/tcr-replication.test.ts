import { runAcceptance, Step } from './acceptance';

/**
 * Conformance with TestAccTencentCloudTcrInstanceResource_replication and
 * TestAccTencentCloudTcrInstanceResource_replication_regionName (tencentcloud/services/tcr/resource_tc_tcr_instance_test.go
 * at v1.83.25), step by step: replicas by region id (the test's own comment calls 15 "ap-chengdu"; the provider's
 * RegionIdMap and the API say na-siliconvalley) and by region name.
 */
const instance = (name: string, address: string, replications: Array<Record<string, unknown>>) => ({
  resource: { tencentcloud_tcr_instance: { [address]: { name, instance_type: 'premium', delete_bucket: true, replications } } },
});

test('TestAccTencentCloudTcrInstanceResource_replication', async () => {
  const at = 'tencentcloud_tcr_instance.mytcr_instance';
  await runAcceptance({
    name: 'TestAccTencentCloudTcrInstanceResource_replication',
    // Each step's PreConfig sets the region to ap-shanghai: it replicates to ap-guangzhou (region_id 1).
    region: 'ap-shanghai',
    steps: (): Step[] => [
      { config: instance('tfreplicas1', 'mytcr_instance', [{ region_id: 1 }, { region_id: 5 }]), checks: { [at]: { 'name': 'tfreplicas1', 'replications.#': '2' } } },
      // The test's import step is commented out in the provider's source; so it is here.
      {
        config: instance('tfreplicas1', 'mytcr_instance', [{ region_id: 5 }, { region_id: 8 }, { region_id: 15, syn_tag: true }]),
        checks: { [at]: { 'name': 'tfreplicas1', 'replications.#': '3' } },
      },
    ],
  });
}, 240_000);

test('TestAccTencentCloudTcrInstanceResource_replication_regionName', async () => {
  const at = 'tencentcloud_tcr_instance.mytcr_instance_regionName';
  await runAcceptance({
    name: 'TestAccTencentCloudTcrInstanceResource_replication_regionName',
    steps: (): Step[] => [
      {
        config: instance('exampleregionname', 'mytcr_instance_regionName', [{ region_name: 'ap-shanghai' }]),
        checks: { [at]: { 'name': 'exampleregionname', 'replications.#': '1' } },
      },
      {
        config: instance('exampleregionname', 'mytcr_instance_regionName', [{ region_name: 'ap-shanghai' }, { region_name: 'ap-nanjing' }]),
        checks: { [at]: { 'name': 'exampleregionname', 'replications.#': '2' } },
      },
      { importResource: at, ignore: ['delete_bucket', 'replications'] },
    ],
  });
}, 240_000);
