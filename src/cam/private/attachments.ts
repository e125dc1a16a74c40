import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { camGroupPolicyAttachment, camRolePolicyAttachment, camUserPolicyAttachment } from '../../providers/tencentcloud';
import type { ICamPrincipal } from '../cam-principal';

/**
 * The provider's attachment resource for the principal's kind: users by name (`user_id` is deprecated), groups by
 * id, roles by id (provider-semantics.md, CAM).
 */
export function newPolicyAttachment(scope: Construct, id: string, principal: ICamPrincipal, policyId: string): TerraformResource {
  const target = principal.attachmentTarget;
  switch (principal.principalType) {
    case 'user':
      return new camUserPolicyAttachment.CamUserPolicyAttachment(scope, id, { userName: target, policyId });
    case 'group':
      return new camGroupPolicyAttachment.CamGroupPolicyAttachment(scope, id, { groupId: target, policyId });
    case 'role':
      return new camRolePolicyAttachment.CamRolePolicyAttachment(scope, id, { roleId: target, policyId });
    default:
      throw new Error(`${principal.node.path}: unknown CAM principal type ${JSON.stringify(principal.principalType)}`);
  }
}
