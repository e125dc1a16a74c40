import { harness, OTHER_ROOT, ROOT } from './test-context';
import { accountsOf, createRootAccount } from '../../../src/emulator/accounts';
import { camService } from '../../../src/emulator/services/cam';

const TRUST = JSON.stringify({ version: '2.0', statement: [{ action: 'name/sts:AssumeRole', effect: 'allow', principal: { service: ['cvm.qcloud.com'] } }] });

function setup() {
  const h = harness(camService);
  const accounts = accountsOf(h.state);
  createRootAccount(accounts, { uin: ROOT.uin }, h.clock.now);
  createRootAccount(accounts, { uin: OTHER_ROOT.uin }, h.clock.now);
  return h;
}

describe('CAM users', () => {
  test('AddUser makes a sub-account with a working key pair; GetUser reports the profile; DeleteUser needs Force while keys exist', () => {
    const h = setup();
    const added = h.call('AddUser', {
      Name: 'ci-bot', Remark: 'ci', ConsoleLogin: 1, UseApi: 1, Password: 'Gail@1234', NeedResetPassword: 1, PhoneNum: '12345678910', CountryCode: '86', Email: 'a@example.com',
    });
    expect(added).toMatchObject({ Name: 'ci-bot', Password: 'Gail@1234', SecretId: expect.stringMatching(/^AKID/) });
    expect(added.SecretKey).toHaveLength(32);
    const key = accountsOf(h.state).keys[added.SecretId];
    expect(key).toMatchObject({ uin: String(added.Uin), ownerUin: ROOT.uin, status: 'Active' });
    expect(h.call('GetUser', { Name: 'ci-bot' })).toMatchObject({
      Uin: added.Uin, Uid: added.Uid, Name: 'ci-bot', Remark: 'ci', ConsoleLogin: 1, PhoneNum: '12345678910', CountryCode: '86', Email: 'a@example.com',
    });
    h.call('UpdateUser', { Name: 'ci-bot', Remark: 'ci2', PhoneNum: '13670093505', CountryCode: '72' });
    expect(h.call('GetUser', { Name: 'ci-bot' })).toMatchObject({ Remark: 'ci2', PhoneNum: '13670093505', CountryCode: '72', Email: 'a@example.com' });
    expect(h.fail('DeleteUser', { Name: 'ci-bot' }).code).toBe('OperationDenied.HaveKeys');
    h.call('DeleteUser', { Name: 'ci-bot', Force: 1 });
    expect(h.fail('GetUser', { Name: 'ci-bot' }).code).toBe('ResourceNotFound.UserNotExist');
    expect(accountsOf(h.state).keys[added.SecretId]).toBeUndefined();
    expect(h.state.cam).toMatchObject({ principals: { users: {} } });
  });

  test('rules: name, password (never echoed), flags, duplicates; without UseApi no key and DeleteUser without Force works', () => {
    const h = setup();
    expect(h.fail('AddUser', { Name: 'bad name!' }).code).toBe('InvalidParameter.UserNameIllegal');
    const weak = h.fail('AddUser', { Name: 'u1', Password: 'short' });
    expect(weak.code).toBe('InvalidParameter.PasswordViolatedRules');
    expect(weak.message).not.toContain('short');
    expect(h.fail('AddUser', { Name: 'u1', ConsoleLogin: 2 }).code).toBe('InvalidParameter.ParamError');
    const u = h.call('AddUser', { Name: 'u1', UseApi: 0, ConsoleLogin: 0 });
    expect(u).toMatchObject({ SecretId: '', SecretKey: '', Password: '' });
    expect(h.fail('AddUser', { Name: 'u1' }).code).toBe('InvalidParameter.SubUserNameInUse');
    // Another root account has its own names.
    expect(h.call('AddUser', { Name: 'u1' }, { caller: OTHER_ROOT }).Name).toBe('u1');
    expect(h.fail('UpdateUser', { Name: 'nobody' }).code).toBe('ResourceNotFound.UserNotExist');
    h.call('DeleteUser', { Name: 'u1' });
    expect(h.fail('DeleteUser', { Name: 'u1' }).code).toBe('ResourceNotFound.UserNotExist');
  });

  test('authorised on the user\'s uin', () => {
    const h = setup();
    const u = h.call('AddUser', { Name: 'u2', UseApi: 0 });
    h.authorized.length = 0;
    h.call('GetUser', { Name: 'u2' });
    expect(h.authorized).toEqual([{ action: 'cam:GetUser', resources: [`qcs::cam:ap-guangzhou:uin/${ROOT.uin}:uin/${u.Uin}`] }]);
    h.deny.add('cam:DeleteUser');
    expect(h.fail('DeleteUser', { Name: 'u2' }).code).toBe('UnauthorizedOperation');
  });
});

