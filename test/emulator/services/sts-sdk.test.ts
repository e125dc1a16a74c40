/**
 * STS AssumeRole through the official SDK: the trust policy, the caller's own sts:AssumeRole permission, the session
 * rules, and credentials that sign as the role (its policies, its expiry on the virtual clock).
 */
import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { allowPolicy, camClient, sdkError, stsClient, tcrClient } from '../helpers';

let handle: EmulatorHandle;
beforeAll(async () => {
  handle = await startEmulator({ clock: Date.UTC(2026, 10, 25, 8, 0, 0) });
});
afterAll(async () => handle.close());
beforeEach(() => handle.admin.reset());

function trust(principals: string[], effect: 'allow' | 'deny' = 'allow', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: '2.0', statement: [{ action: 'name/sts:AssumeRole', effect, principal: { qcs: principals }, ...extra }] });
}

async function setup(trustPolicy: string, sessionDuration = 7200) {
  const cam = camClient(handle, handle.root);
  const { RoleId } = await cam.CreateRole({ RoleName: 'ci', PolicyDocument: trustPolicy, SessionDuration: sessionDuration });
  const describe = await cam.CreatePolicy({ PolicyName: 'describe', PolicyDocument: allowPolicy(['tcr:DescribeInstances'], ['*']) });
  await cam.AttachRolePolicy({ PolicyId: describe.PolicyId!, AttachRoleName: 'ci' });
  const runner = handle.admin.seedAccount({ name: 'runner' });
  const mayAssume = await cam.CreatePolicy({
    PolicyName: 'may-assume',
    PolicyDocument: allowPolicy(['name/sts:AssumeRole'], [`qcs::cam::uin/${handle.root.uin}:roleName/ci`]),
  });
  return { cam, roleId: RoleId!, runner, mayAssume: mayAssume.PolicyId! };
}

const roleArn = () => `qcs::cam::uin/${handle.root.uin}:roleName/ci`;

test('a sub-account the trust policy names and whose policy allows sts:AssumeRole gets credentials that act as the role', async () => {
  const { cam, roleId, runner, mayAssume } = await setup(trust([`qcs::cam::uin/${handle.root.uin}:uin/${handle.root.uin}`]));
  const asRunner = stsClient(handle, runner);
  const withoutPermission = await sdkError(asRunner.AssumeRole({ RoleArn: roleArn(), RoleSessionName: 'pipeline-1' }));
  expect(withoutPermission).toMatchObject({ code: 'UnauthorizedOperation', message: expect.stringContaining('sts:AssumeRole') });

  await cam.AttachUserPolicy({ PolicyId: mayAssume, AttachUin: Number(runner.uin) });
  const assumed = await asRunner.AssumeRole({ RoleArn: roleArn(), RoleSessionName: 'pipeline-1', DurationSeconds: 3600 });
  const c = assumed.Credentials!;
  expect(c.TmpSecretId).toMatch(/^AKID/);
  expect(assumed.ExpiredTime).toBe(Date.UTC(2026, 10, 25, 9, 0, 0) / 1000);
  expect(assumed.Expiration).toBe('2026-11-25T09:00:00Z');
  const session = { secretId: c.TmpSecretId!, secretKey: c.TmpSecretKey!, token: c.Token! };
  expect(await stsClient(handle, session).GetCallerIdentity()).toMatchObject({ Type: 'AssumedRole', UserId: `${roleId}:pipeline-1` });
  // The role's policies apply, not the runner's: DescribeInstances is allowed, CreateNamespace is not.
  await expect(tcrClient(handle, session).DescribeInstances({})).resolves.toBeDefined();
  expect(await sdkError(tcrClient(handle, session).CreateNamespace({ RegistryId: 'tcr-abcd1234', NamespaceName: 'x', IsPublic: false })))
    .toMatchObject({ code: 'AuthFailure.UnauthorizedOperation', message: expect.stringContaining('tcr:CreateNamespace') });
  handle.admin.advanceClock(3600_000);
  expect((await sdkError(stsClient(handle, session).GetCallerIdentity())).code).toBe('AuthFailure.TokenFailure');
  // Role chaining is refused rather than emulated.
  const again = handle.admin.issueTemporaryCredentials({ roleId, sessionName: 'other' });
  expect((await sdkError(stsClient(handle, again).AssumeRole({ RoleArn: roleArn(), RoleSessionName: 'chain' }))).code).toBe('UnauthorizedOperation');
});

