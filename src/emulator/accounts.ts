/**
 * Accounts, key pairs and STS-style temporary credentials: the `accounts` slice of the emulator state, owned
 * by the core. Root accounts own everything; sub-accounts (CAM users) belong to a root account and may join
 * groups; roles can be assumed through temporary credentials (SecretId + SecretKey + token).
 */
import * as crypto from 'crypto';
import { ApiError } from './api-error';
import { own } from './params';
import { Caller, EmulatorState } from './service';

export interface RootAccount { readonly uin: string; readonly appId: string; readonly name: string }
export interface SubAccount { readonly uin: string; readonly ownerUin: string; name: string; groupIds: number[] }
export interface Group { readonly groupId: number; readonly ownerUin: string; readonly name: string }
export interface Role { readonly roleId: string; readonly ownerUin: string; readonly roleName: string }

export interface KeyPair {
  readonly secretId: string;
  readonly secretKey: string;
  /** UIN of the account (root or sub-account) the key belongs to. */
  readonly uin: string;
  readonly ownerUin: string;
  status: 'Active' | 'Inactive';
  readonly createdAt: number;
  /** Temporary credentials only. */
  readonly token?: string;
  readonly expiresAt?: number;
  /** Temporary credentials for an assumed role. */
  readonly roleId?: string;
  readonly sessionName?: string;
}

export interface AccountsState {
  nextUin: number;
  nextGroupId: number;
  nextRoleId: number;
  roots: Record<string, RootAccount>;
  users: Record<string, SubAccount>;
  groups: Record<string, Group>;
  roles: Record<string, Role>;
  keys: Record<string, KeyPair>;
}

export function emptyAccounts(): AccountsState {
  return { nextUin: 100000000001, nextGroupId: 1, nextRoleId: 4611686018427387905, roots: {}, users: {}, groups: {}, roles: {}, keys: {} };
}

export function accountsOf(state: EmulatorState): AccountsState {
  if (!state.accounts) state.accounts = emptyAccounts();
  return state.accounts as AccountsState;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length: number): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ID_ALPHABET[bytes[i] % ID_ALPHABET.length];
  return out;
}

/** `AKID` + 32 characters, the shape of a real SecretId. */
export function newSecretId(): string {
  return `AKID${randomString(32)}`;
}

export function newSecretKey(): string {
  return randomString(32);
}

function nextUin(accounts: AccountsState): string {
  let uin = accounts.nextUin;
  while (accounts.roots[String(uin)] || accounts.users[String(uin)]) uin++;
  accounts.nextUin = uin + 1;
  return String(uin);
}

export interface NewRootAccount { uin?: string; appId?: string; name?: string; secretId?: string; secretKey?: string }

export function createRootAccount(accounts: AccountsState, opts: NewRootAccount, now: number): { account: RootAccount; key: KeyPair } {
  const uin = opts.uin ?? nextUin(accounts);
  if (!/^\d+$/.test(uin)) throw new Error(`root account uin ${JSON.stringify(uin)} must be digits`);
  if (accounts.roots[uin] || accounts.users[uin]) throw new Error(`an account with uin ${uin} already exists`);
  const account: RootAccount = { uin, appId: opts.appId ?? String(1250000000 + Object.keys(accounts.roots).length), name: opts.name ?? 'root' };
  accounts.roots[uin] = account;
  const key = createKeyPair(accounts, uin, now, opts.secretId, opts.secretKey);
  return { account, key };
}

export function createSubAccount(accounts: AccountsState, opts: { name: string; ownerUin: string; uin?: string }): SubAccount {
  if (!accounts.roots[opts.ownerUin]) throw new Error(`no root account with uin ${opts.ownerUin}`);
  if (Object.values(accounts.users).some((u) => u.ownerUin === opts.ownerUin && u.name === opts.name)) {
    throw new Error(`sub-account ${JSON.stringify(opts.name)} already exists under ${opts.ownerUin}`);
  }
  const uin = opts.uin ?? nextUin(accounts);
  if (accounts.roots[uin] || accounts.users[uin]) throw new Error(`an account with uin ${uin} already exists`);
  const user: SubAccount = { uin, ownerUin: opts.ownerUin, name: opts.name, groupIds: [] };
  accounts.users[uin] = user;
  return user;
}

export function createKeyPair(accounts: AccountsState, uin: string, now: number, secretId?: string, secretKey?: string): KeyPair {
  const owner = accounts.roots[uin] ? uin : accounts.users[uin]?.ownerUin;
  if (!owner) throw new Error(`no account with uin ${uin}`);
  const id = secretId ?? newSecretId();
  if (accounts.keys[id]) throw new Error(`SecretId ${id} already exists`);
  const key: KeyPair = { secretId: id, secretKey: secretKey ?? newSecretKey(), uin, ownerUin: owner, status: 'Active', createdAt: now };
  accounts.keys[id] = key;
  return key;
}

export function createGroup(accounts: AccountsState, opts: { name: string; ownerUin: string }): Group {
  if (!accounts.roots[opts.ownerUin]) throw new Error(`no root account with uin ${opts.ownerUin}`);
  const group: Group = { groupId: accounts.nextGroupId++, ownerUin: opts.ownerUin, name: opts.name };
  accounts.groups[String(group.groupId)] = group;
  return group;
}

