import { DataResource, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { DeliveredCredential, DeliveredCredentialProps } from './delivered-credential';
import type { CredentialPermissionStatement } from './permission-statement';
import { ITcrServiceAccount, TcrServiceAccount } from '../registry/tcr-service-account';
import { permissionStatements, programResource } from './private/shim-program';

/** Properties of `ServiceAccountCredentials`. */
export interface ServiceAccountCredentialsProps extends DeliveredCredentialProps {
  /** The service account whose password is reset and published. */
  readonly serviceAccount: ITcrServiceAccount;
}

/**
 * Publishes a service account's credentials: right after the account exists, its password is reset to a random
 * one (ModifyServiceAccountPassword) and written to the store as a `.dockerconfigjson` (user `tcr$<name>`, the
 * `tcr@<name>` form as `ciUsername`). The password the provider keeps in Terraform state is dead from then on;
 * the only valid copy is in the store. Replacing or updating the account publishes again; destroy deletes the
 * secret (the account is Terraform's).
 */
export class ServiceAccountCredentials extends DeliveredCredential {
  public readonly resource: DataResource;
  public readonly requiredPermissions: CredentialPermissionStatement[];

  constructor(scope: Construct, id: string, props: ServiceAccountCredentialsProps) {
    super(scope, id, props, 'ServiceAccountCredentials');
    const account = props.serviceAccount;
    const instance = account.instance;
    const region = props.region ?? instance.region ?? '';
    const created: ITerraformDependable[] = account instanceof TcrServiceAccount ? [account.resource] : [];
    this.resource = programResource(this, {
      inputs: {
        'instance-id': instance.instanceId,
        'registry-domain': instance.registryDomain,
        'name': account.name,
        'store': this.store.spec,
        'owner': this.owner,
        'kms-key-id': this.store.kmsKeyId ?? '',
        'region': region,
        'recovery-window-days': this.store.recoveryWindowDays,
      },
      createCommand: ['service-account', 'publish'],
      createFlags: ['instance-id', 'registry-domain', 'name', 'store', 'kms-key-id', 'region', 'owner'],
      destroyCommand: ['service-account', 'unpublish'],
      destroyFlags: ['store', 'recovery-window-days', 'region', 'owner'],
      dependsOn: created,
      // The account keeps its id when replaced; only a new publish makes the stored password valid again.
      // A plain address: cdktf renders a resource object here as "${...}", which terraform rejects.
      replaceTriggeredBy: account instanceof TcrServiceAccount
        ? [`${account.resource.terraformResourceType}.${account.resource.friendlyUniqueId}`]
        : undefined,
    });
    this.requiredPermissions = permissionStatements(
      region, instance.instanceId, ['DescribeServiceAccounts', 'ModifyServiceAccountPassword'], this.store,
    );
  }
}