test('the trust policy decides: a principal it does not name, a deny, or a conditional allow refuses', async () => {
  const other = '100000000777';
  const cases: Array<[string, string]> = [
    ['another account', trust([`qcs::cam::uin/${other}:uin/${other}`])],
    ['a deny for the account', JSON.stringify({
      version: '2.0',
      statement: [
        { action: 'name/sts:AssumeRole', effect: 'allow', principal: { qcs: [`qcs::cam::uin/${handle.root.uin}:root`] } },
        { action: 'name/sts:AssumeRole', effect: 'deny', principal: { qcs: [`qcs::cam::uin/${handle.root.uin}:uin/${handle.root.uin}`] } },
      ],
    })],
    ['a condition the emulator does not evaluate', trust([`qcs::cam::uin/${handle.root.uin}:root`], 'allow', { condition: { string_equal: { 'qcs:external_id': 'x' } } })],
    ['a service principal only', JSON.stringify({ version: '2.0', statement: [{ action: 'name/sts:AssumeRole', effect: 'allow', principal: { service: ['cvm.qcloud.com'] } }] })],
  ];
  for (const [label, policy] of cases) {
    handle.admin.reset();
    await setup(policy);
    const refused = await sdkError(stsClient(handle, handle.root).AssumeRole({ RoleArn: roleArn(), RoleSessionName: 'root-session' }));
    expect({ label, code: refused.code }).toEqual({ label, code: 'UnauthorizedOperation' });
  }
  // The account-wide `:root` form and the caller's own uin both grant.
  handle.admin.reset();
  const { roleId } = await setup(trust([`qcs::cam::uin/${handle.root.uin}:root`]));
  await expect(stsClient(handle, handle.root).AssumeRole({ RoleArn: roleArn(), RoleSessionName: 'root-session' })).resolves.toBeDefined();
  await expect(stsClient(handle, handle.root).AssumeRole({
    RoleArn: `qcs::cam::uin/${handle.root.uin}:role/${roleId}`,
    RoleSessionName: 'by-id',
  })).resolves.toBeDefined();
});

test('bad input: one documented code each, naming the field', async () => {
  await setup(trust([`qcs::cam::uin/${handle.root.uin}:root`]), 3600);
  const sts = stsClient(handle, handle.root);
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['malformed RoleArn', { RoleArn: 'ci' }, 'InvalidParameter.ResouceError', 'RoleArn'],
    ['service role', { RoleArn: `qcs::cam::uin/${handle.root.uin}:role/tencentcloudServiceRole/1` }, 'InvalidParameter.ResouceError', 'service role'],
    ['unknown role', { RoleArn: `qcs::cam::uin/${handle.root.uin}:roleName/nobody` }, 'ResourceNotFound.RoleNotFound', 'nobody'],
    ['session name too short', { RoleSessionName: 'a' }, 'InvalidParameter.ParamError', 'RoleSessionName'],
    ['session name with a space', { RoleSessionName: 'ci run' }, 'InvalidParameter.ParamError', 'RoleSessionName'],
    ['duration over 43200', { DurationSeconds: 43201 }, 'InvalidParameter.OverTimeError', 'DurationSeconds'],
    ['duration over the role maximum', { DurationSeconds: 7200 }, 'InvalidParameter.OverTimeError', 'maximum session duration of 3600'],
    ['session policy', { Policy: encodeURIComponent(allowPolicy(['tcr:*'], ['*'])) }, 'InvalidParameter.StrategyInvalid', 'not emulated'],
    ['MFA', { SerialNumber: 'qcs::cam:uin/1::mfa/softToken', TokenCode: '123456' }, 'InvalidParameter.TempCodeNotAvaliable', 'MFA'],
    ['duplicate session tag keys', { Tags: [{ Key: 'team', Value: 'a' }, { Key: 'team', Value: 'b' }] }, 'InvalidParameter.ParamError', 'distinct keys'],
    ['bad external id', { ExternalId: 'x' }, 'InvalidParameter.ParamError', 'ExternalId'],
  ];
  for (const [label, change, code, mention] of cases) {
    const err = await sdkError(sts.AssumeRole({ RoleArn: roleArn(), RoleSessionName: 'ok-session', ...change } as any));
    expect({ label, code: err.code, mentions: err.message.includes(mention) }).toEqual({ label, code, mentions: true });
  }
});
