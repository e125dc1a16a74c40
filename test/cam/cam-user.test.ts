import 'cdktf/lib/testing/adapters/jest';
import { attachments, policies } from './helpers';
import { CamUser, TcrAction, TcrInstance, TcrNamespace, TcrPolicyDocument, TcrPolicyStatement, providers } from '../../src';
import { stackWithProvider, synthValidated, validationErrors } from '../helpers/stacks';

function registry() {
  const { stack } = stackWithProvider();
  const instance = TcrInstance.fromInstanceAttributes(stack, 'registry', {
    instanceId: 'tcr-abcd1234', name: 'acme-registry', accountUin: '100000000001',
  });
  return { stack, instance };
}

const ARN = 'qcs::tcr:ap-guangzhou:uin/100000000001';

describe('CamUser', () => {
  test('a user without API keys (use_api false: provider keys would be kept in state) and without console login', () => {
    const { stack } = registry();
    const user = new CamUser(stack, 'alice', { userName: 'alice', remark: 'Alice', tags: { team: 'a' } });
    const doc = synthValidated(stack);
    expect(Object.values(doc.resource.tencentcloud_cam_user)).toEqual([{
      name: 'alice', remark: 'Alice', console_login: false, use_api: false, force_delete: false, tags: { team: 'a' },
    }]);
    expect(user.node.findChild('Resource')).toBe(user.resource);
    expect(user.principalPolicy).toBeUndefined();
    expect(doc.resource.tencentcloud_cam_policy).toBeUndefined();
  });

  test('every grant to one user becomes one generated policy, attached once; pull and push bring the Describe calls', () => {
    const { stack, instance } = registry();
    const user = new CamUser(stack, 'alice', { userName: 'alice' });
    const a = TcrNamespace.fromNamespaceName(stack, 'a', instance, 'team-a');
    const b = TcrNamespace.fromNamespaceName(stack, 'b', instance, 'team-b');
    b.grantPull(user);
    a.grantPush(user);
    a.grantPull(user); // already covered by push
    a.grant(user, TcrAction.CREATE_REPOSITORY, 'tcr:DeleteNamespace', 'tcr:DescribeImages', 'tcr:CreateInstanceToken', 'tcr:DescribeServiceAccounts');
    user.addToPrincipalPolicy(new TcrPolicyStatement({ actions: ['tcr:DescribeHelmCharts'], resources: [a.repositoriesArn] }));
    const doc = synthValidated(stack);
    const generated = Object.values(policies(doc));
    expect(generated).toHaveLength(1);
    expect(generated[0].name).toBe('stack.alice.Policy');
    expect(generated[0].document).toEqual({
      version: '2.0',
      statement: [
        { effect: 'allow', action: ['tcr:CreateInstanceToken', 'tcr:DescribeInstances'], resource: [`${ARN}:instance/tcr-abcd1234`] },
        { effect: 'allow', action: ['tcr:CreateRepository', 'tcr:DescribeHelmCharts', 'tcr:DescribeRepositories', 'tcr:PullRepository', 'tcr:PushRepository'], resource: [`${ARN}:repository/tcr-abcd1234/team-a/*`] },
        { effect: 'allow', action: ['tcr:DeleteRepository', 'tcr:DescribeNamespaces'], resource: [`${ARN}:repository/tcr-abcd1234/team-a`] },
        { effect: 'allow', action: ['tcr:DescribeNamespaces'], resource: [`${ARN}:repository/tcr-abcd1234/team-b`] },
        { effect: 'allow', action: ['tcr:DescribeRepositories', 'tcr:PullRepository'], resource: [`${ARN}:repository/tcr-abcd1234/team-b/*`] },
        { effect: 'allow', action: ['tcr:DescribeServiceAccounts'], resource: ['*'] },
      ],
    });
    expect(attachments(doc)).toEqual(['user ${tencentcloud_cam_user.alice_D7A8A555.name} <- ${tencentcloud_cam_policy.alice_Policy_BA8D56EB.id}']);
    expect(user.principalPolicy?.node.path).toBe('stack/alice/Policy');
  });

  test('the generated document lists added statements, then one statement per distinct grant', () => {
    const { stack, instance } = registry();
    const user = new CamUser(stack, 'alice', { userName: 'alice' });
    const a = TcrNamespace.fromNamespaceName(stack, 'a', instance, 'team-a');
    const added = new TcrPolicyStatement({ actions: ['tcr:DescribeHelmCharts'], resources: [a.repositoriesArn] });
    user.addToPrincipalPolicy(added);
    a.grantPull(user);
    a.grantPull(user); // the same grants again: listed once
    const statements = user.principalPolicy!.document.statements;
    expect(statements[0]).toBe(added);
    expect(statements.slice(1).map((s) => `${s.actions.join(',')} on ${s.resources.join(',')}`)).toEqual([
      `tcr:PullRepository on ${ARN}:repository/tcr-abcd1234/team-a/*`,
      `tcr:DescribeRepositories on ${ARN}:repository/tcr-abcd1234/team-a/*`,
      `tcr:DescribeInstances on ${ARN}:instance/tcr-abcd1234`,
      `tcr:DescribeNamespaces on ${ARN}:repository/tcr-abcd1234/team-a`,
    ]);
    expect(user.principalPolicy!.document.isEmpty).toBe(false);
  });

  test('a document of grants only renders as the general merge of the same statements', () => {
    const { stack, instance } = registry();
    const ns = ['a', 'b', 'c', 'd'].map((n) => TcrNamespace.fromNamespaceName(stack, n, instance, `team-${n}`));
    const shapes: Array<(user: CamUser) => void> = [
      (u) => { ns[2].grantPull(u); ns[1].grantPull(u); ns[0].grantPush(u); },
      (u) => { ns[3].grant(u, TcrAction.CREATE_REPOSITORY, 'tcr:DeleteNamespace', 'tcr:CreateInstanceToken'); ns[1].grantPush(u); instance.grantRead(u); },
      (u) => { instance.grantManageNamespaces(u); instance.grantIssueTokens(u); ns[0].grantPull(u); ns[2].grant(u, 'tcr:DescribeNamespaces'); },
    ];
    shapes.forEach((grant, i) => {
      const user = new CamUser(stack, `u${i}`, { userName: `u${i}` });
      grant(user);
      const document = user.principalPolicy!.document;
      expect(document.toJson()).toBe(new TcrPolicyDocument({ statements: document.statements }).toJson());
    });
  });

  test('principals given the same grants render alike, and a later grant to one changes only its document', () => {
    const { stack, instance } = registry();
    const [a, b] = ['a', 'b'].map((n) => TcrNamespace.fromNamespaceName(stack, n, instance, `team-${n}`));
    const [alice, bob, carol] = ['alice', 'bob', 'carol'].map((n) => new CamUser(stack, n, { userName: n }));
    for (const user of [alice, bob, carol]) a.grantPull(user);
    const pullOnly = alice.principalPolicy!.document.toJson();
    expect(bob.principalPolicy!.document.toJson()).toBe(pullOnly);
    b.grantPush(bob);
    const byName = Object.fromEntries(Object.values(policies(synthValidated(stack))).map((p) => [p.name, JSON.stringify(p.document)]));
    expect(byName['stack.alice.Policy']).toBe(pullOnly);
    expect(byName['stack.carol.Policy']).toBe(pullOnly);
    expect(byName['stack.bob.Policy']).not.toBe(pullOnly);
    expect(byName['stack.bob.Policy']).toContain(`${ARN}:repository/tcr-abcd1234/team-b/*`);
  });

  test('the grant order does not change the document', () => {
    const build = (order: number[]) => {
      const { stack, instance } = registry();
      const user = new CamUser(stack, 'alice', { userName: 'alice' });
      const ns = ['x', 'y', 'z'].map((n) => TcrNamespace.fromNamespaceName(stack, n, instance, `team-${n}`));
      for (const i of order) (i % 2 === 0 ? ns[i].grantPull(user) : ns[i].grantPush(user));
      return JSON.stringify(Object.values(policies(synthValidated(stack)))[0].document);
    };
    expect(build([2, 1, 0])).toBe(build([0, 1, 2]));
  });

  test('instance helpers: read, manage namespaces and service accounts, tokens, full access', () => {
    const { stack, instance } = registry();
    const reader = new CamUser(stack, 'reader', { userName: 'reader' });
    const admin = new CamUser(stack, 'admin', { userName: 'admin' });
    const tokens = new CamUser(stack, 'tokens', { userName: 'tokens' });
    instance.grantRead(reader);
    instance.grantManageNamespaces(admin);
    instance.grantManageServiceAccounts(admin);
    instance.grantIssueTokens(tokens);
    const full = new CamUser(stack, 'full', { userName: 'full' });
    instance.grantFullAccess(full);
    const byName = Object.fromEntries(Object.values(policies(synthValidated(stack))).map((p) => [p.name, p.document.statement]));
    expect(byName['stack.reader.Policy']).toEqual([
      { effect: 'allow', action: ['tcr:DescribeInstances'], resource: [`${ARN}:instance/tcr-abcd1234`] },
      { effect: 'allow', action: ['tcr:DescribeNamespaces', 'tcr:DescribeRepositories'], resource: [`${ARN}:repository/tcr-abcd1234/*`] },
    ]);
    expect(byName['stack.admin.Policy']).toEqual([
      { effect: 'allow', action: ['tcr:CreateNamespace', 'tcr:DeleteRepository', 'tcr:DescribeNamespaces', 'tcr:ModifyNamespace'], resource: [`${ARN}:repository/tcr-abcd1234/*`] },
      { effect: 'allow', action: ['tcr:CreateServiceAccount', 'tcr:DeleteServiceAccount', 'tcr:DescribeServiceAccounts', 'tcr:ModifyServiceAccount', 'tcr:ModifyServiceAccountPassword'], resource: ['*'] },
    ]);
    expect(byName['stack.tokens.Policy']).toEqual([
      { effect: 'allow', action: ['tcr:CreateInstanceToken', 'tcr:DeleteInstanceToken', 'tcr:DescribeInstanceToken', 'tcr:ModifyInstanceToken'], resource: [`${ARN}:instance/tcr-abcd1234`] },
    ]);
    expect(byName['stack.full.Policy']).toEqual([
      { effect: 'allow', action: ['tcr:*'], resource: [`${ARN}:instance/tcr-abcd1234`, `${ARN}:repository/tcr-abcd1234/*`] },
      { effect: 'allow', action: ['tcr:CreateServiceAccount', 'tcr:DeleteServiceAccount', 'tcr:DescribeServiceAccounts', 'tcr:ModifyServiceAccount', 'tcr:ModifyServiceAccountPassword'], resource: ['*'] },
    ]);
  });

  test('an imported user is granted to by name', () => {
    const { stack, instance } = registry();
    const user = CamUser.fromUserName(stack, 'bob', 'bob');
    TcrNamespace.fromNamespaceName(stack, 'a', instance, 'team-a').grantPull(user);
    const doc = synthValidated(stack);
    expect(doc.resource.tencentcloud_cam_user).toBeUndefined();
    expect(attachments(doc)).toEqual(['user bob <- ${tencentcloud_cam_policy.bob_Policy_60FD04DF.id}']);
    expect(user.userName).toBe('bob');
    expect(validationErrors(stack)).toEqual([]);
  });

  test('the generated policy never names an L1 attribute that is a secret', () => {
    const { stack, instance } = registry();
    const user = new CamUser(stack, 'alice', { userName: 'alice' });
    instance.grantRead(user);
    const json = JSON.stringify(synthValidated(stack));
    expect(json).not.toMatch(/secret_key|secret_id|password/);
    expect(providers.camUser.CamUser.tfResourceType).toBe('tencentcloud_cam_user');
  });
});
