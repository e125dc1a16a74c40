/**
 * Name rules for TCR and CAM objects. One home for each rule: synth-time validation in the constructs and
 * the emulator's request validation both call these functions, so the two can never disagree.
 *
 * Each checker returns `undefined` for a valid value, or a sentence stating the rule that was broken.
 * Rules marked UNCERTAIN are not stated by a source in shared/reference; they are kept strict so that a
 * wrong guess fails loudly at synth time rather than at `cdktf deploy`.
 */

/** Prefix TCR adds to service-account names in API responses and docker logins. */
export const SERVICE_ACCOUNT_PREFIX = 'tcr$';
/** Alternative prefix the registry backend accepts for CI systems that mishandle `$`. */
export const SERVICE_ACCOUNT_CI_PREFIX = 'tcr@';

/** Namespace: 2-30 chars, lowercase letters, digits and `.` `_` `-`; no separator at start, end, or twice in a row (CreateNamespace doc). */
export const NAMESPACE_NAME_RULE =
  'must be 2-30 characters of lowercase letters, digits and the separators ".", "_", "-", and must not start or end with a separator or contain two separators in a row';

export function checkNamespaceName(name: string): string | undefined {
  if (name.length < 2 || name.length > 30) return NAMESPACE_NAME_RULE;
  if (!/^[a-z0-9._-]+$/.test(name)) return NAMESPACE_NAME_RULE;
  if (/^[._-]|[._-]$/.test(name) || /[._-]{2}/.test(name)) return NAMESPACE_NAME_RULE;
  return undefined;
}

/**
 * Service account: `[a-z0-9._-]`, starting with a letter or digit (TCR "Managing Service Accounts").
 * The `tcr$` prefix is added by the service and must not be typed by the user.
 * UNCERTAIN: the maximum length is not documented; 1-64 is assumed (CAM-style bound) and enforced.
 */
export const SERVICE_ACCOUNT_NAME_RULE =
  'must be 1-64 characters of lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, without the "tcr$"/"tcr@" prefix (TCR adds it)';

export function checkServiceAccountName(name: string): string | undefined {
  if (name.startsWith(SERVICE_ACCOUNT_PREFIX) || name.startsWith(SERVICE_ACCOUNT_CI_PREFIX)) {
    return SERVICE_ACCOUNT_NAME_RULE;
  }
  if (name.length < 1 || name.length > 64) return SERVICE_ACCOUNT_NAME_RULE;
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) return SERVICE_ACCOUNT_NAME_RULE;
  return undefined;
}

/**
 * Instance (registry) name. UNCERTAIN: the CreateInstance doc gives no rule; the console enforces
 * 5-50 characters of lowercase letters, digits and "-", starting with a letter and not ending with "-".
 * The name becomes the DNS label `<name>.tencentcloudcr.com`, so anything looser could not resolve anyway.
 */
export const INSTANCE_NAME_RULE =
  'must be 5-50 characters of lowercase letters, digits and "-", starting with a letter and not ending with "-" (it becomes <name>.tencentcloudcr.com)';

export function checkInstanceName(name: string): string | undefined {
  if (name.length < 5 || name.length > 50) return INSTANCE_NAME_RULE;
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(name)) return INSTANCE_NAME_RULE;
  return undefined;
}

/** CAM policy name: 1-128 characters of letters, digits and `+=,.@_-` (CreatePolicy doc). */
export const POLICY_NAME_RULE = 'must be 1-128 characters of letters, digits and "+=,.@_-"';

export function checkPolicyName(name: string): string | undefined {
  if (name.length < 1 || name.length > 128) return POLICY_NAME_RULE;
  if (!/^[A-Za-z0-9+=,.@_-]+$/.test(name)) return POLICY_NAME_RULE;
  return undefined;
}

/** CAM limits (CAM "Use Limits"). */
export const CAM_LIMITS = {
  /** Characters in one policy document. */
  policyDocumentMaxChars: 6144,
  /** Custom policies per root account. */
  customPoliciesPerAccount: 1500,
  /** Policies attached directly to one user, group or role. */
  attachmentsPerPrincipal: 200,
  /** Policy description, in bytes (InvalidParameter.DescriptionLengthOverlimit). */
  policyDescriptionMaxBytes: 300,
} as const;

