/**
 * The catalog of TCR APIs (2019-09-24) with the CAM action name each one is authenticated as and the CAM resource
 * level it is checked at. Plain data: no constructs, no emulator imports, so that both the CAM constructs and the
 * emulator's CAM evaluation read the same facts.
 *
 * Sources (see shared/reference/cam-tcr-policy-facts.md and the "TCR API Authentication Upgrade Notice"):
 * - API names: every action of the TCR client in tencentcloud-sdk-nodejs 4.1.313, plus the APIs named by the
 *   authentication-upgrade table that the SDK lacks.
 * - CAM names: `tcr:<ApiName>` (general CAM rule), except the five APIs the upgrade table maps to another name.
 * - Resource levels: the TCR Enterprise "CAM API list" table. Every API not in that table is `unknown`, and says so.
 */

/** How CAM checks an API's resource. */
export enum TcrResourceLevel {
  /** `qcs::tcr:<region>:uin/<uin>:instance/<instanceId>`. */
  INSTANCE = 'instance',
  /** `qcs::tcr:<region>:uin/<uin>:repository/<instanceId>/<namespace>[/<repository>]`. */
  REPOSITORY = 'repository',
  /**
   * Operation-level, or not documented. Consumers must treat it as operation-level (resource `*`): the strict
   * reading, so a wrong guess shows up as a denial in the emulator rather than as a silent over-grant.
   */
  OPERATION_OR_UNKNOWN = 'operation-or-unknown',
}

export interface TcrApiEntry {
  /** API (action) name as sent in `X-TC-Action`. */
  readonly api: string;
  /** Action name to use in CAM policies for this API, e.g. `tcr:DescribeRepositories` for DescribeImages. */
  readonly camAction: string;
  readonly resourceLevel: TcrResourceLevel;
  /**
   * Six-segment resource pattern with `${region}`, `${uin}`, `${instanceId}`, `${namespace}`, `${repository}`
   * placeholders; `*` for operation-level or unknown APIs.
   */
  readonly resourcePattern: string;
  /** True when no source states the resource level (the level above is then the strict assumption). */
  readonly resourceLevelUncertain: boolean;
  /** `personal` for Personal Edition APIs (names ending in `Personal`), else `enterprise`. */
  readonly edition: 'enterprise' | 'personal';
  /** Whether the API is in tencentcloud-sdk-nodejs 4.1.313's TCR client. */
  readonly inSdk: boolean;
  /** Whether the authentication-upgrade notice lists the API as newly checked by CAM. */
  readonly inAuthUpgradeTable: boolean;
  readonly note?: string;
}

