import { attachments, policies } from './helpers';
import { CamGroup, TcrInstance, TcrManagedPolicy, TcrNamespace } from '../../src';
import { stackWithProvider, synthValidated, validationErrors } from '../helpers/stacks';

describe('CamGroup', () => {
  test('a created group: grants go to its generated policy, attached by group id', () => {
    const { stack } = stackWithProvider();
    const instance = TcrInstance.fromInstanceAttributes(stack, 'registry', { instanceId: 'tcr-abcd1234', name: 'acme-registry', accountUin: '100000000001' });
    const group = new CamGroup(stack, 'devs', { groupName: 'developers', remark: 'All developers' });
    TcrNamespace.fromNamespaceName(stack, 'apps', instance, 'apps').grantPull(group);
    const doc = synthValidated(stack);
    expect(Object.values(doc.resource.tencentcloud_cam_group)).toEqual([{ name: 'developers', remark: 'All developers' }]);
    expect(group.groupName).toBe('developers');
    expect(group.node.findChild('Resource')).toBe(group.resource);
    expect(attachments(doc)).toEqual([`group \${tencentcloud_cam_group.devs_9FF35048.id} <- \${tencentcloud_cam_policy.${Object.keys(policies(doc))[0]}.id}`]);
  });

  test('an imported group by id, with a managed preset attached once (one data source per stack and preset)', () => {
    const { stack } = stackWithProvider();
    const group = CamGroup.fromGroupId(stack, 'ops', '12345');
    const other = CamGroup.fromGroupId(stack, 'sre', '23456');
    TcrManagedPolicy.READ_ONLY.attachToGroup(group);
    TcrManagedPolicy.READ_ONLY.attachToGroup(group);
    TcrManagedPolicy.READ_ONLY.attachToGroup(other);
    TcrManagedPolicy.FULL_ACCESS.attachTo(other);
    const doc = synthValidated(stack);
    expect(doc.data.tencentcloud_cam_policies).toEqual({
      'TcrManagedPolicy-QcloudTCRFullAccess': { name: 'QcloudTCRFullAccess', type: 2 },
      'TcrManagedPolicy-QcloudTCRReadOnlyAccess': { name: 'QcloudTCRReadOnlyAccess', type: 2 },
    });
    expect(attachments(doc)).toEqual([
      'group 12345 <- ${data.tencentcloud_cam_policies.TcrManagedPolicy-QcloudTCRReadOnlyAccess.policy_list[0].policy_id}',
      'group 23456 <- ${data.tencentcloud_cam_policies.TcrManagedPolicy-QcloudTCRFullAccess.policy_list[0].policy_id}',
      'group 23456 <- ${data.tencentcloud_cam_policies.TcrManagedPolicy-QcloudTCRReadOnlyAccess.policy_list[0].policy_id}',
    ]);
    expect(group.groupId).toBe('12345');
    expect(TcrManagedPolicy.fromPolicyName('QcloudTCRFullAccess').policyName).toBe('QcloudTCRFullAccess');
    expect(validationErrors(stack)).toEqual([]);
  });
});
