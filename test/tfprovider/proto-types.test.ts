import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateProtoTypes, listFiles, PROTO_TYPES_DIR } from '../../scripts/generate-proto-types';

describe('generated plugin protocol types', () => {
  let fresh: string;
  let freshFiles: string[];

  beforeAll(() => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'proto-types-check-'));
    freshFiles = generateProtoTypes(fresh);
  });
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  test('tfprovider/proto-types is exactly what tfprovider/proto generates (run `npx projen gen:proto-types` if not)', () => {
    expect(listFiles(PROTO_TYPES_DIR)).toEqual(freshFiles);
    const stale = freshFiles.filter((rel) => fs.readFileSync(path.join(PROTO_TYPES_DIR, rel), 'utf8') !== fs.readFileSync(path.join(fresh, rel), 'utf8'));
    expect(stale).toEqual([]);
  });

  test('every tfplugin6 RPC has its request and response types', () => {
    const provider = fs.readFileSync(path.join(PROTO_TYPES_DIR, 'tfplugin6', 'Provider.ts'), 'utf8');
    const rpcs = [...provider.matchAll(/^ {2}(\w+): grpc\.handleUnaryCall<_tfplugin6_(\w+)_Request__Output, _tfplugin6_(\w+)_Response>;/gm)];
    expect(rpcs.map((m) => m[1]).sort()).toEqual([
      'ApplyResourceChange', 'ConfigureProvider', 'GetFunctions', 'GetProviderSchema', 'ImportResourceState', 'PlanResourceChange',
      'ReadDataSource', 'ReadResource', 'StopProvider', 'UpgradeResourceState', 'ValidateDataResourceConfig',
      'ValidateEphemeralResourceConfig', 'ValidateProviderConfig', 'ValidateResourceConfig',
    ]);
    for (const m of rpcs) expect([m[2], m[3]]).toEqual([m[1], m[1]]);
  });
});
