/**
 * HAND-WRITTEN supplement to the shared API facts: request models of actions the emulator serves that
 * ../shared/reference/tencentcloud-api-facts.json does not describe. Field names, types and required flags are
 * transcribed from tencentcloud-sdk-nodejs 4.1.313 (tcr/v20190924/tcr_models.d.ts, cam/v20190116/cam_models.d.ts);
 * the facts file wins for any action or type it does describe.
 *
 * `errors` lists the codes the emulator's handlers return for the action. INFERRED: the Go SDK's per-action
 * error lists were not available here; the codes are the ones the same service documents for its sibling actions.
 */
import type { FieldModel } from './generate-api-model';

interface SupplementService {
  types: Record<string, FieldModel[]>;
  actions: Record<string, { request: FieldModel[]; errors: string[] }>;
}

const registryId: FieldModel = ['RegistryId', 'string', true];
// UnauthorizedOperation is left out on purpose: without a documented list, a CAM denial answers the common
// AuthFailure.UnauthorizedOperation (the core picks the code from these lists).
const TCR_NOT_FOUND = ['InternalError', 'InvalidParameter', 'MissingParameter', 'ResourceNotFound', 'UnknownParameter'];

export const API_MODEL_SUPPLEMENT: Record<string, SupplementService> = {
  tcr: {
    types: {
      SecurityPolicy: [['PolicyIndex', 'number', false], ['Description', 'string', false], ['CidrBlock', 'string', false], ['PolicyVersion', 'string', false]],
    },
    actions: {
      ModifyInstance: {
        request: [registryId, ['RegistryType', 'string', false], ['DeletionProtection', 'boolean', false], ['EnableCosVersioning', 'boolean', false]],
        errors: TCR_NOT_FOUND,
      },
      ManageExternalEndpoint: { request: [registryId, ['Operation', 'string', true]], errors: TCR_NOT_FOUND },
      DescribeExternalEndpointStatus: { request: [registryId], errors: TCR_NOT_FOUND },
      CreateMultipleSecurityPolicy: {
        request: [registryId, ['SecurityGroupPolicySet', 'Array<SecurityPolicy>', true]],
        errors: ['FailedOperation', ...TCR_NOT_FOUND],
      },
      DescribeSecurityPolicies: { request: [registryId], errors: TCR_NOT_FOUND },
      DescribeImages: {
        request: [
          registryId, ['NamespaceName', 'string', true], ['RepositoryName', 'string', true], ['ImageVersion', 'string', false],
          ['Limit', 'number', false], ['Offset', 'number', false], ['Digest', 'string', false], ['ExactMatch', 'boolean', false],
        ],
        errors: TCR_NOT_FOUND,
      },
      DeleteMultipleSecurityPolicy: {
        request: [registryId, ['SecurityGroupPolicySet', 'Array<SecurityPolicy>', true]],
        errors: TCR_NOT_FOUND,
      },
    },
  },
  cam: {
    types: {},
    actions: {
      GetUser: { request: [['Name', 'string', true]], errors: ['InternalError.SystemError', 'ResourceNotFound.UserNotExist'] },
      ListAttachedUserPolicies: {
        request: [['TargetUin', 'number', true], ['Page', 'number', false], ['Rp', 'number', false]],
        errors: ['InternalError.SystemError', 'InvalidParameter.ParamError', 'ResourceNotFound.UserNotExist'],
      },
      ListAttachedGroupPolicies: {
        request: [['TargetGroupId', 'number', true], ['Page', 'number', false], ['Rp', 'number', false], ['Keyword', 'string', false]],
        errors: ['InternalError.SystemError', 'InvalidParameter.ParamError', 'ResourceNotFound.GroupNotExist'],
      },
      ListAttachedRolePolicies: {
        request: [
          ['Page', 'number', true], ['Rp', 'number', true], ['RoleId', 'string', false], ['RoleName', 'string', false],
          ['PolicyType', 'string', false], ['Keyword', 'string', false],
        ],
        errors: ['InternalError.SystemError', 'InvalidParameter.ParamError', 'InvalidParameter.RoleNotExist'],
      },
    },
  },
};
