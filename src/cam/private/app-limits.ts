import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { documentChanges } from './rendering';

/** A custom policy of the app, which knows how many CAM policies it becomes (more than one when split). */
export interface CountedPolicy extends IConstruct {
  _partCount(): number;
}

/** What is attached to a principal: a custom policy (all its parts count), or a managed policy's attachment (one). */
type AttachedPolicy = CountedPolicy | IConstruct;

const partsOf = (policy: AttachedPolicy): number => ('_partCount' in policy ? policy._partCount() : 1);

interface AppRecords {
  readonly policies: CountedPolicy[];
  /** Attachments per principal: keyed by `<type>:<literal id>` for imported principals, else by the principal. */
  readonly attachments: Map<unknown, AttachedPolicy[]>;
}

// Scoped per construct tree (app), like the registry's name indexes, so two apps in one process never add up.
const recordsByApp = new WeakMap<IConstruct, AppRecords>();

function recordsOf(scope: IConstruct): AppRecords {
  const root = scope.node.root;
  let records = recordsByApp.get(root);
  if (!records) {
    records = { policies: [], attachments: new Map() };
    recordsByApp.set(root, records);
  }
  return records;
}

/** Two handles on one existing principal (same type and literal id) count as one principal. */
export function principalKey(principal: IConstruct, type: string, target: string): unknown {
  return Token.isUnresolved(target) ? principal : `${type}:${target}`;
}

export function registerCustomPolicy(policy: CountedPolicy): void {
  recordsOf(policy).policies.push(policy);
}

export function registerAttachment(key: unknown, policy: AttachedPolicy): void {
  const { attachments } = recordsOf(policy);
  const list = attachments.get(key);
  if (list) list.push(policy);
  else attachments.set(key, [policy]);
}

/** The app's custom policy count (parts included) when `policy` is the one that takes it past `limit`. */
export function customPolicyOverflow(policy: IConstruct, limit: number): number | undefined {
  const records = recordsOf(policy);
  const { policies } = records;
  let tally = tallies.get(records);
  if (!tally || tally.policies !== policies.length || tally.changes !== documentChanges.count) {
    let total = 0;
    let crossedBy: IConstruct | undefined;
    for (const record of policies) {
      const before = total;
      total += record._partCount();
      if (before <= limit && total > limit) crossedBy = record;
    }
    tally = { policies: policies.length, changes: documentChanges.count, total, crossedBy };
    tallies.set(records, tally);
  }
  return tally.crossedBy === policy ? tally.total : undefined;
}

/** The last policy total per app, valid while no policy was added and no document changed. */
const tallies = new WeakMap<AppRecords, { policies: number; changes: number; total: number; crossedBy?: IConstruct }>();

/** The principal's attachment count (parts included) when `policy` is the last one attached and the count exceeds `limit`. */
export function attachmentOverflow(key: unknown, policy: IConstruct, limit: number): number | undefined {
  const list = recordsOf(policy).attachments.get(key) ?? [];
  const total = list.reduce((n, r) => n + partsOf(r), 0);
  return total > limit && list[list.length - 1] === policy ? total : undefined;
}