export function addUserToGroup(accounts: AccountsState, uin: string, groupId: number): void {
  const user = accounts.users[uin];
  const group = accounts.groups[String(groupId)];
  if (!user) throw new Error(`no sub-account with uin ${uin}`);
  if (!group || group.ownerUin !== user.ownerUin) throw new Error(`no group ${groupId} under ${user.ownerUin}`);
  if (!user.groupIds.includes(groupId)) user.groupIds.push(groupId);
}

export function createRole(accounts: AccountsState, opts: { roleName: string; ownerUin: string }): Role {
  if (!accounts.roots[opts.ownerUin]) throw new Error(`no root account with uin ${opts.ownerUin}`);
  if (Object.values(accounts.roles).some((r) => r.ownerUin === opts.ownerUin && r.roleName === opts.roleName)) {
    throw new Error(`role ${JSON.stringify(opts.roleName)} already exists under ${opts.ownerUin}`);
  }
  const role: Role = { roleId: String(accounts.nextRoleId++), ownerUin: opts.ownerUin, roleName: opts.roleName };
  accounts.roles[role.roleId] = role;
  return role;
}

export interface TemporaryCredentialsRequest {
  /** Assume this role (by id)... */
  readonly roleId?: string;
  /** ...or issue a federation-style token for this account (root or sub-account). */
  readonly uin?: string;
  readonly sessionName?: string;
  /** Default 7200 s (STS AssumeRole default); expiry follows the virtual clock. */
  readonly durationSeconds?: number;
}

export function issueTemporaryCredentials(accounts: AccountsState, req: TemporaryCredentialsRequest, now: number): KeyPair {
  const duration = req.durationSeconds ?? 7200;
  if (!Number.isInteger(duration) || duration <= 0) throw new Error(`durationSeconds must be a positive integer, got ${duration}`);
  let uin: string;
  let ownerUin: string;
  if (req.roleId !== undefined) {
    const role = accounts.roles[req.roleId];
    if (!role) throw new Error(`no role with id ${req.roleId}`);
    uin = role.ownerUin;
    ownerUin = role.ownerUin;
  } else if (req.uin !== undefined) {
    ownerUin = accounts.roots[req.uin] ? req.uin : accounts.users[req.uin]?.ownerUin;
    if (!ownerUin) throw new Error(`no account with uin ${req.uin}`);
    uin = req.uin;
  } else {
    throw new Error('temporary credentials need a roleId or a uin');
  }
  const key: KeyPair = {
    secretId: newSecretId(),
    secretKey: newSecretKey(),
    uin,
    ownerUin,
    status: 'Active',
    createdAt: now,
    token: randomString(96),
    expiresAt: now + duration * 1000,
    roleId: req.roleId,
    sessionName: req.sessionName ?? 'emulator-session',
  };
  accounts.keys[key.secretId] = key;
  return key;
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/** Resolves the key pair a request claims, checking status and (for temporary credentials) the token and its expiry. */
export function resolveKey(accounts: AccountsState, secretId: string, token: string | undefined, now: number): KeyPair {
  // Own properties only: a SecretId such as `constructor` must not resolve to something on Object.prototype.
  const key = own(accounts.keys, secretId);
  if (!key || key.status !== 'Active') {
    throw new ApiError('AuthFailure.SecretIdNotFound', 'The SecretId is not found; check that it exists and is enabled.');
  }
  if (key.token !== undefined) {
    if (token === undefined || token === '') {
      throw new ApiError('AuthFailure.TokenFailure', 'Temporary credentials need the X-TC-Token header.');
    }
    if (!constantTimeEqual(token, key.token)) {
      throw new ApiError('AuthFailure.TokenFailure', 'The token in X-TC-Token is invalid for this SecretId.');
    }
    if (key.expiresAt !== undefined && now >= key.expiresAt) {
      throw new ApiError('AuthFailure.TokenFailure', 'The temporary credentials have expired.');
    }
  } else if (token !== undefined && token !== '') {
    throw new ApiError('AuthFailure.TokenFailure', 'X-TC-Token was sent with a permanent SecretId; only temporary credentials carry a token.');
  }
  return key;
}

export function callerFor(accounts: AccountsState, key: KeyPair): Caller {
  const root = accounts.roots[key.ownerUin];
  if (key.roleId !== undefined) {
    const role = accounts.roles[key.roleId];
    return {
      ownerUin: key.ownerUin,
      uin: key.ownerUin,
      appId: root.appId,
      type: 'assumed',
      secretId: key.secretId,
      name: `${role?.roleName ?? key.roleId}/${key.sessionName}`,
      roleId: key.roleId,
    };
  }
  if (key.uin === key.ownerUin) {
    return { ownerUin: key.ownerUin, uin: key.uin, appId: root.appId, type: 'root', secretId: key.secretId, name: root.name };
  }
  const user = accounts.users[key.uin];
  return { ownerUin: key.ownerUin, uin: key.uin, appId: root.appId, type: 'subaccount', secretId: key.secretId, name: user?.name ?? key.uin };
}
