/** Which resource a grant applies to. */
export enum TcrGrantScope {
  /** The instance itself: `qcs::tcr:<region>:uin/<uin>:instance/<instanceId>`. */
  INSTANCE = 'instance',
  /** Every namespace and repository of the instance: `qcs::tcr:<region>:uin/<uin>:repository/<instanceId>/*`. */
  INSTANCE_REPOSITORIES = 'instance-repositories',
  /** One namespace: `qcs::tcr:<region>:uin/<uin>:repository/<instanceId>/<namespace>`. */
  NAMESPACE = 'namespace',
  /** Every repository of one namespace: `qcs::tcr:<region>:uin/<uin>:repository/<instanceId>/<namespace>/*`. */
  NAMESPACE_REPOSITORIES = 'namespace-repositories',
  /**
   * Resource `*`: for APIs CAM checks at operation level or whose level no source documents (service accounts).
   * Such a grant is not limited to one instance; CAM offers nothing narrower for these APIs.
   */
  ANY = 'any',
}

/** One API a grant helper allows, and on which resource. */
export interface TcrApiGrant {
  /** Catalog API name (e.g. `DescribeImages`), or `*` for every TCR action (`tcr:*`). */
  readonly api: string;
  /** The resource the API is allowed on. */
  readonly scope: TcrGrantScope;
}
