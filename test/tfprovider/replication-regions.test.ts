import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack as CdktfStack } from 'cdktf';
import { providers, TcrInstance, TcrInstanceType } from '../../src';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { plannedActions, TerraformStack } from '../../tfprovider/harness/terraform';
import { tcrClient } from '../emulator/helpers';

/**
 * The library's `TcrInstance.replicationRegions` applied through the real terraform and the stand-in: the
 * synthesized stack creates the replicas, plans empty afterwards, drops a region on change and destroys cleanly.
 */
function buildApp(outdir: string, regions: string[]): App {
  const app = new App({ outdir });
  const stack = new CdktfStack(app, 'replicated');
  new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });
  new TcrInstance(stack, 'registry', {
    name: 'replicated-registry',
    instanceType: TcrInstanceType.PREMIUM,
    deletionProtection: false,
    replicationRegions: regions,
  });
  return app;
}

let emulator: EmulatorHandle;
let outdir: string;
beforeAll(async () => {
  emulator = await startEmulator();
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-standin-replicas-'));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(outdir, { recursive: true, force: true });
});

test('TcrInstance.replicationRegions: created, an empty re-plan, a region dropped, destroyed', async () => {
  const options = { endpointUrl: `http://${emulator.endpoint}`, secretId: emulator.root.secretId, secretKey: emulator.root.secretKey };
  const stack = TerraformStack.fromApp(buildApp(outdir, ['ap-shanghai', 'ap-nanjing']), options);
  try {
    const apply = await stack.apply();
    expect(apply.code).toBe(0);
    const attributes = () => stack.state().resources.find((r: any) => r.type === 'tencentcloud_tcr_instance').instances[0].attributes;
    const id = String(attributes().id);
    const regions = async () => (await tcrClient(emulator, emulator.root).DescribeReplicationInstances({ RegistryId: id })).ReplicationRegistries!
      .map((r) => `${r.ReplicationRegionName}:${r.Status}`).sort();
    expect(await regions()).toEqual(['ap-nanjing:Running', 'ap-shanghai:Running']);
    expect(attributes().replications.map((r: any) => [r.region_name, r.id])).toEqual([['ap-shanghai', `${id}-4`], ['ap-nanjing', `${id}-33`]]);
    const again = await stack.plan();
    expect(plannedActions(again.json).update).toEqual([]);
    expect(plannedActions(again.json).replace).toEqual([]);

    // The same stack synthesized again with one region fewer (fromApp writes the same stack dir and state path):
    // an in-place update that deletes that replica.
    TerraformStack.fromApp(buildApp(outdir, ['ap-nanjing']), options).dispose();
    const plan = await stack.plan();
    expect(plannedActions(plan.json).update).toHaveLength(1);
    expect((await stack.apply()).code).toBe(0);
    expect(await regions()).toEqual(['ap-nanjing:Running']);

    expect((await stack.destroy()).code).toBe(0);
    expect(emulator.admin.state().tcr.instances).toEqual({});
  } finally {
    stack.dispose();
  }
}, 240_000);
