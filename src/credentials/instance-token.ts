import { DataResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { DeliveredCredential, DeliveredCredentialProps } from './delivered-credential';
import type { CredentialPermissionStatement } from './permission-statement';
import { permissionStatements, programResource } from './private/shim-program';
import { TokenType } from './token-type';
import { problem } from '../registry/private/validation';
import type { ITcrInstance } from '../registry/tcr-instance';
import { checkCredentialDescription } from '../validation/credential-rules';

/** Properties of an `InstanceToken`. */
export interface InstanceTokenProps extends DeliveredCredentialProps {
  /** The instance the token logs in to (created or imported). */
  readonly instance: ITcrInstance;
  /**
   * Long-term access credential or one-hour temporary token.
   * @default TokenType.LONG_TERM
   */
  readonly tokenType?: TokenType;
  /**
   * Token description shown in the console (the owner marker is appended); at most 231 characters.
   * @default "tcr-credentials"
   */
  readonly description?: string;
}

/**
 * A TCR instance token minted at deploy time and delivered as a ready `.dockerconfigjson` (usable as a
 * Kubernetes imagePullSecret as it is). Destroy deletes the token (long-term) and the secret.
 */
export class InstanceToken extends DeliveredCredential {
  public readonly resource: DataResource;
  public readonly requiredPermissions: CredentialPermissionStatement[];
  public readonly tokenType: TokenType;
  private readonly description: string;

  constructor(scope: Construct, id: string, props: InstanceTokenProps) {
    super(scope, id, props, 'InstanceToken');
    this.tokenType = props.tokenType ?? TokenType.LONG_TERM;
    this.description = props.description ?? '';
    const region = props.region ?? props.instance.region ?? '';
    this.resource = programResource(this, {
      inputs: {
        'instance-id': props.instance.instanceId,
        'registry-domain': props.instance.registryDomain,
        'type': this.tokenType.value,
        'store': this.store.spec,
        'owner': this.owner,
        'description': this.description,
        'kms-key-id': this.store.kmsKeyId ?? '',
        'region': region,
        'recovery-window-days': this.store.recoveryWindowDays,
      },
      createCommand: ['token', 'create'],
      createFlags: ['instance-id', 'registry-domain', 'type', 'store', 'description', 'kms-key-id', 'region', 'owner'],
      destroyCommand: ['token', 'delete'],
      destroyFlags: ['instance-id', 'store', 'recovery-window-days', 'region', 'owner'],
    });
    const tcrApis = this.tokenType === TokenType.LONG_TERM
      ? ['CreateInstanceToken', 'DescribeInstanceToken', 'DeleteInstanceToken']
      : ['CreateInstanceToken'];
    this.requiredPermissions = permissionStatements(region, props.instance.instanceId, tcrApis, this.store);
  }

  protected propertyProblems(): string[] {
    const rule = Token.isUnresolved(this.description) ? undefined : checkCredentialDescription(this.description);
    return rule ? [problem('InstanceToken', 'description', this.description, rule)] : [];
  }
}
