/**
 * CAM look-ups behind policy attachments, through the official SDK: GetUser (sub-user name -> UIN) and
 * ListAttached{User,Group,Role}Policies, with paging, filters, validation and CAM authorization.
 */
import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { allowPolicy, camClient, sdkError } from '../helpers';

const DOC = allowPolicy(['tcr:Describe*'], ['*']);

let handle: EmulatorHandle;
beforeAll(async () => {
  handle = await startEmulator({ clock: Date.UTC(2026, 10, 25, 8, 0, 0) });
});
afterAll(async () => handle.close());
beforeEach(() => handle.admin.reset());

test('GetUser resolves a sub-user name in the caller\'s account only', async () => {
  const cam = camClient(handle, handle.root);
  const dev = handle.admin.seedAccount({ name: 'dev' });
  expect(await cam.GetUser({ Name: 'dev' })).toMatchObject({ Uin: Number(dev.uin), Uid: Number(dev.uin), Name: 'dev' });
  expect(await sdkError(cam.GetUser({ Name: 'nobody' }))).toMatchObject({ code: 'ResourceNotFound.UserNotExist', message: expect.stringContaining('"nobody"') });
  expect(await sdkError(cam.GetUser({} as any))).toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('`Name`') });
  expect(await sdkError(cam.GetUser({ Name: 7 } as any))).toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('`Name` must be of type string') });
  const other = handle.admin.seedRootAccount({ uin: '100000000777' });
  expect((await sdkError(camClient(handle, other).GetUser({ Name: 'dev' }))).code).toBe('ResourceNotFound.UserNotExist');
});

test('ListAttached{User,Group,Role}Policies list what is attached, newest attachments last, with paging and filters', async () => {
  const cam = camClient(handle, handle.root);
  const ids: number[] = [];
  for (const name of ['alpha', 'beta', 'gamma']) ids.push((await cam.CreatePolicy({ PolicyName: name, PolicyDocument: DOC, Description: `${name} remark` })).PolicyId!);
  const dev = handle.admin.seedAccount({ name: 'dev' });
  const { groupId } = handle.admin.seedGroup({ name: 'devs' });
  const role = handle.admin.seedRole({ roleName: 'ci' });
  for (const PolicyId of ids) await cam.AttachUserPolicy({ PolicyId, AttachUin: Number(dev.uin) });
  await cam.AttachGroupPolicy({ PolicyId: ids[1], AttachGroupId: groupId });
  await cam.AttachRolePolicy({ PolicyId: ids[2], AttachRoleName: 'ci' });

  const user = await cam.ListAttachedUserPolicies({ TargetUin: Number(dev.uin) });
  expect(user.TotalNum).toBe(3);
  expect(user.List!.map((p) => p.PolicyName)).toEqual(['alpha', 'beta', 'gamma']);
  expect(user.List![0]).toMatchObject({ PolicyId: ids[0], PolicyType: 'User', CreateMode: 2, Remark: 'alpha remark', AddTime: '2026-11-25 08:00:00' });
  const page2 = await cam.ListAttachedUserPolicies({ TargetUin: Number(dev.uin), Rp: 2, Page: 2 });
  expect([page2.TotalNum, page2.List!.map((p) => p.PolicyId)]).toEqual([3, [ids[2]]]);

  const grouped = await cam.ListAttachedGroupPolicies({ TargetGroupId: groupId });
  expect([grouped.TotalNum, grouped.List!.map((p) => p.PolicyId)]).toEqual([1, [ids[1]]]);
  expect((await cam.ListAttachedGroupPolicies({ TargetGroupId: groupId, Keyword: 'alp' })).TotalNum).toBe(0);

  const byId = await cam.ListAttachedRolePolicies({ RoleId: role.roleId, Page: 1, Rp: 20 });
  expect(byId.List).toEqual([expect.objectContaining({ PolicyId: ids[2], PolicyName: 'gamma', PolicyType: 'User', Description: 'gamma remark' })]);
  expect((await cam.ListAttachedRolePolicies({ RoleName: 'ci', Page: 1, Rp: 20, Keyword: 'gam' })).TotalNum).toBe(1);
  expect((await cam.ListAttachedRolePolicies({ RoleName: 'ci', Page: 1, Rp: 20, PolicyType: 'QCS' })).TotalNum).toBe(0);

  // Detaching and deleting show up in the lists.
  await cam.DetachUserPolicy({ PolicyId: ids[0], DetachUin: Number(dev.uin) });
  await cam.DeletePolicy({ PolicyId: [ids[1]] });
  expect((await cam.ListAttachedUserPolicies({ TargetUin: Number(dev.uin) })).List!.map((p) => p.PolicyName)).toEqual(['gamma']);
  expect(await cam.ListAttachedGroupPolicies({ TargetGroupId: groupId })).toMatchObject({ TotalNum: 0, List: [] });
});

