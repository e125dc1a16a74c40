/**
 * Tag handlers: ModifyResourceTags and DescribeResourceTagsByResourceIds, the two actions the provider's
 * svctag.TagService calls. Authorised as `tag:<Action>` on the resource description itself.
 */
import { modifyTags, parseResourceName, tagsOf } from './model';
import { ApiError } from '../../api-error';
import { handlersWithParams } from '../../params';
import { ServiceDefinition } from '../../service';

/** DescribeResourceTagsByResourceIds page size: default 15, at most 50 (the SDK documents both). */
const PAGE = { default: 15, max: 50 } as const;

export const tagService: ServiceDefinition = {
  service: 'tag',
  version: '2018-08-13',
  actions: handlersWithParams('tag', {
    ModifyResourceTags(ctx, p) {
      const name = p.string('Resource');
      const resource = parseResourceName(name, ctx.caller.ownerUin);
      ctx.authorize('tag:ModifyResourceTags', [name]);
      const replace: Record<string, string> = {};
      for (const t of p.structs('ReplaceTags', 'must be a list of {"TagKey", "TagValue"}')) replace[t.string('TagKey')] = t.value('TagValue') as string ?? '';
      const remove = p.structs('DeleteTags', 'must be a list of {"TagKey"}').map((t) => t.string('TagKey'));
      if (Object.keys(replace).length === 0 && remove.length === 0) {
        throw new ApiError('InvalidParameter.Tag', 'One of ReplaceTags and DeleteTags must list a tag.');
      }
      modifyTags(ctx.state, ctx.caller.ownerUin, resource, replace, remove);
      return {};
    },

    DescribeResourceTagsByResourceIds(ctx, p) {
      const service = p.string('ServiceType');
      const type = p.string('ResourcePrefix');
      const region = p.value('ResourceRegion') as string;
      const ids = p.strings('ResourceIds');
      if (!/^[a-z0-9]+$/.test(service)) throw new ApiError('InvalidParameterValue.ServiceTypeInvalid', `ServiceType ${JSON.stringify(service.slice(0, 64))} is invalid.`);
      if (!/^[A-Za-z0-9_-]+$/.test(type)) throw new ApiError('InvalidParameterValue.ResourcePrefixInvalid', `ResourcePrefix ${JSON.stringify(type.slice(0, 64))} is invalid.`);
      if (ids.length < 1 || ids.length > 50) throw new ApiError('InvalidParameterValue.ResourceIdInvalid', 'ResourceIds must list 1 to 50 ids.');
      ctx.authorize('tag:DescribeResourceTagsByResourceIds', ids.map((id) => `qcs::${service}:${region}:uin/${ctx.caller.ownerUin}:${type}/${id}`));
      const limit = p.pageLimit('Limit', PAGE.default, PAGE.max);
      const offset = p.optionalInteger('Offset', 0) ?? 0;
      const all = ids.flatMap((id) => Object.entries(tagsOf(ctx.state, ctx.caller.ownerUin, { service, region, type, id }))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([TagKey, TagValue]) => ({ TagKey, TagValue, ResourceId: id, ServiceType: service, Category: 'Custom' })));
      return { TotalCount: all.length, Offset: offset, Limit: limit, Tags: all.slice(offset, offset + limit) };
    },
  }),
};
