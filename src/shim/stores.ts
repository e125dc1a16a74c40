/**
 * Where credentials are delivered: a Tencent SSM secret (versions `v1`, `v2`, ...; the highest is current) or a
 * local file (mode 0600, written atomically). Both hold the same document (document.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { TencentApi } from './api';
import { CredentialDocument, parseDocument } from './document';
import { ApiCallError, OperationError, UsageError } from './errors';
import {
  OWNER_PATH_TAG_KEY, OWNER_TAG_KEY, ownerMarker, parseStoreSpec, STORE_SPEC_RULE,
} from '../validation/credential-rules';
import { SSM_LIMITS } from '../validation/name-rules';

export interface StoredCredential {
  /** `undefined` when something exists under the name that this program did not write. */
  readonly doc?: CredentialDocument;
  /** Current version id (SSM) or write id (file). */
  readonly version: string;
}

export interface WriteOptions {
  readonly kmsKeyId?: string;
  /** Versions to keep after a write (SSM keeps at most 10). */
  readonly keepVersions: number;
}

export interface CredentialStore {
  /** `ssm:<name>` or `file:<path>`. */
  readonly spec: string;
  /** Checks what can be checked before any API call (file store: the directory). */
  preflight(): void;
  /** The stored credential, or `undefined` when there is none; restores this owner's secret if it was deleted with a recovery window. */
  read(owner: string): Promise<StoredCredential | undefined>;
  /** Writes `doc` as the new current version; verifies by reading back when the write's outcome is unknown. */
  write(doc: CredentialDocument, previous: StoredCredential | undefined, options: WriteOptions): Promise<string>;
  /** Deletes the whole secret; `false` when it was already gone. */
  remove(recoveryWindowDays: number): Promise<boolean>;
}

export function openStore(spec: string, api: () => TencentApi, flag = '--store'): CredentialStore {
  const parsed = parseStoreSpec(spec);
  if (typeof parsed === 'string') throw new UsageError(`${flag} has value "${spec}", which ${parsed.startsWith('has ') ? parsed.slice(4) : parsed}`);
  return parsed.scheme === 'ssm' ? new SsmStore(parsed.location, api) : new FileStore(parsed.location, flag);
}

const VERSION_RE = /^v(\d+)$/;

function versionNumber(id: string): number {
  const m = VERSION_RE.exec(id);
  return m ? Number(m[1]) : -1;
}

function hasCode(e: unknown, ...codes: string[]): boolean {
  return e instanceof ApiCallError && codes.includes(e.code);
}

export class SsmStore implements CredentialStore {
  readonly spec: string;

  constructor(readonly secretName: string, private readonly api: () => TencentApi) {
    this.spec = `ssm:${secretName}`;
  }

  preflight(): void {}

  private async versionIds(): Promise<string[] | undefined> {
    try {
      const res = await this.api().ssmCall('ListSecretVersionIds', { SecretName: this.secretName });
      return (res.Versions ?? []).map((v: { VersionId: string }) => v.VersionId);
    } catch (e) {
      if (hasCode(e, 'ResourceNotFound', 'ResourceNotFound.SecretNotExist')) return undefined;
      throw e;
    }
  }

  async read(owner: string): Promise<StoredCredential | undefined> {
    const ids = await this.versionIds();
    if (ids === undefined) return undefined;
    const current = ids.filter((id) => VERSION_RE.test(id)).sort((a, b) => versionNumber(b) - versionNumber(a))[0];
    if (!current) return { version: ids[0] ?? '' };
    let value: any;
    try {
      value = await this.api().ssmCall('GetSecretValue', { SecretName: this.secretName, VersionId: current });
    } catch (e) {
      if (!hasCode(e, 'ResourceUnavailable.ResourceDisabled', 'ResourceUnavailable.ResourcePendingDeleted')) throw e;
      // Disabled or scheduled for deletion (a destroy with a recovery window): take it back only if it is ours.
      if (!(await this.taggedWith(owner))) return { version: current };
      if (hasCode(e, 'ResourceUnavailable.ResourcePendingDeleted')) await this.api().ssmCall('RestoreSecret', { SecretName: this.secretName });
      await this.api().ssmCall('EnableSecret', { SecretName: this.secretName });
      value = await this.api().ssmCall('GetSecretValue', { SecretName: this.secretName, VersionId: current });
    }
    return { doc: parseDocument(value.SecretString ?? ''), version: current };
  }

  private async taggedWith(owner: string): Promise<boolean> {
    const res = await this.api().ssmCall('ListSecrets', {
      SearchSecretName: this.secretName,
      TagFilters: [{ TagKey: OWNER_TAG_KEY, TagValue: [ownerMarker(owner)] }],
      Limit: 100,
    });
    return (res.SecretMetadatas ?? []).some((m: { SecretName: string }) => m.SecretName === this.secretName);
  }

