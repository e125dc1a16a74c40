/**
 * CAM name rules and vocabularies for users, groups, roles and TCR resource descriptions. One home, like
 * name-rules.ts (which keeps the policy name rule and CAM_LIMITS): synth-time validation and the emulator use the
 * same checkers. Each returns `undefined` for a valid value or the sentence of the rule that was broken.
 * INFERRED rules are not stated by a source the project could reach; they are kept strict, so a wrong guess fails
 * at synth rather than halfway through an apply.
 */

/**
 * Sub-user (CAM user) name. INFERRED: the AddUser API doc only says "sub-user username"; the CAM console accepts
 * 1-64 characters of letters, digits and `+=,.@_-` (the policy-name alphabet), which is what is enforced.
 */
export const CAM_USER_NAME_RULE = 'must be 1-64 characters of letters, digits and "+=,.@_-" (INFERRED from the CAM console)';

export function checkCamUserName(name: string): string | undefined {
  return /^[A-Za-z0-9+=,.@_-]{1,64}$/.test(name) ? undefined : CAM_USER_NAME_RULE;
}

/** User group name. INFERRED: CreateGroup documents no rule; the console's 1-64 of `[A-Za-z0-9+=,.@_-]` is enforced. */
export const CAM_GROUP_NAME_RULE = 'must be 1-64 characters of letters, digits and "+=,.@_-" (INFERRED from the CAM console)';

export function checkCamGroupName(name: string): string | undefined {
  return /^[A-Za-z0-9+=,.@_-]{1,64}$/.test(name) ? undefined : CAM_GROUP_NAME_RULE;
}

/** Role name: 1-128 characters of letters, digits and `+=,.@-_` (CreateRole `RoleName` doc). */
export const CAM_ROLE_NAME_RULE = 'must be 1-128 characters of letters, digits and "+=,.@_-" (CreateRole)';

export function checkCamRoleName(name: string): string | undefined {
  return /^[A-Za-z0-9+=,.@_-]{1,128}$/.test(name) ? undefined : CAM_ROLE_NAME_RULE;
}

/** Longest validity of a role's temporary credentials, in seconds (CreateRole `SessionDuration`: 0-43200). */
export const CAM_ROLE_MAX_SESSION_SECONDS = 43200;
export const CAM_ROLE_SESSION_DURATION_RULE =
  `must be a whole number of seconds from 0 to ${CAM_ROLE_MAX_SESSION_SECONDS} (CreateRole SessionDuration)`;

export function checkCamRoleSessionDuration(seconds: number): string | undefined {
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= CAM_ROLE_MAX_SESSION_SECONDS ? undefined : CAM_ROLE_SESSION_DURATION_RULE;
}

/** A role needs someone allowed to assume it (the trust policy's `principal`). */
export const CAM_ROLE_TRUST_RULE = 'must name at least one trusted principal (account/user ARN) or service';

/** Trusted principal of a role: `qcs::cam::uin/<uin>:uin/<uin>` or `qcs::cam::uin/<uin>:roleName/<name>` (CAM trust-policy syntax). */
export const CAM_TRUSTED_PRINCIPAL_RULE =
  'must be a CAM principal such as qcs::cam::uin/100000000001:uin/100000000001 (the provider does not accept the :root form)';

export function checkCamTrustedPrincipal(principal: string): string | undefined {
  return /^qcs::cam::uin\/\d+:(uin\/\d+|roleName\/[A-Za-z0-9+=,.@_-]+|saml-provider\/[A-Za-z0-9+=,.@_-]+)$/.test(principal)
    ? undefined : CAM_TRUSTED_PRINCIPAL_RULE;
}

/** Account UIN (the root account that owns the resources): digits (CAM `uin/<uin>` account segment). */
export const ACCOUNT_UIN_RULE = 'must be the digits of the owning root account\'s UIN, e.g. 100000000001';

export function checkAccountUin(uin: string): string | undefined {
  return /^\d{1,20}$/.test(uin) ? undefined : ACCOUNT_UIN_RULE;
}

/** CAM user group id (`tencentcloud_cam_group` id, AttachGroupPolicy `AttachGroupId`): a positive integer. */
export const CAM_GROUP_ID_RULE = 'must be the numeric id of a CAM user group, e.g. 12345';

export function checkCamGroupId(id: string): string | undefined {
  return /^[1-9]\d{0,19}$/.test(id) ? undefined : CAM_GROUP_ID_RULE;
}

/** CAM role id (`tencentcloud_cam_role` id, e.g. `4611686018427922725`): digits. */
export const CAM_ROLE_ID_RULE = 'must be the numeric id of a CAM role, e.g. 4611686018427922725';

export function checkCamRoleId(id: string): string | undefined {
  return /^[1-9]\d{0,19}$/.test(id) ? undefined : CAM_ROLE_ID_RULE;
}

/** TCR resource types in CAM six-segment descriptions (cam-tcr-policy-facts.md section 2). */
export const TCR_RESOURCE_TYPES: readonly string[] = ['instance', 'repository', 'repo'];

/**
 * A TCR resource in a policy: `*`, or `qcs:<project>:tcr:<region>:<account>:<type>/<id or path>` with an
 * empty or numeric project, an empty or `uin/<digits>` account, and type instance, repository or repo.
 * INFERRED: region is checked for shape only (lowercase words joined by "-"); the region list lives with the emulator.
 */
export const TCR_RESOURCE_RULE =
  'must be "*" or a six-segment TCR resource qcs:<project>:tcr:<region>:uin/<uin>:<instance|repository|repo>/<id or path>';

export function checkTcrResource(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const parts = resource.split(':');
  if (parts.length !== 6 || parts[0] !== 'qcs') return TCR_RESOURCE_RULE;
  const [, project, service, region, account, rest] = parts;
  if (project !== '' && !/^\d+$/.test(project)) return TCR_RESOURCE_RULE;
  if (service !== 'tcr') return TCR_RESOURCE_RULE;
  if (region !== '' && region !== '*' && !/^[a-z]+(-[a-z0-9]+)+$/.test(region)) return TCR_RESOURCE_RULE;
  if (account !== '' && !/^uin\/(\d+|\*)?$/.test(account)) return TCR_RESOURCE_RULE;
  const slash = rest.indexOf('/');
  const type = slash < 0 ? rest : rest.slice(0, slash);
  if (!TCR_RESOURCE_TYPES.includes(type) || slash < 0 || slash === rest.length - 1) return TCR_RESOURCE_RULE;
  return undefined;
}
