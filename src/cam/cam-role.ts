import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { CamPrincipalBase, CamPrincipalType, ICamRole } from './cam-principal';
import { camRole } from '../providers/tencentcloud';
import { checkLiteral, checkTags, problem } from '../registry/private/validation';
import {
  CAM_ROLE_TRUST_RULE, checkCamRoleId, checkCamRoleName, checkCamRoleSessionDuration, checkCamTrustedPrincipal,
} from '../validation/cam-name-rules';

/** Properties of a `CamRole`. */
export interface CamRoleProps {
  /** Role name: 1-128 characters of letters, digits and `+=,.@_-` (CreateRole). Changing it replaces the role. */
  readonly roleName: string;
  /**
   * CAM principals that may assume the role (`sts:AssumeRole`), e.g. an account
   * `qcs::cam::uin/100000000001:uin/100000000001` or a user `qcs::cam::uin/100000000001:uin/100000000002`.
   * At least one of `trustedPrincipals` and `trustedServices` is required.
   * @default - none
   */
  readonly trustedPrincipals?: string[];
  /**
   * Cloud services that may assume the role, e.g. `cvm.qcloud.com`.
   * @default - none
   */
  readonly trustedServices?: string[];
  /**
   * Description of the role.
   * @default - none
   */
  readonly description?: string;
  /**
   * Longest validity of the role's temporary credentials, in seconds (0-43200).
   * @default - service default
   */
  readonly sessionDurationSeconds?: number;
  /**
   * Tags on the role.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

class ImportedCamRole extends CamPrincipalBase implements ICamRole {
  public readonly principalType = CamPrincipalType.ROLE;

  constructor(scope: Construct, id: string, public readonly roleName: string, public readonly roleId: string) {
    super(scope, id);
  }

  public get attachmentTarget(): string {
    return this.roleId;
  }

  protected kindName(): string {
    return 'CamRole (imported)';
  }

  protected validatePrincipal(): string[] {
    const out: string[] = [];
    checkLiteral(out, this.kindName(), 'roleName', this.roleName, checkCamRoleName);
    checkLiteral(out, this.kindName(), 'roleId', this.roleId, checkCamRoleId);
    return out;
  }
}

/** The role's trust policy (who may call `sts:AssumeRole`), in the CAM syntax the provider accepts. */
function trustDocument(principals: string[], services: string[]): string {
  const principal: Record<string, string[]> = {};
  if (principals.length > 0) principal.qcs = [...new Set(principals)].sort();
  if (services.length > 0) principal.service = [...new Set(services)].sort();
  return JSON.stringify({ version: '2.0', statement: [{ action: 'name/sts:AssumeRole', effect: 'allow', principal }] });
}

/**
 * A CAM role (`tencentcloud_cam_role`) with a trust policy naming who may assume it, or an existing one through
 * `CamRole.fromRoleName`. Grants become one generated policy attached to the role; callers get them through the
 * temporary credentials of STS AssumeRole.
 */
export class CamRole extends CamPrincipalBase implements ICamRole {
  /**
   * An existing role. The role id is needed as well as the name: `tencentcloud_cam_role_policy_attachment` takes
   * the id, and the pinned provider schema has no role look-up data source.
   */
  public static fromRoleName(scope: Construct, id: string, roleName: string, roleId: string): ICamRole {
    return new ImportedCamRole(scope, id, roleName, roleId);
  }

  public readonly principalType = CamPrincipalType.ROLE;
  /** Role name as declared. */
  public readonly roleName: string;
  /** Role id (known after apply). */
  public readonly roleId: string;
  /** The underlying L1 resource. */
  public readonly resource: camRole.CamRole;
  private readonly props: CamRoleProps;

  constructor(scope: Construct, id: string, props: CamRoleProps) {
    super(scope, id);
    this.props = props;
    this.roleName = props.roleName;
    this.resource = new camRole.CamRole(this, 'Resource', {
      name: props.roleName,
      document: trustDocument(props.trustedPrincipals ?? [], props.trustedServices ?? []),
      description: props.description,
      sessionDuration: props.sessionDurationSeconds,
      tags: props.tags,
    });
    this.roleId = this.resource.id;
  }

  public get attachmentTarget(): string {
    return this.roleId;
  }

  protected kindName(): string {
    return 'CamRole';
  }

  protected validatePrincipal(): string[] {
    const kind = 'CamRole';
    const out: string[] = [];
    const props = this.props;
    checkLiteral(out, kind, 'roleName', props.roleName, checkCamRoleName);
    const principals = props.trustedPrincipals ?? [];
    const services = props.trustedServices ?? [];
    if (principals.length + services.length === 0) out.push(problem(kind, 'trustedPrincipals', [], CAM_ROLE_TRUST_RULE));
    principals.forEach((p, i) => checkLiteral(out, kind, `trustedPrincipals[${i}]`, p, checkCamTrustedPrincipal));
    const duration = props.sessionDurationSeconds;
    if (duration !== undefined && !Token.isUnresolved(duration)) {
      const rule = checkCamRoleSessionDuration(duration);
      if (rule) out.push(problem(kind, 'sessionDurationSeconds', duration, rule));
    }
    checkTags(out, kind, props.tags);
    return out;
  }
}
