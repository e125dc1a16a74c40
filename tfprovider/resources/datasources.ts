/**
 * Data sources the stand-in reads (the rest of the schema's data sources validate only): tencentcloud_tcr_instances,
 * which the provider's acceptance tests use to find their pre-existing instance (tcacctest.DefaultTCRInstanceData);
 * tencentcloud_cam_policies and tencentcloud_user_info (below).
 * Follows data_source_tc_tcr_instances.go at v1.83.25: DescribeInstances with a RegistryName filter and/or the
 * instance id, 200 a page.
 */
import * as crypto from 'crypto';
import { Obj } from '../plan';
import { num, str } from './common';
import { ResourceContext } from './types';

export interface DataSourceDefinition {
  read(ctx: ResourceContext, config: Obj): Promise<Obj>;
}

/**
 * The provider's id is helper.DataResourceIdsHash (a crc32 of the ids); nothing reads it back, so any stable
 * non-negative number derived from the ids serves: here the first 31 bits of their SHA-256.
 */
export function dataResourceIdsHash(ids: readonly string[]): string {
  const digest = crypto.createHash('sha256').update(ids.map((id) => `${id}-`).join('')).digest();
  return String(digest.readUInt32BE(0) % 2147483648);
}

export const tcrInstancesData: DataSourceDefinition = {
  async read(ctx, config) {
    const name = str(config.name);
    const instanceId = str(config.instance_id);
    const registries: any[] = [];
    for (let offset = 0; ; offset += 200) {
      const resp = await ctx.api.call('tcr', 'DescribeInstances', {
        ...(name ? { Filters: [{ Name: 'RegistryName', Values: [name] }] } : {}),
        ...(instanceId ? { Registryids: [instanceId] } : {}),
        Offset: offset,
        Limit: 200,
      });
      const page: any[] = resp.Registries ?? [];
      registries.push(...page);
      if (page.length < 200) break;
    }
    const list = registries.map((r) => ({
      id: r.RegistryId ?? null,
      name: r.RegistryName ?? null,
      status: r.Status ?? null,
      public_domain: r.PublicDomain ?? null,
      instance_type: r.RegistryType ?? null,
      internal_end_point: r.InternalEndpoint ?? null,
      tags: Object.fromEntries((r.TagSpecification?.Tags ?? []).map((t: any) => [t.Key, t.Value])),
    }));
    return { ...config, id: dataResourceIdsHash(registries.map((r) => String(r.RegistryId))), instance_list: list };
  },
};

/**
 * tencentcloud_cam_policies (data_source_tc_cam_policies.go + CamService.DescribePoliciesByFilter): ListPolicies
 * page by page (200 a page) with the optional Scope and Keyword, then the provider's own exact filters on
 * policy_id, name, type, description and create_mode.
 */
export const camPoliciesData: DataSourceDefinition = {
  async read(ctx, config) {
    const filters: Array<[string, unknown]> = [
      ['PolicyId', num(config.policy_id)], ['PolicyName', str(config.name)], ['Type', num(config.type)],
      ['Description', str(config.description)], ['CreateMode', num(config.create_mode)],
    ];
    const matches = (p: any) => filters.every(([field, want]) => want === undefined || want === '' || p[field] === want);
    const found: any[] = [];
    for (let page = 1; ; page++) {
      const resp = await ctx.api.call('cam', 'ListPolicies', {
        Page: page,
        Rp: 200,
        ...(str(config.scope) ? { Scope: str(config.scope) } : {}),
        ...(str(config.key_word) ? { Keyword: str(config.key_word) } : {}),
      });
      const list: any[] = resp.List ?? [];
      found.push(...list.filter(matches));
      if (list.length < 200) break;
    }
    const policyList = found.map((p) => ({
      name: p.PolicyName ?? null,
      attachments: p.Attachments ?? null,
      create_time: p.AddTime ?? null,
      service_type: p.ServiceType ?? null,
      create_mode: p.CreateMode ?? null,
      type: p.Type ?? null,
      policy_id: String(p.PolicyId),
      description: p.Description ?? null,
    }));
    return { ...config, id: dataResourceIdsHash(policyList.map((p) => p.policy_id)), policy_list: policyList };
  },
};

/**
 * tencentcloud_user_info (data_source_tc_user_info.go): CAM GetUserAppId, then DescribeSubAccounts for the caller's
 * own uin, whose first match names it (none for the root account: the name is then empty). The provider's id is
 * `user-<uin>-<appId>-<a random number below 10000>`, so it changes at every read, as here.
 */
export const userInfoData: DataSourceDefinition = {
  async read(ctx, config) {
    const account = await ctx.api.call('cam', 'GetUserAppId', {});
    const appId = account.AppId === undefined || account.AppId === null ? '' : String(account.AppId);
    const uin = str(account.Uin) ?? '';
    const ownerUin = str(account.OwnerUin) ?? '';
    const subAccounts = await ctx.api.call('cam', 'DescribeSubAccounts', { FilterSubAccountUin: [Number(uin)] });
    const name = str(subAccounts.SubAccounts?.[0]?.Name) ?? '';
    return { ...config, id: `user-${uin}-${appId}-${crypto.randomInt(10000)}`, app_id: appId, uin, owner_uin: ownerUin, name };
  },
};
