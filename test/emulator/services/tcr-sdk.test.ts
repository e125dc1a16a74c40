/**
 * TCR through the official SDK against a running emulator: every implemented action, validation, limits,
 * expiry on the virtual clock, one-time passwords, registry logins and CAM denial of a sub-account.
 */
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { verifyRegistryLogin } from '../../../src/emulator/services/tcr';
import { checkServiceAccountPassword } from '../../../src/validation/name-rules';
import { sdkError as failure } from '../helpers';


const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 10, 25, 12, 0, 0);

type Credential = { secretId: string; secretKey: string; token?: string };

function tcr(handle: EmulatorHandle, credential: Credential = handle.root) {
  return new tencentcloud.tcr.v20190924.Client({
    credential, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: handle.endpoint, protocol: 'http://', reqTimeout: 10 } },
  });
}

function cam(handle: EmulatorHandle) {
  return new tencentcloud.cam.v20190116.Client({
    credential: handle.root, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: handle.endpoint, protocol: 'http://', reqTimeout: 10 } },
  });
}


const logLines: string[] = [];
let handle: EmulatorHandle;
let client: ReturnType<typeof tcr>;

beforeAll(async () => {
  handle = await startEmulator({ clock: START, log: (line) => { logLines.push(line); } });
  client = tcr(handle);
});
afterAll(async () => handle.close());
beforeEach(() => handle.admin.reset());

async function instanceWithNamespace(name = 'demo-registry', ns = 'team-a'): Promise<string> {
  const { RegistryId } = await client.CreateInstance({ RegistryName: name, RegistryType: 'basic' });
  await client.CreateNamespace({ RegistryId: RegistryId!, NamespaceName: ns, IsPublic: false });
  return RegistryId!;
}

test('instances and namespaces: create, describe, delete, conflicts', async () => {
  const id = await instanceWithNamespace();
  expect(id).toMatch(/^tcr-[a-z0-9]{8}$/);
  const described = await client.DescribeInstances({ Registryids: [id] });
  expect(described.TotalCount).toBe(1);
  expect(described.Registries![0]).toMatchObject({ RegistryName: 'demo-registry', Status: 'Running', PublicDomain: 'demo-registry.tencentcloudcr.com' });
  expect(typeof described.RequestId).toBe('string');

  const namespaces = await client.DescribeNamespaces({ RegistryId: id });
  expect(namespaces.NamespaceList!.map((n) => n.Name)).toEqual(['team-a']);
  expect((await failure(client.CreateNamespace({ RegistryId: id, NamespaceName: 'team-a', IsPublic: true }))).code)
    .toBe('FailedOperation.ErrorTcrResourceConflict');
  const badName = await failure(client.CreateNamespace({ RegistryId: id, NamespaceName: 'Team_A', IsPublic: true }));
  expect(badName.code).toBe('InvalidParameter');
  expect(badName.message).toContain('NamespaceName');
  expect((await failure(client.CreateInstance({ RegistryName: 'demo-registry', RegistryType: 'basic' }))).code).toBe('InvalidParameter.ErrorNameExists');

  // A namespace with repositories cannot be deleted.
  handle.admin.mutate((s) => s.tcr.instances[id].namespaces['team-a'].repositories.push('app'));
  expect((await failure(client.DeleteNamespace({ RegistryId: id, NamespaceName: 'team-a' }))).code).toBe('FailedOperation.PreconditionFailed');
  handle.admin.mutate((s) => { s.tcr.instances[id].namespaces['team-a'].repositories = []; });
  await client.DeleteNamespace({ RegistryId: id, NamespaceName: 'team-a' });
  expect((await client.DescribeNamespaces({ RegistryId: id })).TotalCount).toBe(0);

  await client.DeleteInstance({ RegistryId: id });
  expect((await client.DescribeInstances({})).TotalCount).toBe(0);
  expect((await failure(client.DeleteInstance({ RegistryId: id }))).code).toBe('ResourceNotFound');
});

