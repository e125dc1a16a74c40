import { attachments } from './helpers';
import { CamRole, TcrInstance, TcrManagedPolicy, TcrNamespace } from '../../src';
import { stackWithProvider, synthValidated, validationErrors } from '../helpers/stacks';

describe('CamRole', () => {
  test('a created role with its trust policy; grants attached by role id', () => {
    const { stack } = stackWithProvider();
    const instance = TcrInstance.fromInstanceAttributes(stack, 'registry', { instanceId: 'tcr-abcd1234', name: 'acme-registry', accountUin: '100000000001' });
    const role = new CamRole(stack, 'ci', {
      roleName: 'ci-pusher',
      trustedPrincipals: ['qcs::cam::uin/100000000001:uin/100000000002', 'qcs::cam::uin/100000000001:uin/100000000002'],
      trustedServices: ['cvm.qcloud.com'],
      description: 'CI pipelines',
      sessionDurationSeconds: 3600,
      tags: { team: 'ci' },
    });
    TcrNamespace.fromNamespaceName(stack, 'apps', instance, 'apps').grantPush(role);
    instance.grantIssueTokens(role);
    const doc = synthValidated(stack);
    const [body] = Object.values<any>(doc.resource.tencentcloud_cam_role);
    expect(JSON.parse(body.document)).toEqual({
      version: '2.0',
      statement: [{
        action: 'name/sts:AssumeRole',
        effect: 'allow',
        principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000002'], service: ['cvm.qcloud.com'] },
      }],
    });
    expect(body).toMatchObject({ name: 'ci-pusher', description: 'CI pipelines', session_duration: 3600, tags: { team: 'ci' } });
    expect(attachments(doc)).toHaveLength(1);
    expect(attachments(doc)[0]).toMatch(/^role \$\{tencentcloud_cam_role\.ci_[0-9A-F]+\.id\} <- /);
    expect(role.roleName).toBe('ci-pusher');
  });

  test('an imported role needs its id (role attachments take role_id)', () => {
    const { stack } = stackWithProvider();
    const role = CamRole.fromRoleName(stack, 'deployer', 'deployer', '4611686018427922725');
    TcrManagedPolicy.FULL_ACCESS.attachToRole(role);
    expect(attachments(synthValidated(stack))).toEqual([
      'role 4611686018427922725 <- ${data.tencentcloud_cam_policies.TcrManagedPolicy-QcloudTCRFullAccess.policy_list[0].policy_id}',
    ]);
    expect(role.roleName).toBe('deployer');
    expect(validationErrors(stack)).toEqual([]);
  });
});
