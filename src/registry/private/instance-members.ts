import { Token } from 'cdktf';
import { IConstruct } from 'constructs';

/** A named member of an instance (namespace or service account) whose name must be unique in it. */
export interface NamedMember {
  readonly construct: IConstruct;
  /** The name as declared (may be an unresolved token, which is never compared). */
  readonly declaredName: string;
}

interface MemberIndex {
  readonly namespaces: NamedMember[];
  readonly serviceAccounts: NamedMember[];
  /** First holder of each literal name, rebuilt lazily when members were added since the last build. */
  firstNamespace?: Map<string, NamedMember>;
  firstServiceAccount?: Map<string, NamedMember>;
}

/** The instance side of a membership: its construct (for the app scope) and its id. */
export interface InstanceRef {
  readonly node: IConstruct['node'];
  readonly instanceId: string;
}

// One index per instance, so duplicate checks are O(members) per instance, not O(n^2). Scoped per construct tree
// (app) so separate apps in one process never share names; keyed by the literal instance id where there is one,
// so two imports of the same existing instance share an index, else by the instance object.
const indexesByApp = new WeakMap<IConstruct, Map<unknown, MemberIndex>>();

function indexOf(instance: InstanceRef): MemberIndex {
  const root = instance.node.root;
  let indexes = indexesByApp.get(root);
  if (!indexes) {
    indexes = new Map();
    indexesByApp.set(root, indexes);
  }
  const key = Token.isUnresolved(instance.instanceId) ? instance : `id:${instance.instanceId}`;
  let index = indexes.get(key);
  if (!index) {
    index = { namespaces: [], serviceAccounts: [] };
    indexes.set(key, index);
  }
  return index;
}

export function registerNamespace(instance: InstanceRef, member: NamedMember): void {
  const index = indexOf(instance);
  index.namespaces.push(member);
  index.firstNamespace = undefined;
}

/** Registers a service account and returns how many the instance now has in this app. */
export function registerServiceAccount(instance: InstanceRef, member: NamedMember): number {
  const index = indexOf(instance);
  index.serviceAccounts.push(member);
  index.firstServiceAccount = undefined;
  return index.serviceAccounts.length;
}

// Instance names are registry domains, unique across Tencent Cloud: two owned instances in one app cannot share one.
// (An import may repeat an owned name: stack A creates the instance, stack B imports it.)
const ownedInstanceByName = new WeakMap<IConstruct, Map<string, NamedMember>>();

export function registerOwnedInstance(member: NamedMember): void {
  if (Token.isUnresolved(member.declaredName)) return;
  const root = member.construct.node.root;
  let byName = ownedInstanceByName.get(root);
  if (!byName) {
    byName = new Map();
    ownedInstanceByName.set(root, byName);
  }
  if (!byName.has(member.declaredName)) byName.set(member.declaredName, member);
}

/** The owned instance that first declared `member`'s name in the same app, when it is not `member` itself. */
export function earlierOwnedInstanceWithSameName(member: NamedMember): NamedMember | undefined {
  const first = ownedInstanceByName.get(member.construct.node.root)?.get(member.declaredName);
  return first && first.construct !== member.construct ? first : undefined;
}

function firstHolders(members: NamedMember[]): Map<string, NamedMember> {
  const first = new Map<string, NamedMember>();
  for (const m of members) {
    if (!Token.isUnresolved(m.declaredName) && !first.has(m.declaredName)) first.set(m.declaredName, m);
  }
  return first;
}

/** The member that first declared `member`'s name in the same instance, when it is not `member` itself. */
export function earlierNamespaceWithSameName(instance: InstanceRef, member: NamedMember): NamedMember | undefined {
  const index = indexOf(instance);
  index.firstNamespace ??= firstHolders(index.namespaces);
  const first = index.firstNamespace.get(member.declaredName);
  return first && first.construct !== member.construct ? first : undefined;
}

export function earlierServiceAccountWithSameName(instance: InstanceRef, member: NamedMember): NamedMember | undefined {
  const index = indexOf(instance);
  index.firstServiceAccount ??= firstHolders(index.serviceAccounts);
  const first = index.firstServiceAccount.get(member.declaredName);
  return first && first.construct !== member.construct ? first : undefined;
}
