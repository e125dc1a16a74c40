/**
 * The credential constructs ship bundle/tcr-credentials.js as a TerraformAsset and the shim tests run it: build it
 * once per jest run when it is older than its sources (a clean clone has no bundle/ at all).
 */
import { buildShimBundle } from '../scripts/bundle-shim';

export default function globalSetup(): void {
  buildShimBundle();
}
