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
  /** Only for a service the facts file lacks altogether (tag): its API version and endpoint. */
  version?: string;
  endpoint?: string;
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
      // The provider's prepaid period change; errors from the Go SDK's list for the action.
      RenewInstance: {
        request: [registryId, ['RegistryChargePrepaid', 'RegistryChargePrepaid', true], ['Flag', 'number', true]],
        errors: ['InternalError', 'InvalidParameter', 'MissingParameter', 'ResourceNotFound', 'UnauthorizedOperation', 'UnknownParameter', 'UnsupportedOperation'],
      },
      DeleteMultipleSecurityPolicy: {
        request: [registryId, ['SecurityGroupPolicySet', 'Array<SecurityPolicy>', true]],
        errors: TCR_NOT_FOUND,
      },
      // Instance replications (the provider's `replications`); errors from the Go SDK's list for each action
      // (tcr/v20190924/client.go, vendored by the provider at v1.83.25).
      CreateReplicationInstance: {
        request: [registryId, ['ReplicationRegionId', 'number', false], ['ReplicationRegionName', 'string', false], ['SyncTag', 'boolean', false]],
        errors: [
          'FailedOperation', 'InternalError', 'InternalError.DbError', 'InternalError.ErrConflict', 'InternalError.ErrNotExist',
          'InternalError.ErrorConflict', 'InternalError.ErrorOverLimit', 'InvalidParameter', 'InvalidParameter.ReplicationExists',
          'InvalidParameter.UnsupportedRegion', 'MissingParameter', 'OperationDenied', 'UnauthorizedOperation', 'UnknownParameter',
          'UnsupportedOperation',
        ],
      },
      DescribeReplicationInstances: {
        request: [registryId, ['Offset', 'number', false], ['Limit', 'number', false]],
        errors: [
          'InternalError', 'InternalError.DbError', 'InvalidParameter', 'MissingParameter', 'OperationDenied',
          'ResourceInsufficient.ErrorInstanceNotRunning', 'UnauthorizedOperation', 'UnknownParameter', 'UnsupportedOperation',
        ],
      },
      DeleteReplicationInstance: {
        request: [registryId, ['ReplicationRegistryId', 'string', true], ['ReplicationRegionId', 'number', true]],
        errors: [
          'InternalError', 'InternalError.DbError', 'InternalError.ErrorConflict', 'InvalidParameter', 'MissingParameter',
          'ResourceNotFound', 'UnauthorizedOperation', 'UnknownParameter', 'UnsupportedOperation',
        ],
      },
    },
  },
  cam: {
    types: {
      RoleTags: [['Key', 'string', true], ['Value', 'string', true]],
    },
    actions: {
      GetUser: { request: [['Name', 'string', true]], errors: ['InternalError.SystemError', 'ResourceNotFound.UserNotExist'] },
      // The two calls of the provider's tencentcloud_user_info data source.
      GetUserAppId: { request: [], errors: ['InternalError.SystemError'] },
      DescribeSubAccounts: {
        request: [['FilterSubAccountUin', 'Array<number>', true]],
        errors: ['InternalError.SystemError', 'InvalidParameter.ParamError'],
      },
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
      // CAM users, groups and roles (the provider's cam_user, cam_group and cam_role); errors from the Go SDK's
      // per-action lists (tencentcloud-sdk-go cam/v20190116/client.go, vendored by the provider at v1.83.25).
      AddUser: {
        request: [
          ['Name', 'string', true], ['Remark', 'string', false], ['ConsoleLogin', 'number', false], ['UseApi', 'number', false],
          ['Password', 'string', false], ['NeedResetPassword', 'number', false], ['PhoneNum', 'string', false], ['CountryCode', 'string', false],
          ['Email', 'string', false],
        ],
        errors: [
          'AuthFailure.UnauthorizedOperation', 'FailedOperation', 'InvalidParameter.ParamError', 'InvalidParameter.PasswordViolatedRules',
          'InvalidParameter.SubUserFull', 'InvalidParameter.SubUserNameInUse', 'InvalidParameter.UserNameIllegal',
        ],
      },
      UpdateUser: {
        request: [
          ['Name', 'string', true], ['Remark', 'string', false], ['ConsoleLogin', 'number', false], ['Password', 'string', false],
          ['NeedResetPassword', 'number', false], ['PhoneNum', 'string', false], ['CountryCode', 'string', false], ['Email', 'string', false],
        ],
        errors: ['AuthFailure.UnauthorizedOperation', 'FailedOperation', 'InvalidParameter', 'InvalidParameter.PasswordViolatedRules', 'ResourceNotFound.UserNotExist'],
      },
      DeleteUser: {
        request: [['Name', 'string', true], ['Force', 'number', false]],
        errors: ['AuthFailure.UnauthorizedOperation', 'FailedOperation', 'OperationDenied.HaveKeys', 'ResourceNotFound.UserNotExist'],
      },
      CreateGroup: {
        request: [['GroupName', 'string', true], ['Remark', 'string', false]],
        errors: ['FailedOperation', 'InvalidParameter.GroupFull', 'InvalidParameter.GroupNameInUse', 'InvalidParameter.ParamError'],
      },
      GetGroup: { request: [['GroupId', 'number', true]], errors: ['FailedOperation', 'ResourceNotFound.GroupNotExist', 'ResourceNotFound.UserNotExist'] },
      UpdateGroup: {
        request: [['GroupId', 'number', true], ['GroupName', 'string', false], ['Remark', 'string', false]],
        errors: ['FailedOperation', 'InvalidParameter.GroupNameInUse', 'InvalidParameter.ParamError', 'ResourceNotFound.GroupNotExist'],
      },
      DeleteGroup: { request: [['GroupId', 'number', true]], errors: ['FailedOperation', 'ResourceNotFound.GroupNotExist', 'ResourceNotFound.UserNotExist'] },
      CreateRole: {
        request: [
          ['RoleName', 'string', true], ['PolicyDocument', 'string', true], ['Description', 'string', false], ['ConsoleLogin', 'number', false],
          ['SessionDuration', 'number', false], ['Tags', 'Array<RoleTags>', false],
        ],
        errors: [
          'InternalError.SystemError', 'InvalidParameter.ActionMiss', 'InvalidParameter.DescriptionLengthOverlimit', 'InvalidParameter.EffectError',
          'InvalidParameter.ParamError', 'InvalidParameter.PrincipalError', 'InvalidParameter.RoleFull', 'InvalidParameter.RoleNameError',
          'InvalidParameter.RoleNameInUse', 'InvalidParameter.StatementError', 'InvalidParameter.VersionError',
        ],
      },
      DescribeRoleList: {
        request: [['Page', 'number', true], ['Rp', 'number', true], ['Tags', 'Array<RoleTags>', false]],
        errors: ['FailedOperation', 'InternalError.SystemError', 'InvalidParameter.ParamError'],
      },
      UpdateRoleDescription: {
        request: [['Description', 'string', true], ['RoleId', 'string', false], ['RoleName', 'string', false]],
        errors: ['InternalError.SystemError', 'InvalidParameter.DescriptionLengthOverlimit', 'InvalidParameter.ParamError', 'InvalidParameter.RoleNotExist'],
      },
      UpdateAssumeRolePolicy: {
        request: [['PolicyDocument', 'string', true], ['RoleId', 'string', false], ['RoleName', 'string', false]],
        errors: [
          'InternalError.SystemError', 'InvalidParameter.ActionMiss', 'InvalidParameter.EffectError', 'InvalidParameter.ParamError',
          'InvalidParameter.PrincipalError', 'InvalidParameter.RoleNotExist', 'InvalidParameter.StatementError', 'InvalidParameter.VersionError',
        ],
      },
      UpdateRoleConsoleLogin: {
        request: [['ConsoleLogin', 'number', true], ['RoleId', 'number', false], ['RoleName', 'string', false]],
        errors: ['InternalError.SystemError', 'InvalidParameter.ParamError', 'InvalidParameter.RoleNotExist'],
      },
      UpdateRoleSessionDuration: {
        request: [['SessionDuration', 'number', true], ['RoleName', 'string', false], ['RoleId', 'number', false]],
        errors: ['InternalError.SystemError', 'InvalidParameter.ParamError', 'InvalidParameter.RoleNotExist'],
      },
      DeleteRole: {
        request: [['RoleId', 'string', false], ['RoleName', 'string', false]],
        errors: ['InternalError.SystemError', 'InvalidParameter.ParamError', 'InvalidParameter.RoleNotExist'],
      },
    },
  },
  // STS AssumeRole (sts_models.d.ts; errors from the Go SDK's list for the action).
  sts: {
    types: {
      Tag: [['Key', 'string', true], ['Value', 'string', true]],
    },
    actions: {
      AssumeRole: {
        request: [
          ['RoleArn', 'string', true], ['RoleSessionName', 'string', true], ['DurationSeconds', 'number', false], ['Policy', 'string', false],
          ['ExternalId', 'string', false], ['Tags', 'Array<Tag>', false], ['SourceIdentity', 'string', false], ['SerialNumber', 'string', false],
          ['TokenCode', 'string', false],
        ],
        errors: [
          'InternalError.DbError', 'InternalError.EncryptError', 'InternalError.GetAppIdError', 'InternalError.GetRoleError',
          'InternalError.GetSeedTokenError', 'InternalError.IllegalRole', 'InternalError.PbSerializeError', 'InternalError.SystemError',
          'InternalError.UnknownError', 'InvalidParameter.AccountNotAvaliable', 'InvalidParameter.ExtendStrategyOverSize',
          'InvalidParameter.GrantOtherResource', 'InvalidParameter.OverLimit', 'InvalidParameter.OverTimeError', 'InvalidParameter.ParamError',
          'InvalidParameter.PolicyTooLong', 'InvalidParameter.ResouceError', 'InvalidParameter.StrategyFormatError',
          'InvalidParameter.StrategyInvalid', 'InvalidParameter.TempCodeNotAvaliable', 'ResourceNotFound.RoleNotFound', 'UnauthorizedOperation',
        ],
      },
    },
  },
  // Tag 2018-08-13, the two actions the provider's svctag.TagService calls (tag_models.d.ts; errors from the Go SDK).
  tag: {
    version: '2018-08-13',
    endpoint: 'tag.tencentcloudapi.com',
    types: {
      Tag: [['TagKey', 'string', true], ['TagValue', 'string', true], ['Category', 'string', false]],
      TagKeyObject: [['TagKey', 'string', true]],
    },
    actions: {
      ModifyResourceTags: {
        request: [['Resource', 'string', true], ['ReplaceTags', 'Array<Tag>', false], ['DeleteTags', 'Array<TagKeyObject>', false]],
        errors: [
          'FailedOperation', 'InvalidParameter.ReservedTagKey', 'InvalidParameter.Tag', 'InvalidParameterValue.DeleteTagsParamError',
          'InvalidParameterValue.ResourceDescriptionError', 'InvalidParameterValue.TagKeyCharacterIllegal', 'InvalidParameterValue.TagKeyEmpty',
          'InvalidParameterValue.TagKeyLengthExceeded', 'InvalidParameterValue.TagValueCharacterIllegal', 'InvalidParameterValue.TagValueLengthExceeded',
          'LimitExceeded.ResourceAttachedTags',
        ],
      },
      DescribeResourceTagsByResourceIds: {
        request: [
          ['ServiceType', 'string', true], ['ResourcePrefix', 'string', true], ['ResourceIds', 'Array<string>', true], ['ResourceRegion', 'string', true],
          ['Offset', 'number', false], ['Limit', 'number', false], ['Category', 'string', false],
        ],
        errors: [
          'FailedOperation', 'InvalidParameterValue.RegionInvalid', 'InvalidParameterValue.ResourceIdInvalid', 'InvalidParameterValue.ResourcePrefixInvalid',
          'InvalidParameterValue.ServiceTypeInvalid', 'InvalidParameterValue.UinInvalid', 'UnsupportedOperation',
        ],
      },
    },
  },
};
