/**
 * The registry's docker-style login check (`docker login <name>.tencentcloudcr.com`), used by the admin interface
 * and tests; no signed API reaches it.
 */
import { digestMatches, stripServiceAccountPrefix, tcrState, TcrPermissionRecord } from './model';
import { SERVICE_ACCOUNT_CI_PREFIX, SERVICE_ACCOUNT_PREFIX } from '../../../validation/name-rules';
import { own } from '../../params';
import { EmulatorState } from '../../service';

export interface RegistryLoginResult {
  readonly ok: boolean;
  /** Why the login failed, without the password. */
  readonly reason?: string;
  /** `service-account` or `token`. */
  readonly kind?: string;
  /** For service accounts, the namespaces and actions the login grants. */
  readonly permissions?: readonly TcrPermissionRecord[];
}

/**
 * Checks a docker-style login to `instanceId`: a service account (`tcr$name` or `tcr@name`) or an instance
 * token (user name = the creator's UIN). Disabled or expired accounts and tokens fail, as the registry does.
 */
export function verifyRegistryLogin(state: EmulatorState, instanceId: string, username: string, password: string, now: number): RegistryLoginResult {
  const instance = own(tcrState(state).instances, instanceId);
  if (!instance) return { ok: false, reason: `instance ${instanceId} does not exist` };
  if (username.startsWith(SERVICE_ACCOUNT_PREFIX) || username.startsWith(SERVICE_ACCOUNT_CI_PREFIX)) {
    const account = own(instance.serviceAccounts, stripServiceAccountPrefix(username));
    if (!account || !digestMatches(password, account.password)) return { ok: false, reason: 'unauthorized: bad user name or password' };
    if (account.disabled) return { ok: false, reason: `service account ${username} is disabled` };
    if (account.expiresAt !== 0 && account.expiresAt <= now) return { ok: false, reason: `service account ${username} has expired` };
    return { ok: true, kind: 'service-account', permissions: account.permissions.map((p) => ({ resource: p.resource, actions: [...p.actions] })) };
  }
  const token = Object.values(instance.tokens).find((t) => t.username === username && digestMatches(password, t.token));
  if (!token) return { ok: false, reason: 'unauthorized: bad user name or password' };
  if (!token.enabled) return { ok: false, reason: 'token is disabled' };
  if (token.expiresAt !== 0 && token.expiresAt <= now) return { ok: false, reason: 'token has expired' };
  return { ok: true, kind: 'token' };
}
