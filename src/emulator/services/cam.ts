/**
 * CAM 2019-01-16: custom policies, their attachment to sub-accounts, groups and roles and the attachment lists,
 * and GetUser (the sub-user name -> UIN look-up behind user policy attachments). Limits and name
 * rules come from src/validation/name-rules.ts (CAM_LIMITS, checkPolicyName); document syntax from the
 * evaluator's parser, so the policies the emulator stores are exactly the ones it can evaluate.
 */
import { CAM_LIMITS, checkPolicyName } from '../../validation/name-rules';
import { AccountsState, accountsOf } from '../accounts';
import { ApiError } from '../api-error';
import { PolicyDocument, PolicyDocumentError, parsePolicyDocument } from '../cam-evaluator';
import { ActionContext, Caller, EmulatorState, ServiceDefinition } from '../service';

export interface StoredPolicy {
  readonly PolicyId: number;
  PolicyName: string;
  PolicyDocument: string;
  Description: string;
  readonly ownerUin: string;
  readonly AddTime: string;
  UpdateTime: string;
  readonly Tags: Array<{ Key: string; Value: string }>;
}

export interface CamState {
  nextPolicyId: number;
  policies: Record<string, StoredPolicy>;
  /** Policy ids attached per principal: `user` by sub-account uin, `group` by group id, `role` by role id. */
  attachments: { user: Record<string, number[]>; group: Record<string, number[]>; role: Record<string, number[]> };
}

type PrincipalKind = keyof CamState['attachments'];

export function camOf(state: EmulatorState): CamState {
  if (!state.cam) state.cam = { nextPolicyId: 100000001, policies: {}, attachments: { user: {}, group: {}, role: {} } };
  return state.cam as CamState;
}

/** Every policy document that applies to the caller: its own, its groups' (sub-accounts) or its role's. */
export function policiesFor(state: EmulatorState, caller: Caller): PolicyDocument[] {
  const cam = camOf(state);
  const accounts = accountsOf(state);
  const ids: number[] = [];
  if (caller.type === 'assumed' && caller.roleId !== undefined) {
    ids.push(...(cam.attachments.role[caller.roleId] ?? []));
  } else if (caller.type === 'subaccount') {
    ids.push(...(cam.attachments.user[caller.uin] ?? []));
    for (const groupId of accounts.users[caller.uin]?.groupIds ?? []) ids.push(...(cam.attachments.group[String(groupId)] ?? []));
  }
  return [...new Set(ids)]
    .map((id) => cam.policies[String(id)])
    .filter((p): p is StoredPolicy => p !== undefined)
    .map((p) => parsePolicyDocument(p.PolicyDocument));
}

/** `2026-11-25 20:31:16`, the CAM API's time format (UTC here; the real service answers in UTC+8). */
function camTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

function checkName(name: string): void {
  const broken = checkPolicyName(name);
  if (broken) throw new ApiError('InvalidParameter.PolicyNameError', `PolicyName ${JSON.stringify(name)} is invalid: it ${broken}.`);
}

function checkDocument(text: string): void {
  if (text.length > CAM_LIMITS.policyDocumentMaxChars) {
    throw new ApiError(
      'InvalidParameter.PolicyDocumentLengthOverLimit',
      `PolicyDocument is ${text.length} characters; the limit is ${CAM_LIMITS.policyDocumentMaxChars}.`,
    );
  }
  try {
    parsePolicyDocument(text);
  } catch (e) {
    if (e instanceof PolicyDocumentError) throw new ApiError(e.code, `PolicyDocument is invalid: ${e.message}.`);
    throw e;
  }
}

function checkDescription(description: string): void {
  const bytes = Buffer.byteLength(description, 'utf8');
  if (bytes > CAM_LIMITS.policyDescriptionMaxBytes) {
    throw new ApiError(
      'InvalidParameter.DescriptionLengthOverlimit',
      `Description is ${bytes} bytes; the limit is ${CAM_LIMITS.policyDescriptionMaxBytes} bytes.`,
    );
  }
}

function ownPolicies(cam: CamState, ownerUin: string): StoredPolicy[] {
  return Object.values(cam.policies).filter((p) => p.ownerUin === ownerUin);
}

function findPolicy(ctx: ActionContext, id: unknown, code = 'ResourceNotFound.PolicyIdNotFound'): StoredPolicy {
  const policy = camOf(ctx.state).policies[String(id)];
  if (!policy || policy.ownerUin !== ctx.caller.ownerUin) {
    throw new ApiError(code, `The policy with PolicyId ${JSON.stringify(id)} does not exist.`);
  }
  return policy;
}