/** The TCR client's actions in tencentcloud-sdk-nodejs 4.1.313 (127). */
const SDK_TCR_ACTIONS: readonly string[] = [
  'BatchDeleteImagePersonal', 'BatchDeleteRepositoryPersonal', 'CheckInstance', 'CheckInstanceName',
  'CreateApplicationTriggerPersonal', 'CreateGCJob', 'CreateImageAccelerationService', 'CreateImmutableTagRules',
  'CreateInstance', 'CreateInstanceCustomizedDomain', 'CreateInstanceToken', 'CreateInternalEndpointDns',
  'CreateMultipleSecurityPolicy', 'CreateNamespace', 'CreateNamespacePersonal', 'CreateReplicationInstance',
  'CreateRepository', 'CreateRepositoryPersonal', 'CreateSecurityPolicy', 'CreateServiceAccount', 'CreateSignature',
  'CreateSignaturePolicy', 'CreateTagRetentionExecution', 'CreateTagRetentionRule', 'CreateUserPersonal',
  'CreateWebhookTrigger', 'DeleteAIModel', 'DeleteApplicationTriggerPersonal', 'DeleteImage',
  'DeleteImageAccelerateService', 'DeleteImageLifecycleGlobalPersonal', 'DeleteImagePersonal',
  'DeleteImmutableTagRules', 'DeleteInstance', 'DeleteInstanceCustomizedDomain', 'DeleteInstanceToken',
  'DeleteInternalEndpointDns', 'DeleteMultipleSecurityPolicy', 'DeleteNamespace', 'DeleteNamespacePersonal',
  'DeleteReplicationInstance', 'DeleteReplicationRule', 'DeleteRepository', 'DeleteRepositoryPersonal',
  'DeleteRepositoryTags', 'DeleteSecurityPolicy', 'DeleteServiceAccount', 'DeleteSignaturePolicy', 'DeleteSkill',
  'DeleteTagRetentionRule', 'DeleteWebhookTrigger', 'DescribeAIModelVersionDetail',
  'DescribeApplicationTriggerLogPersonal', 'DescribeApplicationTriggerPersonal', 'DescribeChartDownloadInfo',
  'DescribeExternalEndpointStatus', 'DescribeFavorRepositoryPersonal', 'DescribeGCJobs',
  'DescribeImageAccelerateService', 'DescribeImageFilterPersonal', 'DescribeImageLifecycleGlobalPersonal',
  'DescribeImageLifecyclePersonal', 'DescribeImageManifests', 'DescribeImagePersonal', 'DescribeImages',
  'DescribeImmutableTagRules', 'DescribeInstanceAllNamespaces', 'DescribeInstanceCustomizedDomain',
  'DescribeInstanceStatus', 'DescribeInstanceToken', 'DescribeInstances', 'DescribeInternalEndpointDnsStatus',
  'DescribeInternalEndpoints', 'DescribeNamespacePersonal', 'DescribeNamespaces', 'DescribeRegions',
  'DescribeReplicationExecutions', 'DescribeReplicationInstanceCreateTasks', 'DescribeReplicationInstanceSyncStatus',
  'DescribeReplicationInstances', 'DescribeReplicationPolicies', 'DescribeReplicationTasks', 'DescribeRepositories',
  'DescribeRepositoryFilterPersonal', 'DescribeRepositoryOwnerPersonal', 'DescribeRepositoryPersonal',
  'DescribeSecurityPolicies', 'DescribeServiceAccounts', 'DescribeSkillDetail', 'DescribeSkillDownloadInfo',
  'DescribeTagRetentionExecution', 'DescribeTagRetentionExecutionTask', 'DescribeTagRetentionRules',
  'DescribeUserQuotaPersonal', 'DescribeWebhookTrigger', 'DescribeWebhookTriggerLog', 'DownloadHelmChart',
  'DuplicateImage', 'DuplicateImagePersonal', 'ListAIModelVersions', 'ListAIModels', 'ListSkillVersions',
  'ListSkills', 'ManageExternalEndpoint', 'ManageImageLifecycleGlobalPersonal', 'ManageInternalEndpoint',
  'ManageReplication', 'ModifyApplicationTriggerPersonal', 'ModifyImmutableTagRules', 'ModifyInstance',
  'ModifyInstanceStorage', 'ModifyInstanceToken', 'ModifyNamespace', 'ModifyReplication', 'ModifyRepository',
  'ModifyRepositoryAccessPersonal', 'ModifyRepositoryInfoPersonal', 'ModifySecurityPolicy', 'ModifyServiceAccount',
  'ModifyServiceAccountPassword', 'ModifyTagRetentionRule', 'ModifyUserPasswordPersonal', 'ModifyWebhookTrigger',
  'RenewInstance', 'TerminateGCJob', 'ValidateNamespaceExistPersonal', 'ValidateRepositoryExistPersonal',
];

