/**
 * Synth benchmark: a company stack with N service accounts (two namespace grants each), built
 *   lib  - with the library's constructs (TcrInstance / TcrNamespace / TcrServiceAccount + grants),
 *   raw  - with the raw L1 bindings producing the same resources (same construct paths, pre-sorted permissions),
 *   json - as a plain object literal of the same document, JSON.stringify'd and written (the floor).
 * Each measurement runs in a fresh child process (honest peak RSS), variants interleaved, repeated, medians taken.
 * The parent first checks that the three variants produce the same document.
 *
 * Usage: npm run bench   (BENCH_SIZES=100,1000,5000 BENCH_REPEATS=5 by default)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  arg, bundle, libRegistry, printTable, rawRegistry, reportChild, sample, setting, sortKeys, synthesizedDocument,
} from './harness';

const NAMESPACES = 20;
const STACK = 'company';
const VARIANTS = ['lib', 'raw', 'json'] as const;
type Variant = typeof VARIANTS[number];

const nsName = (i: number) => `team-${String(i).padStart(2, '0')}`;
const saName = (i: number) => `robot-${String(i).padStart(5, '0')}`;
// Two grants per account: push to its team's namespace, pull from a shared one further along.
const pushNs = (i: number) => i % NAMESPACES;
const pullNs = (i: number) => (i + 7) % NAMESPACES;

// ---------------------------------------------------------------- variants (run in the child process)

function buildLib(n: number, outdir: string): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { App, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const lib = require('../src') as typeof import('../src');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  const { registry, namespaces } = libRegistry(lib, stack, Array.from({ length: NAMESPACES }, (_, i) => nsName(i)));
  for (let i = 0; i < n; i++) {
    const account = registry.addServiceAccount(saName(i), { name: saName(i), validity: lib.Validity.days(90) });
    namespaces[pushNs(i)].grantPush(account);
    namespaces[pullNs(i)].grantPull(account);
  }
  app.synth();
}

function buildRaw(n: number, outdir: string): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { App, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const { Construct } = require('constructs') as typeof import('constructs');
  const l1 = require('../src/providers/tencentcloud') as typeof import('../src/providers/tencentcloud');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  const names = Array.from({ length: NAMESPACES }, (_, i) => nsName(i));
  const { registryScope, instanceId, namespaceRefs: nsRefs } = rawRegistry(l1, Construct, stack, names);
  for (let i = 0; i < n; i++) {
    const grants = [
      { ns: pushNs(i), actions: ['tcr:PullRepository', 'tcr:PushRepository'] },
      { ns: pullNs(i), actions: ['tcr:PullRepository'] },
    ].sort((a, b) => nsName(a.ns).localeCompare(nsName(b.ns)));
    new l1.tcrServiceAccount.TcrServiceAccount(new Construct(registryScope, saName(i)), 'Resource', {
      registryId: instanceId,
      name: saName(i),
      duration: 90,
      disable: false,
      permissions: grants.map((g) => ({ resource: nsRefs[g.ns], actions: g.actions })),
    });
  }
  app.synth();
}

function buildJson(n: number, outdir: string): void {
  // cdktf's logical-id function (md5 of the path), so the floor writes byte-for-byte comparable names.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { makeUniqueId } = require('cdktf/lib/private/unique') as { makeUniqueId: (c: string[]) => string };
  const resource = (_type: string, pathParts: string[], body: Record<string, unknown>) => {
    const id = makeUniqueId(pathParts);
    return [id, { '//': { metadata: { path: [STACK, ...pathParts].join('/'), uniqueId: id } }, ...body }] as const;
  };
  const [instanceId, instance] = resource('tencentcloud_tcr_instance', ['registry', 'Resource'], {
    delete_bucket: false, deletion_protection: true, instance_type: 'standard', name: 'acme-registry',
  });
  const instanceRef = `\${tencentcloud_tcr_instance.${instanceId}.id}`;
  const namespaces: Record<string, unknown> = {};
  const nsRefs: string[] = [];
  for (let i = 0; i < NAMESPACES; i++) {
    const [id, body] = resource('tencentcloud_tcr_namespace', ['registry', nsName(i), 'Resource'], {
      instance_id: instanceRef, is_auto_scan: false, is_prevent_vul: false, is_public: false, name: nsName(i),
    });
    namespaces[id] = body;
    nsRefs.push(`\${tencentcloud_tcr_namespace.${id}.name}`);
  }
  const accounts: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const grants = [
      { ns: pushNs(i), actions: ['tcr:PullRepository', 'tcr:PushRepository'] },
      { ns: pullNs(i), actions: ['tcr:PullRepository'] },
    ].sort((a, b) => nsName(a.ns).localeCompare(nsName(b.ns)));
    const [id, body] = resource('tencentcloud_tcr_service_account', ['registry', saName(i), 'Resource'], {
      disable: false,
      duration: 90,
      name: saName(i),
      permissions: grants.map((g) => ({ actions: g.actions, resource: nsRefs[g.ns] })),
      registry_id: instanceRef,
    });
    accounts[id] = body;
  }
  const doc = {
    '//': { metadata: { backend: 'local', stackName: STACK, version: '0.21.0' }, outputs: {} },
    'provider': { tencentcloud: [{ region: 'ap-guangzhou' }] },
    'resource': {
      tencentcloud_tcr_instance: { [instanceId]: instance },
      tencentcloud_tcr_namespace: namespaces,
      tencentcloud_tcr_service_account: accounts,
    },
    'terraform': {
      backend: { local: { path: path.join(process.cwd(), `terraform.${STACK}.tfstate`) } },
      required_providers: { tencentcloud: { source: 'registry.terraform.io/tencentcloudstack/tencentcloud', version: '1.83.25' } },
    },
  };
  const dir = path.join(outdir, 'stacks', STACK);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
}

function runChild(variant: Variant, n: number, outdir: string): void {
  reportChild(() => {
    if (variant === 'lib') buildLib(n, outdir);
    else if (variant === 'raw') buildRaw(n, outdir);
    else buildJson(n, outdir);
  });
}

// ---------------------------------------------------------------- parent

function stripMetadata(value: any): any {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '//').map(([k, v]) => [k, stripMetadata(v)]));
  }
  return value;
}

function checkSameDocument(script: string): void {
  const docs = VARIANTS.map((variant) => synthesizedDocument(script, variant, 100, STACK));
  const [lib, raw] = docs.map((d) => JSON.stringify(sortKeys(d)));
  if (lib !== raw) throw new Error('bench: lib and raw L1 variants synthesize different documents');
  if (JSON.stringify(sortKeys(stripMetadata(docs[0]))) !== JSON.stringify(sortKeys(stripMetadata(docs[2])))) {
    throw new Error('bench: lib and JSON variants produce different documents');
  }
}

function main(): void {
  const sizes = setting('BENCH_SIZES', '100,1000,5000').split(',').map(Number);
  const repeats = Number(setting('BENCH_REPEATS', '5'));
  const script = bundle(__filename, 'synth-bench');
  checkSameDocument(script);
  console.log(`synth benchmark: ${NAMESPACES} namespaces, N service accounts x 2 grants; median of ${repeats} fresh processes each`);
  console.log(`node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? '?'})\n`);
  const header = ['N', 'lib ms', 'raw ms', 'json ms', 'lib/raw time', 'raw/json time',
    'lib MB', 'raw MB', 'json MB', 'lib/raw mem', 'raw/json mem'];
  const rows: string[][] = [];
  for (const n of sizes) {
    const m = sample(script, VARIANTS, n, repeats);
    rows.push([String(n), m.lib.ms.toFixed(0), m.raw.ms.toFixed(0), m.json.ms.toFixed(0),
      (m.lib.ms / m.raw.ms).toFixed(3), (m.raw.ms / m.json.ms).toFixed(1),
      m.lib.mb.toFixed(0), m.raw.mb.toFixed(0), m.json.mb.toFixed(0),
      (m.lib.mb / m.raw.mb).toFixed(3), (m.raw.mb / m.json.mb).toFixed(2)]);
  }
  printTable(header, rows);
  console.log('\ntime = build + synth + write in the child; mem = peak RSS of the child process (maxRSS).');
}

if (process.argv.includes('--child')) {
  runChild(arg('child', 'lib') as Variant, Number(arg('n', '100')), arg('outdir', os.tmpdir()));
} else {
  main();
}
