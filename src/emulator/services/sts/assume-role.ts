/**
 * STS AssumeRole: temporary credentials of a CAM role for a caller the role's trust policy names.
 *
 * Facts: request and response shapes from the SDK (sts_models.d.ts: RoleArn in the `roleName/<name>` or `role/<id>`
 * form, RoleSessionName 2-128 of `[\w+=,.@-]`, DurationSeconds default 7200 and at most 43200, Policy, ExternalId,
 * Tags at most 50 with distinct keys, MFA SerialNumber/TokenCode); error codes from the Go SDK's list for the action.
 * INFERRED, each the stricter choice so that a wrong guess fails loudly:
 * - the trust policy grants when an allow statement without a condition has the action `name/sts:AssumeRole` (or
 *   `sts:AssumeRole`, or a wildcard matching it) and a `qcs` principal naming the caller (`uin/<owner>:uin/<uin>`) or
 *   its whole account (`uin/<owner>:uin/<owner>` or `uin/<owner>:root`); a matching deny refuses;
 * - a sub-account also needs `sts:AssumeRole` on the role's resource in its own policies (root callers need nothing);
 * - DurationSeconds may not exceed the role's SessionDuration (`InvalidParameter.OverTimeError`);
 * - role chaining (an assumed-role caller assuming again), service roles, session policies (`Policy`) and MFA are not
 *   emulated and are refused rather than granted more broadly than asked.
 */
import { accountsOf, issueTemporaryCredentials, KeyPair, Role } from '../../accounts';
import { ApiError } from '../../api-error';
import { actionMatches } from '../../cam-evaluator';
import { echo } from '../../params';
import { Caller, EmulatorState } from '../../service';
import { camOf } from '../cam/model';
import { principalsOf, SESSION_DURATION } from '../cam/principals';

export const ASSUME_ROLE_DURATION = { default: 7200, max: 43200 } as const;
const SESSION_NAME = /^[\w+=,.@-]{2,128}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,128}$/;
const ROLE_ARN = /^qcs::cam::uin\/(\d+):(roleName|role)\/(.+)$/;
const MAX_SESSION_TAGS = 50;

export interface AssumeRoleInput {
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly policy?: string;
  readonly externalId?: string;
  readonly tags: ReadonlyArray<{ Key: string; Value: string }>;
  readonly mfa: boolean;
}

/** The role a RoleArn names, and the resource its permission is checked on (`uin/<owner>:roleName/<name>`). */
export function roleForArn(state: EmulatorState, roleArn: string): { role: Role; resource: string } {
  const match = ROLE_ARN.exec(roleArn);
  if (!match) {
    throw new ApiError('InvalidParameter.ResouceError',
      `RoleArn ${echo(roleArn)} must be qcs::cam::uin/<uin>:roleName/<name> or qcs::cam::uin/<uin>:role/<roleId>.`);
  }
  const [, ownerUin, kind, ref] = match;
  if (ref.includes('/')) {
    throw new ApiError('InvalidParameter.ResouceError', `RoleArn ${echo(roleArn)} names a service role, which the emulator does not have.`);
  }
  const role = Object.values(accountsOf(state).roles)
    .find((r) => r.ownerUin === ownerUin && (kind === 'role' ? r.roleId === ref : r.roleName === ref));
  if (!role) throw new ApiError('ResourceNotFound.RoleNotFound', `The role ${echo(roleArn)} does not exist.`);
  return { role, resource: `qcs::cam::uin/${role.ownerUin}:roleName/${role.roleName}` };
}