/** Service-account password (ModifyServiceAccountPassword): 8-20 chars, at least one upper, one lower, one digit. */
export const SERVICE_ACCOUNT_PASSWORD_RULE =
  'must be 8-20 characters with at least one uppercase letter, one lowercase letter and one digit';

export function checkServiceAccountPassword(password: string): string | undefined {
  if (password.length < 8 || password.length > 20) return SERVICE_ACCOUNT_PASSWORD_RULE;
  if (!/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/[0-9]/.test(password)) {
    return SERVICE_ACCOUNT_PASSWORD_RULE;
  }
  return undefined;
}

/** Long-term instance token description: 0-255 characters (provider schema "Valid length [0~255]"). */
export const TOKEN_DESCRIPTION_RULE = 'must be at most 255 characters';

export function checkTokenDescription(desc: string): string | undefined {
  return desc.length > 255 ? TOKEN_DESCRIPTION_RULE : undefined;
}

/** SSM secret name: UNCERTAIN (not in the reference); 1-128 of letters, digits, "_" and "-", starting with a letter or digit. */
export const SECRET_NAME_RULE =
  'must be 1-128 characters of letters, digits, "_" and "-", starting with a letter or digit';

export function checkSecretName(name: string): string | undefined {
  if (name.length < 1 || name.length > 128) return SECRET_NAME_RULE;
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) return SECRET_NAME_RULE;
  return undefined;
}

/**
 * Actions a TCR service-account permission may carry (SDK `Permission` model; provider schema description), by the
 * names the constructs' `TcrAction` gives them. The one home of this vocabulary: constructs, emulator and
 * provider stand-in import it.
 */
export const SERVICE_ACCOUNT_ACTION = {
  PULL_REPOSITORY: 'tcr:PullRepository',
  PUSH_REPOSITORY: 'tcr:PushRepository',
  CREATE_REPOSITORY: 'tcr:CreateRepository',
  CREATE_HELM_CHART: 'tcr:CreateHelmChart',
  DESCRIBE_HELM_CHARTS: 'tcr:DescribeHelmCharts',
} as const;

/** SERVICE_ACCOUNT_ACTION's values, sorted. */
export const SERVICE_ACCOUNT_ACTIONS: readonly string[] = Object.values(SERVICE_ACCOUNT_ACTION).sort();

/** Console default validity of a new service account, in days (TCR "Managing Service Accounts"). */
export const SERVICE_ACCOUNT_DEFAULT_VALIDITY_DAYS = 30;

/**
 * Project convention for "permanent": `Duration = 0` and no `ExpiresAt`; the service then reports `ExpiresAt = 0`.
 * UNCERTAIN: the API docs do not say how Permanent is encoded. The emulator implements exactly this convention,
 * so if the real service disagrees, only this constant and the emulator change.
 */
export const PERMANENT_DURATION_DAYS = 0;

/** UNCERTAIN upper bound (not documented): ten years, so typos such as 36500 fail at synth. */
export const VALIDITY_MAX_DAYS = 3650;
export const VALIDITY_DAYS_RULE = `must be a whole number of days from 1 to ${VALIDITY_MAX_DAYS} (use Validity.permanent() for no expiry)`;

export function checkValidityDays(days: number): string | undefined {
  if (!Number.isInteger(days) || days < 1 || days > VALIDITY_MAX_DAYS) return VALIDITY_DAYS_RULE;
  return undefined;
}

/** Latest `Validity.until` accepted: the same ten-year bound as `VALIDITY_MAX_DAYS`. */
export const VALIDITY_UNTIL_RULE =
  `must be a whole number of milliseconds since the epoch, in the future and at most ${VALIDITY_MAX_DAYS} days from now`;

/**
 * Checks an absolute expiry (`expires_at`, epoch milliseconds) against `nowMs`.
 * A seconds value (10 digits, the API doc's own inconsistent example) lands in 1970 and is rejected as past.
 */
