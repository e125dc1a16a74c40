/**
 * Data sources the stand-in reads (the rest of the schema's data sources validate only): tencentcloud_tcr_instances,
 * which the provider's acceptance tests use to find their pre-existing instance (tcacctest.DefaultTCRInstanceData).
 * Follows data_source_tc_tcr_instances.go at v1.83.25: DescribeInstances with a RegistryName filter and/or the
 * instance id, 200 a page; the id is helper.DataResourceIdsHash of the instance ids.
 */
import { Obj } from '../plan';
import { str } from './common';
import { ResourceContext } from './types';

export interface DataSourceDefinition {
  read(ctx: ResourceContext, config: Obj): Promise<Obj>;
}

/** CRC-32 (IEEE), as Go's hash/crc32 ChecksumIEEE: written here because node:zlib has crc32 only from Node 22. */
function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** helper.DataResourceIdsHash: the ids joined with "-" after each, hashed with helper.HashString (crc32, made non-negative). */
export function dataResourceIdsHash(ids: readonly string[]): string {
  const v = crc32(ids.map((id) => `${id}-`).join('')) | 0;
  return String(v >= 0 ? v : -v);
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