test('service accounts: one-time password, prefixed names, expiry on the virtual clock, login', async () => {
  const id = await instanceWithNamespace();
  const created = await client.CreateServiceAccount({
    RegistryId: id, Name: 'robot', Duration: 1, Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }],
  });
  expect(created.Name).toBe('tcr$robot');
  expect(checkServiceAccountPassword(created.Password!)).toBeUndefined();
  expect(created.ExpiresAt).toBe(START + DAY);
  const login = () => verifyRegistryLogin(handle.admin.state(), id, 'tcr$robot', created.Password!, handle.admin.now());
  expect(login().ok).toBe(true);

  const listed = await client.DescribeServiceAccounts({ RegistryId: id, EmbedPermission: true, Filters: [{ Name: 'ServiceAccountName', Values: ['robot'] }] });
  expect(listed.ServiceAccounts![0]).toMatchObject({ Name: 'tcr$robot', Disable: false, Permissions: [{ Resource: 'team-a', Actions: ['tcr:PullRepository'] }] });
  expect(JSON.stringify(listed)).not.toContain(created.Password!);
  expect(JSON.stringify(handle.admin.state())).not.toContain(created.Password!);

  handle.admin.advanceClock(DAY);
  expect(login()).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
  // The provider sends `tcr$name` to ModifyServiceAccount / DeleteServiceAccount and the bare name for passwords.
  await client.ModifyServiceAccount({ RegistryId: id, Name: 'tcr$robot', Duration: 0, Description: 'permanent now' });
  expect(login().ok).toBe(true);
  const changed = await client.ModifyServiceAccountPassword({ RegistryId: id, Name: 'robot', Random: false, Password: 'Rotated2026' });
  expect(changed.Password).toBe('Rotated2026');
  expect(login().ok).toBe(false);
  expect(verifyRegistryLogin(handle.admin.state(), id, 'tcr@robot', 'Rotated2026', handle.admin.now()).ok).toBe(true);
  const weak = await failure(client.ModifyServiceAccountPassword({ RegistryId: id, Name: 'robot', Random: false, Password: 'short' }));
  expect(weak.code).toBe('InvalidParameter');
  expect(weak.message).toContain('Password');

  const badAction = await failure(client.CreateServiceAccount({ RegistryId: id, Name: 'x', Permissions: [{ Resource: 'team-a', Actions: ['tcr:*'] }] }));
  expect(badAction.message).toContain('Permissions.0.Actions');
  expect(logLines.join('\n')).not.toContain(created.Password!);
  expect(logLines.join('\n')).not.toContain('Rotated2026');
  await client.DeleteServiceAccount({ RegistryId: id, Name: 'tcr$robot' });
  expect((await client.DescribeServiceAccounts({ RegistryId: id })).TotalCount).toBe(0);
});

test('instance tokens: temporary for one hour, long-term until disabled or deleted', async () => {
  const id = await instanceWithNamespace();
  const temp = await client.CreateInstanceToken({ RegistryId: id, TokenType: 'temp' });
  expect(temp.ExpTime).toBe(START + 3600_000);
  expect(temp.Username).toBe(handle.root.uin);
  const longTerm = await client.CreateInstanceToken({ RegistryId: id, TokenType: 'longterm', Desc: 'ci' });
  expect(longTerm.TokenId).toBeTruthy();
  const state = () => handle.admin.state();
  expect(verifyRegistryLogin(state(), id, temp.Username!, temp.Token!, handle.admin.now()).ok).toBe(true);
  handle.admin.advanceClock(3600_000);
  expect(verifyRegistryLogin(state(), id, temp.Username!, temp.Token!, handle.admin.now()).ok).toBe(false);
  expect(verifyRegistryLogin(state(), id, longTerm.Username!, longTerm.Token!, handle.admin.now()).ok).toBe(true);

  const listed = await client.DescribeInstanceToken({ RegistryId: id });
  expect(listed.TotalCount).toBe(1);
  expect(listed.Tokens![0]).toMatchObject({ Id: longTerm.TokenId, Desc: 'ci', Enabled: true });
  await client.ModifyInstanceToken({ RegistryId: id, TokenId: longTerm.TokenId!, Enable: false });
  expect(verifyRegistryLogin(state(), id, longTerm.Username!, longTerm.Token!, handle.admin.now()).ok).toBe(false);
  await client.DeleteInstanceToken({ RegistryId: id, TokenId: longTerm.TokenId! });
  expect((await client.DescribeInstanceToken({ RegistryId: id })).TotalCount).toBe(0);
  expect((await failure(client.CreateInstanceToken({ RegistryId: id, TokenType: 'forever' }))).message).toContain('TokenType');
  // Tokens never reach the request log or the state.
  for (const secret of [temp.Token!, longTerm.Token!]) {
    expect(logLines.join('\n')).not.toContain(secret);
    expect(JSON.stringify(state())).not.toContain(secret);
  }
});

