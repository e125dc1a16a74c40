/**
 * CAM 2019-01-16 model: custom policies, their attachment to sub-accounts, groups and roles, and the policies
 * that apply to a caller (what the core's CAM evaluation reads, through the PolicySource interface). Limits and
 * name rules come from src/validation/name-rules.ts (CAM_LIMITS, checkPolicyName); document syntax from the
 * evaluator's parser, so the policies the emulator stores are exactly the ones it can evaluate.
 */
import type { PrincipalsState } from './principals';
import { CAM_LIMITS, checkPolicyName } from '../../../validation/name-rules';
import { AccountsState, accountsOf, SubAccount } from '../../accounts';
import { ApiError } from '../../api-error';
import { PolicyDocument, PolicyDocumentError, parsePolicyDocument } from '../../cam-evaluator';
import { echo, own } from '../../params';
import { Caller, EmulatorState, PolicySource } from '../../service';

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
  /** What the CAM API reports of users, groups and roles beyond the core's accounts (see ./principals). */
  principals?: PrincipalsState;
}

export type PrincipalKind = keyof CamState['attachments'];

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
    ids.push(...(own(cam.attachments.role, caller.roleId) ?? []));
  } else if (caller.type === 'subaccount') {
    ids.push(...(own(cam.attachments.user, caller.uin) ?? []));
    for (const groupId of own(accounts.users, caller.uin)?.groupIds ?? []) ids.push(...(own(cam.attachments.group, String(groupId)) ?? []));
  }
  return [...new Set(ids)]
    .map((id) => own(cam.policies, String(id)))
    .filter((p): p is StoredPolicy => p !== undefined)
    .map((p) => parsePolicyDocument(p.PolicyDocument));
}

/** The CAM model as the core's CAM evaluation sees it. */
export const camPolicySource: PolicySource = { policiesFor };

/** `2026-11-25 20:31:16`, the CAM API's time format (UTC here; the real service answers in UTC+8). */
export function camTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** The attachment count of one principal. Exposed for the admin snapshot and tests. */
export function attachmentCount(state: EmulatorState, kind: PrincipalKind, key: string): number {
  return (own(camOf(state).attachments[kind], key) ?? []).length;
}

export interface NewPolicy {
  readonly name: string;
  readonly document: string;
  readonly description: string;
  readonly tags: Array<{ Key: string; Value: string }>;
}

/** The CAM model over one state, seen from one root account. */
export class CamModel {
  private readonly cam: CamState;
  private readonly accounts: AccountsState;

  constructor(state: EmulatorState, private readonly ownerUin: string, private readonly now: number) {
    this.cam = camOf(state);
    this.accounts = accountsOf(state);
  }

  checkName(name: string): void {
    const broken = checkPolicyName(name);
    if (broken) throw new ApiError('InvalidParameter.PolicyNameError', `PolicyName ${echo(name)} is invalid: it ${broken}.`);
  }

