/**
 * TCR resources, following provider v1.83.25 (see shared/reference/provider-semantics.md).
 */
import { SERVICE_ACCOUNT_PREFIX } from '../../src/validation/name-rules';
import { ApiCallError } from '../api';
import { UNKNOWN } from '../codec';
import { ProviderError } from '../diagnostics';
import { known, Obj } from '../plan';
import { bool, intInRange, isNotFound, num, orPrior, readBack, splitId, str, tagsFromApi, tagsToApi, unsupported } from './common';
import { TagResource, tagsRead, tagsWrite } from './tags';
import { applyReplications, checkReplicaRegions, deleteAllReplications, readReplications, replicationsOf } from './tcr-replications';
import { ResourceContext, ResourceDefinition, waitFor } from './types';

const instanceTags = (ctx: ResourceContext, id: string): TagResource => ({ service: 'tcr', type: 'instance', region: ctx.region, id });
/** The provider tags a service account as an `instance` resource whose id is `<registryId>#<name>`. */
const accountTags = instanceTags;


async function describeInstance(ctx: ResourceContext, id: string): Promise<any | undefined> {
  const resp = await ctx.api.call('tcr', 'DescribeInstances', { Registryids: [id] });
  return (resp.Registries ?? []).find((r: any) => r.RegistryId === id);
}

async function setPublicEndpoint(ctx: ResourceContext, id: string, open: boolean): Promise<void> {
  await ctx.api.call('tcr', 'ManageExternalEndpoint', { RegistryId: id, Operation: open ? 'Create' : 'Delete' });
  const want = open ? 'Opened' : 'Closed';
  await waitFor(`public endpoint of ${id} to be ${want}`, async () => {
    const s = await ctx.api.call('tcr', 'DescribeExternalEndpointStatus', { RegistryId: id });
    if (s.Status === want) return true;
    if (s.Status === 'Opening' || s.Status === 'Deleting') return undefined;
    throw new ProviderError(`unexpected external endpoint status: \`${String(s.Status)}\``);
  }, 60_000, 200);
}

/** The provider's prepaid period change: RenewInstance (Flag 0) for a prepaid instance, then wait until it runs. */
async function renew(ctx: ResourceContext, id: string, p: Obj): Promise<void> {
  const chargeType = num(p.registry_charge_type);
  if (chargeType === undefined) throw new ProviderError('`registry_charge_type` must be set when trying to change the `instance_charge_type_prepaid_period`!');
  if (chargeType !== 2) {
    // The provider's wording, although it is the prepaid instance that may change its period.
    throw new ProviderError(`Only the postpaid user allows changing the \`instance_charge_type_prepaid_period\`! The current charge type is: [${chargeType}].`);
  }
  await ctx.api.call('tcr', 'RenewInstance', {
    RegistryId: id,
    RegistryChargePrepaid: {
      Period: num(p.instance_charge_type_prepaid_period) ?? 0,
      RenewFlag: (num(p.instance_charge_type_prepaid_renew_flag) ?? 0) - 1,
    },
    Flag: 0,
  });
  await waitFor(`instance ${id} to be Running`, async () => ((await describeInstance(ctx, id))?.Status === 'Running' ? true : undefined), 120_000, 200);
}

function securityPoliciesOf(v: unknown): Array<{ CidrBlock: string; Description?: string }> {
  return (known<Obj[]>(v) ?? []).map((x) => ({ CidrBlock: str(x.cidr_block) ?? '', ...(str(x.description) !== undefined ? { Description: str(x.description) } : {}) }));
}

/** DescribeTCRNameSpaces without a name: pages of 200; ResourceNotFound means none. */
async function allNamespaces(ctx: ResourceContext, registryId: string): Promise<any[]> {
  const out: any[] = [];
  for (let offset = 0; ; offset += 200) {
    let page: any[];
    try {
      page = (await ctx.api.call('tcr', 'DescribeNamespaces', { RegistryId: registryId, Offset: offset, Limit: 200 })).NamespaceList ?? [];
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'ResourceNotFound') return out;
      throw e;
    }
    out.push(...page);
    if (page.length < 200) return out;
  }
}

