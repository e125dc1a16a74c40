import { camActionFor, TCR_API_CATALOG, tcrApi, TcrResourceLevel } from './catalog';

/** Every value handed out, so `TcrApi.of(name)` returns the same object as the constant (declared before the class: its constants use it). */
const knownApis = new Map<string, TcrApi>();

/**
 * A TCR API (2019-09-24) with the CAM action it is authorized as and the CAM resource level it is checked at.
 *
 * One constant per entry of the project's TCR API catalog (every action of the tencentcloud-sdk-nodejs TCR client
 * plus the APIs named by the CAM authentication-upgrade notice). Since the upgrade, five APIs are authorized under
 * another name: `TcrApi.DESCRIBE_IMAGES.camAction` is `tcr:DescribeRepositories`; `DELETE_IMAGE` and
 * `DELETE_NAMESPACE` are `tcr:DeleteRepository`; `DESCRIBE_TAG_RETENTION_EXECUTION_TASK` is
 * `tcr:DescribeTagRetentionRules`; `FORWARD_REQUEST` is `tcr:DescribeInstances`. Policies built from `TcrApi`
 * values always carry the CAM-side name.
 */
export class TcrApi {
  /** `AuthorizeUserImageBuildConfig`. */
  public static readonly AUTHORIZE_USER_IMAGE_BUILD_CONFIG = TcrApi.of('AuthorizeUserImageBuildConfig');
  /** `BatchDeleteImagePersonal`. */
  public static readonly BATCH_DELETE_IMAGE_PERSONAL = TcrApi.of('BatchDeleteImagePersonal');
  /** `BatchDeleteRepositoryPersonal`. */
  public static readonly BATCH_DELETE_REPOSITORY_PERSONAL = TcrApi.of('BatchDeleteRepositoryPersonal');
  /** `CheckInstance`. */
  public static readonly CHECK_INSTANCE = TcrApi.of('CheckInstance');
  /** `CheckInstanceName`. */
  public static readonly CHECK_INSTANCE_NAME = TcrApi.of('CheckInstanceName');
  /** `CreateApplicationTokenPersonal`. */
  public static readonly CREATE_APPLICATION_TOKEN_PERSONAL = TcrApi.of('CreateApplicationTokenPersonal');
  /** `CreateApplicationTriggerPersonal`. */
  public static readonly CREATE_APPLICATION_TRIGGER_PERSONAL = TcrApi.of('CreateApplicationTriggerPersonal');
  /** `CreateGCJob`. */
  public static readonly CREATE_GC_JOB = TcrApi.of('CreateGCJob');
  /** `CreateImageAccelerationService`. */
  public static readonly CREATE_IMAGE_ACCELERATION_SERVICE = TcrApi.of('CreateImageAccelerationService');
  /** `CreateImmutableTagRules`. */
  public static readonly CREATE_IMMUTABLE_TAG_RULES = TcrApi.of('CreateImmutableTagRules');
  /** `CreateInstance`. */
  public static readonly CREATE_INSTANCE = TcrApi.of('CreateInstance');
  /** `CreateInstanceCustomizedDomain`. */
  public static readonly CREATE_INSTANCE_CUSTOMIZED_DOMAIN = TcrApi.of('CreateInstanceCustomizedDomain');
  /** `CreateInstanceToken`. */
  public static readonly CREATE_INSTANCE_TOKEN = TcrApi.of('CreateInstanceToken');
  /** `CreateInternalEndpointDns`. */
  public static readonly CREATE_INTERNAL_ENDPOINT_DNS = TcrApi.of('CreateInternalEndpointDns');
  /** `CreateMultipleSecurityPolicy`. */
  public static readonly CREATE_MULTIPLE_SECURITY_POLICY = TcrApi.of('CreateMultipleSecurityPolicy');
  /** `CreateNamespace`. */
  public static readonly CREATE_NAMESPACE = TcrApi.of('CreateNamespace');
  /** `CreateNamespacePersonal`. */
  public static readonly CREATE_NAMESPACE_PERSONAL = TcrApi.of('CreateNamespacePersonal');
  /** `CreateReplicationInstance`. */
  public static readonly CREATE_REPLICATION_INSTANCE = TcrApi.of('CreateReplicationInstance');
  /** `CreateRepository`. */
  public static readonly CREATE_REPOSITORY = TcrApi.of('CreateRepository');
  /** `CreateRepositoryPersonal`. */
  public static readonly CREATE_REPOSITORY_PERSONAL = TcrApi.of('CreateRepositoryPersonal');
  /** `CreateSecurityPolicy`. */
  public static readonly CREATE_SECURITY_POLICY = TcrApi.of('CreateSecurityPolicy');
  /** `CreateServiceAccount`. */
  public static readonly CREATE_SERVICE_ACCOUNT = TcrApi.of('CreateServiceAccount');
  /** `CreateSignature`. */
  public static readonly CREATE_SIGNATURE = TcrApi.of('CreateSignature');
  /** `CreateSignaturePolicy`. */
  public static readonly CREATE_SIGNATURE_POLICY = TcrApi.of('CreateSignaturePolicy');
  /** `CreateTagRetentionExecution`. */
  public static readonly CREATE_TAG_RETENTION_EXECUTION = TcrApi.of('CreateTagRetentionExecution');
  /** `CreateTagRetentionRule`. */
  public static readonly CREATE_TAG_RETENTION_RULE = TcrApi.of('CreateTagRetentionRule');
  /** `CreateUserPersonal`. */
  public static readonly CREATE_USER_PERSONAL = TcrApi.of('CreateUserPersonal');
  /** `CreateWebhookTrigger`. */
  public static readonly CREATE_WEBHOOK_TRIGGER = TcrApi.of('CreateWebhookTrigger');
  /** `DeleteAIModel`. */
  public static readonly DELETE_AI_MODEL = TcrApi.of('DeleteAIModel');
  /** `DeleteApplicationTriggerPersonal`. */
  public static readonly DELETE_APPLICATION_TRIGGER_PERSONAL = TcrApi.of('DeleteApplicationTriggerPersonal');
  /** `DeleteImage`. Authorized by CAM as `tcr:DeleteRepository`. */
  public static readonly DELETE_IMAGE = TcrApi.of('DeleteImage');
  /** `DeleteImageAccelerateService`. */
  public static readonly DELETE_IMAGE_ACCELERATE_SERVICE = TcrApi.of('DeleteImageAccelerateService');
  /** `DeleteImageLifecycleGlobalPersonal`. */
  public static readonly DELETE_IMAGE_LIFECYCLE_GLOBAL_PERSONAL = TcrApi.of('DeleteImageLifecycleGlobalPersonal');
  /** `DeleteImagePersonal`. */
  public static readonly DELETE_IMAGE_PERSONAL = TcrApi.of('DeleteImagePersonal');
  /** `DeleteImmutableTagRules`. */
  public static readonly DELETE_IMMUTABLE_TAG_RULES = TcrApi.of('DeleteImmutableTagRules');
  /** `DeleteInstance`. */
  public static readonly DELETE_INSTANCE = TcrApi.of('DeleteInstance');
  /** `DeleteInstanceCustomizedDomain`. */
  public static readonly DELETE_INSTANCE_CUSTOMIZED_DOMAIN = TcrApi.of('DeleteInstanceCustomizedDomain');
  /** `DeleteInstanceToken`. */
  public static readonly DELETE_INSTANCE_TOKEN = TcrApi.of('DeleteInstanceToken');
  /** `DeleteInternalEndpointDns`. */
  public static readonly DELETE_INTERNAL_ENDPOINT_DNS = TcrApi.of('DeleteInternalEndpointDns');
  /** `DeleteMultipleSecurityPolicy`. */
  public static readonly DELETE_MULTIPLE_SECURITY_POLICY = TcrApi.of('DeleteMultipleSecurityPolicy');
  /** `DeleteNamespace`. Authorized by CAM as `tcr:DeleteRepository`. */
  public static readonly DELETE_NAMESPACE = TcrApi.of('DeleteNamespace');
  /** `DeleteNamespacePersonal`. */
  public static readonly DELETE_NAMESPACE_PERSONAL = TcrApi.of('DeleteNamespacePersonal');
  /** `DeleteReplicationInstance`. */
  public static readonly DELETE_REPLICATION_INSTANCE = TcrApi.of('DeleteReplicationInstance');
  /** `DeleteReplicationRule`. */
  public static readonly DELETE_REPLICATION_RULE = TcrApi.of('DeleteReplicationRule');
  /** `DeleteRepository`. */
  public static readonly DELETE_REPOSITORY = TcrApi.of('DeleteRepository');
  /** `DeleteRepositoryPersonal`. */
  public static readonly DELETE_REPOSITORY_PERSONAL = TcrApi.of('DeleteRepositoryPersonal');
  /** `DeleteRepositoryTags`. */
  public static readonly DELETE_REPOSITORY_TAGS = TcrApi.of('DeleteRepositoryTags');
  /** `DeleteSecurityPolicy`. */
  public static readonly DELETE_SECURITY_POLICY = TcrApi.of('DeleteSecurityPolicy');
  /** `DeleteServiceAccount`. */
  public static readonly DELETE_SERVICE_ACCOUNT = TcrApi.of('DeleteServiceAccount');
  /** `DeleteSignaturePolicy`. */
  public static readonly DELETE_SIGNATURE_POLICY = TcrApi.of('DeleteSignaturePolicy');
  /** `DeleteSkill`. */
  public static readonly DELETE_SKILL = TcrApi.of('DeleteSkill');
  /** `DeleteTagRetentionRule`. */
  public static readonly DELETE_TAG_RETENTION_RULE = TcrApi.of('DeleteTagRetentionRule');
  /** `DeleteWebhookTrigger`. */
  public static readonly DELETE_WEBHOOK_TRIGGER = TcrApi.of('DeleteWebhookTrigger');
  /** `DescribeAIModelVersionDetail`. */
  public static readonly DESCRIBE_AI_MODEL_VERSION_DETAIL = TcrApi.of('DescribeAIModelVersionDetail');
  /** `DescribeApplicationTriggerLogPersonal`. */
  public static readonly DESCRIBE_APPLICATION_TRIGGER_LOG_PERSONAL = TcrApi.of('DescribeApplicationTriggerLogPersonal');
  /** `DescribeApplicationTriggerPersonal`. */
  public static readonly DESCRIBE_APPLICATION_TRIGGER_PERSONAL = TcrApi.of('DescribeApplicationTriggerPersonal');
  /** `DescribeChartDownloadInfo`. */
  public static readonly DESCRIBE_CHART_DOWNLOAD_INFO = TcrApi.of('DescribeChartDownloadInfo');
  /** `DescribeExternalEndpointStatus`. */
  public static readonly DESCRIBE_EXTERNAL_ENDPOINT_STATUS = TcrApi.of('DescribeExternalEndpointStatus');
  /** `DescribeFavorRepositoryPersonal`. */
  public static readonly DESCRIBE_FAVOR_REPOSITORY_PERSONAL = TcrApi.of('DescribeFavorRepositoryPersonal');
  /** `DescribeGCJobs`. */
  public static readonly DESCRIBE_GC_JOBS = TcrApi.of('DescribeGCJobs');
  /** `DescribeImageAccelerateService`. */
  public static readonly DESCRIBE_IMAGE_ACCELERATE_SERVICE = TcrApi.of('DescribeImageAccelerateService');
  /** `DescribeImageConfigPersonal`. */
  public static readonly DESCRIBE_IMAGE_CONFIG_PERSONAL = TcrApi.of('DescribeImageConfigPersonal');
  /** `DescribeImageFilterPersonal`. */
  public static readonly DESCRIBE_IMAGE_FILTER_PERSONAL = TcrApi.of('DescribeImageFilterPersonal');
  /** `DescribeImageLifecycleGlobalPersonal`. */
  public static readonly DESCRIBE_IMAGE_LIFECYCLE_GLOBAL_PERSONAL = TcrApi.of('DescribeImageLifecycleGlobalPersonal');
  /** `DescribeImageLifecyclePersonal`. */
  public static readonly DESCRIBE_IMAGE_LIFECYCLE_PERSONAL = TcrApi.of('DescribeImageLifecyclePersonal');
  /** `DescribeImageManifests`. */
  public static readonly DESCRIBE_IMAGE_MANIFESTS = TcrApi.of('DescribeImageManifests');
  /** `DescribeImagePersonal`. */
  public static readonly DESCRIBE_IMAGE_PERSONAL = TcrApi.of('DescribeImagePersonal');
  /** `DescribeImages`. Authorized by CAM as `tcr:DescribeRepositories`. */
  public static readonly DESCRIBE_IMAGES = TcrApi.of('DescribeImages');
  /** `DescribeImmutableTagRules`. */
  public static readonly DESCRIBE_IMMUTABLE_TAG_RULES = TcrApi.of('DescribeImmutableTagRules');
  /** `DescribeInstanceAllNamespaces`. */
  public static readonly DESCRIBE_INSTANCE_ALL_NAMESPACES = TcrApi.of('DescribeInstanceAllNamespaces');
  /** `DescribeInstanceCustomizedDomain`. */
  public static readonly DESCRIBE_INSTANCE_CUSTOMIZED_DOMAIN = TcrApi.of('DescribeInstanceCustomizedDomain');
  /** `DescribeInstanceStatus`. */
  public static readonly DESCRIBE_INSTANCE_STATUS = TcrApi.of('DescribeInstanceStatus');
  /** `DescribeInstanceToken`. */
  public static readonly DESCRIBE_INSTANCE_TOKEN = TcrApi.of('DescribeInstanceToken');
  /** `DescribeInstances`. */
  public static readonly DESCRIBE_INSTANCES = TcrApi.of('DescribeInstances');
  /** `DescribeInternalEndpointDnsStatus`. */
  public static readonly DESCRIBE_INTERNAL_ENDPOINT_DNS_STATUS = TcrApi.of('DescribeInternalEndpointDnsStatus');
  /** `DescribeInternalEndpoints`. */
  public static readonly DESCRIBE_INTERNAL_ENDPOINTS = TcrApi.of('DescribeInternalEndpoints');
  /** `DescribeNamespacePersonal`. */
  public static readonly DESCRIBE_NAMESPACE_PERSONAL = TcrApi.of('DescribeNamespacePersonal');
  /** `DescribeNamespaces`. */
  public static readonly DESCRIBE_NAMESPACES = TcrApi.of('DescribeNamespaces');
  /** `DescribeRegions`. */
  public static readonly DESCRIBE_REGIONS = TcrApi.of('DescribeRegions');
  /** `DescribeReplicationExecutions`. */
  public static readonly DESCRIBE_REPLICATION_EXECUTIONS = TcrApi.of('DescribeReplicationExecutions');
  /** `DescribeReplicationInstanceCreateTasks`. */
  public static readonly DESCRIBE_REPLICATION_INSTANCE_CREATE_TASKS = TcrApi.of('DescribeReplicationInstanceCreateTasks');
  /** `DescribeReplicationInstanceSyncStatus`. */
  public static readonly DESCRIBE_REPLICATION_INSTANCE_SYNC_STATUS = TcrApi.of('DescribeReplicationInstanceSyncStatus');
  /** `DescribeReplicationInstances`. */
  public static readonly DESCRIBE_REPLICATION_INSTANCES = TcrApi.of('DescribeReplicationInstances');
  /** `DescribeReplicationPolicies`. */
  public static readonly DESCRIBE_REPLICATION_POLICIES = TcrApi.of('DescribeReplicationPolicies');
  /** `DescribeReplicationTasks`. */
  public static readonly DESCRIBE_REPLICATION_TASKS = TcrApi.of('DescribeReplicationTasks');
  /** `DescribeRepositories`. */
  public static readonly DESCRIBE_REPOSITORIES = TcrApi.of('DescribeRepositories');
  /** `DescribeRepositoryAllPersonal`. */
  public static readonly DESCRIBE_REPOSITORY_ALL_PERSONAL = TcrApi.of('DescribeRepositoryAllPersonal');
  /** `DescribeRepositoryFilterPersonal`. */
  public static readonly DESCRIBE_REPOSITORY_FILTER_PERSONAL = TcrApi.of('DescribeRepositoryFilterPersonal');
  /** `DescribeRepositoryOwnerPersonal`. */
  public static readonly DESCRIBE_REPOSITORY_OWNER_PERSONAL = TcrApi.of('DescribeRepositoryOwnerPersonal');
  /** `DescribeRepositoryPersonal`. */
  public static readonly DESCRIBE_REPOSITORY_PERSONAL = TcrApi.of('DescribeRepositoryPersonal');
  /** `DescribeSecurityPolicies`. */
  public static readonly DESCRIBE_SECURITY_POLICIES = TcrApi.of('DescribeSecurityPolicies');
  /** `DescribeServiceAccounts`. */
  public static readonly DESCRIBE_SERVICE_ACCOUNTS = TcrApi.of('DescribeServiceAccounts');
  /** `DescribeSkillDetail`. */
  public static readonly DESCRIBE_SKILL_DETAIL = TcrApi.of('DescribeSkillDetail');
  /** `DescribeSkillDownloadInfo`. */
  public static readonly DESCRIBE_SKILL_DOWNLOAD_INFO = TcrApi.of('DescribeSkillDownloadInfo');
  /** `DescribeTagRetentionExecution`. */
  public static readonly DESCRIBE_TAG_RETENTION_EXECUTION = TcrApi.of('DescribeTagRetentionExecution');
  /** `DescribeTagRetentionExecutionTask`. Authorized by CAM as `tcr:DescribeTagRetentionRules`. */
  public static readonly DESCRIBE_TAG_RETENTION_EXECUTION_TASK = TcrApi.of('DescribeTagRetentionExecutionTask');
  /** `DescribeTagRetentionRules`. */
  public static readonly DESCRIBE_TAG_RETENTION_RULES = TcrApi.of('DescribeTagRetentionRules');
  /** `DescribeUserQuotaPersonal`. */
  public static readonly DESCRIBE_USER_QUOTA_PERSONAL = TcrApi.of('DescribeUserQuotaPersonal');
  /** `DescribeWebhookTrigger`. */
  public static readonly DESCRIBE_WEBHOOK_TRIGGER = TcrApi.of('DescribeWebhookTrigger');
  /** `DescribeWebhookTriggerLog`. */
  public static readonly DESCRIBE_WEBHOOK_TRIGGER_LOG = TcrApi.of('DescribeWebhookTriggerLog');
  /** `DownloadHelmChart`. */
  public static readonly DOWNLOAD_HELM_CHART = TcrApi.of('DownloadHelmChart');
  /** `DuplicateImage`. */
  public static readonly DUPLICATE_IMAGE = TcrApi.of('DuplicateImage');
  /** `DuplicateImagePersonal`. */
  public static readonly DUPLICATE_IMAGE_PERSONAL = TcrApi.of('DuplicateImagePersonal');
  /** `ForwardRequest`. Authorized by CAM as `tcr:DescribeInstances`. */
  public static readonly FORWARD_REQUEST = TcrApi.of('ForwardRequest');
  /** `ListAIModelVersions`. */
  public static readonly LIST_AI_MODEL_VERSIONS = TcrApi.of('ListAIModelVersions');
  /** `ListAIModels`. */
  public static readonly LIST_AI_MODELS = TcrApi.of('ListAIModels');
  /** `ListChartRelease`. */
  public static readonly LIST_CHART_RELEASE = TcrApi.of('ListChartRelease');
  /** `ListSkillVersions`. */
  public static readonly LIST_SKILL_VERSIONS = TcrApi.of('ListSkillVersions');
  /** `ListSkills`. */
  public static readonly LIST_SKILLS = TcrApi.of('ListSkills');
  /** `ManageExternalEndpoint`. */
  public static readonly MANAGE_EXTERNAL_ENDPOINT = TcrApi.of('ManageExternalEndpoint');
  /** `ManageImageLifecycleGlobalPersonal`. */
  public static readonly MANAGE_IMAGE_LIFECYCLE_GLOBAL_PERSONAL = TcrApi.of('ManageImageLifecycleGlobalPersonal');
  /** `ManageInternalEndpoint`. */
  public static readonly MANAGE_INTERNAL_ENDPOINT = TcrApi.of('ManageInternalEndpoint');
  /** `ManageReplication`. */
  public static readonly MANAGE_REPLICATION = TcrApi.of('ManageReplication');
  /** `ModifyApplicationTriggerPersonal`. */
  public static readonly MODIFY_APPLICATION_TRIGGER_PERSONAL = TcrApi.of('ModifyApplicationTriggerPersonal');
  /** `ModifyImmutableTagRules`. */
  public static readonly MODIFY_IMMUTABLE_TAG_RULES = TcrApi.of('ModifyImmutableTagRules');
  /** `ModifyInstance`. */
  public static readonly MODIFY_INSTANCE = TcrApi.of('ModifyInstance');
  /** `ModifyInstanceStorage`. */
  public static readonly MODIFY_INSTANCE_STORAGE = TcrApi.of('ModifyInstanceStorage');
  /** `ModifyInstanceToken`. */
  public static readonly MODIFY_INSTANCE_TOKEN = TcrApi.of('ModifyInstanceToken');
  /** `ModifyNamespace`. */
  public static readonly MODIFY_NAMESPACE = TcrApi.of('ModifyNamespace');
  /** `ModifyReplication`. */
  public static readonly MODIFY_REPLICATION = TcrApi.of('ModifyReplication');
  /** `ModifyRepository`. */
  public static readonly MODIFY_REPOSITORY = TcrApi.of('ModifyRepository');
  /** `ModifyRepositoryAccessPersonal`. */
  public static readonly MODIFY_REPOSITORY_ACCESS_PERSONAL = TcrApi.of('ModifyRepositoryAccessPersonal');
  /** `ModifyRepositoryInfoPersonal`. */
  public static readonly MODIFY_REPOSITORY_INFO_PERSONAL = TcrApi.of('ModifyRepositoryInfoPersonal');
  /** `ModifySecurityPolicy`. */
  public static readonly MODIFY_SECURITY_POLICY = TcrApi.of('ModifySecurityPolicy');
  /** `ModifyServiceAccount`. */
  public static readonly MODIFY_SERVICE_ACCOUNT = TcrApi.of('ModifyServiceAccount');
  /** `ModifyServiceAccountPassword`. */
  public static readonly MODIFY_SERVICE_ACCOUNT_PASSWORD = TcrApi.of('ModifyServiceAccountPassword');
  /** `ModifyTagRetentionRule`. */
  public static readonly MODIFY_TAG_RETENTION_RULE = TcrApi.of('ModifyTagRetentionRule');
  /** `ModifyUserPasswordPersonal`. */
  public static readonly MODIFY_USER_PASSWORD_PERSONAL = TcrApi.of('ModifyUserPasswordPersonal');
  /** `ModifyWebhookTrigger`. */
  public static readonly MODIFY_WEBHOOK_TRIGGER = TcrApi.of('ModifyWebhookTrigger');
  /** `RenewInstance`. */
  public static readonly RENEW_INSTANCE = TcrApi.of('RenewInstance');
  /** `TerminateGCJob`. */
  public static readonly TERMINATE_GC_JOB = TcrApi.of('TerminateGCJob');
  /** `UploadHelmChart`. */
  public static readonly UPLOAD_HELM_CHART = TcrApi.of('UploadHelmChart');
  /** `ValidateNamespaceExistPersonal`. */
  public static readonly VALIDATE_NAMESPACE_EXIST_PERSONAL = TcrApi.of('ValidateNamespaceExistPersonal');
  /** `ValidateRepositoryExistPersonal`. */
  public static readonly VALIDATE_REPOSITORY_EXIST_PERSONAL = TcrApi.of('ValidateRepositoryExistPersonal');

