import { TcrGrantScope } from '../../src';
import {
  FULL_ACCESS, INSTANCE_ACCESS, ISSUE_TOKENS_ACCESS, MANAGE_NAMESPACES_ACCESS, MANAGE_SERVICE_ACCOUNTS_ACCESS,
  NAMESPACE_PULL_DESCRIBE_ACCESS, READ_ACCESS, scopeForApi, scopeForNamespaceAction,
} from '../../src/cam/access-lists';
import { tcrApi, TcrResourceLevel } from '../../src/cam/catalog';

describe('access lists', () => {
  test('each helper lists exactly its documented (API, scope) pairs', () => {
    const pairs = (list: readonly { api: string; scope: TcrGrantScope }[]) => list.map((g) => `${g.api}@${g.scope}`);
    expect(pairs(READ_ACCESS)).toEqual([
      'DescribeInstances@instance', 'DescribeNamespaces@instance-repositories', 'DescribeRepositories@instance-repositories',
      'DescribeImages@instance-repositories',
    ]);
    expect(pairs(MANAGE_NAMESPACES_ACCESS)).toEqual([
      'CreateNamespace@instance-repositories', 'ModifyNamespace@instance-repositories', 'DeleteNamespace@instance-repositories',
      'DescribeNamespaces@instance-repositories',
    ]);
    expect(pairs(MANAGE_SERVICE_ACCOUNTS_ACCESS)).toEqual([
      'CreateServiceAccount@any', 'DescribeServiceAccounts@any', 'ModifyServiceAccount@any', 'ModifyServiceAccountPassword@any',
      'DeleteServiceAccount@any',
    ]);
    expect(pairs(ISSUE_TOKENS_ACCESS)).toEqual([
      'CreateInstanceToken@instance', 'DescribeInstanceToken@instance', 'ModifyInstanceToken@instance', 'DeleteInstanceToken@instance',
    ]);
    expect(pairs(FULL_ACCESS)).toEqual(['*@instance', '*@instance-repositories', ...pairs(MANAGE_SERVICE_ACCOUNTS_ACCESS)]);
    expect(pairs(NAMESPACE_PULL_DESCRIBE_ACCESS)).toEqual([
      'DescribeInstances@instance', 'DescribeNamespaces@namespace', 'DescribeRepositories@namespace-repositories',
      'DescribeImages@namespace-repositories',
    ]);
    expect(Object.keys(INSTANCE_ACCESS)).toEqual([
      'grantRead', 'grantManageNamespaces', 'grantManageServiceAccounts', 'grantIssueTokens', 'grantFullAccess',
    ]);
  });

  test('every scope agrees with the catalog resource level of its API', () => {
    const levelOf: Record<TcrGrantScope, TcrResourceLevel> = {
      [TcrGrantScope.INSTANCE]: TcrResourceLevel.INSTANCE,
      [TcrGrantScope.INSTANCE_REPOSITORIES]: TcrResourceLevel.REPOSITORY,
      [TcrGrantScope.NAMESPACE]: TcrResourceLevel.REPOSITORY,
      [TcrGrantScope.NAMESPACE_REPOSITORIES]: TcrResourceLevel.REPOSITORY,
      [TcrGrantScope.ANY]: TcrResourceLevel.OPERATION_OR_UNKNOWN,
    };
    for (const list of [...Object.values(INSTANCE_ACCESS), NAMESPACE_PULL_DESCRIBE_ACCESS]) {
      for (const g of list) if (g.api !== '*') expect(`${g.api}:${tcrApi(g.api).resourceLevel}`).toBe(`${g.api}:${levelOf[g.scope]}`);
    }
    expect(scopeForApi('CreateGCJob')).toBe(TcrGrantScope.ANY);
  });

  test('namespace grant actions land on the scope of their kind', () => {
    expect(scopeForNamespaceAction('tcr:PullRepository')).toBe(TcrGrantScope.NAMESPACE_REPOSITORIES);
    expect(scopeForNamespaceAction('tcr:CreateHelmChart')).toBe(TcrGrantScope.NAMESPACE_REPOSITORIES);
    expect(scopeForNamespaceAction('tcr:*')).toBe(TcrGrantScope.NAMESPACE_REPOSITORIES);
    expect(scopeForNamespaceAction('tcr:CreateRepository')).toBe(TcrGrantScope.NAMESPACE_REPOSITORIES);
    expect(scopeForNamespaceAction('tcr:DescribeImages')).toBe(TcrGrantScope.NAMESPACE_REPOSITORIES);
    expect(scopeForNamespaceAction('tcr:DeleteNamespace')).toBe(TcrGrantScope.NAMESPACE);
    expect(scopeForNamespaceAction('tcr:CreateInstanceToken')).toBe(TcrGrantScope.INSTANCE);
    expect(scopeForNamespaceAction('tcr:DescribeServiceAccounts')).toBe(TcrGrantScope.ANY);
    expect(scopeForNamespaceAction('tcr:PullRepositories')).toBeUndefined();
    expect(scopeForNamespaceAction('PullRepository')).toBeUndefined();
  });
});
