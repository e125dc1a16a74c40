import { Construct } from 'constructs';
import { CamPrincipalBase, CamPrincipalType, ICamGroup } from './cam-principal';
import { camGroup } from '../providers/tencentcloud';
import { checkLiteral } from '../registry/private/validation';
import { checkCamGroupId, checkCamGroupName } from '../validation/cam-name-rules';

/** Properties of a `CamGroup`. */
export interface CamGroupProps {
  /** Group name: 1-64 characters of letters, digits and `+=,.@_-` (INFERRED from the CAM console). */
  readonly groupName: string;
  /**
   * Description of the group.
   * @default - none
   */
  readonly remark?: string;
}

class ImportedCamGroup extends CamPrincipalBase implements ICamGroup {
  public readonly principalType = CamPrincipalType.GROUP;

  constructor(scope: Construct, id: string, public readonly groupId: string) {
    super(scope, id);
  }

  public get attachmentTarget(): string {
    return this.groupId;
  }

  protected kindName(): string {
    return 'CamGroup (imported)';
  }

  protected validatePrincipal(): string[] {
    const out: string[] = [];
    checkLiteral(out, this.kindName(), 'groupId', this.groupId, checkCamGroupId);
    return out;
  }
}

/**
 * A CAM user group (`tencentcloud_cam_group`), or an existing one through `CamGroup.fromGroupId`. Grants become one
 * generated policy attached to the group, so every member gets them. (Membership is managed outside this library.)
 */
export class CamGroup extends CamPrincipalBase implements ICamGroup {
  /** An existing group, by id (group policy attachments name the id): it can be granted to, but is not managed. */
  public static fromGroupId(scope: Construct, id: string, groupId: string): ICamGroup {
    return new ImportedCamGroup(scope, id, groupId);
  }

  public readonly principalType = CamPrincipalType.GROUP;
  /** Group id (known after apply). */
  public readonly groupId: string;
  /** Group name as declared. */
  public readonly groupName: string;
  /** The underlying L1 resource. */
  public readonly resource: camGroup.CamGroup;

  constructor(scope: Construct, id: string, props: CamGroupProps) {
    super(scope, id);
    this.groupName = props.groupName;
    this.resource = new camGroup.CamGroup(this, 'Resource', { name: props.groupName, remark: props.remark });
    this.groupId = this.resource.id;
  }

  public get attachmentTarget(): string {
    return this.groupId;
  }

  protected kindName(): string {
    return 'CamGroup';
  }

  protected validatePrincipal(): string[] {
    const out: string[] = [];
    checkLiteral(out, 'CamGroup', 'groupName', this.groupName, checkCamGroupName);
    return out;
  }
}
