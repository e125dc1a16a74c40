import { TerraformStack } from 'cdktf';
import {
  CamGroup, CamRole, CamRoleProps, CamUser, ITcrInstance, TcrApi, TcrInstance, TcrManagedPolicy, TcrNamespace,
  TcrPolicy, TcrPolicyProps, TcrPolicyStatement, TcrPolicyStatementProps,
} from '../../src';
import { stackWithProvider, validationErrors } from '../helpers/stacks';

const ARN = 'qcs::tcr:ap-guangzhou:uin/100000000001';
const INSTANCE = `${ARN}:instance/tcr-abcd1234`;
const NAMESPACE = `${ARN}:repository/tcr-abcd1234/apps`;
const REPOS = `${NAMESPACE}/*`;

interface BadCase {
  /** What is wrong, for the test title. */
  readonly name: string;
  /** Builds the bad construct in `stack`. */
  readonly build: (stack: TerraformStack, instance: ITcrInstance) => void;
  /** Construct path the message must start with. */
  readonly path: string;
  /** Fragments the message must contain: kind, property, value, rule. */
  readonly expected: string[];
}

const policy = (props: Partial<TcrPolicyProps>) => (stack: TerraformStack) => {
  new TcrPolicy(stack, 'policy', { policyName: 'ok', statements: [new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: [REPOS] })], ...props });
};
const statement = (props: TcrPolicyStatementProps) => policy({ statements: [new TcrPolicyStatement(props)] });
const role = (props: Partial<CamRoleProps>) => (stack: TerraformStack) => {
  new CamRole(stack, 'role', { roleName: 'ci', trustedServices: ['cvm.qcloud.com'], ...props });
};

