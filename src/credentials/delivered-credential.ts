import { DataResource } from 'cdktf';
import { Construct } from 'constructs';
import type { CredentialPermissionStatement } from './permission-statement';
import type { SecretStore } from './secret-store';
import { checkLiteral, problem } from '../registry/private/validation';
import { checkOwner, OWNER_RULE } from '../validation/credential-rules';
import { checkRegion } from '../validation/regions';

/** What every delivered credential is configured with. */
export interface DeliveredCredentialProps {
  /** Where the credential is delivered. */
  readonly store: SecretStore;
  /**
   * Owner recorded in the secret's tags (and, as a digest, in token descriptions): runs for the same owner are
   * idempotent, and this owner's tokens that no secret points at are deleted as leftovers of an interrupted run.
   * @default - the construct path (`<stack>/<...>/<id>`)
   */
  readonly owner?: string;
  /**
   * Region of the instance and the secret.
   * @default - the instance's region, else TENCENTCLOUD_REGION of the deploying environment
   */
  readonly region?: string;
}

/**
 * A registry credential minted at deploy time and delivered to a secret store, never to Terraform state: a
 * `terraform_data` whose `local-exec` provisioners run the bundled `tcr-credentials` program (`node` is all the
 * deploying machine needs) with the provider's `TENCENTCLOUD_*` environment variables.
 */
export abstract class DeliveredCredential extends Construct {
  /** The `terraform_data` (id `Resource`) that runs the program. */
  public abstract readonly resource: DataResource;
  /**
   * CAM statements the deploying principal needs (the TCR APIs on the instance, the SSM actions on the secret).
   * Plain data: attach them with the CAM constructs or a `tencentcloud_cam_policy`.
   */
  public abstract readonly requiredPermissions: CredentialPermissionStatement[];
  public readonly store: SecretStore;
  public readonly owner: string;

  protected constructor(scope: Construct, id: string, props: DeliveredCredentialProps, kind: string) {
    super(scope, id);
    this.store = props.store;
    this.owner = props.owner ?? this.node.path;
    this.node.addValidation({
      validate: () => {
        const out = [...props.store._problems(kind), ...this.propertyProblems()];
        if (checkOwner(this.owner)) out.push(problem(kind, 'owner', this.owner, OWNER_RULE));
        checkLiteral(out, kind, 'region', props.region, checkRegion);
        return out;
      },
    });
  }

  /** The SSM secret name, or undefined for a file store. */
  public get secretName(): string | undefined {
    return this.store.secretName;
  }

  /** Problems with the subclass's own props (validated with the rest at synth). */
  protected propertyProblems(): string[] {
    return [];
  }
}
