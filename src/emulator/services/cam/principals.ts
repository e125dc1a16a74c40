/**
 * CAM users, groups and roles as the CAM API manages them (AddUser/UpdateUser/DeleteUser, CreateGroup/UpdateGroup/
 * DeleteGroup, CreateRole, the UpdateRole actions, DeleteRole). The identities themselves live in the core's `accounts` slice
 * (a sub-user's key pair authenticates real requests; a group's members and a role's sessions are what CAM
 * evaluation sees); what only the CAM API reports (remarks, contact details, console login, a role's trust policy,
 * session duration and tags, creation times) is kept here, in the `cam` slice under `principals`; deleting a
 * user or role deletes this record, and so its tags.
 *
 * INFERRED (not in the reference facts; each chosen to refuse rather than accept): name rules (users 1-64, groups
 * 1-64, roles 1-128 characters of letters, digits and `+=,.@_-`), the password rule (8-32 characters with a
 * lowercase and an uppercase letter, a digit and a symbol), description limits (remark 255, role description 300
 * characters), session duration 3600-43200 s (default 7200), the trust-policy check (version 2.0; every statement
 * with an effect, an action and a principal).
 */
import * as crypto from 'crypto';
import { camOf, camTime, CamState } from './model';
import { AccountsState, accountsOf, createGroup, createKeyPair, createRole, createSubAccount, Group, Role, SubAccount } from '../../accounts';
import { ApiError } from '../../api-error';
import { echo, own } from '../../params';
import { EmulatorState } from '../../service';

export interface UserProfile {
  remark: string;
  consoleLogin: number;
  phoneNum: string;
  countryCode: string;
  email: string;
  readonly createTime: string;
  /** Set through the Tag API (`cam:uin/<uin>`). */
  tags?: Array<{ Key: string; Value: string }>;
}

export interface GroupProfile {
  remark: string;
  readonly createTime: string;
}

export interface RoleProfile {
  policyDocument: string;
  description: string;
  consoleLogin: number;
  sessionDuration: number;
  readonly addTime: string;
  updateTime: string;
  /** From CreateRole, then through the Tag API (`cam:role/<roleId>`). */
  tags: Array<{ Key: string; Value: string }>;
}

export interface PrincipalsState {
  users: Record<string, UserProfile>;
  groups: Record<string, GroupProfile>;
  roles: Record<string, RoleProfile>;
}

export function principalsOf(cam: CamState): PrincipalsState {
  if (!cam.principals) cam.principals = { users: {}, groups: {}, roles: {} };
  return cam.principals;
}

const NAME = /^[A-Za-z0-9+=,.@_-]+$/;
export const USER_NAME_MAX = 64;
export const GROUP_NAME_MAX = 64;
export const ROLE_NAME_MAX = 128;
export const REMARK_MAX = 255;
export const ROLE_DESCRIPTION_MAX = 300;
export const SESSION_DURATION = { min: 3600, max: 43200, default: 7200 } as const;

function checkName(value: string, max: number, code: string, what: string): void {
  if (value.length < 1 || value.length > max || !NAME.test(value)) {
    throw new ApiError(code, `${what} ${echo(value)} is invalid: it must be 1-${max} characters of letters, digits and +=,.@_-.`);
  }
}

/** Never echoes the password. */
function checkPassword(password: string): void {
  const ok = password.length >= 8 && password.length <= 32 && /[a-z]/.test(password) && /[A-Z]/.test(password)
    && /[0-9]/.test(password) && /[^A-Za-z0-9]/.test(password);
  if (!ok) {
    throw new ApiError('InvalidParameter.PasswordViolatedRules',
      'Password violates the password rules: 8-32 characters with a lowercase and an uppercase letter, a digit and a symbol.');
  }
}

function checkFlag(field: string, v: number | undefined): void {
  if (v !== undefined && v !== 0 && v !== 1) throw new ApiError('InvalidParameter.ParamError', `${field} must be 0 or 1, got ${echo(v)}.`);
}

