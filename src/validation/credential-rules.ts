/**
 * Rules and vocabularies of the credential shim, in one home: the `tcr-credentials` program validates its flags
 * with them and the credential constructs validate their props with them at synth time, so a value the
 * constructs accept is one the program accepts, and the other way round.
 *
 * Each checker returns `undefined` for a valid value, or a sentence stating the rule that was broken.
 */
import { createHash } from 'crypto';
import { checkSecretName, TOKEN_DESCRIPTION_RULE } from './name-rules';

/** CreateInstanceToken `TokenType` values. */
export const TOKEN_TYPES: readonly string[] = ['longterm', 'temp'];
export const TOKEN_TYPE_RULE = `must be one of ${TOKEN_TYPES.join(', ')}`;

export function checkTokenType(type: string): string | undefined {
  return TOKEN_TYPES.includes(type) ? undefined : TOKEN_TYPE_RULE;
}

/** Secret stores the program can write to: `ssm:<secret name>` (Tencent SSM) or `file:<absolute path>`. */
export const STORE_SCHEMES: readonly string[] = ['ssm', 'file'];
export const STORE_SPEC_RULE = 'must be ssm:<secret name> or file:<absolute path>';

export interface StoreSpec {
  readonly scheme: 'ssm' | 'file';
  /** Secret name (ssm) or absolute file path (file). */
  readonly location: string;
}

/** Parses `ssm:<name>` / `file:<path>`; returns the problem as a string when the spec is malformed. */
export function parseStoreSpec(spec: string): StoreSpec | string {
  const colon = spec.indexOf(':');
  const scheme = colon < 0 ? '' : spec.slice(0, colon);
  const location = colon < 0 ? '' : spec.slice(colon + 1);
  if (!STORE_SCHEMES.includes(scheme)) {
    return `has unknown store scheme "${scheme || spec}": it ${STORE_SPEC_RULE}`;
  }
  if (scheme === 'ssm') {
    const problem = checkSecretName(location);
    return problem ? `names the SSM secret "${location}", which ${problem}` : { scheme: 'ssm', location };
  }
  const problem = checkFilePath(location);
  return problem ? `names the file "${location}", which ${problem}` : { scheme: 'file', location };
}

export const FILE_PATH_RULE = 'must be an absolute path without NUL characters, not ending in "/"';

export function checkFilePath(path: string): string | undefined {
  if (!path.startsWith('/') || path.endsWith('/') || path.includes('\0')) return FILE_PATH_RULE;
  return undefined;
}

/** TCR instance id: `tcr-` and 8 lowercase letters or digits. */
export const INSTANCE_ID_RULE = 'must be a TCR instance id: "tcr-" followed by 8 lowercase letters or digits';

export function checkInstanceId(id: string): string | undefined {
  return /^tcr-[a-z0-9]{8}$/.test(id) ? undefined : INSTANCE_ID_RULE;
}

/** The registry host a docker client logs in to: a DNS name, optionally with a port. */
export const REGISTRY_DOMAIN_RULE =
  'must be a registry host name such as acme.tencentcloudcr.com (DNS labels of letters, digits and "-", optional :port, no scheme or path)';

export function checkRegistryDomain(domain: string): string | undefined {
  const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
  const re = new RegExp(`^${label}(?:\\.${label})*(?::\\d{1,5})?$`);
  return domain.length <= 253 && re.test(domain) ? undefined : REGISTRY_DOMAIN_RULE;
}

/** SSM DeleteSecret RecoveryWindowInDays: 0 deletes at once, 1-30 schedules the deletion. */
export const RECOVERY_WINDOW_RULE = 'must be a whole number of days from 0 (delete now) to 30';

export function checkRecoveryWindowDays(days: number): string | undefined {
  return Number.isInteger(days) && days >= 0 && days <= 30 ? undefined : RECOVERY_WINDOW_RULE;
}

/**
 * Owner of a credential: the stack and construct path that declared it (or any label a CLI user picks).
 * It is written in full into a secret tag, whose value may hold at most 255 characters.
 */
export const OWNER_RULE = 'must be 1-255 characters of letters, digits, spaces and "+-=._:/@"';

export function checkOwner(owner: string): string | undefined {
  return /^[A-Za-z0-9 +\-=._:/@]{1,255}$/.test(owner) ? undefined : OWNER_RULE;
}

/**
 * The owner marker: a short, fixed-length digest of the owner, so that it fits into a token description
 * (255 characters) next to the user's own text whatever the length of the construct path.
 */
export function ownerMarker(owner: string): string {
  return `tcrc:${createHash('sha256').update(owner).digest('hex').slice(0, 16)}`;
}

/** Finds the owner marker in a token description (`undefined` when the token is not this library's). */
export function markerInDescription(description: string): string | undefined {
  return /\[(tcrc:[0-9a-f]{16})\]$/.exec(description)?.[1];
}

/** The marker is appended as ` [tcrc:<16 hex>]`: 23 characters of the 255 a token description may hold. */
export const MARKER_SUFFIX_LENGTH = ' [tcrc:0123456789abcdef]'.length;
export const CREDENTIAL_DESCRIPTION_MAX = 255 - MARKER_SUFFIX_LENGTH;
export const CREDENTIAL_DESCRIPTION_RULE =
  `must be at most ${CREDENTIAL_DESCRIPTION_MAX} characters (a token description ${TOKEN_DESCRIPTION_RULE}, and the owner marker takes ${MARKER_SUFFIX_LENGTH})`;

export function checkCredentialDescription(description: string): string | undefined {
  return description.length > CREDENTIAL_DESCRIPTION_MAX ? CREDENTIAL_DESCRIPTION_RULE : undefined;
}

/** Token description as sent to CreateInstanceToken: the user's text, then the owner marker. */
export function describeWithMarker(description: string, owner: string): string {
  return `${description === '' ? 'tcr-credentials' : description} [${ownerMarker(owner)}]`;
}

/** SSM tag keys this library puts on the secrets it writes. */
export const OWNER_TAG_KEY = 'tcr-credentials-owner';
export const OWNER_PATH_TAG_KEY = 'tcr-credentials-path';

/** SSM KMS key id: UNCERTAIN (not in the reference): a UUID-like id of 1-128 letters, digits and "-". */
export const KMS_KEY_ID_RULE = 'must be 1-128 characters of letters, digits and "-" (a KMS CMK id)';

export function checkKmsKeyId(id: string): string | undefined {
  return /^[A-Za-z0-9-]{1,128}$/.test(id) ? undefined : KMS_KEY_ID_RULE;
}