  checkDocument(text: string): void {
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

  checkDescription(description: string): void {
    const bytes = Buffer.byteLength(description, 'utf8');
    if (bytes > CAM_LIMITS.policyDescriptionMaxBytes) {
      throw new ApiError(
        'InvalidParameter.DescriptionLengthOverlimit',
        `Description is ${bytes} bytes; the limit is ${CAM_LIMITS.policyDescriptionMaxBytes} bytes.`,
      );
    }
  }

  /** The account's own custom policies. */
  ownPolicies(): StoredPolicy[] {
    return Object.values(this.cam.policies).filter((p) => p.ownerUin === this.ownerUin);
  }

  private checkNameFree(name: string): void {
    if (this.ownPolicies().some((p) => p.PolicyName === name)) {
      throw new ApiError('FailedOperation.PolicyNameInUse', `A policy named ${echo(name)} already exists.`);
    }
  }

  createPolicy(input: NewPolicy): StoredPolicy {
    this.checkName(input.name);
    this.checkDocument(input.document);
    this.checkDescription(input.description);
    this.checkNameFree(input.name);
    if (this.ownPolicies().length >= CAM_LIMITS.customPoliciesPerAccount) {
      throw new ApiError('FailedOperation.PolicyFull', `The account already has ${CAM_LIMITS.customPoliciesPerAccount} custom policies, the limit.`);
    }
    const time = camTime(this.now);
    const policy: StoredPolicy = {
      PolicyId: this.cam.nextPolicyId++,
      PolicyName: input.name,
      PolicyDocument: input.document,
      Description: input.description,
      ownerUin: this.ownerUin,
      AddTime: time,
      UpdateTime: time,
      Tags: input.tags,
    };
    this.cam.policies[String(policy.PolicyId)] = policy;
    return policy;
  }

  policy(id: unknown, code = 'ResourceNotFound.PolicyIdNotFound'): StoredPolicy {
    const policy = own(this.cam.policies, String(id));
    if (!policy || policy.ownerUin !== this.ownerUin) {
      throw new ApiError(code, `The policy with PolicyId ${echo(id)} does not exist.`);
    }
    return policy;
  }

  policyByName(name: unknown, code: string): StoredPolicy {
    const policy = this.ownPolicies().find((p) => p.PolicyName === name);
    if (!policy) throw new ApiError(code, `The policy named ${echo(name)} does not exist.`);
    return policy;
  }

  /** Checks every change before applying any; a rename must keep the name unique. */
  updatePolicy(policy: StoredPolicy, change: { name?: string; document?: string; description?: string }): void {
    if (change.name !== undefined && change.name !== policy.PolicyName) {
      this.checkName(change.name);
      this.checkNameFree(change.name);
    }
    if (change.document !== undefined) this.checkDocument(change.document);
    if (change.description !== undefined) this.checkDescription(change.description);
    if (change.name !== undefined) policy.PolicyName = change.name;
    if (change.document !== undefined) policy.PolicyDocument = change.document;
    if (change.description !== undefined) policy.Description = change.description;
    policy.UpdateTime = camTime(this.now);
  }

  /** Deletes the policies and every attachment of them. */
  deletePolicies(policies: readonly StoredPolicy[]): void {
    for (const p of policies) {
      delete this.cam.policies[String(p.PolicyId)];
      for (const kind of Object.keys(this.cam.attachments) as PrincipalKind[]) {
        for (const key of Object.keys(this.cam.attachments[kind])) this.detach(kind, key, p.PolicyId);
      }
    }
  }

  /** How many principals a policy is attached to. */
  attachmentsOf(policyId: number): number {
    return (Object.keys(this.cam.attachments) as PrincipalKind[])
      .reduce((n, kind) => n + Object.values(this.cam.attachments[kind]).filter((ids) => ids.includes(policyId)).length, 0);
  }

  attach(kind: PrincipalKind, key: string, policyId: number): void {
    const list = own(this.cam.attachments[kind], key) ?? [];
    if (list.includes(policyId)) return;
    if (list.length >= CAM_LIMITS.attachmentsPerPrincipal) {
      throw new ApiError(
        'InvalidParameter.AttachmentFull',
        `The ${kind} already has ${CAM_LIMITS.attachmentsPerPrincipal} policies attached, the limit.`,
      );
    }
    this.cam.attachments[kind][key] = [...list, policyId];
  }

  detach(kind: PrincipalKind, key: string, policyId: number): void {
    const list = own(this.cam.attachments[kind], key);
    if (!list) return;
    const remaining = list.filter((id) => id !== policyId);
    if (remaining.length === 0) delete this.cam.attachments[kind][key];
    else this.cam.attachments[kind][key] = remaining;
  }

  /** The custom policies attached to one principal, in attachment order. */
  attached(kind: PrincipalKind, key: string): StoredPolicy[] {
    return (own(this.cam.attachments[kind], key) ?? [])
      .map((id) => own(this.cam.policies, String(id)))
      .filter((p): p is StoredPolicy => p !== undefined);
  }

  /** A sub-user of this account by name, if any. */
  userByName(name: unknown): SubAccount | undefined {
    return Object.values(this.accounts.users).find((u) => u.ownerUin === this.ownerUin && u.name === name);
  }

  subAccount(uin: unknown): string {
    const user = own(this.accounts.users, String(uin));
    if (!user || user.ownerUin !== this.ownerUin) {
      throw new ApiError('ResourceNotFound.UserNotExist', `The sub-account with uin ${echo(uin)} does not exist.`);
    }
    return user.uin;
  }

  group(id: unknown): string {
    const g = own(this.accounts.groups, String(id));
    if (!g || g.ownerUin !== this.ownerUin) {
      throw new ApiError('ResourceNotFound.GroupNotExist', `The user group ${echo(id)} does not exist.`);
    }
    return String(g.groupId);
  }

  /** A role by id or by name (the caller has checked that one is given). */
  role(id: unknown, name: unknown): { roleId: string; roleName: string } {
    const found = Object.values(this.accounts.roles)
      .find((r) => r.ownerUin === this.ownerUin && (id !== undefined ? r.roleId === id : r.roleName === name));
    if (!found) throw new ApiError('InvalidParameter.RoleNotExist', `The role ${echo(id ?? name)} does not exist.`);
    return found;
  }
}
