import { documentChanges, estimatedLength, GrantPair, RenderedStatement } from './private/rendering';
import { TcrPolicyStatement } from './tcr-policy-statement';

/** Properties of a `TcrPolicyDocument`. */
export interface TcrPolicyDocumentProps {
  /**
   * Initial statements.
   * @default - none
   */
  readonly statements?: TcrPolicyStatement[];
}

interface MutableStatement {
  readonly effect: RenderedStatement['effect'];
  readonly conditionJson: string;
  actions: Set<string>;
  resources: Set<string>;
}

/** A set's identity for merging; most grant statements have one action or one resource, so skip the sort then. */
const keyOf = (values: Set<string>) => (values.size === 1 ? values.values().next().value as string : [...values].sort().join('\n'));

/**
 * Merges statements with the same effect and condition whose resources coincide (their actions are united) or
 * whose actions coincide (their resources are united), until nothing merges; both are exact rewrites, so the
 * document allows and denies exactly what its statements did. Output order is fixed (effect, condition, actions,
 * resources), so the same statements in any order give the same document.
 */
function mergeStatements(statements: readonly RenderedStatement[]): RenderedStatement[] {
  const groups = new Map<string, MutableStatement[]>();
  for (const s of statements) {
    const group = `${s.effect}\n${s.conditionJson}`;
    const list = groups.get(group) ?? [];
    list.push({ effect: s.effect, conditionJson: s.conditionJson, actions: new Set(s.actions), resources: new Set(s.resources) });
    groups.set(group, list);
  }
  const merged: RenderedStatement[] = [];
  for (const group of groups.values()) {
    let current = group;
    for (let changed = current.length > 1; changed;) {
      const before = current.length;
      current = mergeBy(current, 'resources', 'actions');
      if (current.length > 1) current = mergeBy(current, 'actions', 'resources');
      changed = current.length < before && current.length > 1;
    }
    for (const s of current) {
      merged.push({ effect: s.effect, conditionJson: s.conditionJson, actions: [...s.actions].sort(), resources: [...s.resources].sort() });
    }
  }
  // Keys computed once per statement, not per comparison.
  const keyed = merged.map((s) => ({ s, key: [s.effect, s.conditionJson, s.actions.join('\n'), s.resources.join('\n')] }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] < b.key[i] ? -1 : 1;
    return 0;
  });
  return keyed.map((k) => k.s);
}

/**
 * `mergeStatements` for a document of grants only (allow, no condition), given as the actions granted per resource:
 * resources granted the same actions become one statement. That is the whole fixpoint: the statements start with
 * one distinct resource each, so the merge by resources does nothing, and after the merge by actions the resource
 * sets are disjoint and the action sets distinct, so neither merge applies again. The same output (and order) as
 * `mergeStatements`, without its working copies: a principal's policy is rendered this way at every synth.
 */
function mergeGrants(grantActions: ReadonlyMap<string, ReadonlySet<string>>): RenderedStatement[] {
  const byActions = new Map<string, { actions: string[]; resources: string[] }>();
  for (const [resource, granted] of grantActions) {
    const actions = [...granted].sort();
    const key = actions.join('\n');
    const statement = byActions.get(key);
    if (statement) statement.resources.push(resource);
    else byActions.set(key, { actions, resources: [resource] });
  }
  // Action sets are distinct, so ordering by them alone is mergeStatements' order (effect and condition are equal).
  return [...byActions.keys()].sort().map((key) => {
    const { actions, resources } = byActions.get(key)!;
    return { effect: 'allow', conditionJson: '', actions, resources: resources.sort() };
  });
}

/**
 * Statements whose `same` sets are equal become one, with their `union` sets united (in place: the statements are
 * this document's own working copies). `same` keys are computed once per statement.
 */
function mergeBy(statements: MutableStatement[], same: 'actions' | 'resources', union: 'actions' | 'resources'): MutableStatement[] {
  const byKey = new Map<string, MutableStatement>();
  for (const s of statements) {
    const key = keyOf(s[same]);
    const existing = byKey.get(key);
    if (existing) {
      for (const v of s[union]) existing[union].add(v);
    } else {
      byKey.set(key, s);
    }
  }
  return byKey.size === statements.length ? statements : [...byKey.values()];
}

/** One statement as CAM policy JSON (keys in a fixed order). */
function statementJson(s: RenderedStatement): string {
  const condition = s.conditionJson ? `,"condition":${s.conditionJson}` : '';
  return `{"effect":${JSON.stringify(s.effect)},"action":${JSON.stringify(s.actions)},"resource":${JSON.stringify(s.resources)}${condition}}`;
}

