import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { declaredResources, findExamples, loadBuildApp } from '../../tfprovider/examples';
import { plannedActions, TerraformStack } from '../../tfprovider/harness';

const examples = findExamples();

describe('every example stack under terraform with the stand-in provider', () => {
  test('examples are found', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  describe.each(examples.map((e) => [e.name, e]))('%s', (_name, example) => {
    let stack: TerraformStack;
    let outdir: string;

    beforeAll(async () => {
      outdir = fs.mkdtempSync(path.join(os.tmpdir(), `tf-standin-${example.name}-`));
      const buildApp = await loadBuildApp(example);
      stack = TerraformStack.fromApp(buildApp(outdir), { secretId: 'AKIDplanonly', secretKey: 'plan-only-key' });
    }, 60_000);

    afterAll(() => {
      stack?.dispose();
      fs.rmSync(outdir, { recursive: true, force: true });
    });

    test('terraform validate passes', async () => {
      const r = await stack.validate();
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('Success! The configuration is valid.');
    }, 60_000);

    test('terraform plan creates every declared resource', async () => {
      const { run, json } = await stack.plan();
      expect(run.stderr).toBe('');
      const actions = plannedActions(json);
      expect(actions.create.sort()).toEqual(declaredResources(stack.dir));
      expect([...actions.update, ...actions.delete, ...actions.replace]).toEqual([]);
    }, 60_000);
  });
});
