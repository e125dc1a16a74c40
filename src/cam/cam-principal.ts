import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { NAMESPACE_PULL_DESCRIBE_ACCESS, scopeForNamespaceAction } from './access-lists';
import { camActionFor, closestApiNames, isTcrApi, TCR_REGISTRY_ACTIONS } from './catalog';
import { GrantPair } from './private/rendering';
import { TcrApiGrant, TcrGrantScope } from './tcr-grant-scope';
import { TcrPolicy } from './tcr-policy';
import { TcrPolicyStatement } from './tcr-policy-statement';
import { problem } from '../registry/private/validation';
import type { ITcrInstanceGrantee } from '../registry/tcr-grantee';
import type { ITcrInstance } from '../registry/tcr-instance';
import type { ITcrNamespace } from '../registry/tcr-namespace';
import { GRANT_ACTIONS_RULE } from '../validation/name-rules';

/** Kind of CAM principal a policy is attached to. */
export enum CamPrincipalType {
  /** A sub-account (`tencentcloud_cam_user_policy_attachment`, by user name). */
  USER = 'user',
  /** A user group (`tencentcloud_cam_group_policy_attachment`, by group id). */
  GROUP = 'group',
  /** A role (`tencentcloud_cam_role_policy_attachment`, by role id). */
  ROLE = 'role',
}

/** A CAM user, group or role: can be granted TCR access and have policies attached. */
export interface ICamPrincipal extends ITcrInstanceGrantee, IConstruct {
  /** User, group or role. */
  readonly principalType: CamPrincipalType;
  /**
   * What a policy attachment names: the user name (`user_name`), the group id (`group_id`) or the role id
   * (`role_id`). A reference for a principal created by this stack, so attachments depend on it.
   */
  readonly attachmentTarget: string;
  /** Adds a statement to the principal's generated policy (the one its grants go to). */
  addToPrincipalPolicy(statement: TcrPolicyStatement): void;
}

/** A CAM user (sub-account). */
export interface ICamUser extends ICamPrincipal {
  /** User name. */
  readonly userName: string;
}

/** A CAM user group. */
export interface ICamGroup extends ICamPrincipal {
  /** Group id. */
  readonly groupId: string;
}

/** A CAM role. */
export interface ICamRole extends ICamPrincipal {
  /** Role name. */
  readonly roleName: string;
  /** Role id (what role policy attachments name). */
  readonly roleId: string;
}

const PULL_OR_PUSH = ['tcr:PullRepository', 'tcr:PushRepository'];

function unknownGrantActionRule(action: string): string {
  if (!action.startsWith('tcr:')) {
    return 'must be a "tcr:"-prefixed CAM action such as TcrAction.PULL_REPOSITORY or tcr:CreateNamespace';
  }
  return `is not a TCR registry action (${TCR_REGISTRY_ACTIONS.join(', ')}) nor a known TCR API; closest known names: `
    + closestApiNames(action.slice('tcr:'.length)).join(', ');
}

/**
 * The (CAM action, resource) pairs of a grant of `actions` on a namespace, and the actions that are none of the
 * kinds a namespace grant takes (`rejected`).
 */
function namespaceGrants(tcrNamespace: ITcrNamespace, actions: string[]): { grants: GrantPair[]; rejected: string[] } {
  const scoped: Array<{ action: string; scope: TcrGrantScope }> = [];
  const rejected: string[] = [];
  for (const action of actions) {
    const scope = Token.isUnresolved(action) ? TcrGrantScope.NAMESPACE_REPOSITORIES : scopeForNamespaceAction(action);
    if (scope === undefined) {
      rejected.push(action);
      continue;
    }
    const api = action.startsWith('tcr:') ? action.slice('tcr:'.length) : '';
    scoped.push({ action: isTcrApi(api) ? camActionFor(api) : action, scope });
  }
  if (actions.some((a) => PULL_OR_PUSH.includes(a))) {
    for (const g of NAMESPACE_PULL_DESCRIBE_ACCESS) scoped.push({ action: camActionFor(g.api), scope: g.scope });
  }
  const resourceOf = (scope: TcrGrantScope): string => {
    switch (scope) {
      case TcrGrantScope.INSTANCE: return tcrNamespace.instance.instanceArn;
      case TcrGrantScope.INSTANCE_REPOSITORIES: return tcrNamespace.instance.repositoriesArn;
      case TcrGrantScope.NAMESPACE: return tcrNamespace.namespaceArn;
      case TcrGrantScope.NAMESPACE_REPOSITORIES: return tcrNamespace.repositoriesArn;
      default: return '*';
    }
  };
  return { grants: scoped.map((g) => ({ action: g.action, resource: resourceOf(g.scope) })), rejected };
}

