import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { ActionContext, ServiceDefinition } from '../../../src/emulator/service';
import { SERVICES } from '../../../src/emulator/services';
import { attachmentCount } from '../../../src/emulator/services/cam';
import { allowPolicy, camClient, rawRequest, sdkError } from '../helpers';

const DOC = allowPolicy(['tcr:*'], ['*']);

describe('CAM policies through the SDK', () => {
  let handle: EmulatorHandle;
  beforeEach(async () => {
    handle = await startEmulator({ clock: Date.UTC(2026, 10, 25, 8, 0, 0) });
  });
  afterEach(() => handle.close());

  test('create, get, update, list, delete', async () => {
    const cam = camClient(handle, handle.root);
    const { PolicyId } = <{ PolicyId: number }> await cam.CreatePolicy({ PolicyName: 'tcr-team-a', PolicyDocument: DOC, Description: 'team a', Tags: [{ Key: 'team', Value: 'a' }] });
    expect(await cam.GetPolicy({ PolicyId })).toMatchObject({
      PolicyName: 'tcr-team-a', PolicyDocument: DOC, Description: 'team a', Type: 1, AddTime: '2026-11-25 08:00:00', Tags: [{ Key: 'team', Value: 'a' }],
    });
    handle.admin.advanceClock(60_000);
    const doc2 = allowPolicy(['tcr:Describe*'], ['*']);
    expect(await cam.UpdatePolicy({ PolicyId, PolicyDocument: doc2, Description: 'ro', PolicyName: 'tcr-team-a-ro' })).not.toHaveProperty('PolicyId');
    expect(await cam.GetPolicy({ PolicyId })).toMatchObject({ PolicyName: 'tcr-team-a-ro', PolicyDocument: doc2, Description: 'ro', UpdateTime: '2026-11-25 08:01:00' });
    expect(await cam.UpdatePolicy({ PolicyName: 'tcr-team-a-ro', Description: 'by name' })).toMatchObject({ PolicyId });
    const { PolicyId: second } = <{ PolicyId: number }> await cam.CreatePolicy({ PolicyName: 'other', PolicyDocument: DOC });
    const all = await cam.ListPolicies({});
    expect(all.TotalNum).toBe(2);
    expect(all.List!.map((p) => p.PolicyName)).toEqual(['other', 'tcr-team-a-ro']);
    expect(all.List![1]).toMatchObject({ PolicyId, Type: 1, CreateMode: 2, Attachments: 0, Description: 'by name' });
    expect((await cam.ListPolicies({ Rp: 1, Page: 2 })).List!.map((p) => p.PolicyId)).toEqual([PolicyId]);
    expect((await cam.ListPolicies({ Scope: 'QCS' })).TotalNum).toBe(0);
    expect((await cam.ListPolicies({ Scope: 'Local', Keyword: 'team' })).TotalNum).toBe(1);
    await cam.DeletePolicy({ PolicyId: [PolicyId, second] });
    expect((await sdkError(cam.GetPolicy({ PolicyId }))).code).toBe('ResourceNotFound.PolicyIdNotFound');
  });

  test.each([
    ['bad name', { PolicyName: 'has space', PolicyDocument: DOC }, 'InvalidParameter.PolicyNameError'],
    ['name too long', { PolicyName: 'p'.repeat(129), PolicyDocument: DOC }, 'InvalidParameter.PolicyNameError'],
    ['document over 6144 characters', {
      PolicyName: 'big',
      PolicyDocument: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['tcr:*'], resource: Array.from({ length: 200 }, (_, i) => `qcs::tcr:::instance/tcr-${i}-${'x'.repeat(20)}`) }] }),
    }, 'InvalidParameter.PolicyDocumentLengthOverLimit'],
    ['description over 300 bytes', { PolicyName: 'd', PolicyDocument: DOC, Description: '说'.repeat(101) }, 'InvalidParameter.DescriptionLengthOverlimit'],
    ['version', { PolicyName: 'v', PolicyDocument: '{"version":"1.0","statement":[]}' }, 'InvalidParameter.VersionError'],
    ['resource string', { PolicyName: 'r', PolicyDocument: '{"version":"2.0","statement":[{"effect":"allow","action":"tcr:*","resource":"*"}]}' }, 'InvalidParameter.ResourceError'],
  ])('CreatePolicy rejects %s', async (_name, req, code) => {
    const err = await sdkError(camClient(handle, handle.root).CreatePolicy(req));
    expect(err.code).toBe(code);
    expect(err.message.length).toBeGreaterThan(10);
  });

  test('300 bytes of description is allowed (multi-byte counted in bytes)', async () => {
    await expect(camClient(handle, handle.root).CreatePolicy({ PolicyName: 'd', PolicyDocument: DOC, Description: '说'.repeat(100) })).resolves.toBeDefined();
  });

  test('names are unique per account; other accounts cannot see the policy', async () => {
    const cam = camClient(handle, handle.root);
    const { PolicyId } = <{ PolicyId: number }> await cam.CreatePolicy({ PolicyName: 'dup', PolicyDocument: DOC });
    expect((await sdkError(cam.CreatePolicy({ PolicyName: 'dup', PolicyDocument: DOC }))).code).toBe('FailedOperation.PolicyNameInUse');
    await cam.CreatePolicy({ PolicyName: 'dup2', PolicyDocument: DOC });
    expect((await sdkError(cam.UpdatePolicy({ PolicyId, PolicyName: 'dup2' }))).code).toBe('FailedOperation.PolicyNameInUse');
    expect((await sdkError(cam.UpdatePolicy({ PolicyId, PolicyName: 'bad name' }))).code).toBe('InvalidParameter.PolicyNameError');
    expect((await sdkError(cam.UpdatePolicy({ Description: 'x' }))).code).toBe('InvalidParameter.ParamError');
    expect((await sdkError(cam.UpdatePolicy({ PolicyName: 'nope' }))).code).toBe('ResourceNotFound.PolicyIdNotFound');
    expect((await sdkError(cam.UpdatePolicy({ PolicyId, PolicyDocument: '{}' }))).code).toBe('InvalidParameter.VersionError');
    expect((await sdkError(cam.UpdatePolicy({ PolicyId, Description: 'x'.repeat(301) }))).code).toBe('InvalidParameter.DescriptionLengthOverlimit');
    const other = handle.admin.seedRootAccount();
    const otherCam = camClient(handle, other);
    expect((await sdkError(otherCam.GetPolicy({ PolicyId }))).code).toBe('ResourceNotFound.PolicyIdNotFound');
    await expect(otherCam.CreatePolicy({ PolicyName: 'dup', PolicyDocument: DOC })).resolves.toBeDefined();
    expect((await sdkError(cam.DeletePolicy({ PolicyId: [] }))).code).toBe('InvalidParameter.PolicyIdError');
  });

  test('ListPolicies parameter checks', async () => {
    const cam = camClient(handle, handle.root);
    expect((await sdkError(cam.ListPolicies({ Rp: 201 }))).code).toBe('InvalidParameter.ParamError');
    expect((await sdkError(cam.ListPolicies({ Page: 0 }))).code).toBe('InvalidParameter.ParamError');
    expect((await sdkError(cam.ListPolicies({ Scope: 'Mine' }))).code).toBe('InvalidParameter.ScopeError');
  });

  test('1500 custom policies per account', async () => {
    handle.admin.mutate((s) => {
      for (let i = 0; i < 1500; i++) {
        s.cam.policies[String(9000000 + i)] = { PolicyId: 9000000 + i, PolicyName: `bulk-${i}`, PolicyDocument: DOC, Description: '', ownerUin: handle.root.uin, AddTime: '', UpdateTime: '', Tags: [] };
      }
    });
    expect((await sdkError(camClient(handle, handle.root).CreatePolicy({ PolicyName: 'one-more', PolicyDocument: DOC }))).code).toBe('FailedOperation.PolicyFull');
  });

  test('attach and detach to users, groups and roles, with their errors', async () => {
    const cam = camClient(handle, handle.root);
    const { PolicyId } = <{ PolicyId: number }> await cam.CreatePolicy({ PolicyName: 'p', PolicyDocument: DOC });
    const dev = handle.admin.seedAccount({ name: 'dev' });
    const { groupId } = handle.admin.seedGroup({ name: 'devs' });
    const role = handle.admin.seedRole({ roleName: 'ci' });
    await cam.AttachUserPolicy({ PolicyId, AttachUin: Number(dev.uin) });
    await cam.AttachUserPolicy({ PolicyId, AttachUin: Number(dev.uin) }); // idempotent
    await cam.AttachGroupPolicy({ PolicyId, AttachGroupId: groupId });
    await cam.AttachRolePolicy({ PolicyName: 'p', AttachRoleName: 'ci' });
    expect((await cam.ListPolicies({})).List![0].Attachments).toBe(3);
    const state = handle.admin.state();
    expect(attachmentCount(state, 'user', dev.uin)).toBe(1);
    expect(state.cam.attachments.role[role.roleId]).toEqual([PolicyId]);

    expect((await sdkError(cam.AttachUserPolicy({ PolicyId, AttachUin: 1 }))).code).toBe('ResourceNotFound.UserNotExist');
    expect((await sdkError(cam.AttachUserPolicy({ PolicyId: 1, AttachUin: Number(dev.uin) }))).code).toBe('ResourceNotFound.PolicyIdNotFound');
    expect((await sdkError(cam.AttachGroupPolicy({ PolicyId, AttachGroupId: 999 }))).code).toBe('ResourceNotFound.GroupNotExist');
    expect((await sdkError(cam.AttachRolePolicy({ PolicyId, AttachRoleName: 'nope' }))).code).toBe('InvalidParameter.RoleNotExist');
    expect((await sdkError(cam.AttachRolePolicy({ PolicyId }))).code).toBe('InvalidParameter.ParamError');
    expect((await sdkError(cam.AttachRolePolicy({ AttachRoleId: role.roleId }))).code).toBe('InvalidParameter.ParamError');
    expect((await sdkError(cam.AttachRolePolicy({ PolicyName: 'nope', AttachRoleId: role.roleId }))).code).toBe('InvalidParameter.PolicyIdNotExist');
    expect((await sdkError(cam.DetachGroupPolicy({ PolicyId: 5, DetachGroupId: groupId }))).code).toBe('InvalidParameter.PolicyIdNotExist');

    await cam.DetachUserPolicy({ PolicyId, DetachUin: Number(dev.uin) });
    await cam.DetachGroupPolicy({ PolicyId, DetachGroupId: groupId });
    await cam.DetachRolePolicy({ PolicyId, DetachRoleId: role.roleId });
    await cam.DetachRolePolicy({ PolicyId, DetachRoleId: role.roleId }); // nothing attached: still fine
    expect((await cam.ListPolicies({})).List![0].Attachments).toBe(0);

    // Deleting a policy detaches it everywhere.
    await cam.AttachUserPolicy({ PolicyId, AttachUin: Number(dev.uin) });
    await cam.DeletePolicy({ PolicyId: [PolicyId] });
    expect(handle.admin.state().cam.attachments.user).toEqual({});
  });

  test('200 policies per principal', async () => {
    const cam = camClient(handle, handle.root);
    const dev = handle.admin.seedAccount({ name: 'full' });
    const { PolicyId } = <{ PolicyId: number }> await cam.CreatePolicy({ PolicyName: 'p201', PolicyDocument: DOC });
    handle.admin.mutate((s) => {
      s.cam.attachments.user[dev.uin] = Array.from({ length: 200 }, (_, i) => 7000000 + i);
    });
    expect((await sdkError(cam.AttachUserPolicy({ PolicyId, AttachUin: Number(dev.uin) }))).code).toBe('InvalidParameter.AttachmentFull');
  });
});