function findPolicyByName(ctx: ActionContext, name: string, code: string): StoredPolicy {
  const policy = ownPolicies(camOf(ctx.state), ctx.caller.ownerUin).find((p) => p.PolicyName === name);
  if (!policy) throw new ApiError(code, `The policy named ${JSON.stringify(name)} does not exist.`);
  return policy;
}

function policyArn(ctx: ActionContext, id: number | string): string {
  return ctx.resourceArn('cam', `policy/${id}`);
}

function attachedCount(cam: CamState, kind: PrincipalKind, key: string): number {
  return (cam.attachments[kind][key] ?? []).length;
}

function attach(cam: CamState, kind: PrincipalKind, key: string, policyId: number): void {
  const list = cam.attachments[kind][key] ?? [];
  if (list.includes(policyId)) return;
  if (list.length >= CAM_LIMITS.attachmentsPerPrincipal) {
    throw new ApiError(
      'InvalidParameter.AttachmentFull',
      `The ${kind} already has ${CAM_LIMITS.attachmentsPerPrincipal} policies attached, the limit.`,
    );
  }
  cam.attachments[kind][key] = [...list, policyId];
}

function detach(cam: CamState, kind: PrincipalKind, key: string, policyId: number): void {
  const list = cam.attachments[kind][key];
  if (!list) return;
  const remaining = list.filter((id) => id !== policyId);
  if (remaining.length === 0) delete cam.attachments[kind][key];
  else cam.attachments[kind][key] = remaining;
}

function subAccount(accounts: AccountsState, ctx: ActionContext, uin: unknown): string {
  const user = accounts.users[String(uin)];
  if (!user || user.ownerUin !== ctx.caller.ownerUin) {
    throw new ApiError('ResourceNotFound.UserNotExist', `The sub-account with uin ${JSON.stringify(uin)} does not exist.`);
  }
  return user.uin;
}

function group(accounts: AccountsState, ctx: ActionContext, id: unknown): string {
  const g = accounts.groups[String(id)];
  if (!g || g.ownerUin !== ctx.caller.ownerUin) {
    throw new ApiError('ResourceNotFound.GroupNotExist', `The user group ${JSON.stringify(id)} does not exist.`);
  }
  return String(g.groupId);
}

function role(
  accounts: AccountsState, ctx: ActionContext, params: Record<string, any>, idField: string, nameField: string,
): { roleId: string; roleName: string } {
  const id = params[idField];
  const name = params[nameField];
  if (id === undefined && name === undefined) {
    throw new ApiError('InvalidParameter.ParamError', `One of \`${idField}\` and \`${nameField}\` is required.`);
  }
  const found = Object.values(accounts.roles)
    .find((r) => r.ownerUin === ctx.caller.ownerUin && (id !== undefined ? r.roleId === id : r.roleName === name));
  if (!found) throw new ApiError('InvalidParameter.RoleNotExist', `The role ${JSON.stringify(id ?? name)} does not exist.`);
  return found;
}

/** Rp/Page as the CAM list APIs take them: Rp 1..200 (default 20), Page from 1 (default 1). */
function pageOf<T>(list: T[], params: Record<string, any>): T[] {
  const rp = params.Rp ?? 20;
  const page = params.Page ?? 1;
  if (!Number.isInteger(rp) || rp < 1 || rp > 200) throw new ApiError('InvalidParameter.ParamError', `Rp must be an integer from 1 to 200, got ${rp}.`);
  if (!Number.isInteger(page) || page < 1) throw new ApiError('InvalidParameter.ParamError', `Page must be an integer of at least 1, got ${page}.`);
  return list.slice((page - 1) * rp, page * rp);
}

/**
 * The custom policies attached to one principal, as the ListAttached*Policies APIs list them (AttachPolicyInfo /
 * AttachedPolicyOfRole). The emulator has no preset policies, so PolicyType is always `User` (custom) and a
 * `QCS` filter lists nothing. INFERRED: the attachment time is not recorded; the policy's AddTime stands in.
 */
