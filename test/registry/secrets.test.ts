import 'cdktf/lib/testing/adapters/jest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformOutput, Testing } from 'cdktf';
import { providers, TcrInstance, TcrServiceAccountOptions, Validity } from '../../src';
import { expectSchemaValid } from '../helpers/schema-validator';

// A value that looks like a credential and must never be copied anywhere by the library.
const CANARY = `Canary${Date.now().toString(36)}Secret9x`;

describe('no secret in synthesized output', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    // The provider reads these from the environment; the library must not copy them into the document.
    process.env.TENCENTCLOUD_SECRET_ID = `AKID${CANARY}`;
    process.env.TENCENTCLOUD_SECRET_KEY = CANARY;
    process.env.TENCENTCLOUD_SESSION_TOKEN = CANARY;
  });
  afterAll(() => {
    process.env = saved;
  });

  test('service accounts, their password output and the examples never contain the canary', () => {
    const synthed = Testing.synthScope((scope) => {
      new providers.provider.TencentcloudProvider(scope, 'tencentcloud', { region: 'ap-guangzhou' });
      const registry = new TcrInstance(scope, 'registry', { name: 'acme-registry' });
      const ns = registry.addNamespace('apps', { name: 'apps' });
      const ci = registry.addServiceAccount('ci', { name: 'ci', validity: Validity.permanent() });
      ns.grantPush(ci);
      new TerraformOutput(scope, 'pw', { value: ci.password, sensitive: true });
    });
    expect(synthed).not.toContain(CANARY);
    expect(synthed).toContain('.password}'); // a reference, resolved by Terraform
    const doc = JSON.parse(synthed);
    expectSchemaValid(doc);
    for (const account of Object.values<any>(doc.resource.tencentcloud_tcr_service_account)) {
      expect(account).not.toHaveProperty('password');
    }

    const examples = path.join(__dirname, '..', '..', 'examples');
    // Examples with a main.ts exporting buildApp (examples/gitops is a repository layout, tested on its own).
    for (const name of fs.readdirSync(examples).filter((d) => fs.existsSync(path.join(examples, d, 'main.ts')))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { buildApp } = require(path.join(examples, name, 'main.ts')) as { buildApp: (o?: string) => App };
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-'));
      buildApp(outdir).synth();
      const all = listFiles(outdir).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      fs.rmSync(outdir, { recursive: true, force: true });
      expect(all).not.toContain(CANARY);
    }
  });

  test('there is no prop through which a literal password could reach the document', () => {
    const options: TcrServiceAccountOptions = { name: 'ci' };
    // @ts-expect-error a password prop does not exist on purpose
    const withPassword: TcrServiceAccountOptions = { name: 'ci', password: CANARY };
    expect(Object.keys(options)).toEqual(['name']);
    const synthed = Testing.synthScope((scope) => {
      new providers.provider.TencentcloudProvider(scope, 'tencentcloud', {});
      const registry = new TcrInstance(scope, 'registry', { name: 'acme-registry' });
      // Even when smuggled past the type checker, an unknown prop is not copied.
      registry.addNamespace('apps', { name: 'apps' }).grantPull(registry.addServiceAccount('ci', withPassword));
    });
    expect(synthed).not.toContain(CANARY);
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