/**
 * Grant lists by namespace and actions, shared by every principal given the same grant: the pairs depend only on
 * the namespace (its ARNs never change once built) and the actions, and one list per principal was, with the
 * per-principal bookkeeping, what kept the library's heap above the raw L1 one (bench/RESULTS.md).
 */
const grantListsByNamespace = new WeakMap<ITcrNamespace, Map<string, readonly GrantPair[]>>();

/**
 * Grant logic shared by CAM users, groups and roles, created or imported: every grant made to one principal in the
 * app goes into one generated `TcrPolicy` (child `Policy`, split only past CAM's length limit) attached to it.
 */
export abstract class CamPrincipalBase extends Construct implements ICamPrincipal {
  public abstract readonly principalType: CamPrincipalType;
  public abstract readonly attachmentTarget: string;
  private generatedPolicy?: TcrPolicy;
  /** Problems of bad grant calls, reported at synth; created on the first one (most principals have none). */
  private grantProblems?: string[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => [...this.grantProblems ?? [], ...this.validatePrincipal()] });
  }

  /** The generated policy holding this principal's grants, once there is one. */
  public get principalPolicy(): TcrPolicy | undefined {
    return this.generatedPolicy;
  }

  public addToPrincipalPolicy(statement: TcrPolicyStatement): void {
    this.policy().addStatements(statement);
  }

  /**
   * Grants on a namespace: registry actions (pull, push, Helm) and repository APIs on the namespace's repositories,
   * namespace APIs on the namespace, instance APIs on the instance, operation-level APIs on `*`; API names are
   * rendered as their CAM actions. Pull and push also bring `NAMESPACE_PULL_DESCRIBE_ACCESS`.
   */
  public addNamespaceGrant(tcrNamespace: ITcrNamespace, actions: string[]): void {
    const key = actions.join('\n');
    const shared = grantListsByNamespace.get(tcrNamespace)?.get(key);
    if (shared) {
      this.addGrantStatements(shared);
      return;
    }
    // The path only for a message: computing it for every grant was a visible share of synth time.
    const property = () => `grants[${tcrNamespace.node.path}].actions`;
    if (actions.length === 0) (this.grantProblems ??= []).push(problem(this.kindName(), property(), [], GRANT_ACTIONS_RULE));
    const { grants, rejected } = namespaceGrants(tcrNamespace, actions);
    for (const action of rejected) {
      (this.grantProblems ??= []).push(problem(this.kindName(), property(), action, unknownGrantActionRule(action)));
    }
    if (actions.length > 0 && rejected.length === 0) {
      let lists = grantListsByNamespace.get(tcrNamespace);
      if (!lists) {
        lists = new Map();
        grantListsByNamespace.set(tcrNamespace, lists);
      }
      lists.set(key, Object.freeze(grants));
    }
    this.addGrantStatements(grants);
  }

  /** Grants of the instance helpers (`instance.grantRead(principal)`, ...): each API on its scope's resource. */
  public addInstanceGrant(instance: ITcrInstance, grants: TcrApiGrant[]): void {
    const resourceOf = (scope: TcrGrantScope): string => {
      switch (scope) {
        case TcrGrantScope.INSTANCE: return instance.instanceArn;
        case TcrGrantScope.INSTANCE_REPOSITORIES: return instance.repositoriesArn;
        case TcrGrantScope.ANY: return '*';
        default: throw new Error(`grant scope ${scope} needs a namespace; use namespace.grant(principal, ...)`);
      }
    };
    this.addGrantStatements(grants.map((g) => ({
      action: g.api === '*' ? 'tcr:*' : camActionFor(g.api),
      resource: resourceOf(g.scope),
    })));
  }

  /** Construct kind used in validation messages, e.g. `CamUser`. */
  protected abstract kindName(): string;

  /** Checks of the principal's own properties. */
  protected abstract validatePrincipal(): string[];

  private addGrantStatements(grants: readonly GrantPair[]): void {
    if (grants.length > 0) this.policy().document._addGrants(grants);
  }

  private policy(): TcrPolicy {
    if (!this.generatedPolicy) {
      this.generatedPolicy = new TcrPolicy(this, 'Policy', {});
      this.generatedPolicy.attachTo(this);
    }
    return this.generatedPolicy;
  }
}