const CASES: BadCase[] = [
  { name: 'empty policy name', build: policy({ policyName: '' }), path: 'stack/policy', expected: ['TcrPolicy property "policyName" has value ""', '1-128 characters'] },
  { name: 'policy name of 129 characters', build: policy({ policyName: 'p'.repeat(129) }), path: 'stack/policy', expected: ['"policyName"', 'p'.repeat(129), '1-128'] },
  { name: 'policy name with a space', build: policy({ policyName: 'pull apps' }), path: 'stack/policy', expected: ['"pull apps"', '"+=,.@_-"'] },
  { name: 'policy name with a slash', build: policy({ policyName: 'team/pull' }), path: 'stack/policy', expected: ['"team/pull"', 'letters, digits'] },
  { name: 'description of 301 bytes', build: policy({ description: 'd'.repeat(301) }), path: 'stack/policy', expected: ['"description"', 'at most 300 bytes', 'it is 301 bytes'] },
  { name: 'description of 101 three-byte characters', build: policy({ description: '权'.repeat(101) }), path: 'stack/policy', expected: ['"description"', 'it is 303 bytes'] },
  { name: 'policy without statements', build: policy({ statements: [] }), path: 'stack/policy', expected: ['"document"', 'at least one statement'] },
  { name: 'empty statement', build: statement({}), path: 'stack/policy', expected: ['"statements[0]" has value {}', 'empty statement'] },
  { name: 'statement without resources', build: statement({ actions: ['tcr:PullRepository'] }), path: 'stack/policy', expected: ['"statements[0].resources" has value []', 'at least one resource'] },
  { name: 'statement without actions', build: statement({ resources: [REPOS] }), path: 'stack/policy', expected: ['"statements[0].actions" has value []', 'at least one action'] },
  { name: 'raw action without the tcr: prefix', build: statement({ actions: ['PullRepository'], resources: [REPOS] }), path: 'stack/policy', expected: ['"statements[0].actions" has value "PullRepository"', '"tcr:"-prefixed'] },
  { name: 'raw action of another service', build: statement({ actions: ['cam:ListPolicies'], resources: ['*'] }), path: 'stack/policy', expected: ['"cam:ListPolicies"', '"tcr:"-prefixed'] },
  { name: 'unknown raw action', build: statement({ actions: ['tcr:DescribeImage'], resources: [REPOS] }), path: 'stack/policy', expected: ['"tcr:DescribeImage"', 'not a known TCR API', 'closest known names: DescribeImages'] },
  { name: 'wildcard matching nothing', build: statement({ actions: ['tcr:Frobnicate*'], resources: [REPOS] }), path: 'stack/policy', expected: ['"tcr:Frobnicate*"', 'matches no TCR CAM action'] },
  { name: 'instance-level API on a namespace resource', build: statement({ apis: [TcrApi.CREATE_INSTANCE_TOKEN], resources: [NAMESPACE] }), path: 'stack/policy', expected: ['"statements[0].actions" has value "CreateInstanceToken"', 'instance-level API', NAMESPACE] },
  { name: 'instance-level raw action on repositories', build: statement({ actions: ['tcr:DescribeInstances'], resources: [REPOS] }), path: 'stack/policy', expected: ['"DescribeInstances"', 'instance-level API'] },
  { name: 'repository-level API on the instance', build: statement({ apis: [TcrApi.CREATE_NAMESPACE], resources: [INSTANCE] }), path: 'stack/policy', expected: ['"CreateNamespace"', 'repository-level API'] },
  { name: 'operation-level API on the instance', build: statement({ apis: [TcrApi.CREATE_SERVICE_ACCOUNT], resources: [INSTANCE] }), path: 'stack/policy', expected: ['"CreateServiceAccount"', 'operation-level API', 'resource "*"'] },
  { name: 'resource of five segments', build: statement({ actions: ['tcr:PullRepository'], resources: ['qcs::tcr:ap-guangzhou:repository/tcr-abcd1234/apps/*'] }), path: 'stack/policy', expected: ['"statements[0].resources"', 'six-segment TCR resource'] },
  { name: 'resource not starting with qcs', build: statement({ actions: ['tcr:PullRepository'], resources: ['arn::tcr:ap-guangzhou:uin/1:repository/tcr-abcd1234/apps/*'] }), path: 'stack/policy', expected: ['"arn::tcr:', 'six-segment'] },
  { name: 'resource of another service', build: statement({ actions: ['tcr:PullRepository'], resources: ['qcs::cos:ap-guangzhou:uid/1250000000:bucket/x'] }), path: 'stack/policy', expected: ['qcs::cos:', 'six-segment TCR resource'] },
  { name: 'resource type that TCR does not have', build: statement({ actions: ['tcr:PullRepository'], resources: [`${ARN}:namespace/tcr-abcd1234/apps`] }), path: 'stack/policy', expected: [':namespace/', '<instance|repository|repo>'] },
  { name: 'account segment without uin/', build: statement({ actions: ['tcr:PullRepository'], resources: ['qcs::tcr:ap-guangzhou:100000000001:repository/tcr-abcd1234/apps/*'] }), path: 'stack/policy', expected: [':100000000001:', 'uin/<uin>'] },
  { name: 'region that is not a region', build: statement({ actions: ['tcr:PullRepository'], resources: ['qcs::tcr:Guangzhou:uin/1:repository/tcr-abcd1234/apps/*'] }), path: 'stack/policy', expected: [':Guangzhou:', 'six-segment'] },
  { name: 'resource type without id', build: statement({ actions: ['tcr:PullRepository'], resources: [`${ARN}:repository/`] }), path: 'stack/policy', expected: [':repository/"', 'six-segment'] },
  { name: 'empty condition', build: statement({ actions: ['tcr:PullRepository'], resources: [REPOS], conditions: { ip_equal: {} } }), path: 'stack/policy', expected: ['"statements[0].conditions" has value {"ip_equal":{}}', 'non-empty object'] },
  { name: 'one statement too long to fit in a policy', build: statement({ actions: ['tcr:PullRepository'], resources: [`${ARN}:repository/tcr-abcd1234/${'n'.repeat(6200)}`] }), path: 'stack/policy', expected: ['"statements"', 'as a policy on its own, more than CAM\'s 6144', 'cannot be split'] },
  { name: 'empty user name', build: (stack) => new CamUser(stack, 'user', { userName: '' }), path: 'stack/user', expected: ['CamUser property "userName" has value ""', '1-64 characters', 'INFERRED'] },
  { name: 'user name of 65 characters', build: (stack) => new CamUser(stack, 'user', { userName: 'u'.repeat(65) }), path: 'stack/user', expected: ['"userName"', '1-64'] },
  { name: 'user name with a space', build: (stack) => new CamUser(stack, 'user', { userName: 'jane doe' }), path: 'stack/user', expected: ['"jane doe"', '"+=,.@_-"'] },
  { name: 'imported user name with a slash', build: (stack) => CamUser.fromUserName(stack, 'user', 'ops/jane'), path: 'stack/user', expected: ['CamUser (imported) property "userName" has value "ops/jane"'] },
  { name: 'group name with a colon', build: (stack) => new CamGroup(stack, 'group', { groupName: 'dev:ops' }), path: 'stack/group', expected: ['CamGroup property "groupName" has value "dev:ops"', '1-64'] },
  { name: 'group id that is not a number', build: (stack) => CamGroup.fromGroupId(stack, 'group', 'developers'), path: 'stack/group', expected: ['CamGroup (imported) property "groupId" has value "developers"', 'numeric id'] },
  { name: 'role name of 129 characters', build: role({ roleName: 'r'.repeat(129) }), path: 'stack/role', expected: ['CamRole property "roleName"', '1-128 characters', 'CreateRole'] },
  { name: 'role name with a slash', build: role({ roleName: 'ci/pusher' }), path: 'stack/role', expected: ['"ci/pusher"'] },
  { name: 'role nobody may assume', build: role({ trustedServices: [] }), path: 'stack/role', expected: ['"trustedPrincipals" has value []', 'at least one trusted principal'] },
  { name: 'role trusted principal in the :root form', build: role({ trustedPrincipals: ['qcs::cam::uin/100000000001:root'] }), path: 'stack/role', expected: ['"trustedPrincipals[0]"', ':root form'] },
  { name: 'role session of 43,201 seconds', build: role({ sessionDurationSeconds: 43201 }), path: 'stack/role', expected: ['"sessionDurationSeconds" has value 43201', '0 to 43200'] },
  { name: 'imported role id that is not a number', build: (stack) => CamRole.fromRoleName(stack, 'role', 'ci', 'ci'), path: 'stack/role', expected: ['CamRole (imported) property "roleId" has value "ci"'] },
  {
    name: 'namespace grant of an unknown action',
    build: (stack, instance) => TcrNamespace.fromNamespaceName(stack, 'ns', instance, 'apps').grant(new CamUser(stack, 'user', { userName: 'jane' }), 'tcr:PullRepositories'),
    path: 'stack/user',
    expected: ['CamUser property "grants[stack/ns].actions" has value "tcr:PullRepositories"', 'closest known names'],
  },
  {
    name: 'namespace grant of an action without prefix',
    build: (stack, instance) => TcrNamespace.fromNamespaceName(stack, 'ns', instance, 'apps').grant(CamGroup.fromGroupId(stack, 'group', '42'), 'PullRepository'),
    path: 'stack/group',
    expected: ['"grants[stack/ns].actions" has value "PullRepository"', '"tcr:"-prefixed'],
  },
  {
    name: 'namespace grant without actions',
    build: (stack, instance) => TcrNamespace.fromNamespaceName(stack, 'ns', instance, 'apps').grant(CamRole.fromRoleName(stack, 'role', 'ci', '4611686018427922725')),
    path: 'stack/role',
    expected: ['"grants[stack/ns].actions" has value []', 'at least one action'],
  },
];