/** The trust policy a role is assumed under: a small structural check (CAM's own parser is not reproduced). */
function checkTrustPolicy(text: string): void {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ApiError('InvalidParameter.StatementError', 'PolicyDocument is not valid JSON.');
  }
  if (!doc || typeof doc !== 'object' || doc.version !== '2.0') throw new ApiError('InvalidParameter.VersionError', 'PolicyDocument version must be "2.0".');
  if (!Array.isArray(doc.statement) || doc.statement.length === 0) throw new ApiError('InvalidParameter.StatementError', 'PolicyDocument needs a non-empty statement list.');
  doc.statement.forEach((st: any, i: number) => {
    if (!st || (st.effect !== 'allow' && st.effect !== 'deny')) throw new ApiError('InvalidParameter.EffectError', `statement[${i}].effect must be allow or deny.`);
    if (st.action === undefined || st.action === null || (Array.isArray(st.action) && st.action.length === 0)) {
      throw new ApiError('InvalidParameter.ActionMiss', `statement[${i}] has no action.`);
    }
    if (!st.principal || typeof st.principal !== 'object') throw new ApiError('InvalidParameter.PrincipalError', `statement[${i}] has no principal.`);
  });
}

function randomPassword(): string {
  // Meets the rule above: one of each class, then random letters and digits.
  const body = crypto.randomBytes(12).toString('base64').replace(/[^A-Za-z0-9]/g, 'x');
  return `Aa1!${body}`;
}

export interface NewUser {
  readonly name: string;
  readonly remark?: string;
  readonly consoleLogin?: number;
  readonly useApi?: number;
  readonly password?: string;
  readonly needResetPassword?: number;
  readonly phoneNum?: string;
  readonly countryCode?: string;
  readonly email?: string;
}

export interface UserChange {
  readonly remark?: string;
  readonly consoleLogin?: number;
  readonly password?: string;
  readonly needResetPassword?: number;
  readonly phoneNum?: string;
  readonly countryCode?: string;
  readonly email?: string;
}

export interface NewRole {
  readonly name: string;
  readonly policyDocument: string;
  readonly description?: string;
  readonly consoleLogin?: number;
  readonly sessionDuration?: number;
  readonly tags: Array<{ Key: string; Value: string }>;
}

/** CAM users, groups and roles of one root account. */
export class PrincipalsModel {
  private readonly accounts: AccountsState;
  private readonly principals: PrincipalsState;
  private readonly cam: CamState;

  constructor(state: EmulatorState, private readonly ownerUin: string, private readonly now: number) {
    this.accounts = accountsOf(state);
    this.cam = camOf(state);
    this.principals = principalsOf(this.cam);
  }

  private time(): string {
    return camTime(this.now);
  }

  // ---- users

  user(name: unknown): SubAccount {
    const user = Object.values(this.accounts.users).find((u) => u.ownerUin === this.ownerUin && u.name === name);
    if (!user) throw new ApiError('ResourceNotFound.UserNotExist', `The sub-user ${echo(name)} does not exist.`);
    return user;
  }

  /**
   * The owner's sub-users among `uins`, in the order asked; a uin that is no sub-user of the owner (the root
   * account itself, another account's user, a deleted one) is left out (INFERRED: the API documents no error).
   */
  subAccounts(uins: readonly string[]): SubAccount[] {
    return uins.map((uin) => own(this.accounts.users, uin)).filter((u): u is SubAccount => u !== undefined && u.ownerUin === this.ownerUin);
  }

  userProfile(user: SubAccount): UserProfile {
    return own(this.principals.users, user.uin) ?? { remark: '', consoleLogin: 0, phoneNum: '', countryCode: '', email: '', createTime: '' };
  }

  /** The password is returned once (console login) and never stored; so are the key pair's SecretKey. */
  addUser(input: NewUser): { user: SubAccount; password: string; secretId: string; secretKey: string } {
    checkName(input.name, USER_NAME_MAX, 'InvalidParameter.UserNameIllegal', 'Name');
    checkFlag('ConsoleLogin', input.consoleLogin);
    checkFlag('UseApi', input.useApi);
    checkFlag('NeedResetPassword', input.needResetPassword);
    if (input.password !== undefined) checkPassword(input.password);
    if ((input.remark ?? '').length > REMARK_MAX) throw new ApiError('InvalidParameter.ParamError', `Remark is longer than ${REMARK_MAX} characters.`);
    if (Object.values(this.accounts.users).some((u) => u.ownerUin === this.ownerUin && u.name === input.name)) {
      throw new ApiError('InvalidParameter.SubUserNameInUse', `A sub-user named ${echo(input.name)} already exists.`);
    }
    const user = createSubAccount(this.accounts, { name: input.name, ownerUin: this.ownerUin });
    const key = input.useApi === 1 ? createKeyPair(this.accounts, user.uin, this.now) : undefined;
    this.principals.users[user.uin] = {
      remark: input.remark ?? '',
      consoleLogin: input.consoleLogin ?? 0,
      phoneNum: input.phoneNum ?? '',
      countryCode: input.countryCode ?? '',
      email: input.email ?? '',
      createTime: this.time(),
    };
    const password = input.consoleLogin === 1 ? input.password ?? randomPassword() : '';
    return { user, password, secretId: key?.secretId ?? '', secretKey: key?.secretKey ?? '' };
  }

