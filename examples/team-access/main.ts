import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { CamGroup, CamRole, CamUser, providers, TcrInstance } from '../../src';

/**
 * Least-privilege CAM access to one team's registry: a CI role that pushes to the team's namespace and issues
 * instance tokens, a developer group that pulls, and an auditor user with read-only access to the instance.
 *
 * The root account that owns the registry (the `uin/<uin>` of every CAM resource) is looked up at plan time by one
 * `tencentcloud_user_info` data source (`owner_uin`), so the same code deploys into any account; the `accountUin`
 * context key, when set, pins it instead (no look-up, and the synthesized policies show the literal UIN).
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  const accountUin: string | undefined = app.node.tryGetContext('accountUin');
  const stack = new TerraformStack(app, 'team-access');
  new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });

  const registry = new TcrInstance(stack, 'registry', { name: 'payments-registry', deletionProtection: false, accountUin });
  const payments = registry.addNamespace('payments', { name: 'payments' });

  const ci = new CamRole(stack, 'ci', {
    roleName: 'payments-ci',
    description: 'CI pipelines of the payments team',
    // The account itself may assume the role (its CI runner holds a sub-account key allowed to call sts:AssumeRole).
    trustedPrincipals: [`qcs::cam::uin/${registry.accountUin}:uin/${registry.accountUin}`],
    sessionDurationSeconds: 3600,
  });
  payments.grantPush(ci);
  registry.grantIssueTokens(ci);

  const developers = new CamGroup(stack, 'developers', { groupName: 'payments-developers', remark: 'Payments team' });
  payments.grantPull(developers);

  // forceDelete: its API keys are made outside Terraform (console or CreateAccessKey), so destroy must not refuse them.
  const auditor = new CamUser(stack, 'auditor', { userName: 'payments-auditor', remark: 'Read-only audit access', forceDelete: true });
  registry.grantRead(auditor);

  new TerraformOutput(stack, 'ci_role_id', { value: ci.roleId });
  new TerraformOutput(stack, 'developers_group_id', { value: developers.groupId });
  new TerraformOutput(stack, 'registry_id', { value: registry.instanceId });
  return app;
}

if (require.main === module) {
  process.env.CHECKPOINT_DISABLE = '1';
  buildApp().synth();
}
