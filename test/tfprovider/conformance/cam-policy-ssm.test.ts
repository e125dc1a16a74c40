import { runAcceptance, SET, Step } from './acceptance';

/**
 * Conformance with the provider's acceptance tests of CAM policies (TestAccTencentCloudCamPolicy_basic, _tags) and
 * SSM secrets and versions (TestAccTencentCloudSsmSecret_basic, TestAccTencentCloudSsmSecretVersion_basic), from
 * tencentcloud/services/{cam,ssm}/resource_tc_*_test.go at v1.83.25, step by step.
 */
const statement = (actions: string[]) => ({ effect: 'allow', action: actions, resource: ['*'] });

test('TestAccTencentCloudCamPolicy_basic', async () => {
  const policy = (actions: string[], description: string) => ({
    resource: {
      tencentcloud_cam_policy: {
        policy_basic: {
          name: 'cam-policy-test4',
          document: JSON.stringify({ version: '2.0', statement: [{ action: ['cos:*'], resource: ['*'], effect: 'allow' }, statement(actions)] }),
          description,
        },
      },
    },
  });
  const at = 'tencentcloud_cam_policy.policy_basic';
  await runAcceptance({
    name: 'TestAccTencentCloudCamPolicy_basic',
    steps: (): Step[] => [
      { config: policy(['monitor:*', 'cam:ListUsersForGroup', 'cam:ListGroups', 'cam:GetGroup'], 'test'), checks: { [at]: { name: 'cam-policy-test4', document: SET, description: 'test' } } },
      { config: policy(['cam:ListUsersForGroup', 'cam:ListGroups', 'cam:GetGroup'], 'test2'), checks: { [at]: { name: 'cam-policy-test4', document: SET } } },
      { importResource: at },
    ],
  });
}, 180_000);

test('TestAccTencentCloudCamPolicy_tags', async () => {
  const policy = (description: string, tags: Record<string, string>) => ({
    resource: {
      tencentcloud_cam_policy: {
        policy_tags: {
          name: 'cam-policy-test-tags', document: JSON.stringify({ version: '2.0', statement: [{ action: ['cos:*'], resource: ['*'], effect: 'allow' }] }), description, tags,
        },
      },
    },
  });
  const at = 'tencentcloud_cam_policy.policy_tags';
  await runAcceptance({
    name: 'TestAccTencentCloudCamPolicy_tags',
    steps: (): Step[] => [
      { config: policy('test policy with tags', { env: 'test', team: 'terraform' }), checks: { [at]: { 'name': 'cam-policy-test-tags', 'tags.env': 'test', 'tags.team': 'terraform' } } },
      {
        config: policy('test policy with tags updated', { env: 'production', owner: 'admin' }),
        checks: { [at]: { 'name': 'cam-policy-test-tags', 'tags.env': 'production', 'tags.owner': 'admin' } },
      },
      { importResource: at },
    ],
  });
}, 180_000);

test('TestAccTencentCloudSsmSecret_basic', async () => {
  const secret = (description: string, enabled: boolean) => ({
    resource: {
      tencentcloud_ssm_secret: {
        example: {
          secret_name: 'tf-example', description, is_enabled: enabled, tags: { createBy: 'terraform' },
        },
      },
    },
  });
  const at = 'tencentcloud_ssm_secret.example';
  await runAcceptance({
    name: 'TestAccTencentCloudSsmSecret_basic',
    steps: (): Step[] => [
      { config: secret('desc.', false), checks: { [at]: { secret_name: 'tf-example', is_enabled: 'false', description: 'desc.', kms_key_id: SET, status: SET } } },
      { config: secret('update desc.', true), checks: { [at]: { is_enabled: 'true', description: 'update desc.' } } },
      { importResource: at, ignore: ['recovery_window_in_days'] },
    ],
  });
}, 180_000);

test('TestAccTencentCloudSsmSecretVersion_basic', async () => {
  const config = (version: Record<string, Record<string, unknown>>) => ({
    resource: {
      tencentcloud_ssm_secret: { example: { secret_name: 'tf-example-secret', description: 'desc.', recovery_window_in_days: 0, is_enabled: true, tags: { createdBy: 'terraform' } } },
      tencentcloud_ssm_secret_version: version,
    },
  });
  const secretName = '${tencentcloud_ssm_secret.example.secret_name}';
  await runAcceptance({
    name: 'TestAccTencentCloudSsmSecretVersion_basic',
    steps: (): Step[] => [
      {
        config: config({ v1: { secret_name: secretName, version_id: 'v1', secret_binary: 'MTIzMTIzMTIzMTIzMTIzQQ==' } }),
        checks: { 'tencentcloud_ssm_secret_version.v1': { secret_name: 'tf-example-secret', version_id: 'v1', secret_binary: 'MTIzMTIzMTIzMTIzMTIzQQ==' } },
      },
      { importResource: 'tencentcloud_ssm_secret_version.v1' },
      {
        config: config({ v2: { secret_name: secretName, version_id: 'v2', secret_string: 'this is secret string' } }),
        checks: { 'tencentcloud_ssm_secret_version.v2': { secret_name: 'tf-example-secret', version_id: 'v2', secret_string: 'this is secret string' } },
      },
      { importResource: 'tencentcloud_ssm_secret_version.v2' },
    ],
  });
}, 180_000);
