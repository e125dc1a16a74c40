import { runAcceptance, SET, Step } from './acceptance';
import { EmulatorHandle } from '../../../src/emulator';
import { TencentApi } from '../../../tfprovider/api';
import { PluginLog } from '../../../tfprovider/log';

/**
 * Conformance with TestAccTencentCloudTcrNamespace_basic_and_update and TestAccTencentCloudTcrToken_basic_and_update
 * (tencentcloud/services/tcr/resource_tc_tcr_{namespace,token}_test.go at v1.83.25). Both run against the
 * account's long-lived instance, which they find with the tencentcloud_tcr_instances data source
 * (tcacctest.DefaultTCRInstanceData); the emulator gets that instance first, as the test account has it.
 */
const KEEP_INSTANCE = 'keep-tcr-instance-sh';

async function seedKeepInstance(emulator: EmulatorHandle): Promise<Record<string, string>> {
  const api = new TencentApi({
    secretId: emulator.root.secretId, secretKey: emulator.root.secretKey, region: 'ap-guangzhou', endpointUrl: `http://${emulator.endpoint}`, retryTimeoutSeconds: 5,
  }, new PluginLog('', false));
  const created = await api.call('tcr', 'CreateInstance', { RegistryName: KEEP_INSTANCE, RegistryType: 'standard' });
  return { instanceId: String(created.RegistryId) };
}

/** DefaultTCRInstanceData: the variable, the data source lookup by name and `local.tcr_id`. */
const instanceData = {
  variable: { tcr_name: { default: KEEP_INSTANCE } },
  data: { tencentcloud_tcr_instances: { tcr: { name: '${var.tcr_name}' } } },
  locals: { tcr_id: '${data.tencentcloud_tcr_instances.tcr.instance_list.0.id}' },
};

test('TestAccTencentCloudTcrNamespace_basic_and_update', async () => {
  const namespace = (name: string, on: boolean, severity: string, cve: string) => ({
    ...instanceData,
    resource: {
      tencentcloud_tcr_namespace: {
        mytcr_namespace: {
          instance_id: '${local.tcr_id}', name, is_public: on, is_auto_scan: on, is_prevent_vul: on, severity, cve_whitelist_items: [{ cve_id: cve }],
        },
      },
    },
  });
  const checks = (name: string, on: string, severity: string, cve: string) => ({
    'tencentcloud_tcr_namespace.mytcr_namespace': {
      'name': name,
      'is_public': on,
      'is_auto_scan': on,
      'is_prevent_vul': on,
      'severity': severity,
      'cve_whitelist_items.#': '1',
      'cve_whitelist_items.0.cve_id': cve,
    },
  });
  await runAcceptance({
    name: 'TestAccTencentCloudTcrNamespace_basic_and_update',
    seed: seedKeepInstance,
    steps: (): Step[] => [
      { config: namespace('test_ns', true, 'medium', 'cve-xxxxx'), checks: checks('test_ns', 'true', 'medium', 'cve-xxxxx') },
      { importResource: 'tencentcloud_tcr_namespace.mytcr_namespace' },
      { config: namespace('test2_ns', false, 'high', 'cve-xxxx'), checks: checks('test2_ns', 'false', 'high', 'cve-xxxx') },
    ],
  });
}, 180_000);

test('TestAccTencentCloudTcrToken_basic_and_update', async () => {
  const token = (enable?: boolean) => ({
    ...instanceData,
    resource: { tencentcloud_tcr_token: { mytcr_token: { instance_id: '${local.tcr_id}', description: 'test token', ...(enable === undefined ? {} : { enable }) } } },
  });
  await runAcceptance({
    name: 'TestAccTencentCloudTcrToken_basic_and_update',
    seed: seedKeepInstance,
    steps: (): Step[] => [
      {
        config: token(),
        checks: {
          'tencentcloud_tcr_token.mytcr_token': {
            description: 'test token', enable: 'true', token_id: SET, create_time: SET, token: SET, user_name: SET,
          },
        },
      },
      { importResource: 'tencentcloud_tcr_token.mytcr_token', ignore: ['token', 'user_name'] },
      { config: token(false), checks: { 'tencentcloud_tcr_token.mytcr_token': { enable: 'false' } } },
    ],
  });
}, 180_000);
