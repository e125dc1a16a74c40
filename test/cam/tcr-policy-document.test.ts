import { TcrApi, TcrPolicyDocument, TcrPolicyEffect, TcrPolicyStatement } from '../../src';

const NS_A = 'qcs::tcr:ap-guangzhou:uin/100000000001:repository/tcr-abcd1234/team-a/*';
const NS_B = 'qcs::tcr:ap-guangzhou:uin/100000000001:repository/tcr-abcd1234/team-b/*';
const INSTANCE = 'qcs::tcr:ap-guangzhou:uin/100000000001:instance/tcr-abcd1234';

const parsed = (doc: TcrPolicyDocument) => JSON.parse(doc.toJson());

describe('TcrPolicyDocument', () => {
  test('statements with the same resources are merged, actions de-duplicated and sorted', () => {
    const doc = new TcrPolicyDocument({
      statements: [
        new TcrPolicyStatement({ actions: ['tcr:PushRepository', 'tcr:PullRepository'], resources: [NS_A] }),
        new TcrPolicyStatement({ apis: [TcrApi.DESCRIBE_IMAGES, TcrApi.DESCRIBE_REPOSITORIES], actions: ['tcr:PullRepository'], resources: [NS_A, NS_A] }),
      ],
    });
    expect(parsed(doc)).toEqual({
      version: '2.0',
      statement: [{ effect: 'allow', action: ['tcr:DescribeRepositories', 'tcr:PullRepository', 'tcr:PushRepository'], resource: [NS_A] }],
    });
  });

  test('statements with the same actions are merged, resources united; repeated until nothing merges', () => {
    const doc = new TcrPolicyDocument()
      .addStatements(new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: [NS_B] }))
      .addStatements(new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: [NS_A] }))
      // After the first two merge, this one has the same resources and merges too.
      .addStatements(new TcrPolicyStatement({ actions: ['tcr:PushRepository'], resources: [NS_A, NS_B] }));
    expect(parsed(doc).statement).toEqual([
      { effect: 'allow', action: ['tcr:PullRepository', 'tcr:PushRepository'], resource: [NS_A, NS_B] },
    ]);
  });

  test('different effects or conditions are never merged', () => {
    const doc = new TcrPolicyDocument({
      statements: [
        new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: [NS_A] }),
        new TcrPolicyStatement({ effect: TcrPolicyEffect.DENY, actions: ['tcr:PullRepository'], resources: [NS_B] }),
        new TcrPolicyStatement({ actions: ['tcr:PushRepository'], resources: [NS_A], conditions: { ip_equal: { 'qcs:ip': ['203.0.113.0/24'] } } }),
      ],
    });
    const statements = parsed(doc).statement;
    expect(statements).toHaveLength(3);
    expect(statements.map((s: any) => s.effect)).toEqual(['allow', 'allow', 'deny']);
    expect(statements[1].condition).toEqual({ ip_equal: { 'qcs:ip': ['203.0.113.0/24'] } });
  });

  test('equal conditions written in another key order are one condition', () => {
    const a = new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: [NS_A] })
      .addCondition('ip_equal', 'qcs:ip', ['203.0.113.0/24']).addCondition('date_less_than', 'qcs:current_time', '2030-01-01T00:00:00Z');
    const b = new TcrPolicyStatement({ actions: ['tcr:PushRepository'], resources: [NS_A] })
      .addCondition('date_less_than', 'qcs:current_time', '2030-01-01T00:00:00Z').addCondition('ip_equal', 'qcs:ip', ['203.0.113.0/24']);
    expect(parsed(new TcrPolicyDocument({ statements: [a, b] })).statement).toHaveLength(1);
    expect(a.conditions).toEqual({ ip_equal: { 'qcs:ip': ['203.0.113.0/24'] }, date_less_than: { 'qcs:current_time': '2030-01-01T00:00:00Z' } });
  });

  test('the same statements in any order give the same JSON', () => {
    const make = () => [
      new TcrPolicyStatement({ actions: ['tcr:PullRepository'], resources: [NS_B] }),
      new TcrPolicyStatement({ apis: [TcrApi.DESCRIBE_INSTANCES], resources: [INSTANCE] }),
      new TcrPolicyStatement({ effect: TcrPolicyEffect.DENY, actions: ['tcr:PushRepository'], resources: [NS_B] }),
      new TcrPolicyStatement({ actions: ['tcr:PushRepository', 'tcr:PullRepository'], resources: [NS_A] }),
    ];
    const forward = new TcrPolicyDocument({ statements: make() }).toJson();
    const backward = new TcrPolicyDocument({ statements: make().reverse() }).toJson();
    expect(backward).toBe(forward);
    expect(forward.startsWith('{"version":"2.0","statement":[{"effect":"allow","action":["tcr:DescribeInstances"]')).toBe(true);
  });

  test('raw actions naming an API are written with its CAM name', () => {
    const s = new TcrPolicyStatement({ actions: ['tcr:DescribeImages', 'tcr:DeleteImage', 'tcr:Describe*'], resources: [NS_A] });
    expect(s.actions).toEqual(['tcr:DeleteRepository', 'tcr:Describe*', 'tcr:DescribeRepositories']);
    expect(s.resources).toEqual([NS_A]);
  });

  test('an empty document, and splitting: first fit, statement order kept, every statement in exactly one part', () => {
    const empty = new TcrPolicyDocument();
    expect(empty.isEmpty).toBe(true);
    expect(empty.toJson()).toBe('{"version":"2.0","statement":[]}');
    // Distinct conditions keep the statements apart (never merged), so the split works on 60 statements.
    const doc = new TcrPolicyDocument();
    for (let i = 0; i < 60; i++) {
      doc.addStatements(new TcrPolicyStatement({
        actions: ['tcr:PullRepository'],
        resources: [`qcs::tcr:ap-guangzhou:uin/100000000001:repository/tcr-abcd1234/ns-${String(i).padStart(3, '0')}/*`],
        conditions: { ip_equal: { 'qcs:ip': [`10.0.${i}.0/24`] } },
      }));
    }
    const whole = JSON.parse(doc.toJson()).statement;
    expect(whole).toHaveLength(60);
    expect(doc.toJson().length).toBeGreaterThan(6144);
    const parts = doc._split(6144);
    expect(parts.length).toBe(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(6144);
    expect(parts.flatMap((p) => JSON.parse(p).statement)).toEqual(whole);
    expect(doc._split(6144)).toEqual(parts);
    const small = doc._split(1000);
    expect(small.length).toBeGreaterThan(7);
    expect(small.flatMap((p) => JSON.parse(p).statement)).toEqual(whole);
    // A statement that does not fit on its own gets a part of its own and is reported.
    expect(doc._oversizedStatements(100)).toHaveLength(60);
    expect(doc._oversizedStatements(6144)).toEqual([]);
  });

  test('a statement too long for one policy is cut by resources, then by actions, allowing exactly the same', () => {
    const resources = Array.from({ length: 200 }, (_, i) => `qcs::tcr:ap-guangzhou:uin/100000000001:repository/tcr-abcd1234/ns-${i}/*`);
    const doc = new TcrPolicyDocument({ statements: [new TcrPolicyStatement({ actions: ['tcr:PullRepository', 'tcr:PushRepository'], resources })] });
    const parts = doc._split(6144).map((p) => JSON.parse(p).statement);
    expect(parts.length).toBe(3);
    const pairs = parts.flat().flatMap((s: any) => s.action.flatMap((a: string) => s.resource.map((r: string) => `${a} ${r}`)));
    expect(pairs.sort()).toEqual(['tcr:PullRepository', 'tcr:PushRepository'].flatMap((a) => resources.map((r) => `${a} ${r}`)).sort());
    expect(doc._oversizedStatements(6144)).toEqual([]);
    // One resource with many actions: cut by actions.
    const actions = TcrApi.all().filter((a) => !a.isPersonalEdition).map((a) => a.camAction);
    const wide = new TcrPolicyDocument({ statements: [new TcrPolicyStatement({ actions, resources: ['*'] })] });
    const wideParts = wide._split(1000).map((p) => JSON.parse(p).statement);
    expect(wideParts.length).toBeGreaterThan(1);
    expect(wideParts.flat().flatMap((s: any) => s.action).sort()).toEqual([...new Set(actions)].sort());
  });
});