test('missing and mistyped parameters name the field', async () => {
  const missing = await failure(client.CreateInstance({ RegistryName: 'abcde-fg' } as any));
  expect(missing.code).toBe('MissingParameter');
  expect(missing.message).toContain('RegistryType');
  const mistyped = await failure(client.CreateNamespace({ RegistryId: 'tcr-x', NamespaceName: 'ok-ns', IsPublic: 'yes' } as any));
  expect(mistyped.code).toMatch(/^InvalidParameter/);
  expect(mistyped.message).toContain('IsPublic');
});

test('documented rate limits: DescribeServiceAccounts 20/s, CreateInstanceToken 100/s per caller', async () => {
  const { RegistryId } = await client.CreateInstance({ RegistryName: 'rate-registry', RegistryType: 'basic' });
  const results = await Promise.allSettled(Array.from({ length: 25 }, () => client.DescribeServiceAccounts({ RegistryId: RegistryId! })));
  const limited = results.filter((r) => r.status === 'rejected' && (r.reason as any).code === 'RequestLimitExceeded');
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
  expect(limited).toHaveLength(5);

  const tokens = await Promise.allSettled(Array.from({ length: 101 }, () => client.CreateInstanceToken({ RegistryId: RegistryId! })));
  expect(tokens.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
  expect(tokens.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['RequestLimitExceeded']);
  // The next one-second window of the (frozen) virtual clock opens again.
  handle.admin.advanceClock(1000);
  expect((await client.DescribeServiceAccounts({ RegistryId: RegistryId! })).TotalCount).toBe(0);
});

test('CAM: a sub-account is denied until a policy allows the action on the instance', async () => {
  const { RegistryId } = await client.CreateInstance({ RegistryName: 'cam-registry', RegistryType: 'basic' });
  const id = RegistryId!;
  const dev = handle.admin.seedAccount({ name: 'dev' });
  const devClient = tcr(handle, dev);
  const denied = await failure(devClient.CreateInstanceToken({ RegistryId: id, TokenType: 'temp' }));
  expect(denied.code).toBe('UnauthorizedOperation'); // documented for CreateInstanceToken

  const policy = await cam(handle).CreatePolicy({
    PolicyName: 'tcr-token',
    PolicyDocument: JSON.stringify({
      version: '2.0',
      statement: [{ effect: 'allow', action: ['tcr:CreateInstanceToken'], resource: [`qcs::tcr:ap-guangzhou:uin/${handle.root.uin}:instance/${id}`] }],
    }),
  });
  await cam(handle).AttachUserPolicy({ PolicyId: policy.PolicyId!, AttachUin: Number(dev.uin) });
  const token = await devClient.CreateInstanceToken({ RegistryId: id, TokenType: 'temp' });
  expect(token.Username).toBe(dev.uin);
  expect(verifyRegistryLogin(handle.admin.state(), id, dev.uin, token.Token!, handle.admin.now()).ok).toBe(true);
  // Service-account APIs are not in any CAM resource table: an instance-scoped grant does not cover them.
  expect((await failure(devClient.DescribeServiceAccounts({ RegistryId: id }))).code).toBe('AuthFailure.UnauthorizedOperation'); // not in its error list: the common code
});

test('CAM allow/deny matrix on the real TCR handlers, including the CAM-side name of DeleteNamespace', async () => {
  const id = await instanceWithNamespace('matrix-registry', 'team-a');
  await client.CreateNamespace({ RegistryId: id, NamespaceName: 'other', IsPublic: false });
  const dev = handle.admin.seedAccount({ name: 'matrix-dev' });
  const devClient = tcr(handle, dev);
  const policy = async (name: string, effect: 'allow' | 'deny', action: string[], resource: string[]) => {
    const { PolicyId } = await cam(handle).CreatePolicy({
      PolicyName: name, PolicyDocument: JSON.stringify({ version: '2.0', statement: [{ effect, action, resource }] }),
    });
    await cam(handle).AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(dev.uin) });
  };
  const outcome = (call: Promise<unknown>) => call.then(() => 'ok', (e) => e.code as string);
  const DENIED = 'AuthFailure.UnauthorizedOperation'; // the namespace APIs do not document UnauthorizedOperation

  // Default deny.
  expect(await outcome(devClient.CreateNamespace({ RegistryId: id, NamespaceName: 'team-b', IsPublic: false }))).toBe(DENIED);

  await policy('ns-team', 'allow', ['tcr:CreateNamespace', 'tcr:DescribeNamespaces', 'tcr:DeleteNamespace'], [`qcs::tcr:::repository/${id}/team-*`]);
  await policy('no-prod', 'deny', ['tcr:Create*'], [`qcs::tcr:::repository/${id}/team-prod*`]);
  const rows: Array<[string, Promise<unknown>, string]> = [
    ['create inside the wildcard', devClient.CreateNamespace({ RegistryId: id, NamespaceName: 'team-b', IsPublic: false }), 'ok'],
    ['create outside the wildcard', devClient.CreateNamespace({ RegistryId: id, NamespaceName: 'misc', IsPublic: false }), DENIED],
    ['explicit deny beats the allow', devClient.CreateNamespace({ RegistryId: id, NamespaceName: 'team-prod-1', IsPublic: false }), DENIED],
    ['describe one namespace inside the grant', devClient.DescribeNamespaces({ RegistryId: id, NamespaceName: 'team-a' }), 'ok'],
    ['describe all needs repository/<id>/*', devClient.DescribeNamespaces({ RegistryId: id }), DENIED],
    // DeleteNamespace is authenticated as tcr:DeleteRepository (auth-upgrade table): tcr:DeleteNamespace grants nothing.
    ['delete with only tcr:DeleteNamespace', devClient.DeleteNamespace({ RegistryId: id, NamespaceName: 'team-a' }), DENIED],
    ['token API not granted at all', devClient.CreateInstanceToken({ RegistryId: id }), 'UnauthorizedOperation'],
  ];
  for (const [name, call, expected] of rows) expect([name, await outcome(call)]).toEqual([name, expected]);
  const why = await failure(devClient.DeleteNamespace({ RegistryId: id, NamespaceName: 'team-a' }));
  expect(why.message).toContain('tcr:DeleteRepository');
  expect(why.message).toContain(`qcs::tcr:ap-guangzhou:uin/${handle.root.uin}:repository/${id}/team-a`);
  expect((await failure(devClient.CreateNamespace({ RegistryId: id, NamespaceName: 'team-prod-1', IsPublic: false }))).message).toContain('explicitly denies');

  await policy('ns-delete', 'allow', ['tcr:DeleteRepository'], [`qcs::tcr:::repository/${id}/team-*`]);
  expect(await outcome(devClient.DeleteNamespace({ RegistryId: id, NamespaceName: 'team-a' }))).toBe('ok');
  expect(await outcome(devClient.DeleteNamespace({ RegistryId: id, NamespaceName: 'other' }))).toBe(DENIED);
  // Denied calls changed nothing; allowed ones did.
  expect((await client.DescribeNamespaces({ RegistryId: id })).NamespaceList!.map((n) => n.Name).sort()).toEqual(['other', 'team-b']);
});

