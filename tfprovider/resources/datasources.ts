/**
 * Data sources the stand-in reads (the rest of the schema's data sources validate only): tencentcloud_tcr_instances,
 * which the provider's acceptance tests use to find their pre-existing instance (tcacctest.DefaultTCRInstanceData).
 * Follows data_source_tc_tcr_instances.go at v1.83.25: DescribeInstances with a RegistryName filter and/or the
 * instance id, 200 a page.
 */
import * as crypto from 'crypto';
import { Obj } from '../plan';
import { str } from './common';
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