test('the attachment lists reject unknown principals and bad paging, naming the field', async () => {
  const cam = camClient(handle, handle.root);
  handle.admin.seedRole({ roleName: 'ci' });
  expect((await sdkError(cam.ListAttachedUserPolicies({ TargetUin: 1 }))).code).toBe('ResourceNotFound.UserNotExist');
  expect((await sdkError(cam.ListAttachedGroupPolicies({ TargetGroupId: 999 }))).code).toBe('ResourceNotFound.GroupNotExist');
  expect((await sdkError(cam.ListAttachedRolePolicies({ RoleName: 'nope', Page: 1, Rp: 20 }))).code).toBe('InvalidParameter.RoleNotExist');
  expect((await sdkError(cam.ListAttachedRolePolicies({ Page: 1, Rp: 20 }))).code).toBe('InvalidParameter.ParamError');
  expect(await sdkError(cam.ListAttachedRolePolicies({ RoleName: 'ci' } as any))).toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('`Page`') });
  expect(await sdkError(cam.ListAttachedRolePolicies({ RoleName: 'ci', Page: 1, Rp: 201 }))).toMatchObject({ code: 'InvalidParameter.ParamError', message: expect.stringContaining('Rp') });
  expect(await sdkError(cam.ListAttachedRolePolicies({ RoleName: 'ci', Page: 0, Rp: 10 }))).toMatchObject({ code: 'InvalidParameter.ParamError', message: expect.stringContaining('Page') });
  expect(await sdkError(cam.ListAttachedRolePolicies({ RoleName: 'ci', Page: 1, Rp: 10, PolicyType: 'Custom' }))).toMatchObject({ code: 'InvalidParameter.ParamError', message: expect.stringContaining('"Custom"') });
  expect(await sdkError(cam.ListAttachedUserPolicies({ TargetUin: '1' } as any))).toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('`TargetUin` must be of type number') });
  expect(await sdkError(cam.ListAttachedGroupPolicies({ TargetGroupId: 1, Extra: true } as any))).toMatchObject({ code: 'UnknownParameter', message: expect.stringContaining('`Extra`') });
});

