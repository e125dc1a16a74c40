import {
  PolicyDocument, actionMatches, evaluate, parsePolicyDocument, resourceMatches, splitResource,
} from '../../src/emulator/cam-evaluator';

const OWNER = '100000000001';
const NS = `qcs::tcr:ap-guangzhou:uin/${OWNER}:repository/tcr-abc/team-a`;
const REPO = `${NS}/app`;
const INSTANCE = `qcs::tcr:ap-guangzhou:uin/${OWNER}:instance/tcr-abc`;

function policy(...statements: Array<[string, string[], string[]] | [string, string[], string[], object]>): PolicyDocument {
  return parsePolicyDocument(JSON.stringify({
    version: '2.0',
    statement: statements.map(([effect, action, resource, condition]) => ({ effect, action, resource, ...(condition ? { condition } : {}) })),
  }));
}

describe('action matching', () => {
  test.each([
    ['tcr:CreateNamespace', 'tcr:CreateNamespace', true],
    ['tcr:*', 'tcr:CreateNamespace', true],
    ['*', 'ssm:GetSecretValue', true],
    ['tcr:Describe*', 'tcr:DescribeNamespaces', true],
    ['tcr:Describe*', 'tcr:CreateNamespace', false],
    ['name/tcr:PullRepository', 'tcr:PullRepository', true],
    ['tcr:PullRepository*', 'tcr:PullRepositoryPersonal', true],
    ['ssm:*', 'tcr:DescribeInstances', false],
    ['tcr:createnamespace', 'tcr:CreateNamespace', false],
    ['tcr:Create.amespace', 'tcr:CreateNamespace', false],
  ])('%s vs %s -> %p', (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });
});

describe('six-segment resource matching', () => {
  test.each([
    ['*', NS, true],
    [NS, NS, true],
    ['qcs::tcr:::repository/tcr-abc/team-a', NS, true], // empty region = any, empty account = owner
    ['qcs::tcr::uin/:repository/tcr-abc/team-a', NS, true], // `uin/` with no number (provider form) = owner
    ['qcs::tcr:::repository/tcr-abc/team-a/*', REPO, true],
    ['qcs::tcr:::repository/tcr-abc/team-a/*', NS, false], // the namespace itself is not under its own `/*`
    ['qcs::tcr:::repository/tcr-abc/*', REPO, true],
    ['qcs::tcr:ap-shanghai::repository/tcr-abc/team-a', NS, false],
    ['qcs::tcr:ap-*::repository/tcr-abc/team-a', NS, true],
    ['qcs::tcr::uin/100000000999:repository/tcr-abc/team-a', NS, false], // another account
    ['qcs::tcr::uin/*:repository/tcr-abc/team-a', NS, true],
    ['qcs::ssm:::repository/tcr-abc/team-a', NS, false],
    ['qcs:1:tcr:::repository/tcr-abc/team-a', NS, false],
    ['qcs:*:tcr:::repository/tcr-abc/team-a', NS, true],
    ['qcs::tcr:::instance/*', INSTANCE, true],
    ['qcs::tcr:::instance/*', NS, false],
    ['not-a-resource', NS, false],
  ])('%s vs %s -> %p', (pattern, resource, expected) => {
    expect(resourceMatches(pattern, resource, OWNER)).toBe(expected);
  });

  test('the resource segment may contain colons', () => {
    expect(splitResource('qcs::cos:ap-guangzhou:uid/1:prefix//1/b:c')).toEqual(['qcs', '', 'cos', 'ap-guangzhou', 'uid/1', 'prefix//1/b:c']);
    expect(splitResource('arn:aws:x')).toBeUndefined();
  });
});

describe('evaluation: default deny, deny wins, all attached policies', () => {
  const allowNs = policy(['allow', ['tcr:*'], ['qcs::tcr:::repository/tcr-abc/team-a/*', 'qcs::tcr:::repository/tcr-abc/team-a']]);
  const denyPush = policy(['deny', ['tcr:PushRepository'], ['*']]);
  const conditionalAllow = policy(['allow', ['tcr:*'], ['*'], { ip_equal: { 'qcs:ip': '10.0.0.1' } }]);
  const conditionalDeny = policy(['deny', ['tcr:DeleteNamespace'], ['*'], { ip_equal: { 'qcs:ip': '10.0.0.1' } }]);
  const req = (action: string, resource: string) => ({ action, resource, ownerUin: OWNER });

  test.each([
    ['no policies', [], req('tcr:CreateNamespace', NS), 'implicitDeny'],
    ['allowed', [allowNs], req('tcr:CreateNamespace', NS), 'allow'],
    ['allowed below', [allowNs], req('tcr:PushRepository', REPO), 'allow'],
    ['other namespace', [allowNs], req('tcr:CreateNamespace', `${NS}x`), 'implicitDeny'],
    ['deny wins', [allowNs, denyPush], req('tcr:PushRepository', REPO), 'explicitDeny'],
    ['deny in first policy wins too', [denyPush, allowNs], req('tcr:PushRepository', REPO), 'explicitDeny'],
    ['deny of another action', [allowNs, denyPush], req('tcr:PullRepository', REPO), 'allow'],
    ['conditional allow does not grant', [conditionalAllow], req('tcr:PullRepository', REPO), 'implicitDeny'],
    ['conditional deny applies', [allowNs, conditionalDeny], req('tcr:DeleteNamespace', NS), 'explicitDeny'],
  ] as const)('%s', (_name, policies, request, expected) => {
    expect(evaluate(policies as unknown as PolicyDocument[], request)).toBe(expected);
  });
});

describe('policy document syntax', () => {
  test.each([
    ['not json', 'InvalidParameter.PolicyDocumentError'],
    ['[]', 'InvalidParameter.PolicyDocumentError'],
    ['{"version":"1.0","statement":[]}', 'InvalidParameter.VersionError'],
    ['{"version":"2.0"}', 'InvalidParameter.StatementError'],
    ['{"version":"2.0","statement":[]}', 'InvalidParameter.StatementError'],
    ['{"version":"2.0","statement":[1]}', 'InvalidParameter.StatementError'],
    ['{"version":"2.0","statement":[{"effect":"maybe","action":["tcr:*"],"resource":["*"]}]}', 'InvalidParameter.EffectError'],
    ['{"version":"2.0","statement":[{"effect":"allow","action":[],"resource":["*"]}]}', 'InvalidParameter.ActionError'],
    ['{"version":"2.0","statement":[{"effect":"allow","action":["tcr CreateNamespace"],"resource":["*"]}]}', 'InvalidParameter.ActionError'],
    ['{"version":"2.0","statement":[{"effect":"allow","action":"tcr:*","resource":"*"}]}', 'InvalidParameter.ResourceError'],
    ['{"version":"2.0","statement":[{"effect":"allow","action":"tcr:*","resource":["tcr/abc"]}]}', 'InvalidParameter.ResourceQcsError'],
    ['{"version":"2.0","statement":[{"effect":"allow","action":"tcr:*","resource":["*"],"condition":"x"}]}', 'InvalidParameter.ConditionError'],
  ])('%s -> %s', (text, code) => {
    expect(() => parsePolicyDocument(text)).toThrow(expect.objectContaining({ code }));
  });

  test('accepts a single statement object and a string action', () => {
    const doc = parsePolicyDocument('{"version":"2.0","statement":{"effect":"deny","action":"*","resource":["*"]}}');
    expect(doc.statements).toEqual([{ effect: 'deny', action: ['*'], resource: ['*'], hasCondition: false }]);
  });
});
