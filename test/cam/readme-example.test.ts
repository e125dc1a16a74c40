import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { expectSchemaValid } from '../helpers/schema-validator';

const README = path.join(__dirname, '..', '..', 'README.md');

test("the README's CAM access example synthesizes, validates and grants what the text says", () => {
  const readme = fs.readFileSync(README, 'utf8');
  const section = readme.slice(readme.indexOf('## CAM access'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code).toContain("from 'cdktf-tencentcloud-tcr'");
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-cam-'));
  try {
    const js = ts.transpileModule(code!, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
    const requireFromTest = (name: string) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      if (name === 'cdktf-tencentcloud-tcr') return require('../../src');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(name);
      // Write into a temporary directory instead of ./cdktf.out.
      if (name === 'cdktf') return { ...mod, App: class extends mod.App { constructor() { super({ outdir }); } } };
      return mod;
    };
    new Function('require', 'exports', js)(requireFromTest, {});
    const doc = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'team-access', 'cdk.tf.json'), 'utf8'));
    expectSchemaValid(doc);
    expect(Object.keys(doc.resource).sort()).toEqual([
      'tencentcloud_cam_group', 'tencentcloud_cam_group_policy_attachment', 'tencentcloud_cam_policy', 'tencentcloud_cam_role',
      'tencentcloud_cam_role_policy_attachment', 'tencentcloud_cam_user', 'tencentcloud_cam_user_policy_attachment',
      'tencentcloud_tcr_instance', 'tencentcloud_tcr_namespace',
    ]);
    const documents = Object.values<any>(doc.resource.tencentcloud_cam_policy).map((p) => p.document as string);
    expect(documents.some((d) => d.includes('tcr:PushRepository') && d.includes('tcr:CreateInstanceToken'))).toBe(true);
    expect(documents.every((d) => !d.includes('tcr:DescribeImages'))).toBe(true);
    expect(Object.keys(doc.data)).toEqual(['tencentcloud_cam_policies']);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