function attachedPolicies(ctx: ActionContext, kind: PrincipalKind, key: string, params: Record<string, any>) {
  const cam = camOf(ctx.state);
  let list = (cam.attachments[kind][key] ?? [])
    .map((id) => cam.policies[String(id)])
    .filter((p): p is StoredPolicy => p !== undefined);
  if (params.Keyword !== undefined && params.Keyword !== '') list = list.filter((p) => p.PolicyName.includes(params.Keyword));
  if (params.PolicyType !== undefined) {
    if (params.PolicyType !== 'User' && params.PolicyType !== 'QCS') {
      throw new ApiError('InvalidParameter.ParamError', `PolicyType must be User or QCS, got ${JSON.stringify(params.PolicyType)}.`);
    }
    if (params.PolicyType === 'QCS') list = [];
  }
  return { total: list.length, page: pageOf(list, params) };
}

function rolePolicy(ctx: ActionContext, params: Record<string, any>): StoredPolicy {
  if (params.PolicyId !== undefined) return findPolicy(ctx, params.PolicyId, 'InvalidParameter.PolicyIdNotExist');
  if (params.PolicyName !== undefined) return findPolicyByName(ctx, params.PolicyName, 'InvalidParameter.PolicyIdNotExist');
  throw new ApiError('InvalidParameter.ParamError', 'One of `PolicyId` and `PolicyName` is required.');
}