test('names that are also Object.prototype members ("constructor", "tostring") are ordinary names', async () => {
  const { RegistryId } = await client.CreateInstance({ RegistryName: 'proto-registry', RegistryType: 'basic' });
  const id = RegistryId!;
  // Nothing of that name exists yet: not-found answers, no success and no internal error.
  expect((await failure(client.DeleteNamespace({ RegistryId: id, NamespaceName: 'constructor' }))).code).toBe('ResourceNotFound.TcrResourceNotFound');
  expect((await failure(client.ModifyServiceAccount({ RegistryId: id, Name: 'tcr$constructor', Description: 'x' }))).code).toBe('InvalidParameter');
  expect((await failure(client.DeleteServiceAccount({ RegistryId: id, Name: 'tcr$tostring' }))).code).toBe('InvalidParameter');
  expect((await failure(client.DeleteInstanceToken({ RegistryId: id, TokenId: 'constructor' }))).code).toBe('InvalidParameter');
  expect((await failure(client.DescribeNamespaces({ RegistryId: 'constructor' }))).code).toBe('ResourceNotFound');
  expect((await failure(client.CreateServiceAccount({ RegistryId: id, Name: 'ci', Permissions: [{ Resource: 'constructor', Actions: ['tcr:PullRepository'] }] }))).message)
    .toContain('Permissions.0.Resource');
  // And they can be created like any other name.
  await client.CreateNamespace({ RegistryId: id, NamespaceName: 'constructor', IsPublic: false });
  const sa = await client.CreateServiceAccount({ RegistryId: id, Name: 'constructor', Permissions: [{ Resource: 'constructor', Actions: ['tcr:PullRepository'] }] });
  expect(sa.Name).toBe('tcr$constructor');
  expect(verifyRegistryLogin(handle.admin.state(), id, 'tcr$constructor', sa.Password!, handle.admin.now()).ok).toBe(true);
  expect(verifyRegistryLogin(handle.admin.state(), 'constructor', 'tcr$constructor', sa.Password!, handle.admin.now()).ok).toBe(false);
  await client.DeleteServiceAccount({ RegistryId: id, Name: 'tcr$constructor' });
  await client.DeleteNamespace({ RegistryId: id, NamespaceName: 'constructor' });
  expect((await client.DescribeNamespaces({ RegistryId: id })).TotalCount).toBe(0);
  expect((Object as any).description).toBeUndefined(); // nothing was written onto built-ins
});

