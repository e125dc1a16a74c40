/**
 * Builds `tcr-credentials` into one JS file (esbuild; the SDK included), the file the credential constructs
 * ship as a TerraformAsset so that the deploying machine needs only `node`.
 * `ts-node scripts/bundle-shim.ts [outfile]`; tests call `buildShimBundle` when the bundle is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSync } from 'esbuild';

export const ROOT = path.resolve(__dirname, '..');
/** Where the constructs look for the bundle (src/credentials/private/bundle.ts). */
export const SHIM_BUNDLE = path.join(ROOT, 'bundle', 'tcr-credentials.js');
const SOURCES = [path.join(ROOT, 'src', 'shim'), path.join(ROOT, 'src', 'validation')];

function newestSource(): number {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const file of fs.readdirSync(dir)) newest = Math.max(newest, fs.statSync(path.join(dir, file)).mtimeMs);
  }
  return newest;
}

/** Builds the bundle unless it is newer than every source it is made of; returns its path. */
export function buildShimBundle(outfile = SHIM_BUNDLE, force = false): string {
  if (!force && fs.existsSync(outfile) && fs.statSync(outfile).mtimeMs >= newestSource()) return outfile;
  buildSync({
    entryPoints: [path.join(ROOT, 'src', 'shim', 'bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

if (require.main === module) {
  const out = buildShimBundle(process.argv[2] ? path.resolve(process.argv[2]) : SHIM_BUNDLE, true);
  process.stdout.write(`${path.relative(process.cwd(), out)}: ${fs.statSync(out).size} bytes\n`);
}