describe('CAM bad input: synth fails with one message naming path, property, value and rule', () => {
  test(`at least 30 distinct cases (${CASES.length})`, () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, bad) => {
    const { stack } = stackWithProvider();
    const instance = TcrInstance.fromInstanceAttributes(stack, 'registry', { instanceId: 'tcr-abcd1234', name: 'acme-registry', accountUin: '100000000001' });
    bad.build(stack, instance);
    const errors = validationErrors(stack);
    expect(errors).toHaveLength(1);
    expect(errors[0].startsWith(`[${bad.path}] `)).toBe(true);
    for (const part of bad.expected) expect(errors[0]).toContain(part);
  });

  test('all problems are reported at once', () => {
    const { stack } = stackWithProvider();
    new CamUser(stack, 'user', { userName: '' });
    new CamGroup(stack, 'group', { groupName: 'a b' });
    new TcrPolicy(stack, 'policy', { policyName: '', statements: [new TcrPolicyStatement({ actions: ['x'] })] });
    expect(validationErrors(stack)).toHaveLength(5);
  });

  test('unresolved values are not checked as literals', () => {
    const { stack } = stackWithProvider();
    const instance = new TcrInstance(stack, 'registry', { name: 'acme-registry', accountUin: '100000000001' });
    const user = new CamUser(stack, 'user', { userName: 'jane' });
    new TcrPolicy(stack, 'policy', {
      statements: [new TcrPolicyStatement({ apis: [TcrApi.DESCRIBE_INSTANCES], resources: [instance.instanceArn] })],
      description: user.userName,
    }).attachToUser(user);
    CamUser.fromUserName(stack, 'other', user.userName);
    expect(validationErrors(stack)).toEqual([]);
  });

  test('more than 200 policies attached to one principal in the app', () => {
    const { stack } = stackWithProvider();
    const user = CamUser.fromUserName(stack, 'user', 'jane');
    const again = CamUser.fromUserName(stack, 'same-user', 'jane'); // the same user through another handle
    for (let i = 0; i < 200; i++) {
      new TcrPolicy(stack, `p${i}`, { statements: [new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: [`${ARN}:repository/tcr-abcd1234/ns${i}/*`] })] })
        .attachTo(i % 2 === 0 ? user : again);
    }
    expect(validationErrors(stack)).toEqual([]);
    TcrManagedPolicy.READ_ONLY.attachToUser(again);
    const errors = validationErrors(stack);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\[stack\/same-user\/ManagedPolicy-QcloudTCRReadOnlyAccess\] TcrManagedPolicy property "attachments" has value "stack\/same-user", which has 201 policies attached/);
  });

  test('more than 1,500 custom policies in the app (split parts included)', () => {
    const { stack } = stackWithProvider();
    for (let i = 0; i < 1501; i++) {
      new TcrPolicy(stack, `p${i}`, { statements: [new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: ['*'] })] });
    }
    const errors = validationErrors(stack);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\[stack\/p1500\] TcrPolicy property "policyName" has value "stack.p1500", which is one of 1501 custom policies/);
  });
});