export function checkValidityUntil(expiresAtMs: number, nowMs: number): string | undefined {
  if (!Number.isInteger(expiresAtMs)) return VALIDITY_UNTIL_RULE;
  if (expiresAtMs <= nowMs) return VALIDITY_UNTIL_RULE;
  if (expiresAtMs > nowMs + VALIDITY_MAX_DAYS * 86_400_000) return VALIDITY_UNTIL_RULE;
  return undefined;
}

/**
 * Resource tags. UNCERTAIN (Tencent Cloud tag-service limits, not in shared/reference): at most 50 tags per
 * resource, keys 1-127 characters not starting with the reserved prefixes "qcloud", "tencent" or "project",
 * values 0-255 characters. Kept strict so a wrong guess fails at synth, not halfway through an apply.
 */
export const TAG_MAX_COUNT = 50;
export const TAG_COUNT_RULE = `must have at most ${TAG_MAX_COUNT} tags`;
export const TAG_KEY_RULE =
  'must be 1-127 characters and must not start with the reserved prefixes "qcloud", "tencent" or "project"';
export const TAG_VALUE_RULE = 'must be at most 255 characters';

export function checkTagKey(key: string): string | undefined {
  if (key.length < 1 || key.length > 127) return TAG_KEY_RULE;
  if (/^(qcloud|tencent|project)/i.test(key)) return TAG_KEY_RULE;
  return undefined;
}

export function checkTagValue(value: string): string | undefined {
  return value.length > 255 ? TAG_VALUE_RULE : undefined;
}

/** CVE id in a namespace's vulnerability allowlist: `CVE-YYYY-NNNN` (4 or more digits; MITRE CVE id syntax). */
export const CVE_ID_RULE = 'must be a CVE id of the form CVE-YYYY-NNNN (four or more digits in the last part)';

export function checkCveId(id: string): string | undefined {
  return /^CVE-\d{4}-\d{4,}$/.test(id) ? undefined : CVE_ID_RULE;
}

/**
 * Prepaid instance purchase period in months. UNCERTAIN: the provider only says "in month"; the console offers
 * 1-12, 24 and 36, which is what is accepted here.
 */
export const PREPAID_PERIOD_RULE = 'must be 1-12, 24 or 36 months';

export function checkPrepaidPeriodMonths(months: number): string | undefined {
  if (!Number.isInteger(months)) return PREPAID_PERIOD_RULE;
  if ((months >= 1 && months <= 12) || months === 24 || months === 36) return undefined;
  return PREPAID_PERIOD_RULE;
}

/** Public-access allowlist entry: an IPv4 address or CIDR block (the TCR console accepts IPv4 only). */
export const CIDR_BLOCK_RULE = 'must be an IPv4 address or CIDR block such as 203.0.113.0/24';

export function checkCidrBlock(cidr: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(cidr);
  if (!m) return CIDR_BLOCK_RULE;
  if (m.slice(1, 5).some((octet) => Number(octet) > 255)) return CIDR_BLOCK_RULE;
  if (m[5] !== undefined && Number(m[5]) > 32) return CIDR_BLOCK_RULE;
  return undefined;
}

/** Names of namespaces and of service accounts are unique within one instance (TCR returns ErrorNameExists). */
export const UNIQUE_IN_INSTANCE_RULE = 'must be unique within one TCR instance';

/** The public registry domain suffix: an instance named `acme` is served (and logged in to) at `acme.tencentcloudcr.com`. */
export const REGISTRY_DOMAIN_SUFFIX = '.tencentcloudcr.com';

/** Instance names are registry domains (`<name>.tencentcloudcr.com`), unique across all of Tencent Cloud. */
export const UNIQUE_INSTANCE_NAME_RULE =
  'must be unique: it is the registry domain <name>.tencentcloudcr.com, so two instances can never share it';

/** A service account lives in one instance and can only be granted namespaces of that instance. */
export const SAME_INSTANCE_GRANT_RULE = 'must belong to the same TCR instance as the service account';

