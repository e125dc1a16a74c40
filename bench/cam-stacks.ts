/**
 * The two CAM benchmark stacks (bench/cam-bench.ts measures them, bench/cam-probe.ts counts what they allocate):
 * one instance, 20 namespaces and N CAM users with two namespace grants each (push to one namespace, pull from
 * another), built with the library or with raw L1 bindings writing the same document at the same paths.
 */
import { libRegistry, rawRegistry } from './harness';

export const NAMESPACES = 20;
export const STACK = 'team-access';
export const VARIANTS = ['lib', 'raw'] as const;
export type Variant = typeof VARIANTS[number];

const nsName = (i: number) => `team-${String(i).padStart(2, '0')}`;
const userName = (i: number) => `dev-${String(i).padStart(5, '0')}`;
const pushNs = (i: number) => i % NAMESPACES;
const pullNs = (i: number) => (i + 7) % NAMESPACES;

/** The app of one variant with `n` users, built but not synthesized. */
export function buildApp(variant: Variant, n: number, outdir: string): import('cdktf').App {
  return variant === 'lib' ? buildLib(n, outdir) : buildRaw(n, outdir);
}

function buildLib(n: number, outdir: string): import('cdktf').App {
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
  return app;
}

function buildRaw(n: number, outdir: string): import('cdktf').App {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { App, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const { Construct } = require('constructs') as typeof import('constructs');
  const l1 = require('../src/providers/tencentcloud') as typeof import('../src/providers/tencentcloud');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  const { instanceId } = rawRegistry(l1, Construct, stack, Array.from({ length: NAMESPACES }, (_, i) => nsName(i)));
  // The account look-up only when a policy needs it, as the library does (so N=0 measures the fixed cost alike).
  const uin = n > 0 ? new l1.dataTencentcloudUserInfo.DataTencentcloudUserInfo(stack, 'TcrAccountInfo', {}).ownerUin : '';
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
  return app;
}
