import { Construct } from 'constructs';
import { CamPrincipalBase, CamPrincipalType, ICamUser } from './cam-principal';
import { camUser } from '../providers/tencentcloud';
import { checkLiteral, checkTags } from '../registry/private/validation';
import { checkCamUserName } from '../validation/cam-name-rules';

/** Properties of a `CamUser`. */
export interface CamUserProps {
  /**
   * User name: 1-64 characters of letters, digits and `+=,.@_-` (INFERRED from the CAM console; AddUser documents
   * no rule). Changing it replaces the user.
   */
  readonly userName: string;
  /**
   * Remark shown in the console.
   * @default - none
   */
  readonly remark?: string;
  /**
   * Let the user log in to the console. No password is set by this construct (a provider `password` would be
   * stored in Terraform state); the user resets it through the console flow.
   * @default false
   */
  readonly consoleLogin?: boolean;
  /**
   * Delete the user on destroy even when it has API keys (created outside Terraform).
   * @default false
   */
  readonly forceDelete?: boolean;
  /**
   * Tags on the user.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

class ImportedCamUser extends CamPrincipalBase implements ICamUser {
  public readonly principalType = CamPrincipalType.USER;

  constructor(scope: Construct, id: string, public readonly userName: string) {
    super(scope, id);
  }

  public get attachmentTarget(): string {
    return this.userName;
  }

  protected kindName(): string {
    return 'CamUser (imported)';
  }

  protected validatePrincipal(): string[] {
    const out: string[] = [];
    checkLiteral(out, this.kindName(), 'userName', this.userName, checkCamUserName);
    return out;
  }
}

/**
 * A CAM user (sub-account, `tencentcloud_cam_user`), or an existing one through `CamUser.fromUserName`.
 *
 * Grants (`namespace.grantPull(user)`, `instance.grantRead(user)`, ...) become one generated policy attached to
 * the user. The user is created without API keys (`use_api = false`): keys made by the provider would be stored in
 * Terraform state. Create them in the console or with CAM's CreateAccessKey instead.
 */
export class CamUser extends CamPrincipalBase implements ICamUser {
  /** An existing user, by name: it can be granted to and have policies attached, but is not managed. */
  public static fromUserName(scope: Construct, id: string, userName: string): ICamUser {
    return new ImportedCamUser(scope, id, userName);
  }

  public readonly principalType = CamPrincipalType.USER;
  /** User name: a reference to the created user's name, so attachments depend on it. */
  public readonly userName: string;
  /** The underlying L1 resource. */
  public readonly resource: camUser.CamUser;
  private readonly props: CamUserProps;

  constructor(scope: Construct, id: string, props: CamUserProps) {
    super(scope, id);
    this.props = props;
    this.resource = new camUser.CamUser(this, 'Resource', {
      name: props.userName,
      remark: props.remark,
      consoleLogin: props.consoleLogin ?? false,
      useApi: false,
      forceDelete: props.forceDelete ?? false,
      tags: props.tags,
    });
    this.userName = this.resource.name;
  }

  /** UIN of the sub-account (known after apply). */
  public get uin(): number {
    return this.resource.uin;
  }

  public get attachmentTarget(): string {
    return this.userName;
  }

  protected kindName(): string {
    return 'CamUser';
  }

  protected validatePrincipal(): string[] {
    const out: string[] = [];
    checkLiteral(out, 'CamUser', 'userName', this.props.userName, checkCamUserName);
    checkTags(out, 'CamUser', this.props.tags);
    return out;
  }
}
