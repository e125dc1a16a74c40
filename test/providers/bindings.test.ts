import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateBindings, listFiles, PROVIDERS_DIR, readPinnedProvider } from '../../scripts/generate-providers';

describe('generated L1 bindings', () => {
  let fresh: string;
  let freshFiles: string[];

  beforeAll(async () => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'bindings-check-'));
    freshFiles = await generateBindings(fresh);
  });
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  test('src/providers is exactly what the pinned schema generates (run `npm run gen:providers` if not)', () => {
    expect(listFiles(PROVIDERS_DIR)).toEqual(freshFiles);
    const stale = freshFiles.filter(
      (rel) => fs.readFileSync(path.join(PROVIDERS_DIR, rel), 'utf8') !== fs.readFileSync(path.join(fresh, rel), 'utf8'),
    );
    expect(stale).toEqual([]);
  });

  test('every resource of the pinned schema has a binding', () => {
    expect(freshFiles).toEqual(expect.arrayContaining([
      path.join('tencentcloud', 'tcr-instance', 'index.ts'),
      path.join('tencentcloud', 'tcr-namespace', 'index.ts'),
      path.join('tencentcloud', 'tcr-service-account', 'index.ts'),
      path.join('tencentcloud', 'cam-policy', 'index.ts'),
      path.join('tencentcloud', 'ssm-secret', 'index.ts'),
      path.join('tencentcloud', 'provider', 'index.ts'),
    ]));
  });

  test('the provider binding pins the schema version', () => {
    const pin = readPinnedProvider();
    const providerSrc = fs.readFileSync(path.join(PROVIDERS_DIR, 'tencentcloud', 'provider', 'index.ts'), 'utf8');
    expect(providerSrc).toMatch(new RegExp(`providerVersion: '${pin.version.replace(/\./g, '\\.')}'`));
  });
});
