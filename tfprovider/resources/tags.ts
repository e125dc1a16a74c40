/**
 * Resource tags through the Tag API (tag 2018-08-13), as the provider's svctag.TagService does: writes with
 * ModifyResourceTags on the six-segment resource name (tccommon.BuildTagResourceName), reads with
 * DescribeResourceTagsByResourceIds, 20 a page, keeping only the tags of the asked resource id.
 */
import { known } from '../plan';
import { ResourceContext } from './types';

/** What BuildTagResourceName and DescribeResourceTags take: service, resource type (prefix), region, id. */
export interface TagResource {
  readonly service: string;
  readonly type: string;
  readonly region: string;
  readonly id: string;
}

/** `qcs::<service>:<region>:uin/:<type>/<id>` (the provider's format for every service but cos). */
export function tagResourceName(r: TagResource): string {
  return `qcs::${r.service}:${r.region}:uin/:${r.type}/${r.id}`;
}

const DESCRIBE_TAGS_LIMIT = 20;

function tagMap(v: unknown): Record<string, string> {
  return known<Record<string, string>>(v) ?? {};
}

/** svctag.DiffTags then ModifyTags; nothing is called when nothing changed (a create without tags). */
export async function tagsWrite(ctx: ResourceContext, r: TagResource, oldTags: unknown, newTags: unknown): Promise<void> {
  const before = tagMap(oldTags);
  const after = tagMap(newTags);
  const replace = Object.keys(after).sort().filter((k) => before[k] !== after[k]).map((k) => ({ TagKey: k, TagValue: after[k] }));
  const remove = Object.keys(before).sort().filter((k) => !(k in after)).map((k) => ({ TagKey: k }));
  if (replace.length === 0 && remove.length === 0) return;
  await ctx.api.call('tag', 'ModifyResourceTags', {
    Resource: tagResourceName(r),
    ...(replace.length ? { ReplaceTags: replace } : {}),
    ...(remove.length ? { DeleteTags: remove } : {}),
  });
}

/** The resource's tags, or null when it has none (the provider sets a nil map). */
export async function tagsRead(ctx: ResourceContext, r: TagResource): Promise<Record<string, string> | null> {
  let tags: Record<string, string> | null = null;
  for (let offset = 0; ; offset += DESCRIBE_TAGS_LIMIT) {
    const resp = await ctx.api.call('tag', 'DescribeResourceTagsByResourceIds', {
      ServiceType: r.service, ResourcePrefix: r.type, ResourceRegion: r.region, ResourceIds: [r.id], Limit: DESCRIBE_TAGS_LIMIT, Offset: offset,
    });
    const page: Array<{ TagKey?: string; TagValue?: string; ResourceId?: string }> = resp.Tags ?? [];
    for (const t of page) {
      if (t.ResourceId !== r.id || t.TagKey === undefined) continue;
      tags = { ...(tags ?? {}), [t.TagKey]: t.TagValue ?? '' };
    }
    if (page.length < DESCRIBE_TAGS_LIMIT) return tags;
  }
}
