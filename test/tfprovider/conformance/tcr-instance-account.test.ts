import { runAcceptance, SET, Step } from './acceptance';

/**
 * Conformance with TestAccTencentCloudTcrInstanceResource_basic_and_update and
 * TestAccTencentCloudTcrServiceAccountResource_basic (tencentcloud/services/tcr/resource_tc_tcr_{instance,
 * service_account}_test.go at v1.83.25), step by step.
 */
test('TestAccTencentCloudTcrInstanceResource_basic_and_update', async () => {
  const instance = (type: string, cidrs?: string[]) => ({
    resource: {
      tencentcloud_tcr_instance: {
        mytcr_instance: {
          name: 'testacctcrinstance1',
          instance_type: type,
          delete_bucket: true,
          tags: { test: 'test' },
          ...(cidrs ? { open_public_operation: true, security_policy: cidrs.map((cidr_block) => ({ cidr_block })) } : {}),
        },
      },
    },
  });
  const at = 'tencentcloud_tcr_instance.mytcr_instance';
  await runAcceptance({
    name: 'TestAccTencentCloudTcrInstanceResource_basic_and_update',
    steps: (): Step[] => [
      { config: instance('basic'), checks: { [at]: { 'name': 'testacctcrinstance1', 'instance_type': 'basic', 'tags.test': 'test', 'delete_bucket': 'true' } } },
      { importResource: at, ignore: ['delete_bucket'] },
      {
        config: instance('basic', ['192.168.1.1/24', '10.0.0.1/16']),
        checks: { [at]: { 'tags.test': 'test', 'delete_bucket': 'true', 'open_public_operation': 'true', 'security_policy.#': '2' } },
      },
      { config: instance('basic', ['192.168.1.1/24']), checks: { [at]: { 'open_public_operation': 'true', 'security_policy.#': '1' } } },
      { config: instance('premium', ['192.168.1.1/24']), checks: { [at]: { instance_type: 'premium' } } },
    ],
  });
}, 240_000);

test('TestAccTencentCloudNeedFixTcrInstanceResource_paypaid', async () => {
  const instance = (period: number) => ({
    resource: {
      tencentcloud_tcr_instance: {
        mytcr_instance_paypaid: {
          name: 'paypaidtcrinstance',
          instance_type: 'basic',
          delete_bucket: true,
          registry_charge_type: 2,
          instance_charge_type_prepaid_period: period,
          instance_charge_type_prepaid_renew_flag: 1,
          tags: { test: 'test' },
        },
      },
    },
  });
  const checks = (period: string) => ({
    'tencentcloud_tcr_instance.mytcr_instance_paypaid': {
      'name': 'paypaidtcrinstance',
      'instance_type': 'basic',
      'tags.test': 'test',
      'registry_charge_type': '2',
      'instance_charge_type_prepaid_period': period,
      'instance_charge_type_prepaid_renew_flag': '1',
      'expired_at': SET,
    },
  });
  await runAcceptance({
    name: 'TestAccTencentCloudNeedFixTcrInstanceResource_paypaid',
    steps: (): Step[] => [
      { config: instance(1), checks: checks('1') },
      { config: instance(2), checks: checks('2') },
      { importResource: 'tencentcloud_tcr_instance.mytcr_instance_paypaid', ignore: ['delete_bucket', 'instance_charge_type_prepaid_period'] },
    ],
  });
}, 240_000);

test('TestAccTencentCloudTcrServiceAccountResource_basic', async () => {
  // The test computes "ten days from now" in milliseconds when it starts.
  const expireTime = Date.now() + 10 * 24 * 3600 * 1000;
  const config = (account: Record<string, unknown>) => ({
    resource: {
      tencentcloud_tcr_instance: { example: { name: 'tf-example-tcr-instance3', instance_type: 'premium', delete_bucket: true, tags: { createdBy: 'terraform' } } },
      tencentcloud_tcr_namespace: {
        example: {
          instance_id: '${tencentcloud_tcr_instance.example.id}', name: 'tf_test_tcr_namespace', is_public: true, is_auto_scan: true, is_prevent_vul: true, severity: 'medium',
        },
      },
      tencentcloud_tcr_service_account: {
        example: {
          registry_id: '${tencentcloud_tcr_instance.example.id}', name: 'tf_example_account', disable: false, tags: { createdBy: 'terraform' }, ...account,
        },
      },
    },
  });
  const pushOnly = { permissions: [{ resource: '${tencentcloud_tcr_namespace.example.name}', actions: ['tcr:PushRepository'] }] };
  const at = 'tencentcloud_tcr_service_account.example';
  await runAcceptance({
    name: 'TestAccTencentCloudTcrServiceAccountResource_basic',
    steps: (): Step[] => [
      {
        config: config({
          permissions: [{ resource: '${tencentcloud_tcr_namespace.example.name}', actions: ['tcr:PushRepository', 'tcr:PullRepository'] }],
          description: 'tf example for tcr service account',
          duration: 10,
        }),
        checks: {
          [at]: {
            'id': SET,
            'registry_id': SET,
            'name': 'tf_example_account',
            'permissions.#': SET,
            'permissions.0.resource': 'tf_test_tcr_namespace',
            'permissions.0.actions.#': '2',
            'description': 'tf example for tcr service account',
            'duration': '10',
            'disable': 'false',
          },
        },
      },
      {
        config: config({ ...pushOnly, description: 'CHANGED tf example for tcr service account', expires_at: expireTime }),
        checks: {
          [at]: {
            'id': SET,
            'permissions.#': SET,
            'permissions.0.resource': 'tf_test_tcr_namespace',
            'permissions.0.actions.#': '1',
            'permissions.0.actions.0': 'tcr:PushRepository',
            'description': 'CHANGED tf example for tcr service account',
            'expires_at': SET,
          },
        },
      },
      {
        config: config({ ...pushOnly, description: 'CHANGED tf example for tcr service account', expires_at: expireTime, password: 'passwordTest1' }),
        checks: { [at]: { id: SET, password: 'passwordTest1' } },
      },
      {
        importResource: at,
        ignore: ['duration', 'password'],
        providerDiffers: {
          attributes: ['permissions'],
          why: 'its read lists accounts without EmbedPermission, so permissions never come back (provider-semantics.md)',
        },
      },
    ],
  });
}, 240_000);
