import type { ITcrNamespace } from './tcr-namespace';

/**
 * Something that can be granted actions on a TCR namespace.
 *
 * A `TcrServiceAccount` turns grants into `permissions` blocks; a future CAM principal (user, group or role)
 * can implement the same method and turn them into CAM policy statements on
 * `qcs::tcr:$region:uin/$uin:repository/$instanceId/$namespace/*` without any change to `ITcrNamespace`.
 */
export interface ITcrGrantee {
  /**
   * Records that this grantee may perform `actions` on `tcrNamespace`. Called by `ITcrNamespace.grant*()`;
   * repeated calls accumulate, and duplicates are removed when the grantee renders its permissions.
   * (The parameter is not called `namespace`, a reserved word in C#.)
   */
  addNamespaceGrant(tcrNamespace: ITcrNamespace, actions: string[]): void;
}