export const camService: ServiceDefinition = {
  service: 'cam',
  version: '2019-01-16',
  actions: {
    CreatePolicy(ctx, params) {
      ctx.authorize('cam:CreatePolicy', [ctx.resourceArn('cam', 'policy/*')]);
      const cam = camOf(ctx.state);
      checkName(params.PolicyName);
      checkDocument(params.PolicyDocument);
      checkDescription(params.Description ?? '');
      const own = ownPolicies(cam, ctx.caller.ownerUin);
      if (own.some((p) => p.PolicyName === params.PolicyName)) {
        throw new ApiError('FailedOperation.PolicyNameInUse', `A policy named ${JSON.stringify(params.PolicyName)} already exists.`);
      }
      if (own.length >= CAM_LIMITS.customPoliciesPerAccount) {
        throw new ApiError('FailedOperation.PolicyFull', `The account already has ${CAM_LIMITS.customPoliciesPerAccount} custom policies, the limit.`);
      }
      const now = camTime(ctx.now());
      const policy: StoredPolicy = {
        PolicyId: cam.nextPolicyId++,
        PolicyName: params.PolicyName,
        PolicyDocument: params.PolicyDocument,
        Description: params.Description ?? '',
        ownerUin: ctx.caller.ownerUin,
        AddTime: now,
        UpdateTime: now,
        Tags: (params.Tags ?? []).map((t: any) => ({ Key: t.Key, Value: t.Value })),
      };
      cam.policies[String(policy.PolicyId)] = policy;
      return { PolicyId: policy.PolicyId };
    },

    GetPolicy(ctx, params) {
      ctx.authorize('cam:GetPolicy', [policyArn(ctx, params.PolicyId)]);
      const p = findPolicy(ctx, params.PolicyId);
      return {
        PolicyName: p.PolicyName,
        Description: p.Description,
        Type: 1,
        AddTime: p.AddTime,
        UpdateTime: p.UpdateTime,
        PolicyDocument: p.PolicyDocument,
        PresetAlias: '',
        IsServiceLinkedRolePolicy: 0,
        Tags: p.Tags,
      };
    },

    UpdatePolicy(ctx, params) {
      const byName = params.PolicyId === undefined;
      if (byName && params.PolicyName === undefined) {
        throw new ApiError('InvalidParameter.ParamError', 'One of `PolicyId` and `PolicyName` is required.');
      }
      const p = byName ? findPolicyByName(ctx, params.PolicyName, 'ResourceNotFound.PolicyIdNotFound') : findPolicy(ctx, params.PolicyId);
      ctx.authorize('cam:UpdatePolicy', [policyArn(ctx, p.PolicyId)]);
      if (!byName && params.PolicyName !== undefined && params.PolicyName !== p.PolicyName) {
        checkName(params.PolicyName);
        if (ownPolicies(camOf(ctx.state), ctx.caller.ownerUin).some((o) => o.PolicyName === params.PolicyName)) {
          throw new ApiError('FailedOperation.PolicyNameInUse', `A policy named ${JSON.stringify(params.PolicyName)} already exists.`);
        }
      }
      if (params.PolicyDocument !== undefined) checkDocument(params.PolicyDocument);
      if (params.Description !== undefined) checkDescription(params.Description);
      if (!byName && params.PolicyName !== undefined) p.PolicyName = params.PolicyName;
      if (params.PolicyDocument !== undefined) p.PolicyDocument = params.PolicyDocument;
      if (params.Description !== undefined) p.Description = params.Description;
      p.UpdateTime = camTime(ctx.now());
      // The API returns PolicyId only when the policy was addressed by name.
      return byName ? { PolicyId: p.PolicyId } : {};
    },

    DeletePolicy(ctx, params) {
      const ids: number[] = params.PolicyId;
      if (ids.length === 0) throw new ApiError('InvalidParameter.PolicyIdError', 'PolicyId must list at least one policy id.');
      ctx.authorize('cam:DeletePolicy', ids.map((id) => policyArn(ctx, id)));
      const policies = ids.map((id) => findPolicy(ctx, id));
      const cam = camOf(ctx.state);
      for (const p of policies) {
        delete cam.policies[String(p.PolicyId)];
        for (const kind of Object.keys(cam.attachments) as PrincipalKind[]) {
          for (const key of Object.keys(cam.attachments[kind])) detach(cam, kind, key, p.PolicyId);
        }
      }
      return {};
    },

    ListPolicies(ctx, params) {
      ctx.authorize('cam:ListPolicies', [ctx.resourceArn('cam', 'policy/*')]);
      const rp = params.Rp ?? 20;
      const page = params.Page ?? 1;
      if (!Number.isInteger(rp) || rp < 1 || rp > 200) throw new ApiError('InvalidParameter.ParamError', `Rp must be an integer from 1 to 200, got ${rp}.`);
      if (!Number.isInteger(page) || page < 1 || page > 200) throw new ApiError('InvalidParameter.ParamError', `Page must be an integer from 1 to 200, got ${page}.`);
      const scope = params.Scope ?? 'All';
      if (!['All', 'QCS', 'Local'].includes(scope)) throw new ApiError('InvalidParameter.ScopeError', `Scope must be All, QCS or Local, got ${JSON.stringify(scope)}.`);
      const cam = camOf(ctx.state);
      // The emulator has no preset (QCS) policies.
      let list = scope === 'QCS' ? [] : ownPolicies(cam, ctx.caller.ownerUin);
      if (params.Keyword !== undefined && params.Keyword !== '') list = list.filter((p) => p.PolicyName.includes(params.Keyword));
      list.sort((a, b) => b.PolicyId - a.PolicyId);
      const count = (id: number) => (Object.keys(cam.attachments) as PrincipalKind[])
        .reduce((n, kind) => n + Object.values(cam.attachments[kind]).filter((ids) => ids.includes(id)).length, 0);
      return {
        TotalNum: list.length,
        List: list.slice((page - 1) * rp, page * rp).map((p) => ({
          PolicyId: p.PolicyId,
          PolicyName: p.PolicyName,
          AddTime: p.AddTime,
          UpdateTime: p.UpdateTime,
          Type: 1,
          Description: p.Description,
          CreateMode: 2,
          Attachments: count(p.PolicyId),
          ServiceType: '',
          Tags: p.Tags,
        })),
        ServiceTypeList: [],
      };
    },

    GetUser(ctx, params) {
      const user = Object.values(accountsOf(ctx.state).users).find((u) => u.ownerUin === ctx.caller.ownerUin && u.name === params.Name);
      // Authorized before the existence check, so a caller without the permission learns nothing about the name.
      ctx.authorize('cam:GetUser', [ctx.resourceArn('cam', `uin/${user?.uin ?? '*'}`)]);
      if (!user) throw new ApiError('ResourceNotFound.UserNotExist', `The sub-user ${JSON.stringify(params.Name)} does not exist.`);
      return { Uin: Number(user.uin), Name: user.name, Uid: Number(user.uin), Remark: '', ConsoleLogin: 0, PhoneNum: '', CountryCode: '', Email: '' };
    },

    ListAttachedUserPolicies(ctx, params) {
      ctx.authorize('cam:ListAttachedUserPolicies', [ctx.resourceArn('cam', `uin/${params.TargetUin}`)]);
      const uin = subAccount(accountsOf(ctx.state), ctx, params.TargetUin);
      const { total, page } = attachedPolicies(ctx, 'user', uin, params);
      return { TotalNum: total, List: page.map((p) => ({ PolicyId: p.PolicyId, PolicyName: p.PolicyName, AddTime: p.AddTime, CreateMode: 2, PolicyType: 'User', Remark: p.Description })) };
    },

    ListAttachedGroupPolicies(ctx, params) {
      ctx.authorize('cam:ListAttachedGroupPolicies', [ctx.resourceArn('cam', `group/${params.TargetGroupId}`)]);
      const groupId = group(accountsOf(ctx.state), ctx, params.TargetGroupId);
      const { total, page } = attachedPolicies(ctx, 'group', groupId, params);
      return { TotalNum: total, List: page.map((p) => ({ PolicyId: p.PolicyId, PolicyName: p.PolicyName, AddTime: p.AddTime, CreateMode: 2, PolicyType: 'User', Remark: p.Description })) };
    },

    ListAttachedRolePolicies(ctx, params) {
      const r = role(accountsOf(ctx.state), ctx, params, 'RoleId', 'RoleName');
      ctx.authorize('cam:ListAttachedRolePolicies', [ctx.resourceArn('cam', `roleName/${r.roleName}`)]);
      const { total, page } = attachedPolicies(ctx, 'role', r.roleId, params);
      return {
        TotalNum: total,
        List: page.map((p) => ({ PolicyId: p.PolicyId, PolicyName: p.PolicyName, AddTime: p.AddTime, CreateMode: 2, PolicyType: 'User', Description: p.Description })),
      };
    },

    AttachUserPolicy(ctx, params) {
      const accounts = accountsOf(ctx.state);
      ctx.authorize('cam:AttachUserPolicy', [policyArn(ctx, params.PolicyId), ctx.resourceArn('cam', `uin/${params.AttachUin}`)]);
      const p = findPolicy(ctx, params.PolicyId);
      const cam = camOf(ctx.state);
      const uin = subAccount(accounts, ctx, params.AttachUin);
      attach(cam, 'user', uin, p.PolicyId);
      return {};
    },

    DetachUserPolicy(ctx, params) {
      const accounts = accountsOf(ctx.state);
      ctx.authorize('cam:DetachUserPolicy', [policyArn(ctx, params.PolicyId), ctx.resourceArn('cam', `uin/${params.DetachUin}`)]);
      const p = findPolicy(ctx, params.PolicyId);
      detach(camOf(ctx.state), 'user', subAccount(accounts, ctx, params.DetachUin), p.PolicyId);
      return {};
    },

    AttachGroupPolicy(ctx, params) {
      const accounts = accountsOf(ctx.state);
      ctx.authorize('cam:AttachGroupPolicy', [policyArn(ctx, params.PolicyId), ctx.resourceArn('cam', `group/${params.AttachGroupId}`)]);
      const p = findPolicy(ctx, params.PolicyId);
      attach(camOf(ctx.state), 'group', group(accounts, ctx, params.AttachGroupId), p.PolicyId);
      return {};
    },

    DetachGroupPolicy(ctx, params) {
      const accounts = accountsOf(ctx.state);
      ctx.authorize('cam:DetachGroupPolicy', [policyArn(ctx, params.PolicyId), ctx.resourceArn('cam', `group/${params.DetachGroupId}`)]);
      const p = findPolicy(ctx, params.PolicyId, 'InvalidParameter.PolicyIdNotExist');
      detach(camOf(ctx.state), 'group', group(accounts, ctx, params.DetachGroupId), p.PolicyId);
      return {};
    },

    AttachRolePolicy(ctx, params) {
      const accounts = accountsOf(ctx.state);
      const p = rolePolicy(ctx, params);
      const r = role(accounts, ctx, params, 'AttachRoleId', 'AttachRoleName');
      ctx.authorize('cam:AttachRolePolicy', [policyArn(ctx, p.PolicyId), ctx.resourceArn('cam', `roleName/${r.roleName}`)]);
      attach(camOf(ctx.state), 'role', r.roleId, p.PolicyId);
      return {};
    },

    DetachRolePolicy(ctx, params) {
      const accounts = accountsOf(ctx.state);
      const p = rolePolicy(ctx, params);
      const r = role(accounts, ctx, params, 'DetachRoleId', 'DetachRoleName');
      ctx.authorize('cam:DetachRolePolicy', [policyArn(ctx, p.PolicyId), ctx.resourceArn('cam', `roleName/${r.roleName}`)]);
      detach(camOf(ctx.state), 'role', r.roleId, p.PolicyId);
      return {};
    },
  },
};

/** Exposed for the admin snapshot and tests. */
export function attachmentCount(state: EmulatorState, kind: PrincipalKind, key: string): number {
  return attachedCount(camOf(state), kind, key);
}
