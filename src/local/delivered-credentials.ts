/**
 * The credentials tcr-credentials delivered into the embedded emulator's SSM during a deploy: their non-secret
 * metadata (what a user may see), and a registry login with each, checked the way the registry checks
 * `docker login` (the emulator's verifyRegistryLogin). Nothing here returns or prints a password or token.
 */
import { verifyRegistryLogin } from '../emulator/services/tcr/registry-login';

export interface DeliveredCredentialInfo {
  /** SSM secret name and the version read. */
  readonly secret: string;
  readonly version: string;
  readonly kind: string;
  readonly owner: string;
  readonly instanceId: string;
  readonly registry: string;
  readonly username: string;
  readonly tokenId?: string;
  /** ISO time, or `never`. */
  readonly expires: string;
  /** The registry accepted a login with the delivered user name and password/token. */
  readonly loginOk: boolean;
  /** Why the login failed (no secret in it). */
  readonly loginProblem?: string;
}

interface SecretRecord {
  readonly name: string;
  readonly status: string;
  readonly versions: ReadonlyArray<{ versionId: string; createdAt: number; secretString?: string }>;
}

/** tcr-credentials numbers its versions v1, v2, ...; anything else is ordered by creation time. */
function versionOrder(v: { versionId: string; createdAt: number }): number {
  const m = /^v(\d+)$/.exec(v.versionId);
  return m ? Number(m[1]) : v.createdAt;
}

/** Every live SSM secret whose latest version is a tcr-credentials document, with a login tried for each. */
export function deliveredCredentials(state: Record<string, any>, now: number): DeliveredCredentialInfo[] {
  const secrets: SecretRecord[] = Object.values(state.ssm?.secrets ?? {});
  const found: DeliveredCredentialInfo[] = [];
  for (const secret of secrets.filter((s) => s.status === 'Enabled').sort((a, b) => a.name.localeCompare(b.name))) {
    const latest = [...secret.versions].sort((a, b) => versionOrder(b) - versionOrder(a))[0];
    let doc: any;
    try {
      doc = JSON.parse(latest?.secretString ?? '');
    } catch {
      continue; // not a JSON document: not written by tcr-credentials
    }
    const meta = doc?.tcrCredentials;
    const auth = meta && doc.auths?.[meta.registry]?.auth;
    if (!meta || typeof auth !== 'string') continue;
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const login = verifyRegistryLogin(state, meta.instanceId, decoded.slice(0, colon), decoded.slice(colon + 1), now);
    found.push({
      secret: secret.name,
      version: latest.versionId,
      kind: meta.kind,
      owner: meta.owner,
      instanceId: meta.instanceId,
      registry: meta.registry,
      username: meta.username,
      tokenId: meta.tokenId,
      expires: meta.expiresAt ? new Date(meta.expiresAt).toISOString() : 'never',
      loginOk: login.ok,
      loginProblem: login.ok ? undefined : login.reason,
    });
  }
  return found;
}
