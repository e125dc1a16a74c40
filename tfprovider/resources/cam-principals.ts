/**
 * CAM users, groups and roles, following provider v1.83.25 (resource_tc_cam_user.go, resource_tc_cam_group.go,
 * resource_tc_cam_role.go): the same API calls, ids (user name, group id, role id) and read-back. The provider's
 * fixed sleeps after create (10 s, 5 s) are left out: the emulator is consistent at once.
 */
import { ApiCallError } from '../api';
import { Diagnostics, ProviderError } from '../diagnostics';
import { known, Obj } from '../plan';
import { policyDocumentForceCheck, sameJson } from './cam';
import { bool, isNotFound, num, orPrior, readBack, str } from './common';
import { TagResource, tagsRead, tagsWrite } from './tags';
import { ResourceContext, ResourceDefinition } from './types';

const flag = (v: boolean) => (v ? 1 : 0);

/**
 * tccommon.ValidateAsConfigPassword: 8-16 characters with at least two of letters, digits and symbols. The
 * provider's message quotes the password; the stand-in never repeats a secret, so the value is left out.
 */
export function validateConfigPassword(config: Obj, diags: Diagnostics): void {
  const pw = str(config.password);
  if (pw === undefined) return;
  if (pw.length > 16 || pw.length < 8) diags.error('the length of password must be 8-16', '', ['password']);
  const kinds = new Set<string>();
  if (/[()~!@#$%^&*\-+={}[\]:;',.?/]/.test(pw)) kinds.add('symbol');
  if (/[0-9]/.test(pw)) kinds.add('digit');
  if (/[A-Za-z]/.test(pw)) kinds.add('letter');
  if (kinds.size < 2) diags.error('password is invalid, it must contains at least letters, numbers, and characters(_+-&=!@#$%^*())', '', ['password']);
}

async function getUser(ctx: ResourceContext, name: string): Promise<any | undefined> {
  try {
    return await ctx.api.call('cam', 'GetUser', { Name: name });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

const userTags = (ctx: ResourceContext, uin: unknown): TagResource => ({ service: 'cam', type: 'uin', region: ctx.region, id: String(uin) });

export const camUser: ResourceDefinition = {
  forceNew: ['name'],
  defaults: { remark: '', force_delete: false, use_api: true, console_login: false, need_reset_password: true },
  validate: validateConfigPassword,
  async create(ctx, p) {
    const name = str(p.name)!;
    const resp = await ctx.api.call('cam', 'AddUser', {
      Name: name,
      // GetOk: an empty remark is not sent.
      ...(str(p.remark) ? { Remark: str(p.remark) } : {}),
      UseApi: flag(bool(p.use_api) ?? true),
      ConsoleLogin: flag(bool(p.console_login) ?? false),
      NeedResetPassword: flag(bool(p.need_reset_password) ?? true),
      ...(str(p.phone_num) ? { PhoneNum: str(p.phone_num) } : {}),
      ...(str(p.country_code) ? { CountryCode: str(p.country_code) } : {}),
      ...(str(p.email) ? { Email: str(p.email) } : {}),
      ...(str(p.password) ? { Password: str(p.password) } : {}),
    });
    if (resp.Uid === undefined || resp.Uid === null) throw new ProviderError('[CHECK][CAM user][Create] check: CAM user id returns nil');
    const id = String(resp.Name ?? name);
    ctx.created?.(id);
    // As the provider: the key pair and the password of AddUser are kept in state (Sensitive attributes).
    const created: Obj = { ...p, id, secret_key: resp.SecretKey ?? '', password: resp.Password ?? str(p.password) ?? '', secret_id: resp.SecretId ?? '' };
    await tagsWrite(ctx, userTags(ctx, resp.Uin), null, p.tags);
    return readBack(this, ctx, created, `CAM user ${id} not found after create`);
  },
  async read(ctx, s) {
    const name = String(s.id);
    const u = await getUser(ctx, name);
    if (!u || u.Uid === undefined || u.Uid === null) return null;
    return {
      ...s,
      name,
      uin: u.Uin ?? null,
      uid: u.Uid ?? null,
      remark: u.Remark ?? '',
      phone_num: u.PhoneNum ?? '',
      country_code: u.CountryCode ?? '',
      email: u.Email ?? '',
      console_login: u.ConsoleLogin === 1 ? true : u.ConsoleLogin === 0 ? false : s.console_login ?? null,
      tags: await tagsRead(ctx, userTags(ctx, u.Uin)),
    };
  },
  async update(ctx, prior, p) {
    const name = String(prior.id);
    const changed = (a: string) => JSON.stringify(prior[a] ?? null) !== JSON.stringify(p[a] ?? null);
    const request: Record<string, unknown> = {};
    if (changed('remark')) request.Remark = str(p.remark) ?? '';
    if (changed('console_login')) request.ConsoleLogin = flag(bool(p.console_login) ?? false);
    if (changed('password')) request.Password = str(p.password) ?? '';
    if (changed('need_reset_password')) request.NeedResetPassword = flag(bool(p.need_reset_password) ?? false);
    if (changed('phone_num') || changed('country_code')) {
      request.PhoneNum = str(p.phone_num) ?? '';
      request.CountryCode = str(p.country_code) ?? '';
    }
    if (changed('email')) request.Email = str(p.email) ?? '';
    if (Object.keys(request).length > 0) await ctx.api.call('cam', 'UpdateUser', { Name: name, ...request });
    if (changed('tags')) {
      const u = await getUser(ctx, name);
      if (!u) throw new ProviderError(`CAM user ${name} not found`);
      await tagsWrite(ctx, userTags(ctx, u.Uin), prior.tags, p.tags);
    }
    // As the provider: the update ends without a read, the planned values are the new state.
    return { ...prior, ...p, id: prior.id };
  },
  async delete(ctx, s) {
    await ctx.api.call('cam', 'DeleteUser', { Name: String(s.id), Force: flag(bool(s.force_delete) ?? false) });
  },
};

function groupIdNumber(id: string): number {
  if (!/^\d+$/.test(id)) throw new ProviderError(`strconv.Atoi: parsing "${id}": invalid syntax`, 'CAM group ids are unsigned integers.');
  return Number(id);
}

export const camGroup: ResourceDefinition = {
  async create(ctx, p) {
    const resp = await ctx.api.call('cam', 'CreateGroup', { GroupName: str(p.name), ...(str(p.remark) ? { Remark: str(p.remark) } : {}) });
    if (resp.GroupId === undefined || resp.GroupId === null) throw new ProviderError('CAM group id is nil');
    const id = String(resp.GroupId);
    ctx.created?.(id);
    return readBack(this, ctx, { ...p, id }, `CAM group ${id} not found after create`);
  },
  async read(ctx, s) {
    let g: any;
    try {
      g = await ctx.api.call('cam', 'GetGroup', { GroupId: groupIdNumber(String(s.id)) });
    } catch (e) {
      if (e instanceof ApiCallError && e.code.includes('ResourceNotFound')) return null;
      throw e;
    }
    if (g.GroupId === undefined || g.GroupId === null) return null;
    return { ...s, name: g.GroupName ?? null, create_time: g.CreateTime ?? null, remark: orPrior(g.Remark, s.remark) };
  },
  async update(ctx, prior, p) {
    if (prior.name !== p.name || (prior.remark ?? null) !== (p.remark ?? null)) {
      await ctx.api.call('cam', 'UpdateGroup', {
        GroupId: groupIdNumber(String(prior.id)),
        GroupName: str(p.name),
        ...(str(p.remark) ? { Remark: str(p.remark) } : {}),
      });
    }
    return readBack(this, ctx, { ...prior, ...p, id: prior.id }, `CAM group ${String(prior.id)} not found after update`);
  },
  async delete(ctx, s) {
    await ctx.api.call('cam', 'DeleteGroup', { GroupId: groupIdNumber(String(s.id)) });
  },
};

/** The provider's DescribeRoleById: DescribeRoleList page by page (200 a page), matched on RoleId. */
async function findRole(ctx: ResourceContext, roleId: string): Promise<any | undefined> {
  for (let page = 1; ; page++) {
    const resp = await ctx.api.call('cam', 'DescribeRoleList', { Page: page, Rp: 200 });
    const list: any[] = resp.List ?? [];
    const hit = list.find((r) => r.RoleId === roleId);
    if (hit || list.length < 200) return hit;
  }
}

const roleTags = (roleId: string): TagResource => ({ service: 'cam', type: 'role', region: '', id: roleId });

export const camRole: ResourceDefinition = {
  forceNew: ['name'],
  async create(ctx, p) {
    const document = str(p.document) ?? '';
    policyDocumentForceCheck(document);
    const consoleLogin = bool(p.console_login);
    const session = num(p.session_duration);
    const resp = await ctx.api.call('cam', 'CreateRole', {
      RoleName: str(p.name),
      PolicyDocument: document,
      ...(str(p.description) ? { Description: str(p.description) } : {}),
      ...(consoleLogin !== undefined ? { ConsoleLogin: flag(consoleLogin) } : {}),
      ...(session !== undefined ? { SessionDuration: session } : {}),
    });
    if (!resp.RoleId) throw new ProviderError('Create CAM role failed, Response is nil.');
    const id = String(resp.RoleId);
    ctx.created?.(id);
    await tagsWrite(ctx, roleTags(id), null, p.tags);
    return readBack(this, ctx, { ...p, id }, `CAM role ${id} not found after create`);
  },
  async read(ctx, s) {
    const role = await findRole(ctx, String(s.id));
    if (!role) return null;
    return {
      ...s,
      name: role.RoleName ?? null,
      // The API may re-serialise the document; the configured text stays while it means the same (DiffSuppressFunc).
      document: sameJson(role.PolicyDocument, known<string>(s.document)) ? s.document : role.PolicyDocument ?? null,
      session_duration: role.SessionDuration ?? null,
      create_time: role.AddTime ?? null,
      update_time: role.UpdateTime ?? null,
      description: role.Description ?? s.description ?? null,
      role_arn: role.RoleArn ?? s.role_arn ?? null,
      console_login: role.ConsoleLogin === 1,
      tags: await tagsRead(ctx, roleTags(String(s.id))),
    };
  },
  async update(ctx, prior, p) {
    const roleId = String(prior.id);
    const changed = (a: string) => JSON.stringify(prior[a] ?? null) !== JSON.stringify(p[a] ?? null);
    if (changed('description')) await ctx.api.call('cam', 'UpdateRoleDescription', { RoleId: roleId, Description: str(p.description) ?? '' });
    if (changed('document') && !sameJson(known<string>(prior.document), known<string>(p.document))) {
      const document = str(p.document) ?? '';
      policyDocumentForceCheck(document);
      await ctx.api.call('cam', 'UpdateAssumeRolePolicy', { RoleId: roleId, PolicyDocument: document });
    }
    if (changed('tags')) await tagsWrite(ctx, roleTags(roleId), prior.tags, p.tags);
    /*
     * These two take RoleId as an integer: role ids (4611686018427387905, ...) are beyond a JavaScript number's
     * exact range, so the stand-in names the role by RoleName, which both actions accept, instead of the id.
     */
    const roleName = str(prior.name)!;
    if (changed('console_login')) {
      await ctx.api.call('cam', 'UpdateRoleConsoleLogin', { RoleName: roleName, ConsoleLogin: flag(bool(p.console_login) ?? false) });
    }
    const session = num(p.session_duration);
    if (changed('session_duration') && session !== undefined) {
      await ctx.api.call('cam', 'UpdateRoleSessionDuration', { RoleName: roleName, SessionDuration: session });
    }
    return readBack(this, ctx, { ...prior, ...p, id: prior.id }, `CAM role ${roleId} not found after update`);
  },
  async delete(ctx, s) {
    await ctx.api.call('cam', 'DeleteRole', { RoleId: String(s.id) });
  },
};
