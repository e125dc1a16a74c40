import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { dataTencentcloudUserInfo, provider } from '../../providers/tencentcloud';

/** Construct id of the one `tencentcloud_user_info` data source per stack that supplies the account UIN. */
const ACCOUNT_INFO_ID = 'TcrAccountInfo';

// One token per stack: every getter call on an L1 attribute mints a new token, and 500 principals read it.
const ownerUinByStack = new WeakMap<TerraformStack, string>();

/**
 * The UIN of the root account that owns the stack's resources: `owner_uin` of one `tencentcloud_user_info` data
 * source per stack, created on first use. `owner_uin`, not `uin`: a sub-account deploying the stack has its own
 * uin, but CAM resource descriptions name the owning root account.
 */
export function stackOwnerUin(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  let uin = ownerUinByStack.get(stack);
  if (uin === undefined) {
    const existing = stack.node.tryFindChild(ACCOUNT_INFO_ID) as dataTencentcloudUserInfo.DataTencentcloudUserInfo | undefined;
    const info = existing ?? new dataTencentcloudUserInfo.DataTencentcloudUserInfo(stack, ACCOUNT_INFO_ID, {});
    uin = info.ownerUin;
    ownerUinByStack.set(stack, uin);
  }
  return uin;
}

/**
 * Region of the stack's default (un-aliased) tencentcloud provider, or '' when there is none or it sets no region:
 * an empty region segment in a CAM resource means every region.
 */
export function stackProviderRegion(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  for (const child of stack.node.children) {
    if (child instanceof provider.TencentcloudProvider && child.alias === undefined) return child.region ?? '';
  }
  return '';
}