/** A stand-in TCR service (E2 owns the real one) to drive ctx.authorize end to end. */
const probe: ServiceDefinition = {
  service: 'tcr',
  version: '2019-09-24',
  actions: {
    CreateNamespace(ctx: ActionContext, params) {
      ctx.authorize('tcr:CreateNamespace', [ctx.resourceArn('tcr', `repository/${params.RegistryId}/${params.NamespaceName}`)]);
      ctx.state.probe = [...(ctx.state.probe ?? []), params.NamespaceName];
      return {};
    },
    DescribeInstances(ctx) {
      ctx.authorize('tcr:DescribeInstances', []);
      return { TotalCount: 0, Registries: [] };
    },
  },
};

// TCR's namespace APIs do not document UnauthorizedOperation, so a CAM denial there answers the common
// AuthFailure.UnauthorizedOperation (api-server.ts picks the code from the API model).
describe('CAM evaluation on every sub-account call (allow/deny matrix through the SDK)', () => {
  let handle: EmulatorHandle;
  beforeAll(async () => {
    handle = await startEmulator({ services: [...SERVICES, probe] });
  });
  afterAll(() => handle.close());

  async function createNamespace(cred: any, ns: string, region = 'ap-guangzhou') {
    const res = await rawRequest(handle, {
      action: 'CreateNamespace',
      version: '2019-09-24',
      body: JSON.stringify({ RegistryId: 'tcr-abc', NamespaceName: ns, IsPublic: false }),
      secretId: cred.secretId,
      secretKey: cred.secretKey,
      token: cred.token,
      extraHeaders: { 'X-TC-Region': region },
    });
    return res.body.Response.Error?.Code ?? 'ok';
  }

  test('user, group and role policies; deny wins; default deny; root always passes', async () => {
    const cam = camClient(handle, handle.root);
    const dev = handle.admin.seedAccount({ name: 'matrix-dev' });
    const { groupId } = handle.admin.seedGroup({ name: 'matrix-group' });
    const grouped = handle.admin.seedAccount({ name: 'matrix-grouped', groupIds: [groupId] });
    const role = handle.admin.seedRole({ roleName: 'matrix-role' });
    const assumed = handle.admin.issueTemporaryCredentials({ roleId: role.roleId });

    const nsAdmin = <{ PolicyId: number }> await cam.CreatePolicy({ PolicyName: 'ns-admin', PolicyDocument: allowPolicy(['tcr:*'], ['qcs::tcr:::repository/tcr-abc/team-*']) });
    const denyProd = <{ PolicyId: number }> await cam.CreatePolicy({ PolicyName: 'deny-prod', PolicyDocument: allowPolicy(['tcr:Create*'], ['qcs::tcr:::repository/tcr-abc/team-prod'], 'deny') });
    const shanghaiOnly = <{ PolicyId: number }> await cam.CreatePolicy({ PolicyName: 'sh-only', PolicyDocument: allowPolicy(['tcr:CreateNamespace'], ['qcs::tcr:ap-shanghai::repository/*']) });

    // Default deny for everyone without policies; root is never checked.
    expect(await createNamespace(dev, 'team-a')).toBe('AuthFailure.UnauthorizedOperation');
    expect(await createNamespace(handle.root, 'team-a')).toBe('ok');

    await cam.AttachUserPolicy({ PolicyId: nsAdmin.PolicyId, AttachUin: Number(dev.uin) });
    await cam.AttachGroupPolicy({ PolicyId: nsAdmin.PolicyId, AttachGroupId: groupId });
    await cam.AttachRolePolicy({ PolicyId: shanghaiOnly.PolicyId, AttachRoleId: role.roleId });

    const matrix: Array<[string, any, string, string, string]> = [
      ['user allowed by its policy', dev, 'team-b', 'ap-guangzhou', 'ok'],
      ['user, namespace outside the pattern', dev, 'other', 'ap-guangzhou', 'AuthFailure.UnauthorizedOperation'],
      ['group member allowed through the group', grouped, 'team-c', 'ap-guangzhou', 'ok'],
      ['role allowed in its region', assumed, 'x-one', 'ap-shanghai', 'ok'],
      ['role denied in another region', assumed, 'x-two', 'ap-guangzhou', 'AuthFailure.UnauthorizedOperation'],
    ];
    for (const [name, cred, ns, region, expected] of matrix) {
      expect([name, await createNamespace(cred, ns, region)]).toEqual([name, expected]);
    }

    await cam.AttachUserPolicy({ PolicyId: denyProd.PolicyId, AttachUin: Number(dev.uin) });
    expect(await createNamespace(dev, 'team-prod')).toBe('AuthFailure.UnauthorizedOperation');
    expect(await createNamespace(dev, 'team-d')).toBe('ok');
    await cam.DetachUserPolicy({ PolicyId: denyProd.PolicyId, DetachUin: Number(dev.uin) });
    expect(await createNamespace(dev, 'team-prod')).toBe('ok');

    // A denied call changes nothing.
    expect(handle.admin.state().probe).toEqual(['team-a', 'team-b', 'team-c', 'x-one', 'team-d', 'team-prod']);
  });

  test('the denial message names the action and the resource; no resource means the service wildcard', async () => {
    const dev = handle.admin.seedAccount({ name: 'msg-dev' });
    const res = await rawRequest(handle, {
      action: 'CreateNamespace',
      version: '2019-09-24',
      body: JSON.stringify({ RegistryId: 'tcr-abc', NamespaceName: 'ns', IsPublic: true }),
      secretId: dev.secretId,
      secretKey: dev.secretKey,
      extraHeaders: { 'X-TC-Region': 'ap-guangzhou' },
    });
    expect(res.body.Response.Error.Message).toContain('tcr:CreateNamespace');
    expect(res.body.Response.Error.Message).toContain(`qcs::tcr:ap-guangzhou:uin/${handle.root.uin}:repository/tcr-abc/ns`);
    const list = await rawRequest(handle, {
      action: 'DescribeInstances',
      version: '2019-09-24',
      body: '{}',
      secretId: dev.secretId,
      secretKey: dev.secretKey,
      extraHeaders: { 'X-TC-Region': 'ap-guangzhou' },
    });
    expect(list.body.Response.Error.Message).toContain(`qcs::tcr:ap-guangzhou:uin/${handle.root.uin}:*`);
    // Without a region there is no resource with an empty region segment to evaluate: the region is required.
    const regionless = await rawRequest(handle, {
      action: 'DescribeInstances', version: '2019-09-24', body: '{}', secretId: dev.secretId, secretKey: dev.secretKey,
    });
    expect(regionless.body.Response.Error).toMatchObject({ Code: 'MissingParameter', Message: expect.stringContaining('Region') });
  });

  test('a sub-account needs CAM permissions for CAM calls (AuthFailure.UnauthorizedOperation there)', async () => {
    const dev = handle.admin.seedAccount({ name: 'cam-dev' });
    const err = await sdkError(camClient(handle, dev).CreatePolicy({ PolicyName: 'x', PolicyDocument: DOC }));
    expect(err.code).toBe('AuthFailure.UnauthorizedOperation');
    const { PolicyId } = <{ PolicyId: number }> await camClient(handle, handle.root).CreatePolicy({ PolicyName: 'cam-writer', PolicyDocument: allowPolicy(['cam:*'], ['qcs::cam:::policy/*']) });
    await camClient(handle, handle.root).AttachUserPolicy({ PolicyId, AttachUin: Number(dev.uin) });
    await expect(camClient(handle, dev).CreatePolicy({ PolicyName: 'x', PolicyDocument: DOC })).resolves.toBeDefined();
    // Attaching needs the user resource too.
    expect((await sdkError(camClient(handle, dev).AttachUserPolicy({ PolicyId, AttachUin: Number(dev.uin) }))).code).toBe('AuthFailure.UnauthorizedOperation');
  });
});