  /**
   * The API called `apiName` (e.g. `DescribeImages`). Throws for a name the catalog does not know, naming it and
   * the closest known names: a typo must not become a silent grant.
   */
  public static of(apiName: string): TcrApi {
    let api = knownApis.get(apiName);
    if (!api) {
      const entry = tcrApi(apiName);
      api = new TcrApi(entry.api, entry.camAction, entry.resourceLevel, entry.resourceLevelUncertain, entry.edition === 'personal');
      knownApis.set(apiName, api);
    }
    return api;
  }

  /** The CAM action (`tcr:...`) that authorizes `apiName`, with the authentication-upgrade mapping applied. */
  public static camActionFor(apiName: string): string {
    return camActionFor(apiName);
  }

  /** Every API of the catalog, sorted by name. */
  public static all(): TcrApi[] {
    return Object.keys(TCR_API_CATALOG).map((name) => TcrApi.of(name));
  }

  private constructor(
    /** API name as sent in `X-TC-Action`, e.g. `DescribeImages`. */
    public readonly apiName: string,
    /** CAM action to put in a policy for this API, e.g. `tcr:DescribeRepositories` for DescribeImages. */
    public readonly camAction: string,
    /**
     * Resource level CAM checks the API at. `OPERATION_OR_UNKNOWN` APIs are granted on resource `*` only (the strict
     * reading when no source documents a level).
     */
    public readonly resourceLevel: TcrResourceLevel,
    /** True when no source documents the resource level (it is then the strict assumption). */
    public readonly resourceLevelUncertain: boolean,
    /** True for Personal Edition APIs (names ending in `Personal`). */
    public readonly isPersonalEdition: boolean,
  ) {}

  /** The API name. */
  public toString(): string {
    return this.apiName;
  }
}