  updateUser(user: SubAccount, change: UserChange): void {
    checkFlag('ConsoleLogin', change.consoleLogin);
    checkFlag('NeedResetPassword', change.needResetPassword);
    if (change.password !== undefined) checkPassword(change.password);
    if ((change.remark ?? '').length > REMARK_MAX) throw new ApiError('InvalidParameter', `Remark is longer than ${REMARK_MAX} characters.`);
    const profile = { ...this.userProfile(user) };
    if (change.remark !== undefined) profile.remark = change.remark;
    if (change.consoleLogin !== undefined) profile.consoleLogin = change.consoleLogin;
    if (change.phoneNum !== undefined) profile.phoneNum = change.phoneNum;
    if (change.countryCode !== undefined) profile.countryCode = change.countryCode;
    if (change.email !== undefined) profile.email = change.email;
    this.principals.users[user.uin] = profile;
  }

  /** Without `force`, a sub-user that still has API keys is kept (OperationDenied.HaveKeys). */
  deleteUser(user: SubAccount, force: boolean): void {
    const keys = Object.values(this.accounts.keys).filter((k) => k.uin === user.uin);
    if (!force && keys.some((k) => k.token === undefined)) {
      throw new ApiError('OperationDenied.HaveKeys', `The sub-user ${echo(user.name)} still has API keys; delete them first or use Force.`);
    }
    for (const k of keys) delete this.accounts.keys[k.secretId];
    delete this.accounts.users[user.uin];
    delete this.principals.users[user.uin];
    delete this.cam.attachments.user[user.uin];
  }

  // ---- groups

  group(id: unknown): Group {
    const g = own(this.accounts.groups, String(id));
    if (!g || g.ownerUin !== this.ownerUin) throw new ApiError('ResourceNotFound.GroupNotExist', `The user group ${echo(id)} does not exist.`);
    return g;
  }

  groupProfile(group: Group): GroupProfile {
    return own(this.principals.groups, String(group.groupId)) ?? { remark: '', createTime: '' };
  }

  members(group: Group): SubAccount[] {
    return Object.values(this.accounts.users).filter((u) => u.ownerUin === this.ownerUin && u.groupIds.includes(group.groupId));
  }

  private checkGroupName(name: string, except?: Group): void {
    checkName(name, GROUP_NAME_MAX, 'InvalidParameter.ParamError', 'GroupName');
    if (Object.values(this.accounts.groups).some((g) => g.ownerUin === this.ownerUin && g.name === name && g !== except)) {
      throw new ApiError('InvalidParameter.GroupNameInUse', `A user group named ${echo(name)} already exists.`);
    }
  }

  createGroup(name: string, remark: string | undefined): Group {
    this.checkGroupName(name);
    if ((remark ?? '').length > REMARK_MAX) throw new ApiError('InvalidParameter.ParamError', `Remark is longer than ${REMARK_MAX} characters.`);
    const group = createGroup(this.accounts, { name, ownerUin: this.ownerUin });
    this.principals.groups[String(group.groupId)] = { remark: remark ?? '', createTime: this.time() };
    return group;
  }

  updateGroup(group: Group, change: { name?: string; remark?: string }): void {
    if (change.name !== undefined && change.name !== group.name) {
      this.checkGroupName(change.name, group);
      // Group records are shared with the core; a rename replaces the record.
      this.accounts.groups[String(group.groupId)] = { ...group, name: change.name };
    }
    if (change.remark !== undefined) {
      if (change.remark.length > REMARK_MAX) throw new ApiError('InvalidParameter.ParamError', `Remark is longer than ${REMARK_MAX} characters.`);
      this.principals.groups[String(group.groupId)] = { ...this.groupProfile(group), remark: change.remark };
    }
  }