test('CAM: a sub-account needs cam:GetUser and cam:ListAttached*Policies on the principal', async () => {
  const cam = camClient(handle, handle.root);
  const dev = handle.admin.seedAccount({ name: 'auditor' });
  const { groupId } = handle.admin.seedGroup({ name: 'devs' });
  handle.admin.seedRole({ roleName: 'ci' });
  const devCam = camClient(handle, dev);
  const calls: Array<() => Promise<unknown>> = [
    () => devCam.GetUser({ Name: 'auditor' }),
    () => devCam.ListAttachedUserPolicies({ TargetUin: Number(dev.uin) }),
    () => devCam.ListAttachedGroupPolicies({ TargetGroupId: groupId }),
    () => devCam.ListAttachedRolePolicies({ RoleName: 'ci', Page: 1, Rp: 20 }),
  ];
  for (const call of calls) expect((await sdkError(call())).code).toBe('AuthFailure.UnauthorizedOperation');
  // A name that does not exist is denied too, not reported missing: no existence leak to the unauthorized.
  expect((await sdkError(devCam.GetUser({ Name: 'nobody' }))).code).toBe('AuthFailure.UnauthorizedOperation');

  const owner = handle.root.uin;
  const { PolicyId } = await cam.CreatePolicy({
    PolicyName: 'cam-read',
    PolicyDocument: allowPolicy(
      ['cam:GetUser', 'cam:ListAttachedUserPolicies', 'cam:ListAttachedGroupPolicies', 'cam:ListAttachedRolePolicies'],
      [`qcs::cam::uin/${owner}:uin/${dev.uin}`, `qcs::cam::uin/${owner}:group/${groupId}`, `qcs::cam::uin/${owner}:roleName/ci`],
    ),
  });
  await cam.AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(dev.uin) });
  for (const call of calls) await call();
  expect((await devCam.ListAttachedUserPolicies({ TargetUin: Number(dev.uin) })).List!.map((p) => p.PolicyName)).toEqual(['cam-read']);
  // The grant names this principal only.
  const other = handle.admin.seedAccount({ name: 'other' });
  expect((await sdkError(devCam.GetUser({ Name: 'other' }))).code).toBe('AuthFailure.UnauthorizedOperation');
  expect((await sdkError(devCam.ListAttachedUserPolicies({ TargetUin: Number(other.uin) }))).code).toBe('AuthFailure.UnauthorizedOperation');
});

test('GetUserAppId and DescribeSubAccounts (the tencentcloud_user_info look-up) report the caller\'s own account', async () => {
  const root = camClient(handle, handle.root);
  expect(await root.GetUserAppId()).toMatchObject({ Uin: handle.root.uin, OwnerUin: handle.root.uin, AppId: Number(handle.root.appId) });
  // The root account is no sub-user of itself: no match, so the data source's name is empty.
  expect((await root.DescribeSubAccounts({ FilterSubAccountUin: [Number(handle.root.uin)] })).SubAccounts).toEqual([]);

  const deployer = handle.admin.seedAccount({ name: 'deployer' });
  await root.AttachUserPolicy({
    PolicyId: (await root.CreatePolicy({
      PolicyName: 'whoami',
      PolicyDocument: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['cam:GetUserAppId'], resource: ['*'] }] }),
    })).PolicyId!,
    AttachUin: Number(deployer.uin),
  });
  const asDeployer = camClient(handle, deployer);
  expect(await asDeployer.GetUserAppId()).toMatchObject({ Uin: deployer.uin, OwnerUin: handle.root.uin, AppId: Number(handle.root.appId) });
  const denied = await sdkError(asDeployer.DescribeSubAccounts({ FilterSubAccountUin: [Number(deployer.uin)] }));
  expect(denied.code).toBe('AuthFailure.UnauthorizedOperation');
  expect(denied.message).toContain('cam:DescribeSubAccounts');

  const other = handle.admin.seedRootAccount({ uin: '100000000777' });
  const stranger = handle.admin.seedAccount({ name: 'stranger', ownerUin: other.uin });
  const found = await root.DescribeSubAccounts({ FilterSubAccountUin: [Number(deployer.uin), Number(stranger.uin), 100000009999] });
  expect(found.SubAccounts).toEqual([expect.objectContaining({ Uin: Number(deployer.uin), Name: 'deployer', Uid: Number(deployer.uin), UserType: 0 })]);
  expect(await sdkError(root.DescribeSubAccounts({ FilterSubAccountUin: [] }))).toMatchObject({ code: 'InvalidParameter.ParamError', message: expect.stringContaining('1 to 50') });
  const tooMany = Array.from({ length: 51 }, (_, i) => 100000100000 + i);
  expect((await sdkError(root.DescribeSubAccounts({ FilterSubAccountUin: tooMany }))).code).toBe('InvalidParameter.ParamError');
});
