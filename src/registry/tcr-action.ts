import { SERVICE_ACCOUNT_ACTION } from '../validation/name-rules';

/** Namespace-level TCR actions a grant can carry (service-account `permissions.actions`, CAM action names). */
export class TcrAction {
  /** Pull images from repositories in the namespace. */
  public static readonly PULL_REPOSITORY: string = SERVICE_ACCOUNT_ACTION.PULL_REPOSITORY;
  /** Push images to repositories in the namespace. */
  public static readonly PUSH_REPOSITORY: string = SERVICE_ACCOUNT_ACTION.PUSH_REPOSITORY;
  /** Create repositories in the namespace. */
  public static readonly CREATE_REPOSITORY: string = SERVICE_ACCOUNT_ACTION.CREATE_REPOSITORY;
  /** Push Helm charts to the namespace. */
  public static readonly CREATE_HELM_CHART: string = SERVICE_ACCOUNT_ACTION.CREATE_HELM_CHART;
  /** List and pull Helm charts in the namespace. */
  public static readonly DESCRIBE_HELM_CHARTS: string = SERVICE_ACCOUNT_ACTION.DESCRIBE_HELM_CHARTS;

  private constructor() {}
}