  deleteGroup(group: Group): void {
    for (const u of this.members(group)) u.groupIds = u.groupIds.filter((id) => id !== group.groupId);
    delete this.accounts.groups[String(group.groupId)];
    delete this.principals.groups[String(group.groupId)];
    delete this.cam.attachments.group[String(group.groupId)];
  }

  // ---- roles

  /** By RoleId or RoleName (one of them given). */
  role(id: unknown, name: unknown): Role {
    const found = Object.values(this.accounts.roles)
      .find((r) => r.ownerUin === this.ownerUin && (id !== undefined ? r.roleId === String(id) : r.roleName === name));
    if (!found) throw new ApiError('InvalidParameter.RoleNotExist', `The role ${echo(id ?? name)} does not exist.`);
    return found;
  }

  roles(): Role[] {
    return Object.values(this.accounts.roles).filter((r) => r.ownerUin === this.ownerUin);
  }

  roleProfile(role: Role): RoleProfile {
    return own(this.principals.roles, role.roleId) ?? {
      policyDocument: '', description: '', consoleLogin: 0, sessionDuration: SESSION_DURATION.default, addTime: '', updateTime: '', tags: [],
    };
  }

  private checkSessionDuration(v: number | undefined): void {
    if (v !== undefined && (!Number.isInteger(v) || v < SESSION_DURATION.min || v > SESSION_DURATION.max)) {
      throw new ApiError('InvalidParameter.ParamError', `SessionDuration must be ${SESSION_DURATION.min}-${SESSION_DURATION.max} seconds, got ${echo(v)}.`);
    }
  }

  private checkRoleDescription(v: string | undefined): void {
    if ((v ?? '').length > ROLE_DESCRIPTION_MAX) {
      throw new ApiError('InvalidParameter.DescriptionLengthOverlimit', `Description is longer than ${ROLE_DESCRIPTION_MAX} characters.`);
    }
  }

  createRole(input: NewRole): Role {
    checkName(input.name, ROLE_NAME_MAX, 'InvalidParameter.RoleNameError', 'RoleName');
    checkTrustPolicy(input.policyDocument);
    this.checkRoleDescription(input.description);
    checkFlag('ConsoleLogin', input.consoleLogin);
    this.checkSessionDuration(input.sessionDuration);
    if (this.roles().some((r) => r.roleName === input.name)) {
      throw new ApiError('InvalidParameter.RoleNameInUse', `A role named ${echo(input.name)} already exists.`);
    }
    const role = createRole(this.accounts, { roleName: input.name, ownerUin: this.ownerUin });
    this.principals.roles[role.roleId] = {
      policyDocument: input.policyDocument,
      description: input.description ?? '',
      consoleLogin: input.consoleLogin ?? 0,
      sessionDuration: input.sessionDuration ?? SESSION_DURATION.default,
      addTime: this.time(),
      updateTime: this.time(),
      tags: input.tags,
    };
    return role;
  }

  updateRole(role: Role, change: { description?: string; policyDocument?: string; consoleLogin?: number; sessionDuration?: number }): void {
    this.checkRoleDescription(change.description);
    if (change.policyDocument !== undefined) checkTrustPolicy(change.policyDocument);
    checkFlag('ConsoleLogin', change.consoleLogin);
    this.checkSessionDuration(change.sessionDuration);
    const profile = { ...this.roleProfile(role), updateTime: this.time() };
    if (change.description !== undefined) profile.description = change.description;
    if (change.policyDocument !== undefined) profile.policyDocument = change.policyDocument;
    if (change.consoleLogin !== undefined) profile.consoleLogin = change.consoleLogin;
    if (change.sessionDuration !== undefined) profile.sessionDuration = change.sessionDuration;
    this.principals.roles[role.roleId] = profile;
  }

  /** The role, its attachments, its profile and every session issued for it. */
  deleteRole(role: Role): void {
    for (const k of Object.values(this.accounts.keys)) if (k.roleId === role.roleId) delete this.accounts.keys[k.secretId];
    delete this.accounts.roles[role.roleId];
    delete this.principals.roles[role.roleId];
    delete this.cam.attachments.role[role.roleId];
  }
}
