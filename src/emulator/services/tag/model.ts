/**
 * Tag 2018-08-13 model. Tags are bound to resources named by six-segment resource descriptions
 * (`qcs::<service>:<region>:uin/<uin>:<type>/<id>`, an empty uin meaning the caller's own account). The Tag API
 * is one more door to the tags each service keeps on its own records, so CreateInstance's TagSpecification,
 * DescribeInstances, CAM's GetPolicy and ModifyResourceTags all see the same tags, and a deleted resource takes
 * its tags with it, as real services unbind them. The resources the emulator knows (see `binding`):
 * - `tcr:instance/<registryId>` an instance; `tcr:instance/<registryId>#<name>` a service account (the provider
 *   tags service accounts under the instance type with that id); `tcr:repository/<registryId>/<namespace>` a namespace;
 * - `ssm:secret/creatorUin/<uin>/<secretName>` a secret (the provider's SSM resource id);
 * - `cam:uin/<uin>` a sub-user, `cam:role/<roleId>` a role, `cam:policy/<policyId>` a custom policy.
 *
 * Limits from the Tag product documentation: keys 1-127 and values 0-255 characters of letters, digits, spaces
 * and `+-=._:/@`; keys starting with `qcloud`, `tencent` or `project` are reserved; at most 50 tags a resource.
 * INFERRED: tagging a resource the emulator does not have answers FailedOperation (no not-found code is documented).
 */
import { ApiError } from '../../api-error';
import { echo, own } from '../../params';
import { EmulatorState } from '../../service';
import { camOf } from '../cam/model';
import { principalsOf } from '../cam/principals';
import { ssmState } from '../ssm/model';
import { tcrState } from '../tcr/model';

export interface TaggedResource {
  readonly service: string;
  readonly region: string;
  readonly type: string;
  readonly id: string;
}

export const TAG_LIMITS = { keyMax: 127, valueMax: 255, perResource: 50 } as const;
const RESERVED_PREFIXES = ['qcloud', 'tencent', 'project'];
const TAG_CHARS = /^[\p{L}\p{N} +\-=._:/@]*$/u;
const RESOURCE_NAME = /^qcs::([a-z0-9]+):([a-z0-9-]*):uin\/(\d*):([A-Za-z0-9_-]+)\/(.+)$/;

/** Parses a six-segment resource description; another account's uin is refused. */
export function parseResourceName(name: string, ownerUin: string): TaggedResource {
  const m = RESOURCE_NAME.exec(name);
  if (!m || (m[3] !== '' && m[3] !== ownerUin)) {
    throw new ApiError('InvalidParameterValue.ResourceDescriptionError',
      `Resource ${echo(name)} is not a resource description of this account (qcs::<service>:<region>:uin/:<type>/<id>).`);
  }
  return { service: m[1], region: m[2], type: m[4], id: m[5] };
}

/** Where one resource keeps its tags: read them, replace them. */
interface Binding {
  get(): Record<string, string>;
  set(tags: Record<string, string>): void;
}

function keyValue(list: ReadonlyArray<{ Key: string; Value: string }>): Record<string, string> {
  return Object.fromEntries(list.map((t) => [t.Key, t.Value]));
}
function toKeyValue(tags: Record<string, string>): Array<{ Key: string; Value: string }> {
  return Object.keys(tags).sort().map((k) => ({ Key: k, Value: tags[k] }));
}

