import { Token } from 'cdktf';
import { closestApiNames, isTcrApi, TCR_API_CATALOG, TCR_REGISTRY_ACTIONS, tcrApi, TcrResourceLevel } from './catalog';
import { canonicalJson, documentChanges, RenderedStatement, TOKEN_PATTERN } from './private/rendering';
import { TcrApi } from './tcr-api';
import { problem } from '../registry/private/validation';
import { checkTcrResource } from '../validation/cam-name-rules';

/** Whether a statement allows or denies. */
export enum TcrPolicyEffect {
  /** Allow the actions on the resources. */
  ALLOW = 'allow',
  /** Deny the actions on the resources; an explicit deny wins over every allow. */
  DENY = 'deny',
}

/** Properties of a `TcrPolicyStatement`. */
export interface TcrPolicyStatementProps {
  /**
   * Allow or deny.
   * @default TcrPolicyEffect.ALLOW
   */
  readonly effect?: TcrPolicyEffect;
  /**
   * APIs the statement covers; each is rendered as its CAM action (`TcrApi.DESCRIBE_IMAGES` becomes
   * `tcr:DescribeRepositories`).
   * @default - none
   */
  readonly apis?: TcrApi[];
  /**
   * Raw CAM actions, each `tcr:`-prefixed, wildcards allowed (`tcr:Describe*`, `tcr:*`). A raw action that names a
   * catalog API is rendered as that API's CAM action, so `tcr:DescribeImages` becomes `tcr:DescribeRepositories`.
   * @default - none
   */
  readonly actions?: string[];
  /**
   * Six-segment resources (`instance.instanceArn`, `namespace.repositoriesArn`, ...) or `*`.
   * @default - none (a statement needs at least one)
   */
  readonly resources?: string[];
  /**
   * Conditions, `{ "<operator>": { "<condition key>": value or [values] } }`, e.g.
   * `{ ip_equal: { 'qcs:ip': ['203.0.113.0/24'] } }`.
   * @default - no condition
   */
  readonly conditions?: { [operator: string]: { [key: string]: any } };
}

const RAW_ACTION_RULE = 'must be a "tcr:"-prefixed CAM action such as tcr:PullRepository, tcr:DescribeInstances or tcr:Describe* (this library writes TCR policies only)';
const EMPTY_STATEMENT_RULE = 'is an empty statement: it needs at least one action (apis or actions) and at least one resource';
const NO_ACTION_RULE = 'must contain at least one action (apis or actions)';
const NO_RESOURCE_RULE = 'must contain at least one resource (e.g. namespace.repositoriesArn, or "*")';
const EMPTY_CONDITION_RULE = 'must map each condition operator to a non-empty object of condition keys and values';

/** The catalog API a raw action names exactly (`tcr:CreateNamespace`), if any. */
function apiOfRawAction(action: string): string | undefined {
  if (!action.startsWith('tcr:') || action.includes('*')) return undefined;
  const api = action.slice('tcr:'.length);
  return isTcrApi(api) ? api : undefined;
}

function wildcardMatches(pattern: string, value: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(value);
}

/** What is wrong with a raw action, if anything. */
function rawActionRule(action: string): string | undefined {
  if (!/^tcr:[A-Za-z*]+$/.test(action)) return RAW_ACTION_RULE;
  if (action.includes('*')) {
    const known = [...Object.values(TCR_API_CATALOG).map((e) => e.camAction), ...TCR_REGISTRY_ACTIONS];
    return known.some((a) => wildcardMatches(action, a)) ? undefined : 'is a wildcard that matches no TCR CAM action';
  }
  if (apiOfRawAction(action) || TCR_REGISTRY_ACTIONS.includes(action)) return undefined;
  return `is not a known TCR API or registry action; closest known names: ${closestApiNames(action.slice('tcr:'.length)).join(', ')}`;
}

/** Replaces references by placeholders that satisfy their segment's shape, so a partly-resolved resource can be checked. */
function withPlaceholders(resource: string): string {
  if (!Token.isUnresolved(resource)) return resource;
  return resource.split(':').map((segment, i) => segment.replace(TOKEN_PATTERN, i === 3 ? 'ap-placeholder' : '1')).join(':');
}

/** The TCR resource type of a six-segment resource (`instance`, `repository`), or `*`. */
function resourceType(resource: string): string {
  if (resource === '*') return '*';
  const rest = resource.split(':').slice(5).join(':');
  return rest.split('/')[0];
}

const LEVEL_RULES: Record<TcrResourceLevel, { types: string[]; describe: string }> = {
  [TcrResourceLevel.INSTANCE]: {
    types: ['instance'],
    describe: 'is an instance-level API: CAM checks it on qcs::tcr:<region>:uin/<uin>:instance/<instanceId> (instance.instanceArn), and none of the statement\'s resources is an instance resource or "*"',
  },
  [TcrResourceLevel.REPOSITORY]: {
    types: ['repository'],
    describe: 'is a repository-level API: CAM checks it on qcs::tcr:<region>:uin/<uin>:repository/<instanceId>/<namespace>[/...] (namespace.namespaceArn or repositoriesArn), and none of the statement\'s resources is a repository resource or "*"',
  },
  [TcrResourceLevel.OPERATION_OR_UNKNOWN]: {
    types: [],
    describe: 'is an operation-level API (or one whose resource level no source documents): CAM can only grant it on resource "*", which the statement does not contain',
  },
};

/**
 * One statement of a TCR CAM policy: an effect, actions (as `TcrApi` values or raw `tcr:` strings), resources and
 * optional conditions. Checked at synth by the policy holding it; rendered with CAM-side action names, actions
 * and resources de-duplicated and sorted.
 */
