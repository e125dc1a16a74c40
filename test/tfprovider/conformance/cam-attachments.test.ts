import { runAcceptance, SET, Step } from './acceptance';
import { EmulatorHandle } from '../../../src/emulator';
import { TencentApi } from '../../../tfprovider/api';
import { PluginLog } from '../../../tfprovider/log';

/**
 * Conformance with TestAccTencentCloudCam{User,Group}PolicyAttachment_basic and
 * TestAccTencentCloudCamRolePolicyAttachmentResource_basic (tencentcloud/services/cam/
 * resource_tc_cam_*_policy_attachment_test.go at v1.83.25). They attach to the test account's long-lived keep-cam-*
 * principals and policy (tcacctest.DefaultCamVariables), which the emulator gets first. The keep policy is looked
 * up with the tencentcloud_cam_policies data source as in the tests; the tencentcloud_cam_users, _groups and _roles
 * data sources are not in the pinned schema (schema/), so the principals' ids come in as locals instead.
 */
const DOC = JSON.stringify({ version: '2.0', statement: [{ action: ['cos:*'], resource: ['*'], effect: 'allow' }, { effect: 'allow', action: ['monitor:*', 'cam:ListUsersForGroup', 'cam:ListGroups', 'cam:GetGroup'], resource: ['*'] }] });

async function seedKeepPrincipals(emulator: EmulatorHandle): Promise<Record<string, string>> {
  const api = new TencentApi({
    secretId: emulator.root.secretId, secretKey: emulator.root.secretKey, region: 'ap-guangzhou', endpointUrl: `http://${emulator.endpoint}`, retryTimeoutSeconds: 5,
  }, new PluginLog('', false));
  await api.call('cam', 'AddUser', { Name: 'keep-cam-user', UseApi: 0 });
  const group = await api.call('cam', 'CreateGroup', { GroupName: 'keep-cam-group' });
  const trust = JSON.stringify({ version: '2.0', statement: [{ action: ['name/sts:AssumeRole'], effect: 'allow', principal: { service: ['cvm.qcloud.com'] } }] });
  const role = await api.call('cam', 'CreateRole', { RoleName: 'keep-cam-role', PolicyDocument: trust });
  await api.call('cam', 'CreatePolicy', { PolicyName: 'keep-cam-policy', PolicyDocument: DOC });
  return { userName: 'keep-cam-user', groupId: String(group.GroupId), roleId: String(role.RoleId) };
}

const variables = {
  variable: {
    cam_role_basic: { default: 'keep-cam-role' },
    cam_policy_basic: { default: 'keep-cam-policy' },
    cam_group_basic: { default: 'keep-cam-group' },
    cam_user_basic: { default: 'keep-cam-user' },
  },
};
const keepPolicy = { tencentcloud_cam_policies: { policy: { name: '${var.cam_policy_basic}' } } };

test('TestAccTencentCloudCamUserPolicyAttachment_basic', async () => {
  const at = 'tencentcloud_cam_user_policy_attachment.user_policy_attachment_basic';
  await runAcceptance({
    name: 'TestAccTencentCloudCamUserPolicyAttachment_basic',
    seed: seedKeepPrincipals,
    steps: ({ userName }): Step[] => [
      {
        config: {
          ...variables,
          locals: { cam_user_id: userName },
          resource: {
            tencentcloud_cam_policy: { policy_basic: { name: 'test-attach-user-policy', document: DOC, description: 'test' } },
            tencentcloud_cam_user_policy_attachment: { user_policy_attachment_basic: { user_name: '${local.cam_user_id}', policy_id: '${tencentcloud_cam_policy.policy_basic.id}' } },
          },
        },
        checks: { [at]: { user_name: SET, policy_id: SET } },
      },
      { importResource: at },
    ],
  });
}, 180_000);

test('TestAccTencentCloudCamGroupPolicyAttachment_basic', async () => {
  const at = 'tencentcloud_cam_group_policy_attachment.group_policy_attachment_basic';
  await runAcceptance({
    name: 'TestAccTencentCloudCamGroupPolicyAttachment_basic',
    seed: seedKeepPrincipals,
    steps: ({ groupId }): Step[] => [
      {
        config: {
          ...variables,
          locals: { cam_group_id: groupId },
          data: keepPolicy,
          resource: {
            tencentcloud_cam_group_policy_attachment: {
              group_policy_attachment_basic: {
                group_id: '${local.cam_group_id}', policy_id: '${data.tencentcloud_cam_policies.policy.policy_list.0.policy_id}',
              },
            },
          },
        },
        checks: { [at]: { group_id: SET, policy_id: SET } },
      },
      { importResource: at },
    ],
  });
}, 180_000);

test('TestAccTencentCloudCamRolePolicyAttachmentResource_basic', async () => {
  const at = 'tencentcloud_cam_role_policy_attachment.role_policy_attachment_basic';
  await runAcceptance({
    name: 'TestAccTencentCloudCamRolePolicyAttachmentResource_basic',
    seed: seedKeepPrincipals,
    steps: ({ roleId }): Step[] => [
      {
        config: {
          ...variables,
          locals: { cam_role_id: roleId },
          data: keepPolicy,
          resource: {
            tencentcloud_cam_role_policy_attachment: {
              role_policy_attachment_basic: {
                role_id: '${local.cam_role_id}', policy_id: '${data.tencentcloud_cam_policies.policy.policy_list.0.policy_id}',
              },
            },
          },
        },
        checks: { [at]: { role_id: SET, policy_id: SET } },
      },
      { importResource: at },
    ],
  });
}, 180_000);