/** The record a resource description names, if the emulator has it. */
function binding(state: EmulatorState, ownerUin: string, r: TaggedResource): Binding | undefined {
  const key = `${r.service}:${r.type}`;
  if (key === 'tcr:instance' || key === 'tcr:repository') {
    const [registryId, rest] = key === 'tcr:instance' ? r.id.split('#', 2) : r.id.split('/', 2);
    const instance = own(tcrState(state).instances, registryId);
    if (!instance || instance.ownerUin !== ownerUin || instance.region !== r.region) return undefined;
    if (key === 'tcr:repository') {
      const ns = rest === undefined ? undefined : own(instance.namespaces, rest);
      return ns && { get: () => keyValue(ns.tags), set: (tags) => { ns.tags = toKeyValue(tags); } };
    }
    if (rest === undefined) return { get: () => keyValue(instance.tags), set: (tags) => { instance.tags = toKeyValue(tags); } };
    const account = own(instance.serviceAccounts, rest);
    return account && { get: () => keyValue(account.tags ?? []), set: (tags) => { account.tags = toKeyValue(tags); } };
  }
  if (key === 'ssm:secret') {
    const m = /^creatorUin\/(\d+)\/(.+)$/.exec(r.id);
    const secret = m ? own(ssmState(state).secrets, `${ownerUin}/${r.region}/${m[2]}`) : undefined;
    if (!secret || secret.createUin !== m![1] || secret.status === 'PendingDelete') return undefined;
    return {
      get: () => Object.fromEntries(secret.tags.map((t) => [t.TagKey, t.TagValue])),
      set: (tags) => { secret.tags = Object.keys(tags).sort().map((k) => ({ TagKey: k, TagValue: tags[k] })); },
    };
  }
  const cam = camOf(state);
  if (key === 'cam:policy') {
    const policy = own(cam.policies, r.id);
    if (!policy || policy.ownerUin !== ownerUin) return undefined;
    return { get: () => keyValue(policy.Tags), set: (tags) => { policy.Tags.splice(0, policy.Tags.length, ...toKeyValue(tags)); } };
  }
  if (key === 'cam:uin' || key === 'cam:role') {
    const accounts = state.accounts as { users?: Record<string, { ownerUin: string }>; roles?: Record<string, { ownerUin: string }> } | undefined;
    const owner = key === 'cam:uin' ? own(accounts?.users ?? {}, r.id) : own(accounts?.roles ?? {}, r.id);
    if (!owner || owner.ownerUin !== ownerUin) return undefined;
    const principals = principalsOf(cam);
    const profiles = key === 'cam:uin' ? principals.users : principals.roles;
    const profile = own(profiles as Record<string, { tags?: Array<{ Key: string; Value: string }> }>, r.id);
    if (!profile) return undefined;
    return { get: () => keyValue(profile.tags ?? []), set: (tags) => { profile.tags = toKeyValue(tags); } };
  }
  return undefined;
}

/** The tags of one resource (a copy); empty when it has none or the emulator does not have it. */
export function tagsOf(state: EmulatorState, ownerUin: string, r: TaggedResource): Record<string, string> {
  return binding(state, ownerUin, r)?.get() ?? {};
}

function checkTag(key: string, value: string): void {
  if (key.length === 0) throw new ApiError('InvalidParameterValue.TagKeyEmpty', 'A tag key must not be empty.');
  if (key.length > TAG_LIMITS.keyMax) throw new ApiError('InvalidParameterValue.TagKeyLengthExceeded', `Tag key ${echo(key)} is longer than ${TAG_LIMITS.keyMax} characters.`);
  if (!TAG_CHARS.test(key)) throw new ApiError('InvalidParameterValue.TagKeyCharacterIllegal', `Tag key ${echo(key)} has characters other than letters, digits, spaces and +-=._:/@.`);
  if (RESERVED_PREFIXES.some((p) => key.toLowerCase().startsWith(p))) {
    throw new ApiError('InvalidParameter.ReservedTagKey', `Tag key ${echo(key)} uses a reserved prefix (qcloud, tencent, project).`);
  }
  if (value.length > TAG_LIMITS.valueMax) {
    throw new ApiError('InvalidParameterValue.TagValueLengthExceeded', `The value of tag ${echo(key)} is longer than ${TAG_LIMITS.valueMax} characters.`);
  }
  if (!TAG_CHARS.test(value)) {
    throw new ApiError('InvalidParameterValue.TagValueCharacterIllegal', `The value of tag ${echo(key)} has characters other than letters, digits, spaces and +-=._:/@.`);
  }
}

/** ModifyResourceTags: replace or add some tags, delete others; a key may not be in both lists. */
export function modifyTags(
  state: EmulatorState, ownerUin: string, r: TaggedResource, replace: Record<string, string>, remove: readonly string[],
): void {
  const both = remove.filter((k) => k in replace);
  if (both.length) throw new ApiError('InvalidParameterValue.DeleteTagsParamError', `Tag key ${echo(both[0])} is both replaced and deleted.`);
  for (const [k, v] of Object.entries(replace)) checkTag(k, v);
  const bound = binding(state, ownerUin, r);
  if (!bound) throw new ApiError('FailedOperation', `The resource ${echo(`${r.service}:${r.type}/${r.id}`)} does not exist in region ${echo(r.region)}.`);
  const next = bound.get();
  for (const k of remove) delete next[k];
  Object.assign(next, replace);
  if (Object.keys(next).length > TAG_LIMITS.perResource) {
    throw new ApiError('LimitExceeded.ResourceAttachedTags', `A resource can have at most ${TAG_LIMITS.perResource} tags.`);
  }
  bound.set(next);
}