/** The provider schema requires at least one `permissions` block on a service account. */
export const SERVICE_ACCOUNT_GRANTS_RULE =
  'must contain at least one namespace grant (tencentcloud_tcr_service_account needs one or more permissions blocks); call namespace.grantPull(account) or grantPush(account)';

/** A grant must carry at least one action: the provider's `actions` set is required and an empty one grants nothing. */
export const GRANT_ACTIONS_RULE = 'must contain at least one action (e.g. TcrAction.PULL_REPOSITORY)';

export const SERVICE_ACCOUNT_ACTION_RULE = `must be one of ${SERVICE_ACCOUNT_ACTIONS.join(', ')}`;

export function checkServiceAccountAction(action: string): string | undefined {
  return SERVICE_ACCOUNT_ACTIONS.includes(action) ? undefined : SERVICE_ACCOUNT_ACTION_RULE;
}

/**
 * Vulnerability blocking severities (provider schema: "currently only supports low, medium, high"), by the names
 * the constructs' `VulnerabilitySeverity` gives them; constructs, emulator and stand-in import them from here.
 */
export const VULNERABILITY_SEVERITY = { LOW: 'low', MEDIUM: 'medium', HIGH: 'high' } as const;

/** VULNERABILITY_SEVERITY's values, lowest first. */
export const VULNERABILITY_SEVERITIES: readonly string[] = [VULNERABILITY_SEVERITY.LOW, VULNERABILITY_SEVERITY.MEDIUM, VULNERABILITY_SEVERITY.HIGH];
export const BLOCK_SEVERITY_RULE = 'can only be set together with blockVulnerableImages: true';

/** Replications are a premium-edition feature (provider schema: "premium only"). */
export const REPLICATION_EDITION_RULE = 'is only available on the premium instance type';
/** The one registry type (CreateInstance `RegistryType`) that may have replication instances. */
export const REPLICATION_REGISTRY_TYPE = 'premium';
/** Provider schema: security_policy is "only available when open_public_operation is true". */
export const ALLOWLIST_PUBLIC_ACCESS_RULE = 'can only be set when publicAccess is true';
export const VULNERABILITY_SEVERITY_RULE = `must be one of ${VULNERABILITY_SEVERITIES.join(', ')}`;

/** TCR Enterprise editions (CreateInstance `RegistryType`: basic, standard, premium). */
export const REGISTRY_TYPES: readonly string[] = ['basic', 'standard', 'premium'];
export const REGISTRY_TYPE_RULE = `must be one of ${REGISTRY_TYPES.join(', ')}`;

export function checkRegistryType(type: string): string | undefined {
  return REGISTRY_TYPES.includes(type) ? undefined : REGISTRY_TYPE_RULE;
}

/** Lifetime of a temporary instance token (CreateInstanceToken `TokenType = temp`): one hour. */
export const TEMP_TOKEN_VALIDITY_MS = 60 * 60 * 1000;

/** SSM secret version id (CreateSecret/PutSecretValue doc): at most 64 bytes of letters, digits, "-", "_", ".", starting with a letter or digit. */
export const SECRET_VERSION_ID_RULE =
  'must be 1-64 characters of letters, digits, "-", "_" and ".", starting with a letter or digit';

export function checkSecretVersionId(versionId: string): string | undefined {
  if (versionId.length < 1 || versionId.length > 64) return SECRET_VERSION_ID_RULE;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(versionId)) return SECRET_VERSION_ID_RULE;
  return undefined;
}

/** SSM limits (SSM API docs). */
export const SSM_LIMITS = {
  /** Versions one secret can hold (PutSecretValue: "最多可以支持10个版本"). */
  versionsPerSecret: 10,
  /** Secrets per region (CreateSecret: "每个Region最多可创建存储1000个凭据信息"). */
  secretsPerRegion: 1000,
  /** Secret description, in bytes. */
  descriptionMaxBytes: 2048,
  /** SecretString / SecretBinary, in bytes. */
  secretValueMaxBytes: 32 * 1024,
  /** DeleteSecret RecoveryWindowInDays: 0 = immediately, 1-30 = scheduled. */
  recoveryWindowMaxDays: 30,
} as const;
