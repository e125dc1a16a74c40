/**
 * CAM policy and policy attachments, following provider v1.83.25 (see shared/reference/provider-semantics.md).
 */
import { ApiCallError } from '../api';
import { ProviderError } from '../diagnostics';
import { Obj } from '../plan';
import { isNotFound, orPrior, readBack, splitId, str, tagsFromApi, tagsToApi } from './common';
import { tagsWrite } from './tags';
import { ResourceContext, ResourceDefinition } from './types';

/**
 * The provider's PolicyDocumentForceCheck, run by create and update (not at plan time): the document must be JSON,
 * every statement's `resource` an array (CAM accepts a single string but answers an array, so the provider refuses
 * it) and `action` a string or an array. Everything else, the length limit included, is left to the API.
 */
export function policyDocumentForceCheck(doc: string, attr = 'document'): void {
  let parsed: any;
  try {
    parsed = JSON.parse(doc);
  } catch (e: unknown) {
    throw new ProviderError(`${attr} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, '', [attr]);
  }
  const statements: unknown[] = Array.isArray(parsed?.statement) ? parsed.statement : [];
  statements.forEach((st: any) => {
    if (st && typeof st.resource === 'string') {
      throw new ProviderError('The format of `resource` in policy document is invalid, its type must be array.', '', [attr]);
    }
    if (st && st.action !== undefined && st.action !== null && typeof st.action !== 'string' && !Array.isArray(st.action)) {
      throw new ProviderError('The format of `action` in policy document is invalid, its type must be array or string.', '', [attr]);
    }
  });
}

/** The same JSON document, whatever the key order and spacing (what the provider's DiffSuppressFunc compares). */
export function sameJson(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(sortKeys(JSON.parse(a ?? 'null'))) === JSON.stringify(sortKeys(JSON.parse(b ?? 'null')));
  } catch {
    return false;
  }
}

function sortKeys(v: any): any {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

function policyIdNumber(id: string, attr = 'policy_id'): number {
  if (!/^\d+$/.test(id)) throw new ProviderError(`invalid ${attr} "${id}"`, 'CAM policy ids are unsigned integers.', [attr]);
  return Number(id);
}

async function getPolicy(ctx: ResourceContext, id: number): Promise<any | undefined> {
  try {
    return await ctx.api.call('cam', 'GetPolicy', { PolicyId: id });
  } catch (e) {
    if (isNotFound(e) || (e instanceof ApiCallError && e.code === 'InvalidParameter.PolicyIdNotExist')) return undefined;
    throw e;
  }
}

export const camPolicy: ResourceDefinition = {
  forceNew: ['name'],
  changesOnUpdate: ['update_time'],
  async create(ctx, p) {
    policyDocumentForceCheck(str(p.document) ?? '');
    const resp = await ctx.api.call('cam', 'CreatePolicy', {
      PolicyName: str(p.name),
      PolicyDocument: str(p.document),
      ...(str(p.description) !== undefined ? { Description: str(p.description) } : {}),
      // As the provider: CreatePolicy takes the tags itself.
      ...(tagsToApi(p.tags) ? { Tags: tagsToApi(p.tags) } : {}),
    });
    const id = String(resp.PolicyId);
    ctx.created?.(id);
    return readBack(this, ctx, { ...p, id }, `policy ${id} not found after create`);
  },
  async read(ctx, s) {
    const pol = await getPolicy(ctx, policyIdNumber(String(s.id), 'id'));
    if (!pol) return null;
    return {
      ...s,
      name: pol.PolicyName ?? s.name,
      // The API may re-serialise the document; keep the configured text while it means the same policy.
      document: sameJson(pol.PolicyDocument, s.document) ? s.document : pol.PolicyDocument,
      description: orPrior(pol.Description, s.description),
      type: pol.Type ?? null,
      create_time: pol.AddTime ?? null,
      update_time: pol.UpdateTime ?? pol.AddTime ?? null,
      // Read from GetPolicy, and only when there are some (the provider leaves the state's value otherwise).
      ...(Array.isArray(pol.Tags) && pol.Tags.length > 0 ? { tags: tagsFromApi(pol.Tags, null) } : {}),
    };
  },
  async update(ctx, prior, p) {
    const id = policyIdNumber(String(prior.id), 'id');
    policyDocumentForceCheck(str(p.document) ?? '');
    await ctx.api.call('cam', 'UpdatePolicy', {
      PolicyId: id,
      PolicyDocument: str(p.document),
      Description: str(p.description) ?? '',
    });
    if (JSON.stringify(prior.tags ?? {}) !== JSON.stringify(p.tags ?? {})) {
      await tagsWrite(ctx, { service: 'cam', type: 'policy', region: ctx.region, id: String(id) }, prior.tags, p.tags);
    }
    return readBack(this, ctx, { ...prior, ...p, id: prior.id }, `policy ${id} not found after update`);
  },
  async delete(ctx, s) {
    try {
      await ctx.api.call('cam', 'DeletePolicy', { PolicyId: [policyIdNumber(String(s.id), 'id')] });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  },
};

interface AttachmentKind {
  /** attribute holding the principal; id is `<principal>#<policy_id>` */
  principalAttr: string;
  /** CAM actions: AttachXxxPolicy, DetachXxxPolicy, ListAttachedXxxPolicies */
  attach: string;
  detach: string;
  list: string;
  principalOf(p: Obj): string | undefined;
  resolve(ctx: ResourceContext, principal: string): Promise<Record<string, unknown> | undefined>;
}

async function listAttached(ctx: ResourceContext, action: string, target: Record<string, unknown>, policyId: number): Promise<any | undefined> {
  for (let page = 1; ; page++) {
    const resp = await ctx.api.call('cam', action, { ...target, Page: page, Rp: 200 });
    const list: any[] = resp.List ?? [];
    const hit = list.find((x) => Number(x.PolicyId) === policyId);
    if (hit || list.length < 200) return hit;
  }
}

function attachment(kind: AttachmentKind, forceNew: string[]): ResourceDefinition {
  const target = async (ctx: ResourceContext, principal: string) => {
    const t = await kind.resolve(ctx, principal);
    return t;
  };
  const def: ResourceDefinition = {
    forceNew,
    async create(ctx, p) {
      const principal = kind.principalOf(p)!;
      const policyId = policyIdNumber(str(p.policy_id)!);
      const t = await target(ctx, principal);
      if (!t) throw new ProviderError(`${kind.principalAttr} "${principal}" not found`, '', [kind.principalAttr]);
      await ctx.api.call('cam', kind.attach, { PolicyId: policyId, ...t.attach as object });
      ctx.created?.(`${principal}#${policyId}`);
      return readBack(def, ctx, { ...p, id: `${principal}#${policyId}` }, `attachment ${principal}#${policyId} not found after create`);
    },
    async read(ctx, s) {
      const [principal, pid] = splitId(String(s.id), 2, `<${kind.principalAttr}>#<policy_id>`);
      const t = await target(ctx, principal);
      if (!t) return null;
      const hit = await listAttached(ctx, kind.list, t.list as Record<string, unknown>, policyIdNumber(pid));
      if (!hit) return null;
      // As the provider's read: the principal and the policy id come from the id (so an import has them too).
      return {
        ...s,
        [kind.principalAttr]: principal,
        policy_id: pid,
        policy_name: hit.PolicyName ?? null,
        create_time: hit.AddTime ?? null,
        create_mode: hit.CreateMode ?? null,
        policy_type: hit.PolicyType ?? null,
      };
    },
    async delete(ctx, s) {
      const [principal, pid] = splitId(String(s.id), 2, `<${kind.principalAttr}>#<policy_id>`);
      const t = await target(ctx, principal);
      if (!t) return;
      try {
        await ctx.api.call('cam', kind.detach, { PolicyId: policyIdNumber(pid), ...t.detach as object });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },
  };
  return def;
}

async function userUin(ctx: ResourceContext, user: string): Promise<number | undefined> {
  // A numeric value of the deprecated user_id is taken as the UIN; anything else is a sub-user name.
  if (/^\d+$/.test(user)) return Number(user);
  try {
    const u = await ctx.api.call('cam', 'GetUser', { Name: user });
    return u.Uin;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export const camUserPolicyAttachment = attachment({
  principalAttr: 'user_name',
  principalOf: (p) => str(p.user_name) ?? str(p.user_id),
  async resolve(ctx, user) {
    const uin = await userUin(ctx, user);
    if (uin === undefined) return undefined;
    return { attach: { AttachUin: uin }, detach: { DetachUin: uin }, list: { TargetUin: uin } };
  },
  attach: 'AttachUserPolicy',
  detach: 'DetachUserPolicy',
  list: 'ListAttachedUserPolicies',
}, ['user_id', 'user_name', 'policy_id']);

// AtLeastOneOf on user_id and user_name, with SDKv2's wording.
camUserPolicyAttachment.validate = (config, diags) => {
  if ((config.user_name === null || config.user_name === undefined) && (config.user_id === null || config.user_id === undefined)) {
    diags.error('Invalid combination of arguments', '"user_name": one of `user_id,user_name` must be specified', ['user_name']);
  }
};

export const camGroupPolicyAttachment = attachment({
  principalAttr: 'group_id',
  principalOf: (p) => str(p.group_id),
  async resolve(_ctx, group) {
    // The provider converts with strconv.Atoi at apply; there is no plan-time check.
    if (!/^\d+$/.test(group)) throw new ProviderError(`strconv.Atoi: parsing "${group}": invalid syntax`, 'group_id must be a CAM group id (an unsigned integer).', ['group_id']);
    const id = Number(group);
    return { attach: { AttachGroupId: id }, detach: { DetachGroupId: id }, list: { TargetGroupId: id } };
  },
  attach: 'AttachGroupPolicy',
  detach: 'DetachGroupPolicy',
  list: 'ListAttachedGroupPolicies',
}, ['group_id', 'policy_id']);

export const camRolePolicyAttachment = attachment({
  principalAttr: 'role_id',
  principalOf: (p) => str(p.role_id),
  async resolve(_ctx, role) {
    return { attach: { AttachRoleId: role }, detach: { DetachRoleId: role }, list: { RoleId: role } };
  },
  attach: 'AttachRolePolicy',
  detach: 'DetachRolePolicy',
  list: 'ListAttachedRolePolicies',
}, ['role_id', 'policy_id']);
