import type { ITcrInstance } from './tcr-instance';
import type { ITcrNamespace } from './tcr-namespace';
import type { TcrApiGrant } from '../cam/tcr-grant-scope';

/**
 * Something that can be granted actions on a TCR namespace.
 *
 * A `TcrServiceAccount` turns grants into `permissions` blocks; a CAM principal (`CamUser`, `CamGroup`,
 * `CamRole`) turns them into statements of its generated CAM policy on
 * `qcs::tcr:$region:uin/$uin:repository/$instanceId/$namespace/*`, with the Describe APIs a docker client needs.
 */
export interface ITcrGrantee {
  /**
   * Records that this grantee may perform `actions` on `tcrNamespace`. Called by `ITcrNamespace.grant*()`;
   * repeated calls accumulate, and duplicates are removed when the grantee renders its permissions.
   * (The parameter is not called `namespace`, a reserved word in C#.)
   */
  addNamespaceGrant(tcrNamespace: ITcrNamespace, actions: string[]): void;
}

/**
 * A grantee that can also be granted instance-wide APIs (`instance.grantRead(principal)`, ...): a CAM user, group
 * or role. Service accounts cannot: TCR scopes them to namespaces.
 */
export interface ITcrInstanceGrantee extends ITcrGrantee {
  /**
   * Records that this grantee may call each API of `grants` on the resource its scope names in `instance`.
   * Called by the instance's grant helpers, whose lists are documented in `TcrInstanceBase`.
   */
  addInstanceGrant(instance: ITcrInstance, grants: TcrApiGrant[]): void;
}