describe('CAM groups', () => {
  test('create, get (members), rename and remark, delete (memberships and attachments go too)', () => {
    const h = setup();
    const { GroupId } = h.call('CreateGroup', { GroupName: 'devs', Remark: 'developers' });
    const u = h.call('AddUser', { Name: 'dev1', UseApi: 0 });
    accountsOf(h.state).users[String(u.Uin)].groupIds.push(GroupId);
    expect(h.call('GetGroup', { GroupId })).toMatchObject({ GroupId, GroupName: 'devs', Remark: 'developers', GroupNum: 1, UserInfo: [{ Name: 'dev1' }] });
    expect(h.fail('CreateGroup', { GroupName: 'devs' }).code).toBe('InvalidParameter.GroupNameInUse');
    h.call('CreateGroup', { GroupName: 'ops' });
    expect(h.fail('UpdateGroup', { GroupId, GroupName: 'ops' }).code).toBe('InvalidParameter.GroupNameInUse');
    h.call('UpdateGroup', { GroupId, GroupName: 'developers', Remark: 'all developers' });
    expect(h.call('GetGroup', { GroupId })).toMatchObject({ GroupName: 'developers', Remark: 'all developers' });
    const policy = h.call('CreatePolicy', { PolicyName: 'p', PolicyDocument: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['tcr:*'], resource: ['*'] }] }) });
    h.call('AttachGroupPolicy', { PolicyId: policy.PolicyId, AttachGroupId: GroupId });
    h.call('DeleteGroup', { GroupId });
    expect(h.fail('GetGroup', { GroupId }).code).toBe('ResourceNotFound.GroupNotExist');
    expect(accountsOf(h.state).users[String(u.Uin)].groupIds).toEqual([]);
    expect((h.state.cam as any).attachments.group).toEqual({});
    expect(h.fail('GetGroup', { GroupId }, { caller: OTHER_ROOT }).code).toBe('ResourceNotFound.GroupNotExist');
  });
});

describe('CAM roles', () => {
  test('create, list (RoleArn, defaults), update each field, delete (attachments and sessions go too)', () => {
    const h = setup();
    const { RoleId } = h.call('CreateRole', { RoleName: 'tke-nodes', PolicyDocument: TRUST, Description: 'nodes', ConsoleLogin: 1, Tags: [{ Key: 'team', Value: 'a' }] });
    const list = h.call('DescribeRoleList', { Page: 1, Rp: 200 });
    expect(list.TotalNum).toBe(1);
    expect(list.List[0]).toMatchObject({
      RoleId,
      RoleName: 'tke-nodes',
      PolicyDocument: TRUST,
      Description: 'nodes',
      ConsoleLogin: 1,
      SessionDuration: 7200,
      RoleArn: `qcs::cam::uin/${ROOT.uin}:roleName/tke-nodes`,
      Tags: [{ Key: 'team', Value: 'a' }],
    });
    expect(h.fail('CreateRole', { RoleName: 'tke-nodes', PolicyDocument: TRUST }).code).toBe('InvalidParameter.RoleNameInUse');
    h.call('UpdateRoleDescription', { RoleId, Description: 'worker nodes' });
    const trust2 = JSON.stringify({ version: '2.0', statement: [{ action: 'name/sts:AssumeRole', effect: 'allow', principal: { service: ['tke.qcloud.com'] } }] });
    h.call('UpdateAssumeRolePolicy', { RoleName: 'tke-nodes', PolicyDocument: trust2 });
    h.call('UpdateRoleConsoleLogin', { RoleName: 'tke-nodes', ConsoleLogin: 0 });
    h.call('UpdateRoleSessionDuration', { RoleName: 'tke-nodes', SessionDuration: 3600 });
    expect(h.call('DescribeRoleList', { Page: 1, Rp: 20 }).List[0]).toMatchObject({ Description: 'worker nodes', PolicyDocument: trust2, ConsoleLogin: 0, SessionDuration: 3600 });
    expect(h.fail('UpdateRoleSessionDuration', { RoleName: 'tke-nodes', SessionDuration: 60 }).code).toBe('InvalidParameter.ParamError');
    expect(h.fail('UpdateRoleDescription', { RoleName: 'nope', Description: 'x' }).code).toBe('InvalidParameter.RoleNotExist');
    h.call('DeleteRole', { RoleId });
    expect(h.call('DescribeRoleList', { Page: 1, Rp: 20 })).toMatchObject({ TotalNum: 0, List: [] });
    expect(h.fail('DeleteRole', { RoleId }).code).toBe('InvalidParameter.RoleNotExist');
  });

  test('trust policy and name rules', () => {
    const h = setup();
    expect(h.fail('CreateRole', { RoleName: 'r', PolicyDocument: '{' }).code).toBe('InvalidParameter.StatementError');
    expect(h.fail('CreateRole', { RoleName: 'r', PolicyDocument: JSON.stringify({ version: '1.0', statement: [] }) }).code).toBe('InvalidParameter.VersionError');
    expect(h.fail('CreateRole', { RoleName: 'r', PolicyDocument: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: 'x' }] }) }).code)
      .toBe('InvalidParameter.PrincipalError');
    expect(h.fail('CreateRole', { RoleName: 'bad name', PolicyDocument: TRUST }).code).toBe('InvalidParameter.RoleNameError');
    expect(h.fail('CreateRole', { RoleName: 'r', PolicyDocument: TRUST, Description: 'd'.repeat(301) }).code).toBe('InvalidParameter.DescriptionLengthOverlimit');
  });
});
