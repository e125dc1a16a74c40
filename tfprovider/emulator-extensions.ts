/**
 * Actions the real provider calls for the examples' resources that the emulator (issue 3 scope) does not serve:
 * TCR public endpoint and its allow-list (open_public_operation, security_policy of tencentcloud_tcr_instance),
 * ModifyInstance (edition, deletion protection) and the CAM look-ups behind policy attachments (GetUser, ListAttached{User,Group,Role}Policies).
 *
 * They plug into the emulator through its `services` option, on top of its own actions: the emulator's own
 * implementation wins as soon as it has one. Request/response fields follow the SDK models
 * (tencentcloud-sdk-nodejs 4.1.313 tcr_models.d.ts / cam_models.d.ts). They keep their data on the emulator's own
 * records (TCR instance record, CAM attachment lists), so deleting an instance removes it with the instance.
 * These belong in the emulator; until they land there this is the stand-in's test tooling, not a library feature.
 */
import { EmulatorHandle, EmulatorOptions, startEmulator } from '../src/emulator';
import { accountsOf } from '../src/emulator/accounts';
import { ApiError } from '../src/emulator/api-error';
import { ActionContext, ActionHandler, ServiceDefinition } from '../src/emulator/service';
import { SERVICES } from '../src/emulator/services';
import { camOf } from '../src/emulator/services/cam';
import { tcrState } from '../src/emulator/services/tcr';
import { checkRegistryType } from '../src/validation/name-rules';

interface EndpointExtras {
  externalEndpoint?: 'Opened' | 'Closed';
  securityPolicies?: Array<{ PolicyIndex: number; CidrBlock: string; Description: string; PolicyVersion: string }>;
  nextSecurityPolicyIndex?: number;
}

function instance(ctx: ActionContext, registryId: unknown): EndpointExtras {
  const rec = tcrState(ctx.state).instances[String(registryId)];
  if (!rec || rec.ownerUin !== ctx.caller.ownerUin) {
    throw new ApiError('ResourceNotFound', `The instance \`RegistryId\` ${JSON.stringify(registryId)} does not exist in this account and region.`);
  }
  return rec as unknown as EndpointExtras;
}

function requireString(params: Record<string, any>, field: string): string {
  const v = params[field];
  if (v === undefined) throw new ApiError('MissingParameter', `The request is missing a required parameter \`${field}\`.`);
  if (typeof v !== 'string') throw new ApiError('InvalidParameter', `The parameter \`${field}\` must be a string.`);
  return v;
}

const instanceArn = (ctx: ActionContext, id: string) => ctx.resourceArn('tcr', `instance/${id}`);

export const TCR_EXTENSIONS: Readonly<Record<string, ActionHandler>> = {
  /** The edition and the protection flags of an instance (the provider's instance_type update; operators' unprotect). */
  ModifyInstance(ctx, params) {
    const id = requireString(params, 'RegistryId');
    ctx.authorize('tcr:ModifyInstance', [instanceArn(ctx, id)]);
    instance(ctx, id);
    const rec = tcrState(ctx.state).instances[id];
    if (params.RegistryType !== undefined) {
      if (checkRegistryType(params.RegistryType)) {
        throw new ApiError('InvalidParameter', `The value ${JSON.stringify(params.RegistryType)} of parameter \`RegistryType\` is invalid: must be basic, standard or premium.`);
      }
      rec.type = params.RegistryType;
    }
    if (params.DeletionProtection !== undefined) rec.deletionProtection = params.DeletionProtection === true;
    if (params.EnableCosVersioning !== undefined) rec.enableCosVersioning = params.EnableCosVersioning === true;
    return {};
  },
  ManageExternalEndpoint(ctx, params) {
    const id = requireString(params, 'RegistryId');
    const op = requireString(params, 'Operation');
    ctx.authorize('tcr:ManageExternalEndpoint', [instanceArn(ctx, id)]);
    if (op !== 'Create' && op !== 'Delete') {
      throw new ApiError('InvalidParameter', `The value ${JSON.stringify(op)} of parameter \`Operation\` is invalid: must be Create or Delete.`);
    }
    const rec = instance(ctx, id);
    rec.externalEndpoint = op === 'Create' ? 'Opened' : 'Closed';
    if (op === 'Delete') rec.securityPolicies = [];
    return {};
  },
  DescribeExternalEndpointStatus(ctx, params) {
    const id = requireString(params, 'RegistryId');
    ctx.authorize('tcr:DescribeExternalEndpointStatus', [instanceArn(ctx, id)]);
    return { Status: instance(ctx, id).externalEndpoint ?? 'Closed', Reason: '' };
  },
  CreateMultipleSecurityPolicy(ctx, params) {
    const id = requireString(params, 'RegistryId');
    ctx.authorize('tcr:CreateMultipleSecurityPolicy', [instanceArn(ctx, id)]);
    const rec = instance(ctx, id);
    if (rec.externalEndpoint !== 'Opened') {
      throw new ApiError('FailedOperation', 'The public endpoint of the instance is not open; open it before adding allow-list entries.');
    }
    const set: any[] = Array.isArray(params.SecurityGroupPolicySet) ? params.SecurityGroupPolicySet : [];
    rec.securityPolicies = rec.securityPolicies ?? [];
    for (const p of set) {
      if (typeof p?.CidrBlock !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(p.CidrBlock)) {
        throw new ApiError('InvalidParameter', `The value ${JSON.stringify(p?.CidrBlock)} of \`SecurityGroupPolicySet.CidrBlock\` is not an IPv4 CIDR block.`);
      }
      const index = (rec.nextSecurityPolicyIndex = (rec.nextSecurityPolicyIndex ?? 0) + 1);
      rec.securityPolicies.push({ PolicyIndex: index, CidrBlock: p.CidrBlock, Description: String(p.Description ?? ''), PolicyVersion: 'v1' });
    }
    return { RegistryId: id };
  },
  DescribeSecurityPolicies(ctx, params) {
    const id = requireString(params, 'RegistryId');
    ctx.authorize('tcr:DescribeSecurityPolicies', [instanceArn(ctx, id)]);
    return { SecurityPolicySet: [...(instance(ctx, id).securityPolicies ?? [])] };
  },
  DeleteMultipleSecurityPolicy(ctx, params) {
    const id = requireString(params, 'RegistryId');
    ctx.authorize('tcr:DeleteMultipleSecurityPolicy', [instanceArn(ctx, id)]);
    const rec = instance(ctx, id);
    const gone = new Set((Array.isArray(params.SecurityGroupPolicySet) ? params.SecurityGroupPolicySet : []).map((p: any) => Number(p?.PolicyIndex)));
    rec.securityPolicies = (rec.securityPolicies ?? []).filter((p) => !gone.has(p.PolicyIndex));
    return { RegistryId: id };
  },
};

