import 'cdktf/lib/testing/adapters/jest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { expectSchemaValid } from '../helpers/schema-validator';

const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
const exampleNames = fs.readdirSync(EXAMPLES_DIR).filter((d) => fs.existsSync(path.join(EXAMPLES_DIR, d, 'main.ts'))).sort();

/** Synthesizes an example app for real (validations included) and returns every stack's document by name. */
function synthExample(name: string): Record<string, any> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(EXAMPLES_DIR, name, 'main.ts')) as { buildApp: (outdir?: string) => App };
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  try {
    const app = mod.buildApp(outdir);
    app.synth();
    const docs: Record<string, any> = {};
    for (const stackDir of fs.readdirSync(path.join(outdir, 'stacks'))) {
      docs[stackDir] = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stackDir, 'cdk.tf.json'), 'utf8'));
    }
    return docs;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('examples', () => {
  beforeAll(() => {
    // The company stack's partner account expires at the end of next year: pin "now" so the snapshot is stable.
    jest.useFakeTimers({ now: new Date('2026-11-25T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
  });
  afterAll(() => jest.useRealTimers());

  test('every example exports buildApp', () => {
    expect(exampleNames).toEqual(expect.arrayContaining(['ci-credentials', 'company-stack', 'existing-instance', 'minimal']));
  });

  test.each(exampleNames)('%s synthesizes, validates against the pinned schema and pins the provider', (name) => {
    const docs = synthExample(name);
    expect(Object.keys(docs).length).toBeGreaterThan(0);
    for (const doc of Object.values(docs)) {
      expectSchemaValid(doc);
      expect(doc.terraform.required_providers.tencentcloud).toEqual({
        source: 'registry.terraform.io/tencentcloudstack/tencentcloud', version: '1.83.25',
      });
    }
  });

  test('company stack snapshot', () => {
    const docs = synthExample('company-stack');
    // Strip cdktf's per-run metadata (backend paths, versions) so the snapshot only holds the infrastructure.
    const doc = docs['company-registry'];
    delete doc['//'];
    // The local backend path is absolute (depends on the checkout directory): check its shape, keep it out of the snapshot.
    expect(doc.terraform.backend.local.path).toMatch(/terraform\.company-registry\.tfstate$/);
    delete doc.terraform.backend;
    for (const byName of Object.values<any>(doc.resource)) for (const body of Object.values<any>(byName)) delete body['//'];
    // The program asset's folder is a hash of the bundle, which changes with every change to src/shim: keep it out.
    const stable = JSON.parse(JSON.stringify(doc).replace(/assets\/TcrCredentialsProgram\/[0-9A-F]+\//g, 'assets/TcrCredentialsProgram/<hash>/'));
    expect(stable).toMatchSnapshot();
  });

  test('company stack content', () => {
    const doc = synthExample('company-stack')['company-registry'];
    const accounts = Object.values<any>(doc.resource.tencentcloud_tcr_service_account);
    const byName = Object.fromEntries(accounts.map((a) => [a.name, a]));
    expect(byName['ci-pipeline'].duration).toBe(0);
    expect(byName['ci-pipeline'].permissions).toHaveLength(4);
    expect(byName['prod-cluster'].duration).toBe(365);
    expect(byName['prod-cluster'].permissions.map((p: any) => p.actions)).toEqual([
      ['tcr:PullRepository'], ['tcr:PullRepository'], ['tcr:PullRepository'],
    ]);
    expect(byName['partner-acme-labs'].expires_at).toBe(Date.UTC(2027, 11, 31, 23, 59, 59));
    expect(doc.output.cluster_password.sensitive).toBe(true);
    expect(Object.keys(doc.resource.tencentcloud_tcr_namespace)).toHaveLength(4);
  });
});
