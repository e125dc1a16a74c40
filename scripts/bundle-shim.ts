/**
 * Rebuilds only bundle/tcr-credentials.js, with the same esbuild options as scripts/bundle.ts, when it is older
 * than its sources: the shim tests and the credential construct tests run the bundle itself (what the
 * provisioners run), without a full `npx projen bundle` before every targeted jest run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { BUNDLE_DIR, BUNDLES, esbuildOptions } from './bundle';

const ROOT = path.resolve(__dirname, '..');
export const SHIM_BUNDLE = path.join(BUNDLE_DIR, 'tcr-credentials.js');
const SOURCES = ['src/shim', 'src/validation', 'src/cli'].map((dir) => path.join(ROOT, dir));

function newestSource(): number {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const file of fs.readdirSync(dir)) newest = Math.max(newest, fs.statSync(path.join(dir, file)).mtimeMs);
  }
  return newest;
}

/** Builds the bundle unless it is newer than every source it is made of; returns its path. */
export function buildShimBundle(): string {
  if (fs.existsSync(SHIM_BUNDLE) && fs.statSync(SHIM_BUNDLE).mtimeMs >= newestSource()) return SHIM_BUNDLE;
  const spec = BUNDLES.find((b) => b.outfile === path.basename(SHIM_BUNDLE))!;
  fs.mkdirSync(BUNDLE_DIR, { recursive: true });
  buildSync(esbuildOptions(spec, SHIM_BUNDLE));
  fs.chmodSync(SHIM_BUNDLE, 0o755);
  return SHIM_BUNDLE;
}