function documentJson(statements: readonly RenderedStatement[]): string {
  return `{"version":"2.0","statement":[${statements.map(statementJson).join(',')}]}`;
}

/** What a document renders to, valid while its `version()` is the same. */
interface Rendering {
  readonly version: string;
  merged?: RenderedStatement[];
  split: Map<number, string[]>;
}

/**
 * Renderings of grant-only documents, by their first grant list and then the ids of all their lists (weakly held, so
 * they go with the app whose grants they render).
 */
const sharedRenderings = new WeakMap<readonly GrantPair[], Map<string, Rendering>>();
const grantListIds = new WeakMap<readonly GrantPair[], number>();
let lastGrantListId = 0;

function listId(list: readonly GrantPair[]): number {
  let id = grantListIds.get(list);
  if (id === undefined) {
    id = ++lastGrantListId;
    grantListIds.set(list, id);
  }
  return id;
}

/** Characters of an empty document: `{"version":"2.0","statement":[]}`. */
const DOCUMENT_OVERHEAD = documentJson([]).length;

/**
 * A CAM policy document (version 2.0) for TCR. Statements with the same effect and conditions are merged when
 * their actions or resources coincide; actions and resources are de-duplicated and sorted, so the rendered JSON
 * is deterministic and minimal.
 */
export class TcrPolicyDocument {
  private readonly statementList: TcrPolicyStatement[] = [];
  /**
   * Grants made through the grant methods (allow, no condition, one CAM action on one resource each), as the
   * lists the grant methods share between principals (every principal pulling from one namespace gets the same
   * list), not as one `TcrPolicyStatement` each: at 500 principals the statement objects were most of what the
   * library kept beyond the raw L1 resources (bench/RESULTS.md). Repeats are removed when rendering.
   */
  private grantLists?: Array<readonly GrantPair[]>;
  /** Rendering results, valid while the statements are the same and unchanged (same `version()`). */
  private cache?: Rendering;

  constructor(props: TcrPolicyDocumentProps = {}) {
    this.addStatements(...(props.statements ?? []));
  }

  /** Adds statements. */
  public addStatements(...statements: TcrPolicyStatement[]): TcrPolicyDocument {
    this.statementList.push(...statements);
    documentChanges.count++;
    return this;
  }

  /**
   * Adds grants: CAM actions allowed on resources, built by the library from the catalog and the ARN helpers
   * (valid by construction, so never re-checked). The list is kept as given (it may be shared, so it must not
   * change afterwards).
   * @internal
   */
  public _addGrants(grants: readonly GrantPair[]): void {
    if (grants.length === 0) return;
    (this.grantLists ??= []).push(grants);
    documentChanges.count++;
  }

  /**
   * The statements before merging: those added, then one per distinct grant (one action on one resource) made
   * through the grant methods (`namespace.grantPull(principal)`, ...).
   */
  public get statements(): TcrPolicyStatement[] {
    const grants: TcrPolicyStatement[] = [];
    for (const [resource, actions] of this.grantedActions()) {
      for (const action of actions) grants.push(new TcrPolicyStatement({ actions: [action], resources: [resource] }));
    }
    return [...this.statementList, ...grants];
  }

  /** Whether the document has no statement. */
  public get isEmpty(): boolean {
    return this.statementList.length === 0 && this.grantLists === undefined;
  }

  /**
   * The statements added with `addStatements` (grants need no check).
   * @internal
   */
  public get _addedStatements(): readonly TcrPolicyStatement[] {
    return this.statementList;
  }

  /** The document as minified CAM policy JSON (references stay unresolved until synth). */
  public toJson(): string {
    return documentJson(this._merged());
  }

  /**
   * Its statements merged, de-duplicated and sorted.
   * @internal
   */
  public _merged(): RenderedStatement[] {
    const cache = this.cached();
    cache.merged ??= this.statementList.length === 0
      ? mergeGrants(this.grantedActions())
      : mergeStatements([...this.statementList.map((s) => s._render()), ...this.renderedGrants()]);
    return cache.merged;
  }

  /**
   * The merged statements packed into as few documents as fit in `maxChars` each (first fit, in document order,
   * so the split is deterministic), as JSON. A statement too long for one document is first cut into statements
   * over fewer resources (then fewer actions), which allow or deny exactly the same; only a statement of one
   * action on one resource that is still too long stays whole, in a document of its own (the policy reports it).
   * @internal
   */
  public _split(maxChars: number): string[] {
    const cache = this.cached();
    let split = cache.split.get(maxChars);
    if (!split) {
      split = this.pack(maxChars);
      cache.split.set(maxChars, split);
    }
    return split;
  }

