/**
 * CAM handlers for users, groups and roles: parse, authorise on `uin/<uin>`, `group/<id>` or `roleName/<name>`
 * (creates on the `*` of their kind), call the PrincipalsModel and render the view the SDK models describe.
 */
import { PrincipalsModel } from './principals';
import { ApiError } from '../../api-error';
import { Params, ParamsHandler } from '../../params';
import { ActionContext } from '../../service';

function modelFor(ctx: ActionContext): PrincipalsModel {
  return new PrincipalsModel(ctx.state, ctx.caller.ownerUin, ctx.now());
}

const arn = (ctx: ActionContext, resource: string) => ctx.resourceArn('cam', resource);

/** 0/1 flags as the CAM API takes them. */
function flag(p: Params, field: string): number | undefined {
  return p.optionalInteger(field, 0, 1);
}

function roleOf(model: PrincipalsModel, p: Params) {
  if (!p.has('RoleId') && !p.has('RoleName')) throw new ApiError('InvalidParameter.ParamError', 'One of `RoleId` and `RoleName` is required.');
  return model.role(p.has('RoleId') ? String(p.value('RoleId')) : undefined, p.value('RoleName'));
}

function roleArn(ctx: ActionContext, roleName: string): string {
  return `qcs::cam::uin/${ctx.caller.ownerUin}:roleName/${roleName}`;
}

const DESCRIBE_SUB_ACCOUNTS_MAX = 50;