async function deleteAllNamespaces(ctx: ResourceContext, registryId: string): Promise<void> {
  for (const ns of await allNamespaces(ctx, registryId)) {
    if (typeof ns?.Name !== 'string') continue;
    await ctx.api.call('tcr', 'DeleteNamespace', { RegistryId: registryId, NamespaceName: ns.Name }, ['InternalError.ErrorConflict']);
  }
}

export const tcrInstance: ResourceDefinition = {
  // ForceNew in the provider's schema (v1.83.25 resource_tc_tcr_instance.go).
  forceNew: ['name', 'enable_cos_maz', 'enable_cos_versioning'],
  // Go `Default:` values of the provider's schema (v1.83.25 resource_tc_tcr_instance.go).
  defaults: { registry_charge_type: 1, open_public_operation: false, delete_bucket: false },
  // Opening or closing the public endpoint changes public_status; the plan says so instead of keeping the old one.
  customizeUpdate(planned, prior) {
    return (prior.open_public_operation ?? false) !== (planned.open_public_operation ?? false) ? { ...planned, public_status: UNKNOWN } : planned;
  },
  validate(config, diags) {
    // The provider's only plan-time checks (ValidateIntegerInRange / ValidateIntegerMin); instance_type and the
    // rest are left to the API.
    intInRange(config, 'registry_charge_type', diags, 1, 2);
    intInRange(config, 'instance_charge_type_prepaid_period', diags, 1);
    intInRange(config, 'instance_charge_type_prepaid_renew_flag', diags, 1, 3);
  },
  async create(ctx, p) {
    checkReplicaRegions(ctx, p.replications);
    const charge = num(p.registry_charge_type) ?? 1;
    const resp = await ctx.api.call('tcr', 'CreateInstance', {
      RegistryName: str(p.name),
      RegistryType: str(p.instance_type),
      RegistryChargeType: charge - 1,
      ...(charge === 2 ? {
        RegistryChargePrepaid: {
          Period: num(p.instance_charge_type_prepaid_period),
          RenewFlag: (num(p.instance_charge_type_prepaid_renew_flag) ?? 1) - 1,
        },
      } : {}),
      ...(bool(p.deletion_protection) !== undefined ? { DeletionProtection: bool(p.deletion_protection) } : {}),
      ...(bool(p.enable_cos_maz) !== undefined ? { EnableCosMAZ: bool(p.enable_cos_maz) } : {}),
      ...(bool(p.enable_cos_versioning) !== undefined ? { EnableCosVersioning: bool(p.enable_cos_versioning) } : {}),
    });
    const id = String(resp.RegistryId);
    ctx.created?.(id);
    ctx.log.info(`tcr_instance created ${id}`);
    await waitFor(`instance ${id} to be Running`, async () => {
      const inst = await describeInstance(ctx, id);
      if (!inst) throw new ProviderError('create tcr instance fail', `instance ${id} disappeared while waiting for it to run`);
      return inst.Status === 'Running' ? inst : undefined;
    }, 120_000, 200);
    // As the provider (d.GetOk): open_public_operation true opens the public endpoint; the allow-list is added only
    // when it is open.
    const open = bool(p.open_public_operation) === true;
    if (open) await setPublicEndpoint(ctx, id, true);
    const policies = securityPoliciesOf(p.security_policy);
    if (policies.length > 0) {
      if (open) await ctx.api.call('tcr', 'CreateMultipleSecurityPolicy', { RegistryId: id, SecurityGroupPolicySet: policies });
      else ctx.log.warn(`tcr_instance ${id}: open_public_operation was not opened, skip security_policy set`);
    }
    // As the provider: the replicas once the instance runs, then the tags through the Tag API (not in CreateInstance).
    if (replicationsOf(p.replications).length > 0) await applyReplications(ctx, id, [], p.replications);
    await tagsWrite(ctx, instanceTags(ctx, id), null, p.tags);
    return readBack(this, ctx, { ...p, id }, `tcr instance ${id} not found after create`);
  },
  async read(ctx, s) {
    const inst = await describeInstance(ctx, String(s.id));
    if (!inst) return null;
    const out: Obj = { ...s };
    out.name = inst.RegistryName;
    out.instance_type = inst.RegistryType;
    out.status = inst.Status ?? null;
    out.public_domain = inst.PublicDomain ?? null;
    out.internal_end_point = inst.InternalEndpoint ?? null;
    const endpoint = await ctx.api.call('tcr', 'DescribeExternalEndpointStatus', { RegistryId: inst.RegistryId });
    out.public_status = endpoint.Status ?? null;
    // As the provider: true while Opening/Opened, false when Closed (the schema's default is false too).
    if (endpoint.Status === 'Opening' || endpoint.Status === 'Opened') out.open_public_operation = true;
    else if (endpoint.Status === 'Closed') out.open_public_operation = false;
    if (endpoint.Status === 'Closed') {
      out.security_policy = [];
    } else {
      const sp = await ctx.api.call('tcr', 'DescribeSecurityPolicies', { RegistryId: inst.RegistryId });
      out.security_policy = (sp.SecurityPolicySet ?? []).map((x: any) => ({
        cidr_block: x.CidrBlock ?? null, description: orPrior(x.Description, null), index: x.PolicyIndex ?? null, version: x.PolicyVersion ?? null,
      }));
    }
    if (inst.PayMod !== undefined && inst.PayMod !== null) out.registry_charge_type = inst.PayMod + 1;
    if (inst.PayMod === 1 && inst.RenewFlag !== undefined && inst.RenewFlag !== null) {
      out.instance_charge_type_prepaid_renew_flag = inst.RenewFlag + 1;
    }
    out.expired_at = inst.PayMod === 1 ? orPrior(inst.ExpiredAt, null) : null;
    out.deletion_protection = inst.DeletionProtection ?? s.deletion_protection ?? false;
    out.enable_cos_maz = inst.EnableCosMAZ ?? s.enable_cos_maz ?? false;
    out.enable_cos_versioning = inst.EnableCosVersioning ?? s.enable_cos_versioning ?? false;
    // The provider reads them back from the instance view (TagSpecification), an empty map when there are none.
    out.replications = (await readReplications(ctx, inst.RegistryId, s.replications)) ?? known(s.replications) ?? [];
    out.tags = tagsFromApi(inst.TagSpecification?.Tags, null) ?? {};
    return out;
  },
  async update(ctx, prior, p) {
    // The provider's order: public endpoint, allow-list, replications, tags, edition, deletion protection, period.
    const id = String(prior.id);
    if ((prior.open_public_operation ?? null) !== (p.open_public_operation ?? null)) {
      await setPublicEndpoint(ctx, id, bool(p.open_public_operation) === true);
    }
    const key = (x: any) => `${x.CidrBlock}|${x.Description ?? ''}`;
    const before = securityPoliciesOf(prior.security_policy);
    const after = securityPoliciesOf(p.security_policy);
    const remove = before.filter((x) => !after.some((y) => key(y) === key(x)));
    const add = after.filter((x) => !before.some((y) => key(y) === key(x)));
    if (remove.length) {
      const removed = (x: Obj) => remove.some((r) => r.CidrBlock === x.cidr_block && (r.Description ?? '') === (x.description ?? ''));
      const indexed = (known<Obj[]>(prior.security_policy) ?? []).filter(removed);
      await ctx.api.call('tcr', 'DeleteMultipleSecurityPolicy', {
        RegistryId: id,
        SecurityGroupPolicySet: indexed.map((x) => ({ PolicyIndex: num(x.index), CidrBlock: str(x.cidr_block), PolicyVersion: str(x.version) })),
      });
    }
    if (add.length) await ctx.api.call('tcr', 'CreateMultipleSecurityPolicy', { RegistryId: id, SecurityGroupPolicySet: add });
    if (JSON.stringify(prior.replications ?? []) !== JSON.stringify(p.replications ?? [])) {
      await applyReplications(ctx, id, prior.replications, p.replications);
    }
    if (JSON.stringify(prior.tags ?? {}) !== JSON.stringify(p.tags ?? {})) await tagsWrite(ctx, instanceTags(ctx, id), prior.tags, p.tags);
    if (prior.instance_type !== p.instance_type) {
      await ctx.api.call('tcr', 'ModifyInstance', { RegistryId: id, RegistryType: str(p.instance_type) });
      await waitFor(`instance ${id} to be ${String(p.instance_type)}`, async () => {
        const inst = await describeInstance(ctx, id);
        return !inst || inst.RegistryType === p.instance_type ? true : undefined;
      }, 120_000, 200);
    }
    const protect = bool(p.deletion_protection);
    if (protect !== undefined && prior.deletion_protection !== protect) await ctx.api.call('tcr', 'ModifyInstance', { RegistryId: id, DeletionProtection: protect });
    if ((prior.instance_charge_type_prepaid_period ?? null) !== (p.instance_charge_type_prepaid_period ?? null)) await renew(ctx, id, p);
    return readBack(this, ctx, { ...prior, ...p, id: prior.id }, `tcr instance ${String(prior.id)} not found`);
  },
  async delete(ctx, s) {
    const id = String(s.id);
    // As the provider: the replicas first, then every namespace of the instance, then the instance.
    await deleteAllReplications(ctx, id);
    await deleteAllNamespaces(ctx, id);
    try {
      await ctx.api.call('tcr', 'DeleteInstance', { RegistryId: id, DeleteBucket: bool(s.delete_bucket) ?? false });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    await waitFor(`instance ${id} to be deleted`, async () => ((await describeInstance(ctx, id)) ? undefined : true), 120_000, 200);
  },
};

async function describeNamespace(ctx: ResourceContext, registryId: string, name: string): Promise<any | undefined> {
  try {
    const resp = await ctx.api.call('tcr', 'DescribeNamespaces', { RegistryId: registryId, NamespaceName: name });
    return (resp.NamespaceList ?? []).find((n: any) => n.Name === name);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export const tcrNamespace: ResourceDefinition = {
  forceNew: ['instance_id', 'name'],
  defaults: { is_public: false, is_auto_scan: false, is_prevent_vul: false },
  async create(ctx, p) {
    const registryId = str(p.instance_id)!;
    const name = str(p.name)!;
    const tags = tagsToApi(p.tags);
    const cves = (known<Obj[]>(p.cve_whitelist_items) ?? []).map((c) => ({ CVEID: str(c.cve_id) }));
    await ctx.api.call('tcr', 'CreateNamespace', {
      RegistryId: registryId,
      NamespaceName: name,
      IsPublic: bool(p.is_public) ?? false,
      IsAutoScan: bool(p.is_auto_scan) ?? false,
      IsPreventVUL: bool(p.is_prevent_vul) ?? false,
      ...(str(p.severity) ? { Severity: str(p.severity) } : {}),
      ...(cves.length ? { CVEWhitelistItems: cves } : {}),
      ...(tags ? { TagSpecification: { ResourceType: 'namespace', Tags: tags } } : {}),
    });
    ctx.created?.(`${registryId}#${name}`);
    return readBack(this, ctx, { ...p, id: `${registryId}#${name}` }, `namespace ${name} not found after create`);
  },
  async read(ctx, s) {
    const [registryId, name] = splitId(String(s.id), 2, '<registryId>#<namespaceName>');
    const ns = await describeNamespace(ctx, registryId, name);
    if (!ns) return null;
    return {
      ...s,
      instance_id: registryId,
      name: ns.Name,
      is_public: ns.Public ?? s.is_public ?? false,
      is_auto_scan: ns.AutoScan ?? s.is_auto_scan ?? false,
      is_prevent_vul: ns.PreventVUL ?? s.is_prevent_vul ?? false,
      severity: orPrior(ns.Severity, s.severity),
      tags: tagsFromApi(ns.TagSpecification?.Tags, null) ?? {},
      cve_whitelist_items: ns.CVEWhitelistItems?.length
        ? ns.CVEWhitelistItems.map((c: any) => ({ cve_id: c.CVEID ?? null }))
        : known(s.cve_whitelist_items) ?? [],
    };
  },
  async update(ctx, prior, p) {
    for (const attr of ['is_public', 'is_auto_scan', 'is_prevent_vul', 'severity', 'cve_whitelist_items']) {
      if (JSON.stringify(prior[attr] ?? null) !== JSON.stringify(p[attr] ?? null)) unsupported(`changing ${attr} of tencentcloud_tcr_namespace (ModifyNamespace)`);
    }
    // As the provider: ModifyNamespace has no tags, they go through the Tag API (tcr:repository/<instance>/<name>).
    if (JSON.stringify(prior.tags ?? {}) !== JSON.stringify(p.tags ?? {})) {
      const [registryId, name] = splitId(String(prior.id), 2, '<registryId>#<namespaceName>');
      await tagsWrite(ctx, { service: 'tcr', type: 'repository', region: ctx.region, id: `${registryId}/${name}` }, prior.tags, p.tags);
    }
    return readBack(this, ctx, { ...prior, ...p, id: prior.id }, `namespace ${String(prior.id)} not found after update`);
  },
  async delete(ctx, s) {
    const [registryId, name] = splitId(String(s.id), 2, '<registryId>#<namespaceName>');
    try {
      await ctx.api.call('tcr', 'DeleteNamespace', { RegistryId: registryId, NamespaceName: name });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  },
};

function permissionsToApi(perms: unknown): Array<{ Resource: string; Actions: string[] }> {
  return (known<Obj[]>(perms) ?? []).map((p) => ({ Resource: str(p.resource)!, Actions: [...(known<string[]>(p.actions) ?? [])] }));
}

export const tcrServiceAccount: ResourceDefinition = {
  /**
   * Any ModifyServiceAccount re-sends `duration`, and the API counts it from now: expires_at moves. The provider
   * plans the old value and lets the SDKv2 legacy type system swallow the difference; the stand-in plans it unknown,
   * so the plan shows what apply will do.
   */
  customizeUpdate(planned, prior, config) {
    const modified = ['permissions', 'description', 'duration', 'expires_at', 'disable'].some((a) => JSON.stringify(prior[a] ?? null) !== JSON.stringify(planned[a] ?? null));
    const expiresConfigured = config?.expires_at !== null && config?.expires_at !== undefined;
    return modified && num(planned.duration) !== undefined && !expiresConfigured ? { ...planned, expires_at: UNKNOWN } : planned;
  },
  async create(ctx, p) {
    const registryId = str(p.registry_id)!;
    const name = str(p.name)!;
    const duration = num(p.duration);
    const expiresAt = num(p.expires_at);
    const disable = bool(p.disable);
    const resp = await ctx.api.call('tcr', 'CreateServiceAccount', {
      RegistryId: registryId,
      Name: name,
      Permissions: permissionsToApi(p.permissions),
      ...(str(p.description) !== undefined ? { Description: str(p.description) } : {}),
      ...(duration !== undefined ? { Duration: duration } : {}),
      ...(expiresAt !== undefined ? { ExpiresAt: expiresAt } : {}),
      ...(disable !== undefined ? { Disable: disable } : {}),
    });
    ctx.created?.(`${registryId}#${name}`);
    // As the provider: tags through the Tag API, under the instance resource type with the account's id.
    await tagsWrite(ctx, accountTags(ctx, `${registryId}#${name}`), null, p.tags);
    if (typeof resp.Name !== 'string' || !resp.Name.includes(name)) {
      throw new ProviderError('CreateServiceAccount returned an unexpected name', `expected a name containing "${name}"`);
    }
    let password: string | undefined = resp.Password;
    const wanted = str(p.password);
    if (wanted !== undefined) {
      // The provider sends the bare name here (not tcr$<name>), as it does in Update.
      const pw = await ctx.api.call('tcr', 'ModifyServiceAccountPassword', { RegistryId: registryId, Name: name, Random: false, Password: wanted });
      password = pw.Password ?? wanted;
    }
    return readBack(this, ctx, { ...p, id: `${registryId}#${name}`, password: password ?? null }, `service account ${name} not found after create`);
  },
  async read(ctx, s) {
    const [registryId, name] = splitId(String(s.id), 2, '<registryId>#<name>');
    // As the provider: only RegistryId (API default page size), then match tcr$<name> and otherwise fall back to
    // the first account returned; the resource is gone only when the list is empty.
    const resp = await ctx.api.call('tcr', 'DescribeServiceAccounts', { RegistryId: registryId });
    const accounts: any[] = resp.ServiceAccounts ?? [];
    if (accounts.length === 0) return null;
    let account = accounts.find((a) => a.Name === `${SERVICE_ACCOUNT_PREFIX}${name}`);
    if (!account) {
      ctx.log.warn(`tcr_service_account ${registryId}#${name}: not in DescribeServiceAccounts, provider falls back to the first account`);
      account = accounts[0];
    }
    const out: Obj = { ...s, registry_id: registryId };
    // As the provider: the name comes from the id, also when the read fell back to another account (whose other
    // attributes then show up as a diff on this one).
    out.name = name;
    out.description = orPrior(account.Description, s.description);
    // The API's value, also false: SDKv2 plans an unset disable as false, so it is no change (see planChange).
    out.disable = account.Disable ?? s.disable ?? null;
    out.expires_at = account.ExpiresAt ?? known(s.expires_at) ?? null;
    if (Array.isArray(account.Permissions) && account.Permissions.length > 0) {
      out.permissions = account.Permissions.map((perm: any) => ({ resource: perm.Resource, actions: [...(perm.Actions ?? [])].sort() }));
    }
    // Passwords are never returned by the API: the value from create/update stays in state.
    out.password = known(s.password) ?? null;
    out.tags = await tagsRead(ctx, accountTags(ctx, String(s.id)));
    return out;
  },
  async update(ctx, prior, p) {
    for (const attr of ['registry_id', 'name']) {
      if (prior[attr] !== p[attr]) throw new ProviderError(`argument \`${attr}\` cannot be changed`, '', [attr]);
    }
    const registryId = str(p.registry_id)!;
    const name = str(p.name)!;
    const changed = (a: string) => JSON.stringify(prior[a] ?? null) !== JSON.stringify(p[a] ?? null);
    if (['permissions', 'description', 'duration', 'expires_at', 'disable'].some(changed)) {
      await ctx.api.call('tcr', 'ModifyServiceAccount', {
        RegistryId: registryId,
        Name: `${SERVICE_ACCOUNT_PREFIX}${name}`,
        Permissions: permissionsToApi(p.permissions),
        ...(str(p.description) !== undefined ? { Description: str(p.description) } : {}),
        ...(num(p.duration) !== undefined ? { Duration: num(p.duration) } : {}),
        ...(num(p.expires_at) !== undefined ? { ExpiresAt: num(p.expires_at) } : {}),
        ...(bool(p.disable) !== undefined ? { Disable: bool(p.disable) } : {}),
      });
    }
    let password = known(prior.password) ?? null;
    if (changed('password') && str(p.password) !== undefined) {
      const pw = await ctx.api.call('tcr', 'ModifyServiceAccountPassword', { RegistryId: registryId, Name: name, Random: false, Password: str(p.password) });
      password = pw.Password ?? str(p.password);
    }
    if (changed('tags')) await tagsWrite(ctx, accountTags(ctx, `${registryId}#${name}`), prior.tags, p.tags);
    return readBack(this, ctx, { ...prior, ...p, password }, `service account ${name} not found after update`);
  },
  async delete(ctx, s) {
    const [registryId, name] = splitId(String(s.id), 2, '<registryId>#<name>');
    try {
      await ctx.api.call('tcr', 'DeleteServiceAccount', { RegistryId: registryId, Name: `${SERVICE_ACCOUNT_PREFIX}${name}` });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  },
};

async function findToken(ctx: ResourceContext, registryId: string, tokenId: string): Promise<any | undefined> {
  for (let offset = 0; ; offset += 200) {
    let resp: any;
    try {
      resp = await ctx.api.call('tcr', 'DescribeInstanceToken', { RegistryId: registryId, Limit: 200, Offset: offset });
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
    const tokens: any[] = resp.Tokens ?? [];
    const hit = tokens.find((t) => t.Id === tokenId);
    if (hit || tokens.length < 200) return hit;
  }
}

export const tcrToken: ResourceDefinition = {
  forceNew: ['instance_id', 'description'],
  defaults: { enable: true },
  async create(ctx, p) {
    const registryId = str(p.instance_id)!;
    const desc = str(p.description);
    // The resource has no token_type: it always creates long-term tokens.
    const resp = await ctx.api.call('tcr', 'CreateInstanceToken', { RegistryId: registryId, TokenType: 'longterm', ...(desc !== undefined ? { Desc: desc } : {}) });
    const tokenId = String(resp.TokenId);
    ctx.created?.(`${registryId}#${tokenId}`);
    if (bool(p.enable) === false) {
      await ctx.api.call('tcr', 'ModifyInstanceToken', { RegistryId: registryId, TokenId: tokenId, Enable: false });
    }
    // token and user_name come only from the create response (Read cannot refresh them).
    return readBack(this, ctx, { ...p, id: `${registryId}#${tokenId}`, token_id: tokenId, token: resp.Token ?? null, user_name: resp.Username ?? null }, `token ${tokenId} not found after create`);
  },
  async read(ctx, s) {
    const [registryId, tokenId] = splitId(String(s.id), 2, '<instanceId>#<tokenId>');
    const t = await findToken(ctx, registryId, tokenId);
    if (!t) return null;
    return {
      ...s,
      instance_id: registryId,
      token_id: tokenId,
      enable: t.Enabled ?? s.enable ?? true,
      description: orPrior(t.Desc, s.description),
      create_time: t.CreatedAt ?? null,
      token: known(s.token) ?? null,
      user_name: known(s.user_name) ?? null,
    };
  },
  async update(ctx, prior, p) {
    const [registryId, tokenId] = splitId(String(prior.id), 2, '<instanceId>#<tokenId>');
    if (prior.enable !== p.enable) {
      await ctx.api.call('tcr', 'ModifyInstanceToken', { RegistryId: registryId, TokenId: tokenId, Enable: bool(p.enable) ?? true });
    }
    return readBack(this, ctx, { ...prior, enable: p.enable }, `token ${tokenId} not found after update`);
  },
  async delete(ctx, s) {
    const [registryId, tokenId] = splitId(String(s.id), 2, '<instanceId>#<tokenId>');
    try {
      await ctx.api.call('tcr', 'DeleteInstanceToken', { RegistryId: registryId, TokenId: tokenId });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    await waitFor(`token ${tokenId} to be deleted`, async () => ((await findToken(ctx, registryId, tokenId)) ? undefined : true), 60_000, 200);
  },
};