/** "List of APIs Added for Authentication" (TCR API Authentication Upgrade Notice, 2025-04-25): API -> CAM name ('' = same). */
const AUTH_UPGRADE_TABLE: Readonly<Record<string, string>> = {
  AuthorizeUserImageBuildConfig: '',
  CreateApplicationTokenPersonal: '',
  CreateNamespace: '',
  CreateRepository: '',
  DeleteImage: 'DeleteRepository',
  DeleteNamespace: 'DeleteRepository',
  DeleteRepositoryTags: '',
  DescribeImageConfigPersonal: '',
  DescribeImageFilterPersonal: '',
  DescribeImageLifecycleGlobalPersonal: '',
  DescribeImagePersonal: '',
  DescribeImages: 'DescribeRepositories',
  DescribeInstanceAllNamespaces: '',
  DescribeNamespacePersonal: '',
  DescribeNamespaces: '',
  DescribeRegions: '',
  DescribeRepositories: '',
  DescribeRepositoryAllPersonal: '',
  DescribeRepositoryFilterPersonal: '',
  DescribeRepositoryOwnerPersonal: '',
  DescribeRepositoryPersonal: '',
  DescribeTagRetentionExecutionTask: 'DescribeTagRetentionRules',
  DescribeUserQuotaPersonal: '',
  ForwardRequest: 'DescribeInstances',
  ListChartRelease: '',
  ManageInternalEndpoint: '',
  UploadHelmChart: '',
  ValidateNamespaceExistPersonal: '',
};

const INSTANCE_PATTERN = 'qcs::tcr:${region}:uin/${uin}:instance/${instanceId}';
const NAMESPACE_PATTERN = 'qcs::tcr:${region}:uin/${uin}:repository/${instanceId}/${namespace}';
const REPOSITORY_PATTERN = 'qcs::tcr:${region}:uin/${uin}:repository/${instanceId}/${namespace}/${repository}';

/** The TCR Enterprise "CAM API list" table: the only documented resource levels. */
const DOCUMENTED_LEVELS: Readonly<Record<string, { level: TcrResourceLevel; pattern: string }>> = {
  CreateInstance: { level: TcrResourceLevel.INSTANCE, pattern: INSTANCE_PATTERN },
  DescribeInstanceStatus: { level: TcrResourceLevel.INSTANCE, pattern: INSTANCE_PATTERN },
  DescribeInstances: { level: TcrResourceLevel.INSTANCE, pattern: INSTANCE_PATTERN },
  CreateInstanceToken: { level: TcrResourceLevel.INSTANCE, pattern: INSTANCE_PATTERN },
  DeleteInstanceToken: { level: TcrResourceLevel.INSTANCE, pattern: INSTANCE_PATTERN },
  ModifyInstanceToken: { level: TcrResourceLevel.INSTANCE, pattern: INSTANCE_PATTERN },
  DescribeInstanceToken: { level: TcrResourceLevel.INSTANCE, pattern: INSTANCE_PATTERN },
  CreateNamespace: { level: TcrResourceLevel.REPOSITORY, pattern: NAMESPACE_PATTERN },
  DeleteNamespace: { level: TcrResourceLevel.REPOSITORY, pattern: NAMESPACE_PATTERN },
  ModifyNamespace: { level: TcrResourceLevel.REPOSITORY, pattern: NAMESPACE_PATTERN },
  DescribeNamespaces: { level: TcrResourceLevel.REPOSITORY, pattern: NAMESPACE_PATTERN },
  CreateRepository: { level: TcrResourceLevel.REPOSITORY, pattern: REPOSITORY_PATTERN },
  DeleteRepository: { level: TcrResourceLevel.REPOSITORY, pattern: REPOSITORY_PATTERN },
  ModifyRepository: { level: TcrResourceLevel.REPOSITORY, pattern: REPOSITORY_PATTERN },
  DescribeImages: { level: TcrResourceLevel.REPOSITORY, pattern: `${REPOSITORY_PATTERN}/*` },
  DescribeRepositories: { level: TcrResourceLevel.REPOSITORY, pattern: REPOSITORY_PATTERN },
};

const SERVICE_ACCOUNT_APIS = new Set([
  'CreateServiceAccount', 'DescribeServiceAccounts', 'ModifyServiceAccount', 'ModifyServiceAccountPassword',
  'DeleteServiceAccount',
]);

