import { TerraformStack } from 'cdktf';
import type { ICamGroup, ICamPrincipal, ICamRole, ICamUser } from './cam-principal';
import { dataTencentcloudCamPolicies } from '../providers/tencentcloud';
import { problem } from '../registry/private/validation';
import { CAM_LIMITS } from '../validation/name-rules';
import { attachmentOverflow, principalKey, registerAttachment } from './private/app-limits';
import { newPolicyAttachment } from './private/attachments';
import type { ICamPolicy } from './tcr-policy';

/** `type` of a preset policy in the provider's `tencentcloud_cam_policies` data source (1 = custom, 2 = preset). */
const PRESET_POLICY_TYPE = 2;

/**
 * A preset (Tencent-managed) CAM policy, looked up by name with one `tencentcloud_cam_policies` data source per
 * stack and policy, and attached like a `TcrPolicy`.
 */
export class TcrManagedPolicy implements ICamPolicy {
  /** `QcloudTCRFullAccess`: every TCR action (`tcr:*`) on every resource. */
  public static readonly FULL_ACCESS = new TcrManagedPolicy('QcloudTCRFullAccess');
  /** `QcloudTCRReadOnlyAccess`: `tcr:Describe*` and pulls on every resource. */
  public static readonly READ_ONLY = new TcrManagedPolicy('QcloudTCRReadOnlyAccess');

  /** Another preset policy, by its exact name (e.g. `QcloudTCRFullAccess`). */
  public static fromPolicyName(policyName: string): TcrManagedPolicy {
    return new TcrManagedPolicy(policyName);
  }

  private constructor(
    /** Preset policy name. */
    public readonly policyName: string,
  ) {}

  public attachToUser(user: ICamUser): void {
    this.attachTo(user);
  }

  public attachToGroup(group: ICamGroup): void {
    this.attachTo(group);
  }

  public attachToRole(role: ICamRole): void {
    this.attachTo(role);
  }

  /** Creates the attachment under the principal (construct id `ManagedPolicy-<name>`); a repeated call does nothing. */
  public attachTo(principal: ICamPrincipal): void {
    const id = `ManagedPolicy-${this.policyName}`;
    if (principal.node.tryFindChild(id)) return;
    const policyId = this.lookUp(principal).policyList.get(0).policyId;
    const attachment = newPolicyAttachment(principal, id, principal, policyId);
    const key = principalKey(principal, principal.principalType, principal.attachmentTarget);
    registerAttachment(key, attachment);
    attachment.node.addValidation({
      validate: () => {
        const count = attachmentOverflow(key, attachment, CAM_LIMITS.attachmentsPerPrincipal);
        return count === undefined ? [] : [problem('TcrManagedPolicy', 'attachments', principal.node.path,
          `has ${count} policies attached to it in this app, more than CAM's ${CAM_LIMITS.attachmentsPerPrincipal} per ${principal.principalType}`)];
      },
    });
  }

  /** One data source per stack and preset policy (construct id `TcrManagedPolicy-<name>`). */
  private lookUp(principal: ICamPrincipal): dataTencentcloudCamPolicies.DataTencentcloudCamPolicies {
    const stack = TerraformStack.of(principal);
    const id = `TcrManagedPolicy-${this.policyName}`;
    const existing = stack.node.tryFindChild(id) as dataTencentcloudCamPolicies.DataTencentcloudCamPolicies | undefined;
    return existing ?? new dataTencentcloudCamPolicies.DataTencentcloudCamPolicies(stack, id, {
      name: this.policyName,
      type: PRESET_POLICY_TYPE,
    });
  }
}