export class TcrPolicyStatement {
  /** Allow or deny. */
  public readonly effect: TcrPolicyEffect;
  private readonly apiValues: TcrApi[] = [];
  private readonly rawActions: string[] = [];
  private readonly resourceValues: string[] = [];
  private readonly conditionValues: { [operator: string]: { [key: string]: any } } = {};
  /** Bumped by every change, so documents can tell whether their cached rendering is still valid. */
  private changes = 0;
  private rendered?: RenderedStatement;

  constructor(props: TcrPolicyStatementProps = {}) {
    this.effect = props.effect ?? TcrPolicyEffect.ALLOW;
    this.addApis(...(props.apis ?? []));
    this.addActions(...(props.actions ?? []));
    this.addResources(...(props.resources ?? []));
    for (const [operator, keys] of Object.entries(props.conditions ?? {})) {
      this.conditionValues[operator] = { ...keys };
    }
  }

  /** Adds APIs (rendered as their CAM actions). */
  public addApis(...apis: TcrApi[]): TcrPolicyStatement {
    this.apiValues.push(...apis);
    this.changed();
    return this;
  }

  /** Adds raw `tcr:` actions (wildcards allowed). */
  public addActions(...actions: string[]): TcrPolicyStatement {
    this.rawActions.push(...actions);
    this.changed();
    return this;
  }

  /** Adds six-segment resources or `*`. */
  public addResources(...resources: string[]): TcrPolicyStatement {
    this.resourceValues.push(...resources);
    this.changed();
    return this;
  }

  /** Adds a condition: `operator` (e.g. `ip_equal`), `key` (e.g. `qcs:ip`) and a value or list of values. */
  public addCondition(operator: string, key: string, value: any): TcrPolicyStatement {
    this.conditionValues[operator] = { ...this.conditionValues[operator], [key]: value };
    this.changed();
    return this;
  }

  /** The CAM actions the statement renders, de-duplicated and sorted. */
  public get actions(): string[] {
    const names = [
      ...this.apiValues.map((api) => api.camAction),
      ...this.rawActions.map((action) => {
        const api = apiOfRawAction(action);
        return api ? tcrApi(api).camAction : action;
      }),
    ];
    return [...new Set(names)].sort();
  }

  /** The resources, de-duplicated and sorted. */
  public get resources(): string[] {
    return [...new Set(this.resourceValues)].sort();
  }

  /** The conditions (a copy). */
  public get conditions(): { [operator: string]: { [key: string]: any } } {
    return JSON.parse(JSON.stringify(this.conditionValues));
  }

  /**
   * The statement as rendered into a document.
   * @internal
   */
  public _render(): RenderedStatement {
    if (!this.rendered) {
      const conditionJson = Object.keys(this.conditionValues).length > 0 ? canonicalJson(this.conditionValues) : '';
      this.rendered = { effect: this.effect, actions: this.actions, resources: this.resources, conditionJson };
    }
    return this.rendered;
  }

  /**
   * How many times the statement changed (documents key their cached rendering on it).
   * @internal
   */
  public get _changes(): number {
    return this.changes;
  }

  private changed(): void {
    this.changes++;
    this.rendered = undefined;
    documentChanges.count++;
  }

  /**
   * What is wrong with the statement, as `problem()` messages on properties under `property`.
   * @internal
   */
  public _problems(kind: string, property: string): string[] {
    const out: string[] = [];
    const hasActions = this.apiValues.length + this.rawActions.length > 0;
    if (!hasActions && this.resourceValues.length === 0) {
      return [problem(kind, property, {}, EMPTY_STATEMENT_RULE)];
    }
    if (!hasActions) out.push(problem(kind, `${property}.actions`, [], NO_ACTION_RULE));
    if (this.resourceValues.length === 0) out.push(problem(kind, `${property}.resources`, [], NO_RESOURCE_RULE));
    for (const action of this.rawActions) {
      if (Token.isUnresolved(action)) continue;
      const rule = rawActionRule(action);
      if (rule) out.push(problem(kind, `${property}.actions`, action, rule));
    }
    for (const resource of this.resourceValues) {
      const rule = checkTcrResource(withPlaceholders(resource));
      if (rule) out.push(problem(kind, `${property}.resources`, resource, rule));
    }
    for (const [operator, keys] of Object.entries(this.conditionValues)) {
      if (operator === '' || keys === null || typeof keys !== 'object' || Object.keys(keys).length === 0) {
        out.push(problem(kind, `${property}.conditions`, { [operator]: keys }, EMPTY_CONDITION_RULE));
      }
    }
    out.push(...this.levelProblems(kind, property));
    return out;
  }

  /** Every API named exactly (TcrApi values, raw actions naming an API) needs one resource of its level (or `*`). */
  private levelProblems(kind: string, property: string): string[] {
    if (this.resourceValues.length === 0) return [];
    const types = new Set(this.resourceValues.map((r) => resourceType(withPlaceholders(r))));
    if (types.has('*')) return [];
    const apis = new Map<string, TcrResourceLevel>();
    for (const api of this.apiValues) apis.set(api.apiName, api.resourceLevel);
    for (const action of this.rawActions) {
      const api = apiOfRawAction(action);
      if (api) apis.set(api, tcrApi(api).resourceLevel);
    }
    const out: string[] = [];
    for (const [api, level] of [...apis].sort(([a], [b]) => a.localeCompare(b))) {
      const rule = LEVEL_RULES[level];
      if (!rule.types.some((t) => types.has(t))) {
        out.push(problem(kind, `${property}.actions`, api, `${rule.describe} (resources: ${JSON.stringify(this.resources)})`));
      }
    }
    return out;
  }
}
