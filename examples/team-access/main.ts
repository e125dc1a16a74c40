import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { CamGroup, CamRole, CamUser, providers, TcrInstance } from '../../src';

/**
 * Least-privilege CAM access to one team's registry: a CI role that pushes to the team's namespace and issues
 * instance tokens, a developer group that pulls, and an auditor user with read-only access to the instance.
 *
 * `accountUin` (context key, default the emulator's root account 100000000001) is the root account that owns the
 * registry; leave it out of `TcrInstance` in a real stack and one `tencentcloud_user_info` data source looks it up.
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  const accountUin: string = app.node.tryGetContext('accountUin') ?? '100000000001';
  const stack = new TerraformStack(app, 'team-access');
  new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });

  const registry = new TcrInstance(stack, 'registry', { name: 'payments-registry', deletionProtection: false, accountUin });
  const payments = registry.addNamespace('payments', { name: 'payments' });

  const ci = new CamRole(stack, 'ci', {
    roleName: 'payments-ci',
    description: 'CI pipelines of the payments team',
    // The account itself may assume the role (its CI runner holds a sub-account key allowed to call sts:AssumeRole).
    trustedPrincipals: [`qcs::cam::uin/${accountUin}:uin/${accountUin}`],
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
