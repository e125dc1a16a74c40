import { runAcceptance, Step } from './acceptance';

/**
 * TestAccTencentCloudTcrInstanceResource_replication and _replication_regionName (resource_tc_tcr_instance_test.go
 * at v1.83.25). The stand-in still refuses instance replications (the emulator has no CreateReplicationInstance /
 * DescribeReplicationInstances / DeleteReplicationInstance yet; tfprovider/README.md, "Known gaps"): each run is
 * expected to fail at its first step with the stand-in's refusal, and the test turns red the day replications work,
 * so that it is made an ordinary conformance test then.
 */
const REFUSAL = 'replications (CreateReplicationInstance) is not supported by the tencentcloud stand-in provider';
const instance = (name: string, address: string, replications: Array<Record<string, unknown>>) => ({
  resource: { tencentcloud_tcr_instance: { [address]: { name, instance_type: 'premium', delete_bucket: true, replications } } },
});

test('TestAccTencentCloudTcrInstanceResource_replication (refused: replications)', async () => {
  const at = 'tencentcloud_tcr_instance.mytcr_instance';
  await expect(runAcceptance({
    name: 'TestAccTencentCloudTcrInstanceResource_replication',
    // The test account's region differs from ap-guangzhou (region_id 1), which it replicates to.
    region: 'ap-shanghai',
    steps: (): Step[] => [
      { config: instance('tfreplicas1', 'mytcr_instance', [{ region_id: 1 }, { region_id: 5 }]), checks: { [at]: { 'name': 'tfreplicas1', 'replications.#': '2' } } },
      {
        config: instance('tfreplicas1', 'mytcr_instance', [{ region_id: 5 }, { region_id: 8 }, { region_id: 15, syn_tag: true }]),
        checks: { [at]: { 'name': 'tfreplicas1', 'replications.#': '3' } },
      },
    ],
  })).rejects.toThrow(REFUSAL);
}, 180_000);

test('TestAccTencentCloudTcrInstanceResource_replication_regionName (refused: replications)', async () => {
  const at = 'tencentcloud_tcr_instance.mytcr_instance_regionName';
  await expect(runAcceptance({
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
  })).rejects.toThrow(REFUSAL);
}, 180_000);