function page<T>(list: T[], params: Record<string, any>): T[] {
  const rp = Number(params.Rp ?? 20);
  const p = Number(params.Page ?? 1);
  return list.slice((p - 1) * rp, p * rp);
}

function attachedList(ctx: ActionContext, ids: number[] | undefined, kind: 'User' | 'Group') {
  const cam = camOf(ctx.state);
  return (ids ?? []).map((id) => cam.policies[String(id)]).filter((p) => p !== undefined).map((p) => ({
    PolicyId: p.PolicyId,
    PolicyName: p.PolicyName,
    // The emulator does not record when an attachment was made; the policy's creation time stands in (stable).
    AddTime: p.AddTime,
    CreateMode: 2,
    PolicyType: kind === 'User' ? 'User' : 'Group',
    Remark: p.Description,
  }));
}

export const CAM_EXTENSIONS: Readonly<Record<string, ActionHandler>> = {
  GetUser(ctx, params) {
    const name = requireString(params, 'Name');
    ctx.authorize('cam:GetUser', [ctx.resourceArn('cam', `uin/${ctx.caller.ownerUin}`)]);
    const user = Object.values(accountsOf(ctx.state).users).find((u) => u.ownerUin === ctx.caller.ownerUin && u.name === name);
    if (!user) throw new ApiError('ResourceNotFound.UserNotExist', `The sub-user ${JSON.stringify(name)} does not exist.`);
    return { Uin: Number(user.uin), Name: user.name, Uid: Number(user.uin), Remark: '', ConsoleLogin: 0, PhoneNum: '', CountryCode: '', Email: '' };
  },
  ListAttachedUserPolicies(ctx, params) {
    ctx.authorize('cam:ListAttachedUserPolicies', [ctx.resourceArn('cam', `uin/${params.TargetUin}`)]);
    const user = accountsOf(ctx.state).users[String(params.TargetUin)];
    if (!user || user.ownerUin !== ctx.caller.ownerUin) {
      throw new ApiError('ResourceNotFound.UserNotExist', `The sub-account with uin ${JSON.stringify(params.TargetUin)} does not exist.`);
    }
    const list = attachedList(ctx, camOf(ctx.state).attachments.user[user.uin], 'User');
    return { TotalNum: list.length, List: page(list, params) };
  },
  ListAttachedGroupPolicies(ctx, params) {
    ctx.authorize('cam:ListAttachedGroupPolicies', [ctx.resourceArn('cam', `group/${params.TargetGroupId}`)]);
    const group = accountsOf(ctx.state).groups[String(params.TargetGroupId)];
    if (!group || group.ownerUin !== ctx.caller.ownerUin) {
      throw new ApiError('ResourceNotFound.GroupNotExist', `The user group ${JSON.stringify(params.TargetGroupId)} does not exist.`);
    }
    const list = attachedList(ctx, camOf(ctx.state).attachments.group[String(group.groupId)], 'Group');
    return { TotalNum: list.length, List: page(list, params) };
  },
  ListAttachedRolePolicies(ctx, params) {
    const roles = Object.values(accountsOf(ctx.state).roles).filter((r) => r.ownerUin === ctx.caller.ownerUin);
    const matches = (r: { roleId: string; roleName: string }) =>
      (params.RoleId !== undefined && r.roleId === String(params.RoleId)) || (params.RoleName !== undefined && r.roleName === params.RoleName);
    const role = roles.find(matches);
    ctx.authorize('cam:ListAttachedRolePolicies', [ctx.resourceArn('cam', `role/${role?.roleName ?? String(params.RoleId ?? params.RoleName)}`)]);
    if (!role) throw new ApiError('InvalidParameter.RoleNotExist', `The role ${JSON.stringify(params.RoleId ?? params.RoleName)} does not exist.`);
    const list = attachedList(ctx, camOf(ctx.state).attachments.role[role.roleId], 'User');
    return { TotalNum: list.length, List: page(list, params) };
  },
};

/** The emulator's services with the extensions underneath its own actions (its own implementation wins). */
export function servicesWithExtensions(): ServiceDefinition[] {
  return SERVICES.map((s) => {
    if (s.service === 'tcr') return { ...s, actions: { ...TCR_EXTENSIONS, ...s.actions } };
    if (s.service === 'cam') return { ...s, actions: { ...CAM_EXTENSIONS, ...s.actions } };
    return s;
  });
}

/** An emulator on a free loopback port serving the extensions too: what the harness and the e2e tests run. */
export function startStandInEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  return startEmulator({ port: 0, ...options, services: servicesWithExtensions() });
}
