/** Tag 2018-08-13: the Tag API over the tags each service keeps on its records (model) and its handlers. */
export { tagService } from './handlers';
export { modifyTags, parseResourceName, tagsOf } from './model';
export type { TaggedResource } from './model';
