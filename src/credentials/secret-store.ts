import { Token } from 'cdktf';
import { problem } from '../registry/private/validation';
import { checkFilePath, checkKmsKeyId, checkRecoveryWindowDays, FILE_PATH_RULE, KMS_KEY_ID_RULE, RECOVERY_WINDOW_RULE } from '../validation/credential-rules';
import { checkSecretName } from '../validation/name-rules';

/** Options of an SSM secret store. */
export interface SsmSecretStoreOptions {
  /**
   * Name of the SSM secret the credential is written to (created on first deploy, deleted on destroy). Letters,
   * digits, `_` and `-`, starting with a letter or digit, at most 128 characters.
   */
  readonly secretName: string;
  /**
   * KMS key that encrypts the secret.
   * @default - the SSM default key
   */
  readonly kmsKeyId?: string;
  /**
   * Days SSM keeps the secret recoverable after destroy (0 deletes it at once). A later deploy of the same
   * construct restores it.
   * @default 0
   */
  readonly recoveryWindowDays?: number;
}

/** Where a credential is delivered: a Tencent SSM secret, or a file on the deploying machine. */
export class SecretStore {
  /** A Tencent SSM secret holding the `.dockerconfigjson` (one version per mint, at most 10 kept). */
  public static ssm(options: SsmSecretStoreOptions): SecretStore {
    return new SecretStore('ssm', options.secretName, options.kmsKeyId, options.recoveryWindowDays ?? 0);
  }

  /**
   * A file on the machine that runs the deploy (mode 0600, written atomically), for local use and tests. Its
   * directory must exist when the deploy runs and must not be world-writable.
   * @param path absolute path of the file
   */
  public static file(path: string): SecretStore {
    return new SecretStore('file', path, undefined, 0);
  }

  private constructor(
    /** `ssm` or `file`. */
    public readonly scheme: string,
    /** Secret name (ssm) or absolute path (file). */
    public readonly location: string,
    /** KMS key id (ssm only). */
    public readonly kmsKeyId: string | undefined,
    /** SSM recovery window in days (0 for files). */
    public readonly recoveryWindowDays: number,
  ) {}

  /** The program's `--store` value: `ssm:<name>` or `file:<path>`. */
  public get spec(): string {
    return `${this.scheme}:${this.location}`;
  }

  /** The SSM secret name, or undefined for a file store. */
  public get secretName(): string | undefined {
    return this.scheme === 'ssm' ? this.location : undefined;
  }

  /** @internal Problems with the literal values, for the owning construct's validation. */
  public _problems(kind: string): string[] {
    const out: string[] = [];
    if (Token.isUnresolved(this.location)) {
      out.push(problem(kind, 'store', this.location, 'must be a literal: the secret name or path is part of the destroy command, which may read only its own resource'));
    } else if (this.scheme === 'ssm') {
      const rule = checkSecretName(this.location);
      if (rule) out.push(problem(kind, 'store.secretName', this.location, rule));
    } else if (checkFilePath(this.location)) {
      out.push(problem(kind, 'store.path', this.location, FILE_PATH_RULE));
    }
    if (this.kmsKeyId !== undefined && !Token.isUnresolved(this.kmsKeyId) && checkKmsKeyId(this.kmsKeyId)) {
      out.push(problem(kind, 'store.kmsKeyId', this.kmsKeyId, KMS_KEY_ID_RULE));
    }
    if (checkRecoveryWindowDays(this.recoveryWindowDays)) {
      out.push(problem(kind, 'store.recoveryWindowDays', this.recoveryWindowDays, RECOVERY_WINDOW_RULE));
    }
    return out;
  }
}