  async write(doc: CredentialDocument, previous: StoredCredential | undefined, options: WriteOptions): Promise<string> {
    const value = JSON.stringify(doc);
    const meta = doc.tcrCredentials;
    const verify = async () => {
      const back = await this.read(meta.owner).catch(() => undefined);
      return back?.doc?.tcrCredentials.writeId === meta.writeId ? back.version : undefined;
    };
    if (!previous) {
      try {
        await this.api().ssmCall('CreateSecret', {
          SecretName: this.secretName,
          VersionId: 'v1',
          SecretString: value,
          Description: `TCR registry credential for ${meta.registry}, written by tcr-credentials for ${meta.owner}`.slice(0, SSM_LIMITS.descriptionMaxBytes),
          ...(options.kmsKeyId ? { KmsKeyId: options.kmsKeyId } : {}),
          Tags: [
            { TagKey: OWNER_TAG_KEY, TagValue: meta.ownerMarker },
            { TagKey: OWNER_PATH_TAG_KEY, TagValue: meta.owner },
          ],
        });
        return 'v1';
      } catch (e) {
        // A retried CreateSecret whose first attempt did land answers SecretExists: that is our write.
        const landed = await verify();
        if (landed) return landed;
        throw e;
      }
    }
    const ids = (await this.versionIds()) ?? [];
    const next = `v${Math.max(0, ...ids.map(versionNumber)) + 1}`;
    // Make room first: SSM refuses an 11th version (LimitExceeded).
    await this.prune(ids, Math.min(options.keepVersions, SSM_LIMITS.versionsPerSecret) - 1);
    try {
      await this.api().ssmCall('PutSecretValue', { SecretName: this.secretName, VersionId: next, SecretString: value });
    } catch (e) {
      const landed = await verify();
      if (landed) return landed;
      throw e;
    }
    return next;
  }

  /** Deletes the oldest versions so that at most `keep` remain. */
  private async prune(ids: string[], keep: number): Promise<void> {
    const ordered = [...ids].sort((a, b) => versionNumber(a) - versionNumber(b));
    for (const id of ordered.slice(0, Math.max(0, ordered.length - keep))) {
      try {
        await this.api().ssmCall('DeleteSecretVersion', { SecretName: this.secretName, VersionId: id });
      } catch (e) {
        if (!hasCode(e, 'ResourceNotFound')) throw e;
      }
    }
  }

  async remove(recoveryWindowDays: number): Promise<boolean> {
    try {
      const described = await this.api().ssmCall('DescribeSecret', { SecretName: this.secretName });
      if (described.Status === 'PendingDelete') return false;
      if (described.Status === 'Enabled') await this.api().ssmCall('DisableSecret', { SecretName: this.secretName });
      await this.api().ssmCall('DeleteSecret', { SecretName: this.secretName, RecoveryWindowInDays: recoveryWindowDays });
      return true;
    } catch (e) {
      if (hasCode(e, 'ResourceNotFound', 'ResourceNotFound.SecretNotExist')) return false;
      throw e;
    }
  }
}

export class FileStore implements CredentialStore {
  readonly spec: string;

  constructor(readonly file: string, private readonly flag: string) {
    this.spec = `file:${file}`;
  }

  preflight(): void {
    const dir = path.dirname(this.file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch {
      throw new UsageError(`${this.flag} has value "${this.spec}", whose directory ${dir} does not exist (${STORE_SPEC_RULE} in an existing directory)`);
    }
    if (!stat.isDirectory()) throw new UsageError(`${this.flag} has value "${this.spec}", whose parent ${dir} is not a directory`);
    // Anyone could swap the file (or plant a symlink) in a world-writable directory such as /tmp.
    // eslint-disable-next-line no-bitwise -- file modes are bit sets
    if ((stat.mode & 0o002) !== 0) {
      throw new UsageError(`${this.flag} has value "${this.spec}", whose directory ${dir} is world-writable: the file store needs a directory only its owner can write to`);
    }
  }

  async read(): Promise<StoredCredential | undefined> {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e: any) {
      if (e.code === 'ENOENT') return undefined;
      throw new OperationError(`cannot read ${this.spec}: ${e.code ?? e.message}`);
    }
    const doc = parseDocument(text);
    return { doc, version: doc?.tcrCredentials.writeId ?? '' };
  }

  async write(doc: CredentialDocument): Promise<string> {
    this.preflight();
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify(doc, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
      fs.renameSync(tmp, this.file);
    } catch (e: any) {
      fs.rmSync(tmp, { force: true });
      throw new OperationError(`cannot write ${this.spec}: ${e.code ?? e.message}`);
    }
    return doc.tcrCredentials.writeId;
  }

  async remove(): Promise<boolean> {
    try {
      fs.unlinkSync(this.file);
      return true;
    } catch (e: any) {
      if (e.code === 'ENOENT') return false;
      throw new OperationError(`cannot delete ${this.spec}: ${e.code ?? e.message}`);
    }
  }
}