function checkInput(input: AssumeRoleInput): number {
  if (!SESSION_NAME.test(input.sessionName)) {
    throw new ApiError('InvalidParameter.ParamError', `RoleSessionName ${echo(input.sessionName)} must be 2-128 characters of letters, digits and +=,.@_-.`);
  }
  const duration = input.durationSeconds ?? ASSUME_ROLE_DURATION.default;
  if (!Number.isInteger(duration) || duration < 1 || duration > ASSUME_ROLE_DURATION.max) {
    throw new ApiError('InvalidParameter.OverTimeError', `DurationSeconds must be 1-${ASSUME_ROLE_DURATION.max} seconds, got ${echo(input.durationSeconds)}.`);
  }
  if (input.externalId !== undefined && !EXTERNAL_ID.test(input.externalId)) {
    throw new ApiError('InvalidParameter.ParamError', `ExternalId ${echo(input.externalId)} must be 2-128 characters of letters, digits and +=,.@:/-.`);
  }
  if (input.tags.length > MAX_SESSION_TAGS || new Set(input.tags.map((t) => t.Key)).size !== input.tags.length) {
    throw new ApiError('InvalidParameter.ParamError', `Tags must be at most ${MAX_SESSION_TAGS} session tags with distinct keys.`);
  }
  if (input.policy !== undefined) {
    throw new ApiError('InvalidParameter.StrategyInvalid', 'Session policies (Policy) are not emulated: the credentials would carry more than the policy allows.');
  }
  if (input.mfa) throw new ApiError('InvalidParameter.TempCodeNotAvaliable', 'MFA (SerialNumber, TokenCode) is not emulated.');
  return duration;
}

/** Whether the trust policy names the caller, as the INFERRED rule above reads it. */
function trustDecision(trustPolicy: string, caller: Caller): 'allow' | 'deny' | 'none' {
  let doc: any;
  try {
    doc = JSON.parse(trustPolicy);
  } catch {
    return 'none';
  }
  const names = new Set([`qcs::cam::uin/${caller.ownerUin}:uin/${caller.uin}`, `qcs::cam::uin/${caller.ownerUin}:uin/${caller.ownerUin}`,
    `qcs::cam::uin/${caller.ownerUin}:root`]);
  let allowed = false;
  for (const st of Array.isArray(doc?.statement) ? doc.statement : []) {
    const actions: unknown[] = Array.isArray(st?.action) ? st.action : [st?.action];
    const qcs: unknown[] = Array.isArray(st?.principal?.qcs) ? st.principal.qcs : [st?.principal?.qcs];
    const applies = actions.some((a) => typeof a === 'string' && actionMatches(a, 'sts:AssumeRole'))
      && qcs.some((p) => typeof p === 'string' && names.has(p));
    if (!applies) continue;
    if (st.effect === 'deny') return 'deny';
    if (st.effect === 'allow' && st.condition === undefined) allowed = true;
  }
  return allowed ? 'allow' : 'none';
}

/** Checks the trust policy and the session rules, then issues the role's temporary key pair on the virtual clock. */
export function assumeRole(state: EmulatorState, caller: Caller, role: Role, input: AssumeRoleInput, now: number): KeyPair {
  const duration = checkInput(input);
  if (caller.type === 'assumed') {
    throw new ApiError('UnauthorizedOperation', 'Temporary credentials of a role cannot assume a role here (role chaining is not emulated).');
  }
  const profile = principalsOf(camOf(state)).roles[role.roleId];
  const maxSession = profile?.sessionDuration ?? SESSION_DURATION.default;
  if (duration > maxSession) {
    throw new ApiError('InvalidParameter.OverTimeError', `DurationSeconds ${duration} exceeds the role's maximum session duration of ${maxSession} seconds.`);
  }
  const decision = trustDecision(profile?.policyDocument ?? '', caller);
  if (decision !== 'allow') {
    throw new ApiError('UnauthorizedOperation', `The trust policy of role ${echo(role.roleName)} ${decision === 'deny'
      ? 'denies' : 'does not allow'} ${caller.uin} to assume it.`);
  }
  return issueTemporaryCredentials(accountsOf(state), { roleId: role.roleId, sessionName: input.sessionName, durationSeconds: duration }, now);
}
