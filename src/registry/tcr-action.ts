/** Namespace-level TCR actions a grant can carry (service-account `permissions.actions`, CAM action names). */
export class TcrAction {
  /** Pull images from repositories in the namespace. */
  public static readonly PULL_REPOSITORY = 'tcr:PullRepository';
  /** Push images to repositories in the namespace. */
  public static readonly PUSH_REPOSITORY = 'tcr:PushRepository';
  /** Create repositories in the namespace. */
  public static readonly CREATE_REPOSITORY = 'tcr:CreateRepository';
  /** Push Helm charts to the namespace. */
  public static readonly CREATE_HELM_CHART = 'tcr:CreateHelmChart';
  /** List and pull Helm charts in the namespace. */
  public static readonly DESCRIBE_HELM_CHARTS = 'tcr:DescribeHelmCharts';

  private constructor() {}
}