function buildEntry(api: string): TcrApiEntry {
  const mapped = AUTH_UPGRADE_TABLE[api];
  const documented = DOCUMENTED_LEVELS[api];
  let note: string | undefined;
  if (api === 'DescribeRepositories') {
    note = 'The CAM API list labels this row "DescribeImages" (doc inconsistency); treated as DescribeRepositories.';
  } else if (SERVICE_ACCOUNT_APIS.has(api)) {
    note = 'Service-account APIs are in no CAM resource table: resource level UNKNOWN, assumed operation-level (resource *).';
  } else if (!documented) {
    note = 'Not in the TCR CAM API list: resource level unknown, assumed operation-level (resource *).';
  }
  return {
    api,
    camAction: `tcr:${mapped ? mapped : api}`,
    resourceLevel: documented ? documented.level : TcrResourceLevel.OPERATION_OR_UNKNOWN,
    resourcePattern: documented ? documented.pattern : '*',
    resourceLevelUncertain: !documented,
    edition: api.endsWith('Personal') ? 'personal' : 'enterprise',
    inSdk: SDK_TCR_ACTIONS.includes(api),
    inAuthUpgradeTable: mapped !== undefined,
    ...(note ? { note } : {}),
  };
}

/** Every TCR API known to the project, keyed by API name. */
export const TCR_API_CATALOG: Readonly<Record<string, TcrApiEntry>> = Object.freeze(
  Object.fromEntries(
    [...new Set([...SDK_TCR_ACTIONS, ...Object.keys(AUTH_UPGRADE_TABLE)])].sort().map((api) => [api, Object.freeze(buildEntry(api))]),
  ),
);

/** Edit distance (insert, delete, substitute), case-insensitive; small inputs only, so the O(n*m) table is fine. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/** The (at most three) catalog API names closest to `name`, nearest first, for "did you mean" messages. */
export function closestApiNames(name: string): string[] {
  return Object.keys(TCR_API_CATALOG)
    .map((api) => ({ api, distance: editDistance(name, api) }))
    .sort((a, b) => a.distance - b.distance || a.api.localeCompare(b.api))
    .slice(0, 3)
    .map((c) => c.api);
}

/** Looks an API up, failing loudly for a name the catalog does not know (a typo must not become a silent grant). */
export function tcrApi(api: string): TcrApiEntry {
  const entry = Object.prototype.hasOwnProperty.call(TCR_API_CATALOG, api) ? TCR_API_CATALOG[api] : undefined;
  if (!entry) {
    throw new Error(
      `Unknown TCR API "${api}": not in the TCR API catalog (tencentcloud-sdk-nodejs 4.1.313 + CAM upgrade table); `
      + `closest known names: ${closestApiNames(api).join(', ')}`,
    );
  }
  return entry;
}

/** Whether `api` is a catalog API name. */
export function isTcrApi(api: string): boolean {
  return Object.prototype.hasOwnProperty.call(TCR_API_CATALOG, api);
}

/**
 * CAM action names that are not APIs: the registry (docker / helm) operations a service-account permission or a
 * CAM policy grants on repositories (cam-tcr-policy-facts.md section 3). Checked on repository resources.
 */
export const TCR_REGISTRY_ACTIONS: readonly string[] = [
  'tcr:CreateHelmChart', 'tcr:DescribeHelmCharts', 'tcr:PullRepository', 'tcr:PushRepository',
];

/** CAM action name (`tcr:...`) used to authenticate `api`, with the upgrade-table mapping applied. */
export function camActionFor(api: string): string {
  return tcrApi(api).camAction;
}

/** `qcs::tcr:<region>:uin/<uin>:instance/<instanceId>`; pass `*` for "all instances". */
export function instanceArn(region: string, uin: string, instanceId: string): string {
  return `qcs::tcr:${region}:uin/${uin}:instance/${instanceId}`;
}

/**
 * `qcs::tcr:<region>:uin/<uin>:repository/<instanceId>/<namespace>[/<repo>]`. A namespace has no resource type
 * of its own in CAM: it is the repository path `<instanceId>/<namespace>`.
 */
export function repositoryArn(region: string, uin: string, instanceId: string, namespace: string, repo?: string): string {
  const path = repo === undefined ? `${instanceId}/${namespace}` : `${instanceId}/${namespace}/${repo}`;
  return `qcs::tcr:${region}:uin/${uin}:repository/${path}`;
}
