/**
 * CAM benchmark: N CAM users with two namespace grants each (push to one namespace, pull from another), built
 *   lib - with the library: CamUser + namespace.grantPush / grantPull (one generated policy + attachment per user);
 *   raw - with the raw L1 bindings writing the same users, policies (same document text) and attachments, at the
 *         same construct paths, references taken once.
 * Measured as bench/harness.ts describes; the parent first checks that both write byte-identical documents.
 *
 * Usage: npx ts-node --project test/tsconfig.json bench/cam-bench.ts   (CAM_BENCH_SIZES=500 CAM_BENCH_REPEATS=5)
 */
import * as os from 'os';
import {
  arg, bundle, libRegistry, printTable, rawRegistry, reportChild, sample, setting, sortKeys, synthesizedDocument,
} from './harness';

const NAMESPACES = 20;
const STACK = 'team-access';
const VARIANTS = ['lib', 'raw'] as const;
type Variant = typeof VARIANTS[number];

const nsName = (i: number) => `team-${String(i).padStart(2, '0')}`;
const userName = (i: number) => `dev-${String(i).padStart(5, '0')}`;
const pushNs = (i: number) => i % NAMESPACES;
const pullNs = (i: number) => (i + 7) % NAMESPACES;

function buildLib(n: number, outdir: string): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { App, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const lib = require('../src') as typeof import('../src');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  const { namespaces } = libRegistry(lib, stack, Array.from({ length: NAMESPACES }, (_, i) => nsName(i)));
  for (let i = 0; i < n; i++) {
    const user = new lib.CamUser(stack, userName(i), { userName: userName(i) });
    namespaces[pushNs(i)].grantPush(user);
    namespaces[pullNs(i)].grantPull(user);
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
  const { instanceId } = rawRegistry(l1, Construct, stack, Array.from({ length: NAMESPACES }, (_, i) => nsName(i)));
  const uin = new l1.dataTencentcloudUserInfo.DataTencentcloudUserInfo(stack, 'TcrAccountInfo', {}).ownerUin;
  const prefix = `qcs::tcr:ap-guangzhou:uin/${uin}`;
  const instanceArn = `${prefix}:instance/${instanceId}`;
  const nsArn = (ns: number) => `${prefix}:repository/${instanceId}/${nsName(ns)}`;
  for (let i = 0; i < n; i++) {
    const scope = new Construct(stack, userName(i));
    const user = new l1.camUser.CamUser(scope, 'Resource', { name: userName(i), consoleLogin: false, useApi: false, forceDelete: false });
    const [first, second] = [pushNs(i), pullNs(i)].sort((a, b) => a - b);
    const document = JSON.stringify({
      version: '2.0',
      statement: [
        { effect: 'allow', action: ['tcr:DescribeInstances'], resource: [instanceArn] },
        { effect: 'allow', action: ['tcr:DescribeNamespaces'], resource: [nsArn(first), nsArn(second)] },
        { effect: 'allow', action: ['tcr:DescribeRepositories', 'tcr:PullRepository'], resource: [`${nsArn(pullNs(i))}/*`] },
        { effect: 'allow', action: ['tcr:DescribeRepositories', 'tcr:PullRepository', 'tcr:PushRepository'], resource: [`${nsArn(pushNs(i))}/*`] },
      ],
    });
    const policyScope = new Construct(scope, 'Policy');
    const policy = new l1.camPolicy.CamPolicy(policyScope, 'Resource', { name: `${STACK}.${userName(i)}.Policy`, document });
    new l1.camUserPolicyAttachment.CamUserPolicyAttachment(policyScope, 'Attachment', { userName: user.name, policyId: policy.id });
  }
  app.synth();
}

function main(): void {
  const sizes = setting('CAM_BENCH_SIZES', '500').split(',').map(Number);
  const repeats = Number(setting('CAM_BENCH_REPEATS', '5'));
  const script = bundle(__filename, 'cam-bench');
  const [lib, raw] = VARIANTS.map((v) => JSON.stringify(sortKeys(synthesizedDocument(script, v, 50, STACK))));
  if (lib !== raw) throw new Error('cam bench: lib and raw L1 variants synthesize different documents');
  console.log(`CAM benchmark: ${NAMESPACES} namespaces, N CAM users x 2 namespace grants; median of ${repeats} fresh processes each`);
  console.log(`node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? '?'})\n`);
  const rows = sizes.map((n) => {
    const m = sample(script, VARIANTS, n, repeats);
    return [String(n), m.lib.ms.toFixed(0), m.raw.ms.toFixed(0), (m.lib.ms / m.raw.ms).toFixed(3),
      m.lib.cpuMs.toFixed(0), m.raw.cpuMs.toFixed(0), (m.lib.cpuMs / m.raw.cpuMs).toFixed(3),
      m.lib.mb.toFixed(0), m.raw.mb.toFixed(0), (m.lib.mb / m.raw.mb).toFixed(3)];
  });
  printTable(['N', 'lib ms', 'raw ms', 'lib/raw time', 'lib cpu ms', 'raw cpu ms', 'lib/raw cpu', 'lib MB', 'raw MB', 'lib/raw mem'], rows);
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cpus`);
  console.log('time = build + synth + write in the child (wall clock); cpu = user + system time of the child over the same');
  console.log('work; mem = peak RSS of the child process (maxRSS).');
}

if (process.argv.includes('--child')) {
  const variant = arg('child', 'lib') as Variant;
  const n = Number(arg('n', '100'));
  const outdir = arg('outdir', os.tmpdir());
  reportChild(() => (variant === 'lib' ? buildLib(n, outdir) : buildRaw(n, outdir)));
} else {
  main();
}
