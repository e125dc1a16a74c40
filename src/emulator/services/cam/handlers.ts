/**
 * CAM handlers: parse each request, authorise it on the CAM resources it names (`policy/<id>`, `uin/<uin>`,
 * `group/<id>`, `roleName/<name>`), call the model and render the view. State and rules live in ./model.
 */
import { CamModel, PrincipalKind, StoredPolicy } from './model';
import { PRINCIPAL_HANDLERS } from './principal-handlers';
import { ApiError } from '../../api-error';
import { handlersWithParams, Params } from '../../params';
import { ActionContext, ServiceDefinition } from '../../service';

function modelFor(ctx: ActionContext): CamModel {
  return new CamModel(ctx.state, ctx.caller.ownerUin, ctx.now());
}

function policyArn(ctx: ActionContext, id: unknown): string {
  return ctx.resourceArn('cam', `policy/${id}`);
}

function paramError(message: string): ApiError {
  return new ApiError('InvalidParameter.ParamError', message);
}

/** Rp/Page as the CAM list APIs take them: Rp 1..200 (default 20), Page from 1 (default 1, at most `maxPage`). */
function pageOf<T>(list: T[], p: Params, maxPage = Number.MAX_SAFE_INTEGER): T[] {
  const rp = p.value('Rp') ?? 20;
  const page = p.value('Page') ?? 1;
  if (!Number.isInteger(rp) || (rp as number) < 1 || (rp as number) > 200) throw paramError(`Rp must be an integer from 1 to 200, got ${String(rp)}.`);
  if (!Number.isInteger(page) || (page as number) < 1 || (page as number) > maxPage) {
    throw paramError(maxPage === Number.MAX_SAFE_INTEGER
      ? `Page must be an integer of at least 1, got ${String(page)}.`
      : `Page must be an integer from 1 to ${maxPage}, got ${String(page)}.`);
  }
  const size = rp as number;
  return list.slice(((page as number) - 1) * size, (page as number) * size);
}

/** One of two alternative identifier fields is required. */
function oneOf(p: Params, first: string, second: string): void {
  if (!p.has(first) && !p.has(second)) throw paramError(`One of \`${first}\` and \`${second}\` is required.`);
}

/**
 * The custom policies attached to one principal, as the ListAttached*Policies APIs list them (AttachPolicyInfo /
 * AttachedPolicyOfRole). The emulator has no preset policies, so PolicyType is always `User` (custom) and a
 * `QCS` filter lists nothing. INFERRED: the attachment time is not recorded; the policy's AddTime stands in.
 */
function attachedPolicies(model: CamModel, kind: PrincipalKind, key: string, p: Params) {
  let list = model.attached(kind, key);
  const keyword = p.optionalString('Keyword');
  if (keyword) list = list.filter((policy) => policy.PolicyName.includes(keyword));
  const policyType = p.value('PolicyType');
  if (policyType !== undefined) {
    if (policyType !== 'User' && policyType !== 'QCS') throw p.invalid('PolicyType', policyType, 'must be User or QCS', 'InvalidParameter.ParamError');
    if (policyType === 'QCS') list = [];
  }
  return { total: list.length, page: pageOf(list, p) };
}

function attachedView(policy: StoredPolicy) {
  return { PolicyId: policy.PolicyId, PolicyName: policy.PolicyName, AddTime: policy.AddTime, CreateMode: 2, PolicyType: 'User', Remark: policy.Description };
}

function rolePolicy(model: CamModel, p: Params): StoredPolicy {
  if (p.has('PolicyId')) return model.policy(p.value('PolicyId'), 'InvalidParameter.PolicyIdNotExist');
  if (p.has('PolicyName')) return model.policyByName(p.value('PolicyName'), 'InvalidParameter.PolicyIdNotExist');
  throw paramError('One of `PolicyId` and `PolicyName` is required.');
}

function rolePrincipal(model: CamModel, p: Params, idField: string, nameField: string) {
  oneOf(p, idField, nameField);
  return model.role(p.value(idField), p.value(nameField));
}