test('DescribeImages: seeded tags, page-number Offset, filters; CAM checks it as tcr:DescribeRepositories', async () => {
  const id = await instanceWithNamespace('images-registry', 'team-a');
  handle.admin.mutate((s) => {
    const ns = s.tcr.instances[id].namespaces['team-a'];
    ns.repositories.push('app');
    ns.images = {
      app: ['v1', 'v1.1', 'v2'].map((tag, i) => ({ tag, digest: `sha256:${String(i).repeat(64)}`, size: 1000 + i, updatedAt: START + i * 1000 })),
    };
  });
  const all = await client.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app' });
  expect(all.TotalCount).toBe(3);
  expect(all.ImageInfoList!.map((i) => i.ImageVersion)).toEqual(['v2', 'v1.1', 'v1']); // newest first
  expect(all.ImageInfoList![0]).toMatchObject({ Digest: `sha256:${'2'.repeat(64)}`, Size: 1002, UpdateTime: new Date(START + 2000).toISOString() });
  // Offset is a page number (SDK doc: limit 20 offset 2 = items 21-40).
  expect((await client.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app', Limit: 2, Offset: 2 })).ImageInfoList!.map((i) => i.ImageVersion)).toEqual(['v1']);
  expect((await client.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app', ImageVersion: 'v1' })).TotalCount).toBe(2);
  expect((await client.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app', ImageVersion: 'v1', ExactMatch: true })).TotalCount).toBe(1);
  expect((await client.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app', Digest: `sha256:${'1'.repeat(64)}` })).ImageInfoList![0].ImageVersion).toBe('v1.1');
  expect(await failure(client.DescribeImages({ RegistryId: id, NamespaceName: 'team-a' } as any))).toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('RepositoryName') });
  expect((await failure(client.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app', Tag: 'v1' } as any))).code).toBe('UnknownParameter');
  expect((await failure(client.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'nope' }))).code).toBe('ResourceNotFound');

  const dev = handle.admin.seedAccount({ name: 'image-reader' });
  const devClient = tcr(handle, dev);
  const grant = async (name: string, action: string, resource: string) => {
    const { PolicyId } = await cam(handle).CreatePolicy({
      PolicyName: name, PolicyDocument: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: [action], resource: [resource] }] }),
    });
    await cam(handle).AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(dev.uin) });
  };
  const listAll = () => devClient.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app' });
  // The API name grants nothing: CAM knows this call as tcr:DescribeRepositories.
  await grant('by-api-name', 'tcr:DescribeImages', `qcs::tcr:::repository/${id}/team-a/*`);
  expect(await failure(listAll())).toMatchObject({ code: 'AuthFailure.UnauthorizedOperation', message: expect.stringContaining('tcr:DescribeRepositories') });
  // A grant on one tag covers an exact lookup of that tag, not the whole listing.
  await grant('one-tag', 'tcr:DescribeRepositories', `qcs::tcr:::repository/${id}/team-a/app/v1`);
  expect((await devClient.DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app', ImageVersion: 'v1', ExactMatch: true })).TotalCount).toBe(1);
  expect((await failure(listAll())).code).toBe('AuthFailure.UnauthorizedOperation');
  await grant('by-cam-name', 'tcr:DescribeRepositories', `qcs::tcr:::repository/${id}/team-a/*`);
  expect((await listAll()).TotalCount).toBe(3);
});
