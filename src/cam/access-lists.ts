/**
 * What each grant helper allows a CAM principal: the exact list of (API, resource scope) pairs of the instance
 * helpers (`instance.grantRead(principal)`, ...) and the Describe APIs that come with a namespace pull or push.
 * Plain data, like the catalog, so the CAM constructs that render the policies, the tests and the emulator's
 * least-privilege matrix all read the same list.
 */
import { isTcrApi, TCR_REGISTRY_ACTIONS, TcrResourceLevel, tcrApi } from './catalog';
import { TcrApiGrant, TcrGrantScope } from './tcr-grant-scope';

/** The scope an API's catalog resource level calls for on a whole instance. */
export function scopeForApi(api: string): TcrGrantScope {
  switch (tcrApi(api).resourceLevel) {
    case TcrResourceLevel.INSTANCE: return TcrGrantScope.INSTANCE;
    case TcrResourceLevel.REPOSITORY: return TcrGrantScope.INSTANCE_REPOSITORIES;
    default: return TcrGrantScope.ANY;
  }
}

/**
 * The scope a namespace grant of `action` (a `tcr:` CAM action, an API name with the prefix, or a wildcard) lands
 * on: registry actions (pull, push, Helm) and repository APIs on the namespace's repositories, namespace APIs on
 * the namespace, instance APIs on the instance, operation-level APIs on `*`. Wildcards go on the namespace's
 * repositories, as in the documentation's namespace-admin policy. Undefined for an action that is none of these.
 */
export function scopeForNamespaceAction(action: string): TcrGrantScope | undefined {
  if (TCR_REGISTRY_ACTIONS.includes(action) || action.includes('*')) return TcrGrantScope.NAMESPACE_REPOSITORIES;
  const api = action.startsWith('tcr:') ? action.slice('tcr:'.length) : undefined;
  if (api === undefined || !isTcrApi(api)) return undefined;
  const entry = tcrApi(api);
  switch (entry.resourceLevel) {
    case TcrResourceLevel.INSTANCE: return TcrGrantScope.INSTANCE;
    case TcrResourceLevel.REPOSITORY:
      return entry.resourcePattern.endsWith('${namespace}') ? TcrGrantScope.NAMESPACE : TcrGrantScope.NAMESPACE_REPOSITORIES;
    default: return TcrGrantScope.ANY;
  }
}

function grants(...apis: string[]): readonly TcrApiGrant[] {
  return Object.freeze(apis.map((api) => Object.freeze({ api, scope: scopeForApi(api) })));
}

/**
 * `grantRead`: describe the instance, its namespaces, repositories and images. DescribeImages is authorized as
 * `tcr:DescribeRepositories` (authentication-upgrade table), so the policy names that action once for both.
 */
export const READ_ACCESS = grants('DescribeInstances', 'DescribeNamespaces', 'DescribeRepositories', 'DescribeImages');

/**
 * `grantManageNamespaces`: create, modify, delete and list namespaces. DeleteNamespace is authorized as
 * `tcr:DeleteRepository`, so this also allows deleting repositories and images of the instance: CAM has no
 * narrower name for it.
 */
export const MANAGE_NAMESPACES_ACCESS = grants('CreateNamespace', 'ModifyNamespace', 'DeleteNamespace', 'DescribeNamespaces');

/**
 * `grantManageServiceAccounts`: the service-account APIs. No CAM resource table lists them, so they are granted
 * on `*` (the strict reading of the catalog): the grant is not limited to this instance.
 */
export const MANAGE_SERVICE_ACCOUNTS_ACCESS = grants(
  'CreateServiceAccount', 'DescribeServiceAccounts', 'ModifyServiceAccount', 'ModifyServiceAccountPassword',
  'DeleteServiceAccount',
);

/** `grantIssueTokens`: the instance (long-term and temporary) token APIs, on the instance. */
export const ISSUE_TOKENS_ACCESS = grants('CreateInstanceToken', 'DescribeInstanceToken', 'ModifyInstanceToken', 'DeleteInstanceToken');

/**
 * `grantFullAccess`: `tcr:*` on the instance and on all its repositories (the documentation's "whole instance"
 * policy), plus the service-account APIs on `*`. APIs of undocumented resource level other than the
 * service-account ones (e.g. DeleteInstance, GC and replication jobs) are NOT included: allowing them would take
 * resource `*`, every instance of the account. Grant those explicitly with a `TcrPolicyStatement` if needed.
 */
export const FULL_ACCESS = Object.freeze([
  Object.freeze({ api: '*', scope: TcrGrantScope.INSTANCE }),
  Object.freeze({ api: '*', scope: TcrGrantScope.INSTANCE_REPOSITORIES }),
  ...MANAGE_SERVICE_ACCOUNTS_ACCESS,
]) as readonly TcrApiGrant[];

/**
 * What a namespace pull or push grant to a CAM principal adds to `tcr:PullRepository` / `tcr:PushRepository` on
 * the namespace's repositories: the Describe calls a docker client and the console make first. DescribeImages is
 * authorized as `tcr:DescribeRepositories`, so one action covers both.
 */
export const NAMESPACE_PULL_DESCRIBE_ACCESS: readonly TcrApiGrant[] = Object.freeze([
  Object.freeze({ api: 'DescribeInstances', scope: TcrGrantScope.INSTANCE }),
  Object.freeze({ api: 'DescribeNamespaces', scope: TcrGrantScope.NAMESPACE }),
  Object.freeze({ api: 'DescribeRepositories', scope: TcrGrantScope.NAMESPACE_REPOSITORIES }),
  Object.freeze({ api: 'DescribeImages', scope: TcrGrantScope.NAMESPACE_REPOSITORIES }),
]);

/** Every helper's list, by helper name (for tests, docs and the emulator matrix). */
export const INSTANCE_ACCESS: Readonly<Record<string, readonly TcrApiGrant[]>> = Object.freeze({
  grantRead: READ_ACCESS,
  grantManageNamespaces: MANAGE_NAMESPACES_ACCESS,
  grantManageServiceAccounts: MANAGE_SERVICE_ACCOUNTS_ACCESS,
  grantIssueTokens: ISSUE_TOKENS_ACCESS,
  grantFullAccess: FULL_ACCESS,
});