export const camService: ServiceDefinition = {
  service: 'cam',
  version: '2019-01-16',
  scope: 'global',
  actions: handlersWithParams('cam', {
    ...PRINCIPAL_HANDLERS,
    CreatePolicy(ctx, p) {
      ctx.authorize('cam:CreatePolicy', [ctx.resourceArn('cam', 'policy/*')]);
      const policy = modelFor(ctx).createPolicy({
        name: p.value('PolicyName') as string,
        document: p.value('PolicyDocument') as string,
        description: p.optionalString('Description') ?? '',
        tags: p.structs('Tags', 'must be a list of {"Key", "Value"}').map((t) => ({ Key: t.value('Key') as string, Value: t.value('Value') as string })),
      });
      return { PolicyId: policy.PolicyId };
    },

    GetPolicy(ctx, p) {
      ctx.authorize('cam:GetPolicy', [policyArn(ctx, p.value('PolicyId'))]);
      const policy = modelFor(ctx).policy(p.value('PolicyId'));
      return {
        PolicyName: policy.PolicyName,
        Description: policy.Description,
        Type: 1,
        AddTime: policy.AddTime,
        UpdateTime: policy.UpdateTime,
        PolicyDocument: policy.PolicyDocument,
        PresetAlias: '',
        IsServiceLinkedRolePolicy: 0,
        Tags: policy.Tags,
      };
    },

    UpdatePolicy(ctx, p) {
      oneOf(p, 'PolicyId', 'PolicyName');
      const byName = !p.has('PolicyId');
      const model = modelFor(ctx);
      const policy = byName ? model.policyByName(p.value('PolicyName'), 'ResourceNotFound.PolicyIdNotFound') : model.policy(p.value('PolicyId'));
      ctx.authorize('cam:UpdatePolicy', [policyArn(ctx, policy.PolicyId)]);
      model.updatePolicy(policy, {
        // Addressed by name, the name cannot also be the new name.
        name: byName ? undefined : p.optionalString('PolicyName'),
        document: p.optionalString('PolicyDocument'),
        description: p.optionalString('Description'),
      });
      // The API returns PolicyId only when the policy was addressed by name.
      return byName ? { PolicyId: policy.PolicyId } : {};
    },

    DeletePolicy(ctx, p) {
      const ids = p.list('PolicyId', 'must be a list of policy ids');
      if (ids.length === 0) throw new ApiError('InvalidParameter.PolicyIdError', 'PolicyId must list at least one policy id.');
      ctx.authorize('cam:DeletePolicy', ids.map((id) => policyArn(ctx, id)));
      const model = modelFor(ctx);
      model.deletePolicies(ids.map((id) => model.policy(id)));
      return {};
    },

    ListPolicies(ctx, p) {
      ctx.authorize('cam:ListPolicies', [ctx.resourceArn('cam', 'policy/*')]);
      const scope = p.value('Scope') ?? 'All';
      const model = modelFor(ctx);
      const keyword = p.optionalString('Keyword');
      if (!['All', 'QCS', 'Local'].includes(scope as string)) {
        throw p.invalid('Scope', scope, 'must be All, QCS or Local', 'InvalidParameter.ScopeError');
      }
      // The emulator has no preset (QCS) policies.
      // Each policy on its own resource: an allow on `policy/123` lists only that policy.
      let list = (scope === 'QCS' ? [] : model.ownPolicies()).filter((policy) => ctx.allows('cam:ListPolicies', policyArn(ctx, policy.PolicyId)));
      if (keyword) list = list.filter((policy) => policy.PolicyName.includes(keyword));
      list.sort((a, b) => b.PolicyId - a.PolicyId);
      return {
        TotalNum: list.length,
        List: pageOf(list, p, 200).map((policy) => ({
          PolicyId: policy.PolicyId,
          PolicyName: policy.PolicyName,
          AddTime: policy.AddTime,
          UpdateTime: policy.UpdateTime,
          Type: 1,
          Description: policy.Description,
          CreateMode: 2,
          Attachments: model.attachmentsOf(policy.PolicyId),
          ServiceType: '',
          Tags: policy.Tags,
        })),
        ServiceTypeList: [],
      };
    },

    ListAttachedUserPolicies(ctx, p) {
      ctx.authorize('cam:ListAttachedUserPolicies', [ctx.resourceArn('cam', `uin/${p.value('TargetUin')}`)]);
      const model = modelFor(ctx);
      const { total, page } = attachedPolicies(model, 'user', model.subAccount(p.value('TargetUin')), p);
      return { TotalNum: total, List: page.map(attachedView) };
    },

    ListAttachedGroupPolicies(ctx, p) {
      ctx.authorize('cam:ListAttachedGroupPolicies', [ctx.resourceArn('cam', `group/${p.value('TargetGroupId')}`)]);
      const model = modelFor(ctx);
      const { total, page } = attachedPolicies(model, 'group', model.group(p.value('TargetGroupId')), p);
      return { TotalNum: total, List: page.map(attachedView) };
    },

    ListAttachedRolePolicies(ctx, p) {
      const model = modelFor(ctx);
      const role = rolePrincipal(model, p, 'RoleId', 'RoleName');
      ctx.authorize('cam:ListAttachedRolePolicies', [ctx.resourceArn('cam', `roleName/${role.roleName}`)]);
      const { total, page } = attachedPolicies(model, 'role', role.roleId, p);
      return {
        TotalNum: total,
        List: page.map((policy) => {
          const { Remark, ...rest } = attachedView(policy);
          return { ...rest, Description: Remark };
        }),
      };
    },

    AttachUserPolicy(ctx, p) {
      ctx.authorize('cam:AttachUserPolicy', [policyArn(ctx, p.value('PolicyId')), ctx.resourceArn('cam', `uin/${p.value('AttachUin')}`)]);
      const model = modelFor(ctx);
      const policy = model.policy(p.value('PolicyId'));
      model.attach('user', model.subAccount(p.value('AttachUin')), policy.PolicyId);
      return {};
    },

    DetachUserPolicy(ctx, p) {
      ctx.authorize('cam:DetachUserPolicy', [policyArn(ctx, p.value('PolicyId')), ctx.resourceArn('cam', `uin/${p.value('DetachUin')}`)]);
      const model = modelFor(ctx);
      const policy = model.policy(p.value('PolicyId'));
      model.detach('user', model.subAccount(p.value('DetachUin')), policy.PolicyId);
      return {};
    },

    AttachGroupPolicy(ctx, p) {
      ctx.authorize('cam:AttachGroupPolicy', [policyArn(ctx, p.value('PolicyId')), ctx.resourceArn('cam', `group/${p.value('AttachGroupId')}`)]);
      const model = modelFor(ctx);
      const policy = model.policy(p.value('PolicyId'));
      model.attach('group', model.group(p.value('AttachGroupId')), policy.PolicyId);
      return {};
    },

    DetachGroupPolicy(ctx, p) {
      ctx.authorize('cam:DetachGroupPolicy', [policyArn(ctx, p.value('PolicyId')), ctx.resourceArn('cam', `group/${p.value('DetachGroupId')}`)]);
      const model = modelFor(ctx);
      const policy = model.policy(p.value('PolicyId'), 'InvalidParameter.PolicyIdNotExist');
      model.detach('group', model.group(p.value('DetachGroupId')), policy.PolicyId);
      return {};
    },

    AttachRolePolicy(ctx, p) {
      const model = modelFor(ctx);
      const policy = rolePolicy(model, p);
      const role = rolePrincipal(model, p, 'AttachRoleId', 'AttachRoleName');
      ctx.authorize('cam:AttachRolePolicy', [policyArn(ctx, policy.PolicyId), ctx.resourceArn('cam', `roleName/${role.roleName}`)]);
      model.attach('role', role.roleId, policy.PolicyId);
      return {};
    },

    DetachRolePolicy(ctx, p) {
      const model = modelFor(ctx);
      const policy = rolePolicy(model, p);
      const role = rolePrincipal(model, p, 'DetachRoleId', 'DetachRoleName');
      ctx.authorize('cam:DetachRolePolicy', [policyArn(ctx, policy.PolicyId), ctx.resourceArn('cam', `roleName/${role.roleName}`)]);
      model.detach('role', role.roleId, policy.PolicyId);
      return {};
    },
  }),
};
