import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { attachments, policies, warnings } from './helpers';
import {
  CamGroup, CamRole, CamUser, TcrApi, TcrInstance, TcrNamespace, TcrPolicy, TcrPolicyDocument, TcrPolicyStatement,
} from '../../src';
import { stackWithInstance, stackWithProvider, synthValidated, validationErrors } from '../helpers/stacks';

describe('TcrPolicy', () => {
  test('one tencentcloud_cam_policy (child Resource) with the rendered document, attached to users, groups and roles', () => {
    const { stack, instance } = stackWithInstance();
    const ns = instance.addNamespace('apps', { name: 'apps' });
    const policy = new TcrPolicy(stack, 'pull-apps', {
      policyName: 'pull-apps',
      description: 'Pull from apps',
      tags: { team: 'platform' },
      statements: [new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: [ns.repositoriesArn] })],
    });
    policy.addStatements(new TcrPolicyStatement({ apis: [TcrApi.DESCRIBE_INSTANCES], resources: [instance.instanceArn] }));
    const user = new CamUser(stack, 'alice', { userName: 'alice' });
    const group = new CamGroup(stack, 'devs', { groupName: 'devs' });
    const role = new CamRole(stack, 'ci', { roleName: 'ci', trustedServices: ['cvm.qcloud.com'] });
    policy.attachToUser(user);
    policy.attachToUser(user); // repeated: one attachment
    policy.attachToGroup(group);
    policy.attachToRole(role);
    expect(policy.node.findChild('Resource')).toBe(policy.resource);
    const doc = synthValidated(stack);
    const [body] = Object.values(policies(doc));
    expect(body.name).toBe('pull-apps');
    expect(body.description).toBe('Pull from apps');
    expect(body.document.statement).toEqual([
      { effect: 'allow', action: ['tcr:DescribeInstances'], resource: ['qcs::tcr:ap-guangzhou:uin/${data.tencentcloud_user_info.TcrAccountInfo.owner_uin}:instance/${tencentcloud_tcr_instance.registry_EFEA226F.id}'] },
      { effect: 'allow', action: ['tcr:PullRepository'], resource: ['qcs::tcr:ap-guangzhou:uin/${data.tencentcloud_user_info.TcrAccountInfo.owner_uin}:repository/${tencentcloud_tcr_instance.registry_EFEA226F.id}/apps/*'] },
    ]);
    const policyId = `\${tencentcloud_cam_policy.${Object.keys(policies(doc))[0]}.id}`;
    expect(attachments(doc)).toEqual([
      `group \${tencentcloud_cam_group.devs_9FF35048.id} <- ${policyId}`,
      `role \${tencentcloud_cam_role.ci_6BD54AB4.id} <- ${policyId}`,
      `user \${tencentcloud_cam_user.alice_D7A8A555.name} <- ${policyId}`,
    ]);
    expect(Object.keys(doc.data.tencentcloud_user_info)).toEqual(['TcrAccountInfo']);
    expect(policy.policyId).toMatch(/TOKEN/);
  });

  test('default names come from the construct path and stay within 128 characters', () => {
    const { stack } = stackWithProvider();
    const statement = () => new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: ['*'] });
    const short = new TcrPolicy(stack, 'p', { statements: [statement()] });
    expect(short.policyName).toBe('stack.p');
    const long = new TcrPolicy(stack, 'x'.repeat(200), { statements: [statement()] });
    expect(long.policyName.length).toBeLessThanOrEqual(121);
    expect(long.policyName).toMatch(/^stack\.x+-[0-9a-f]{8}$/);
    expect(validationErrors(stack)).toEqual([]);
  });

  test('a document past 6,144 characters is split into parts attached to the same principals, with a warning', () => {
    const { stack } = stackWithProvider();
    const instance = TcrInstance.fromInstanceAttributes(stack, 'registry', {
      instanceId: 'tcr-abcd1234', name: 'acme-registry', region: 'ap-guangzhou', accountUin: '100000000001',
    });
    const user = new CamUser(stack, 'alice', { userName: 'alice' });
    for (let i = 0; i < 120; i++) {
      const ns = TcrNamespace.fromNamespaceName(stack, `ns${i}`, instance, `namespace-number-${String(i).padStart(3, '0')}`);
      ns.grant(user, i % 2 === 0 ? 'tcr:PullRepository' : 'tcr:CreateHelmChart');
      // Distinct actions per namespace keep the statements apart.
      ns.grant(user, ['tcr:DescribeHelmCharts', 'tcr:PushRepository', 'tcr:CreateRepository'][i % 3]);
    }
    const doc = synthValidated(stack);
    const byName = Object.values(policies(doc)).map((p) => p.name).sort();
    expect(byName.length).toBeGreaterThan(1);
    expect(byName).toEqual(['stack.alice.Policy', ...byName.slice(1).map((_, i) => `stack.alice.Policy-part${i + 2}`)]);
    for (const p of Object.values(doc.resource.tencentcloud_cam_policy) as any[]) expect(p.document.length).toBeLessThanOrEqual(6144);
    // Every statement lands in exactly one part.
    const statements = Object.values(policies(doc)).flatMap((p) => p.document.statement);
    expect(new Set(statements.map((s) => JSON.stringify(s))).size).toBe(statements.length);
    expect(attachments(doc)).toHaveLength(byName.length);
    const found = warnings(stack);
    expect(found).toHaveLength(1);
    expect(found[0].constructPath).toBe('stack/alice/Policy');
    expect(found[0].message).toContain(`split into ${byName.length} policies`);
    // Synthesizing again reuses the parts instead of adding more.
    expect(Object.keys(JSON.parse(Testing.synth(stack)).resource.tencentcloud_cam_policy)).toHaveLength(byName.length);
  });

  test('tcr:* on "*" is a warning, not an error', () => {
    const { stack } = stackWithProvider();
    new TcrPolicy(stack, 'admin', { statements: [new TcrPolicyStatement({ actions: ['tcr:*'], resources: ['*'] })] });
    expect(validationErrors(stack)).toEqual([]);
    const found = warnings(stack);
    expect(found).toEqual([{ constructPath: 'stack/admin', message: expect.stringContaining('allows tcr:* on resource "*"') }]);
  });

  describe('the documentation\'s example policies (cam-tcr-policy-facts.md section 4), from the library', () => {
    /** The documentation writes resources without region and account (`qcs::tcr:::...`). */
    const withoutAccount = (doc: any) => JSON.parse(JSON.stringify(doc).replace(/:uin\/100000000001:/g, '::'));
    const sortedStatements = (doc: any) => doc.statement.map((s: any) => ({ ...s, action: [...s.action].sort(), resource: [...s.resource].sort() }))
      .sort((a: any, b: any) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

    function documentationStack() {
      const { stack } = stackWithProvider();
      const instance = TcrInstance.fromInstanceAttributes(stack, 'registry', {
        instanceId: 'tcr-xxxxxxxx', name: 'acme-registry', region: '', accountUin: '100000000001',
      });
      const namespace = TcrNamespace.fromNamespaceName(stack, 'team-01', instance, 'team-01');
      return { stack, instance, namespace };
    }

    test('read-only access to one repository', () => {
      const { stack, instance, namespace } = documentationStack();
      const policy = new TcrPolicy(stack, 'read-only', {
        policyName: 'tcr-read-only-repo-demo',
        document: new TcrPolicyDocument({
          statements: [
            new TcrPolicyStatement({
              apis: [TcrApi.DESCRIBE_REPOSITORIES, TcrApi.DESCRIBE_NAMESPACES],
              actions: ['tcr:PullRepository'],
              resources: [`${namespace.repositoryArn('repo-demo')}/*`],
            }),
            new TcrPolicyStatement({ actions: ['tcr:DescribeInstance*'], resources: [instance.instanceArn] }),
          ],
        }),
      });
      const rendered = JSON.parse(policy.document.toJson());
      expect(sortedStatements(withoutAccount(rendered))).toEqual(sortedStatements({
        version: '2.0',
        statement: [
          { action: ['tcr:DescribeRepositories', 'tcr:PullRepository', 'tcr:DescribeNamespaces'], resource: ['qcs::tcr:::repository/tcr-xxxxxxxx/team-01/repo-demo/*'], effect: 'allow' },
          { action: ['tcr:DescribeInstance*'], resource: ['qcs::tcr:::instance/tcr-xxxxxxxx'], effect: 'allow' },
        ],
      }));
      expect(validationErrors(stack)).toEqual([]);
      expect(policy.document.toJson()).toMatchSnapshot();
    });

    test('namespace admin (the second statement on the instance resource, where the page has "repository/" by mistake)', () => {
      const { stack, instance, namespace } = documentationStack();
      const policy = new TcrPolicy(stack, 'namespace-admin', {
        statements: [
          new TcrPolicyStatement({ actions: ['tcr:*'], resources: [namespace.repositoriesArn] }),
          new TcrPolicyStatement({ actions: ['tcr:DescribeInstance*'], resources: [instance.instanceArn] }),
        ],
      });
      expect(sortedStatements(withoutAccount(JSON.parse(policy.document.toJson())))).toEqual(sortedStatements({
        version: '2.0',
        statement: [
          { action: ['tcr:*'], resource: ['qcs::tcr:::repository/tcr-xxxxxxxx/team-01/*'], effect: 'allow' },
          { action: ['tcr:DescribeInstance*'], resource: ['qcs::tcr:::instance/tcr-xxxxxxxx'], effect: 'allow' },
        ],
      }));
      expect(validationErrors(stack)).toEqual([]);
      expect(policy.document.toJson()).toMatchSnapshot();
    });
  });
});