  private cached(): Rendering {
    const version = this.version();
    if (this.cache?.version !== version) this.cache = this.sharedRendering(version) ?? { version, split: new Map() };
    return this.cache;
  }

  /**
   * For a document of grants only, the rendering shared with every document given the same grant lists in the
   * same order (every member of a team): they render the same, and rendering each one again was the larger part
   * of the library's own synth time at 1,000 principals (bench/RESULTS.md).
   */
  private sharedRendering(version: string): Rendering | undefined {
    const lists = this.grantLists;
    if (this.statementList.length > 0 || lists === undefined) return undefined;
    const key = lists.map(listId).join(',');
    let byKey = sharedRenderings.get(lists[0]);
    if (!byKey) {
      byKey = new Map();
      sharedRenderings.set(lists[0], byKey);
    }
    let rendering = byKey.get(key);
    if (!rendering) {
      rendering = { version, split: new Map() };
      byKey.set(key, rendering);
    }
    return rendering;
  }

  /** Statement count, grant list count and total changes: all only grow, so equal versions mean the same rendering. */
  private version(): string {
    let changes = 0;
    for (const s of this.statementList) changes += s._changes;
    return `${this.statementList.length}:${changes}:${this.grantLists?.length ?? 0}`;
  }

  /** The distinct grants: the actions granted per resource, in the order first granted. */
  private grantedActions(): Map<string, Set<string>> {
    const byResource = new Map<string, Set<string>>();
    for (const list of this.grantLists ?? []) {
      for (const { action, resource } of list) {
        const actions = byResource.get(resource);
        if (actions) actions.add(action);
        else byResource.set(resource, new Set([action]));
      }
    }
    return byResource;
  }

  /** The grants as rendered statements, one per resource (the actions granted on it). */
  private renderedGrants(): RenderedStatement[] {
    const out: RenderedStatement[] = [];
    for (const [resource, actions] of this.grantedActions()) {
      out.push({ effect: 'allow', actions: [...actions], resources: [resource], conditionJson: '' });
    }
    return out;
  }

  private pack(maxChars: number): string[] {
    const merged = this._merged();
    const whole = documentJson(merged);
    if (estimatedLength(whole) <= maxChars) return [whole];
    const parts: Array<{ statements: RenderedStatement[]; length: number }> = [];
    for (const s of this.pieces(maxChars)) {
      const length = estimatedLength(statementJson(s));
      const part = parts.find((p) => p.length + (p.statements.length > 0 ? 1 : 0) + length <= maxChars);
      if (part) {
        part.length += (part.statements.length > 0 ? 1 : 0) + length;
        part.statements.push(s);
      } else {
        parts.push({ statements: [s], length: DOCUMENT_OVERHEAD + length });
      }
    }
    return parts.length === 0 ? [documentJson([])] : parts.map((p) => documentJson(p.statements));
  }

  /**
   * Statements of one action on one resource whose JSON alone makes a document longer than `maxChars`.
   * @internal
   */
  public _oversizedStatements(maxChars: number): Array<{ json: string; length: number }> {
    const parts = this._split(maxChars);
    if (parts.length === 1 && estimatedLength(parts[0]) <= maxChars) return [];
    return this.pieces(maxChars)
      .map((s) => statementJson(s))
      .map((json) => ({ json, length: DOCUMENT_OVERHEAD + estimatedLength(json) }))
      .filter((s) => s.length > maxChars);
  }

  /** The merged statements, each cut (by resources, then by actions) until it fits in one document. */
  private pieces(maxChars: number): RenderedStatement[] {
    const fits = (s: RenderedStatement) => DOCUMENT_OVERHEAD + estimatedLength(statementJson(s)) <= maxChars;
    const out: RenderedStatement[] = [];
    for (const s of this._merged()) {
      if (fits(s)) {
        out.push(s);
        continue;
      }
      for (const resources of chunk(s.resources, (r) => fits({ ...s, resources: r }))) {
        const byResources = { ...s, resources };
        if (fits(byResources)) {
          out.push(byResources);
          continue;
        }
        for (const actions of chunk(s.actions, (a) => fits({ ...byResources, actions: a }))) out.push({ ...byResources, actions });
      }
    }
    return out;
  }
}

/** Consecutive runs of `values`, each as long as `fits` allows (at least one value each). */
function chunk(values: readonly string[], fits: (run: string[]) => boolean): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const value of values) {
    if (run.length > 0 && !fits([...run, value])) {
      runs.push(run);
      run = [];
    }
    run.push(value);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
