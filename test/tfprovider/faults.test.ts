import { EmulatorHandle } from '../../src/emulator';
import { startStandInEmulator } from '../../tfprovider/emulator-extensions';
import { plannedActions, TerraformStack } from '../../tfprovider/harness';
import { resourceSnapshot } from '../../tfprovider/lifecycle';

/**
 * Emulator faults during terraform apply, handled as the real provider handles them (provider-semantics.md,
 * "Error-retry semantics"): InternalError is not retried and ends apply with a diagnostic naming the action and code;
 * an object already created by then stays in state as tainted (SDKv2 d.SetId) and is replaced by the next apply;
 * RequestLimitExceeded is retried until the call goes through.
 */
const header = {
  terraform: { required_providers: { tencentcloud: { source: 'tencentcloudstack/tencentcloud', version: '1.83.25' } } },
  provider: { tencentcloud: [{ region: 'ap-guangzhou' }] },
};
const instance = { reg: { name: 'fault-registry', instance_type: 'basic' } };
const namespace = { apps: { instance_id: '${tencentcloud_tcr_instance.reg.id}', name: 'apps' } };

describe('emulator faults during apply', () => {
  let emulator: EmulatorHandle;
  let stack: TerraformStack;
  let before: string;
  const instanceIds = () => Object.keys((emulator.admin.state() as any).tcr?.instances ?? {});
  const stateOf = (type: string) => stack.state().resources.find((r: any) => r.type === type)?.instances[0];

  beforeAll(async () => {
    emulator = await startStandInEmulator();
    before = JSON.stringify(resourceSnapshot(emulator.admin.state()));
    stack = TerraformStack.fromJson({ ...header, resource: { tencentcloud_tcr_instance: instance } }, {
      endpointUrl: `http://${emulator.endpoint}`, secretId: emulator.root.secretId, secretKey: emulator.root.secretKey,
    });
  }, 60_000);

  afterAll(async () => {
    stack?.dispose();
    await emulator?.close();
  });

  test('InternalError after the instance was created: clear diagnostic, instance kept in state as tainted', async () => {
    // CreateInstance succeeds; the first status poll behind it fails.
    emulator.admin.injectFault({ service: 'tcr', action: 'DescribeInstances', kind: 'error', code: 'InternalError', count: 1 });
    const apply = await stack.apply();
    expect(apply.code).toBe(1);
    const text = apply.stderr.replace(/\s+/g, ' ');
    expect(text).toContain('Error: DescribeInstances failed: [InternalError]');
    expect(text).toContain('with tencentcloud_tcr_instance.reg');
    expect(stack.pluginLog()).toContain('api tcr.DescribeInstances failed (attempt 1): InternalError');
    expect(stack.pluginLog()).not.toContain('api tcr.DescribeInstances failed (attempt 2)');
    const ids = instanceIds();
    expect(ids).toHaveLength(1);
    expect(stateOf('tencentcloud_tcr_instance')).toMatchObject({ status: 'tainted', attributes: { id: ids[0], name: 'fault-registry' } });
  }, 120_000);

  test('the next apply replaces the tainted instance; RequestLimitExceeded is retried until it goes through', async () => {
    const tainted = instanceIds()[0];
    stack.writeConfig({ ...header, resource: { tencentcloud_tcr_instance: instance, tencentcloud_tcr_namespace: namespace } });
    emulator.admin.injectFault({ service: 'tcr', action: 'CreateNamespace', kind: 'error', code: 'RequestLimitExceeded', count: 2 });
    const apply = await stack.apply();
    expect(apply.stderr).toBe('');
    expect(apply.stdout).toContain('Apply complete! Resources: 2 added, 0 changed, 1 destroyed.');
    const log = stack.pluginLog();
    expect(log).toContain('api tcr.CreateNamespace failed (attempt 2): RequestLimitExceeded');
    expect(log).toContain('api tcr.CreateNamespace ok (attempt 3)');
    const ids = instanceIds();
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(tainted);
    expect(stateOf('tencentcloud_tcr_instance')).toMatchObject({ attributes: { id: ids[0] } });
    expect(stateOf('tencentcloud_tcr_instance').status).toBeUndefined();
    const { json } = await stack.plan();
    const a = plannedActions(json);
    expect([...a.create, ...a.update, ...a.delete, ...a.replace]).toEqual([]);
  }, 120_000);

  test('destroy leaves the emulator as it started', async () => {
    const d = await stack.destroy();
    expect(d.stderr).toBe('');
    expect(JSON.stringify(resourceSnapshot(emulator.admin.state()))).toBe(before);
  }, 120_000);
});
