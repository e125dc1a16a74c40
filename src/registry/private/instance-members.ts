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

// Keyed by the instance object (owned or imported), so duplicate checks are O(members) per instance, not O(n^2).
const indexes = new WeakMap<object, MemberIndex>();

function indexOf(instance: object): MemberIndex {
  let index = indexes.get(instance);
  if (!index) {
    index = { namespaces: [], serviceAccounts: [] };
    indexes.set(instance, index);
  }
  return index;
}

export function registerNamespace(instance: object, member: NamedMember): void {
  const index = indexOf(instance);
  index.namespaces.push(member);
  index.firstNamespace = undefined;
}

export function registerServiceAccount(instance: object, member: NamedMember): void {
  const index = indexOf(instance);
  index.serviceAccounts.push(member);
  index.firstServiceAccount = undefined;
}

function firstHolders(members: NamedMember[]): Map<string, NamedMember> {
  const first = new Map<string, NamedMember>();
  for (const m of members) {
    if (!Token.isUnresolved(m.declaredName) && !first.has(m.declaredName)) first.set(m.declaredName, m);
  }
  return first;
}

/** The member that first declared `member`'s name in the same instance, when it is not `member` itself. */
export function earlierNamespaceWithSameName(instance: object, member: NamedMember): NamedMember | undefined {
  const index = indexOf(instance);
  index.firstNamespace ??= firstHolders(index.namespaces);
  const first = index.firstNamespace.get(member.declaredName);
  return first && first.construct !== member.construct ? first : undefined;
}

export function earlierServiceAccountWithSameName(instance: object, member: NamedMember): NamedMember | undefined {
  const index = indexOf(instance);
  index.firstServiceAccount ??= firstHolders(index.serviceAccounts);
  const first = index.firstServiceAccount.get(member.declaredName);
  return first && first.construct !== member.construct ? first : undefined;
}