export const PRINCIPAL_HANDLERS: Readonly<Record<string, ParamsHandler>> = {
  AddUser(ctx, p) {
    ctx.authorize('cam:AddUser', [arn(ctx, 'uin/*')]);
    const { user, password, secretId, secretKey } = modelFor(ctx).addUser({
      name: p.string('Name'),
      remark: p.optionalString('Remark'),
      consoleLogin: flag(p, 'ConsoleLogin'),
      useApi: flag(p, 'UseApi'),
      password: p.optionalString('Password'),
      needResetPassword: flag(p, 'NeedResetPassword'),
      phoneNum: p.optionalString('PhoneNum'),
      countryCode: p.optionalString('CountryCode'),
      email: p.optionalString('Email'),
    });
    // INFERRED: the Uid is reported equal to the Uin (the emulator has one id per sub-user).
    return { Uin: Number(user.uin), Name: user.name, Password: password, SecretId: secretId, SecretKey: secretKey, Uid: Number(user.uin) };
  },

  GetUser(ctx, p) {
    const name = p.string('Name');
    const model = modelFor(ctx);
    let user;
    try {
      user = model.user(name);
    } catch (e) {
      // Authorised before the existence check, so a caller without the permission learns nothing about the name.
      ctx.authorize('cam:GetUser', [arn(ctx, 'uin/*')]);
      throw e;
    }
    ctx.authorize('cam:GetUser', [arn(ctx, `uin/${user.uin}`)]);
    const profile = model.userProfile(user);
    return {
      Uin: Number(user.uin),
      Name: user.name,
      Uid: Number(user.uin),
      Remark: profile.remark,
      ConsoleLogin: profile.consoleLogin,
      PhoneNum: profile.phoneNum,
      CountryCode: profile.countryCode,
      Email: profile.email,
      RecentlyLoginIP: '',
      RecentlyLoginTime: '',
    };
  },

  /**
   * The caller's own account. INFERRED: authorised as `cam:GetUserAppId` on `*` (the stricter guess; a deployer
   * without it fails loudly with UnauthorizedOperation instead of passing where CAM might refuse).
   */
  GetUserAppId(ctx) {
    ctx.authorize('cam:GetUserAppId', ['*']);
    return { Uin: ctx.caller.uin, OwnerUin: ctx.caller.ownerUin, AppId: Number(ctx.caller.appId) };
  },

  /** At most 50 UINs (the SDK documents the limit); authorised on every `uin/<uin>` asked for. */
  DescribeSubAccounts(ctx, p) {
    const uins = p.list('FilterSubAccountUin', 'must be a list of sub-user UINs').map(String);
    if (uins.length < 1 || uins.length > DESCRIBE_SUB_ACCOUNTS_MAX) {
      throw new ApiError('InvalidParameter.ParamError', `FilterSubAccountUin must list 1 to ${DESCRIBE_SUB_ACCOUNTS_MAX} UINs; it lists ${uins.length}.`);
    }
    ctx.authorize('cam:DescribeSubAccounts', uins.map((uin) => arn(ctx, `uin/${uin}`)));
    const model = modelFor(ctx);
    return {
      SubAccounts: model.subAccounts(uins).map((u) => {
        const profile = model.userProfile(u);
        // SubAccountUser; UserType 0 and no recorded login (INFERRED: the emulator has no console).
        return {
          Uin: Number(u.uin),
          Name: u.name,
          Uid: Number(u.uin),
          Remark: profile.remark,
          CreateTime: profile.createTime,
          UserType: 0,
          LastLoginIp: '',
          LastLoginTime: '',
        };
      }),
    };
  },

  UpdateUser(ctx, p) {
    const model = modelFor(ctx);
    const user = model.user(p.string('Name'));
    ctx.authorize('cam:UpdateUser', [arn(ctx, `uin/${user.uin}`)]);
    model.updateUser(user, {
      remark: p.optionalString('Remark'),
      consoleLogin: flag(p, 'ConsoleLogin'),
      password: p.optionalString('Password'),
      needResetPassword: flag(p, 'NeedResetPassword'),
      phoneNum: p.optionalString('PhoneNum'),
      countryCode: p.optionalString('CountryCode'),
      email: p.optionalString('Email'),
    });
    return {};
  },

  DeleteUser(ctx, p) {
    const model = modelFor(ctx);
    const user = model.user(p.string('Name'));
    ctx.authorize('cam:DeleteUser', [arn(ctx, `uin/${user.uin}`)]);
    model.deleteUser(user, p.optionalInteger('Force', 0, 1) === 1);
    return {};
  },

  CreateGroup(ctx, p) {
    ctx.authorize('cam:CreateGroup', [arn(ctx, 'group/*')]);
    const group = modelFor(ctx).createGroup(p.string('GroupName'), p.optionalString('Remark'));
    return { GroupId: group.groupId };
  },

  GetGroup(ctx, p) {
    ctx.authorize('cam:GetGroup', [arn(ctx, `group/${String(p.value('GroupId'))}`)]);
    const model = modelFor(ctx);
    const group = model.group(p.value('GroupId'));
    const members = model.members(group);
    const profile = model.groupProfile(group);
    return {
      GroupId: group.groupId,
      GroupName: group.name,
      GroupNum: members.length,
      Remark: profile.remark,
      CreateTime: profile.createTime,
      UserInfo: members.map((u) => {
        const member = model.userProfile(u);
        return { Uid: Number(u.uin), Uin: Number(u.uin), Name: u.name, Remark: member.remark, CreateTime: member.createTime, UserType: 0 };
      }),
    };
  },

  UpdateGroup(ctx, p) {
    ctx.authorize('cam:UpdateGroup', [arn(ctx, `group/${String(p.value('GroupId'))}`)]);
    const model = modelFor(ctx);
    model.updateGroup(model.group(p.value('GroupId')), { name: p.optionalString('GroupName'), remark: p.optionalString('Remark') });
    return {};
  },

  DeleteGroup(ctx, p) {
    ctx.authorize('cam:DeleteGroup', [arn(ctx, `group/${String(p.value('GroupId'))}`)]);
    const model = modelFor(ctx);
    model.deleteGroup(model.group(p.value('GroupId')));
    return {};
  },

  CreateRole(ctx, p) {
    const name = p.string('RoleName');
    ctx.authorize('cam:CreateRole', [roleArn(ctx, name)]);
    const role = modelFor(ctx).createRole({
      name,
      policyDocument: p.string('PolicyDocument'),
      description: p.optionalString('Description'),
      consoleLogin: flag(p, 'ConsoleLogin'),
      sessionDuration: p.optionalInteger('SessionDuration', 0),
      tags: p.structs('Tags', 'must be a list of {"Key", "Value"}').map((t) => ({ Key: t.string('Key'), Value: t.string('Value') })),
    });
    return { RoleId: role.roleId };
  },

  DescribeRoleList(ctx, p) {
    ctx.authorize('cam:DescribeRoleList', [roleArn(ctx, '*')]);
    const page = p.optionalInteger('Page', 1) ?? 1;
    const rp = p.optionalInteger('Rp', 1, 200) ?? 20;
    const model = modelFor(ctx);
    const roles = model.roles().sort((a, b) => a.roleId.localeCompare(b.roleId));
    return {
      TotalNum: roles.length,
      List: roles.slice((page - 1) * rp, page * rp).map((role) => {
        const profile = model.roleProfile(role);
        return {
          RoleId: role.roleId,
          RoleName: role.roleName,
          PolicyDocument: profile.policyDocument,
          Description: profile.description,
          AddTime: profile.addTime,
          UpdateTime: profile.updateTime,
          ConsoleLogin: profile.consoleLogin,
          RoleType: 'user',
          SessionDuration: profile.sessionDuration,
          Tags: profile.tags,
          RoleArn: roleArn(ctx, role.roleName),
        };
      }),
    };
  },

  UpdateRoleDescription(ctx, p) {
    const model = modelFor(ctx);
    const role = roleOf(model, p);
    ctx.authorize('cam:UpdateRoleDescription', [roleArn(ctx, role.roleName)]);
    // Required but may be empty: an empty description clears it (the provider sends "" when the argument is removed).
    model.updateRole(role, { description: String(p.value('Description') ?? '') });
    return {};
  },

  UpdateAssumeRolePolicy(ctx, p) {
    const model = modelFor(ctx);
    const role = roleOf(model, p);
    ctx.authorize('cam:UpdateAssumeRolePolicy', [roleArn(ctx, role.roleName)]);
    model.updateRole(role, { policyDocument: p.string('PolicyDocument') });
    return {};
  },

  UpdateRoleConsoleLogin(ctx, p) {
    const model = modelFor(ctx);
    const role = roleOf(model, p);
    ctx.authorize('cam:UpdateRoleConsoleLogin', [roleArn(ctx, role.roleName)]);
    model.updateRole(role, { consoleLogin: p.optionalInteger('ConsoleLogin', 0, 1) });
    return {};
  },

  UpdateRoleSessionDuration(ctx, p) {
    const model = modelFor(ctx);
    const role = roleOf(model, p);
    ctx.authorize('cam:UpdateRoleSessionDuration', [roleArn(ctx, role.roleName)]);
    model.updateRole(role, { sessionDuration: p.optionalInteger('SessionDuration', 0) });
    return {};
  },

  DeleteRole(ctx, p) {
    const model = modelFor(ctx);
    const role = roleOf(model, p);
    ctx.authorize('cam:DeleteRole', [roleArn(ctx, role.roleName)]);
    model.deleteRole(role);
    return {};
  },
};
