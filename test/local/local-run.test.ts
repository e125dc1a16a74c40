/*
 * tcr-local against a user's cdktf app, with the real terraform binary and the provider stand-in (built by the
 * tfprovider harness, as the package's bundle/tfprovider is built at pack time). The app is a separate directory
 * with its own cdktf.json, synthesized by its own command, and declares a CosBackend: tcr-local must never reach COS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { envLines } from '../../src/local/cli';
import { KeptEndpoint, keptEndpointFile, runLocal, WORK_DIR_NAME } from '../../src/local/local-run';
import { StandInPlugin } from '../../src/local/terraform';
import { installPlugin, PROVIDER_VERSION } from '../../tfprovider/harness/terraform';

const REPO = path.resolve(__dirname, '..', '..');
const CANARY_DESCRIPTION = 'tcr-local-test';

/** A user's app: one stack with a COS backend, an instance (deletion protection on, the default), a grant. */
const APP_SOURCE = `
import { App, CosBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { providers, TcrInstance, Validity } from '${path.join(REPO, 'src')}';

const app = new App();
const stack = new TerraformStack(app, 'team-registry');
new CosBackend(stack, { bucket: 'tfstate-1250000000', prefix: 'team-registry', region: 'ap-guangzhou' });
new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-shanghai' });
const registry = new TcrInstance(stack, 'registry', { name: 'team-registry' });
const apps = registry.addNamespace('apps', { name: 'apps' });
const ci = registry.addServiceAccount('ci', { name: 'ci', description: '${CANARY_DESCRIPTION}', validity: Validity.days(7) });
apps.grantPush(ci);
new TerraformOutput(stack, 'registry_domain', { value: registry.registryDomain });
new TerraformOutput(stack, 'ci_password', { value: ci.password, sensitive: true });
app.synth();
`;

let plugin: StandInPlugin;

function makeApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcr-local-app-'));
  fs.writeFileSync(path.join(dir, 'main.ts'), APP_SOURCE);
  // The app's own synth command, as a user's cdktf.json has one; the library comes from this repo's sources.
  esbuild.buildSync({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: path.join(dir, 'main.js'),
    external: ['cdktf', 'constructs'],
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({
    language: 'typescript', app: `NODE_PATH=${JSON.stringify(path.join(REPO, 'node_modules'))} node main.js`, output: 'cdktf.out',
  }));
  return dir;
}

beforeAll(() => {
  const built = installPlugin();
  plugin = { bundle: built.bundle, version: PROVIDER_VERSION };
});

describe('tcr-local deploy', () => {
  test('synthesizes, applies, shows outputs, re-plans empty, destroys, and leaves the emulator clean', async () => {
    const appDir = makeApp();
    const userRc = path.join(os.homedir(), '.terraformrc');
    const userRcBefore = fs.existsSync(userRc) ? fs.statSync(userRc).mtimeMs : 'absent';
    const lines: string[] = [];
    const result = await runLocal({ command: 'deploy', appDir, plugin, out: (l) => lines.push(l) });
    const text = lines.join('\n');

    expect(result.stack).toBe('team-registry');
    expect(result.secondPlanEmpty).toBe(true);
    expect(result.emulatorClean).toBe(true);
    expect(result.credentials).toEqual([]);
    expect(result.steps.map((s) => [s.title.replace(/ \(.*\)$/, ''), s.ok])).toEqual([
      ['synthesize', true],
      ['start the emulator', true],
      [`install the provider stand-in ${PROVIDER_VERSION}`, true],
      ['terraform init', true],
      ['terraform apply', true],
      ['outputs', true],
      ['delivered credentials: metadata and a registry login with each', true],
      ['terraform plan again', true],
      ['terraform destroy', true],
      ['check the emulator is as it started', true],
    ]);
    // Progress: a start and an end line with the duration for every step, and a summary with the total.
    expect(text).toMatch(/^\[5\] terraform apply \.\.\.$/m);
    expect(text).toMatch(/^\[5\] terraform apply: done in \d+\.\d s$/m);
    expect(text).toMatch(/^ {2}ok {3}terraform destroy +\d+\.\d s$/m);
    expect(text).toMatch(/^ +total +\d+\.\d s$/m);
    expect(text).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    expect(text).toContain('Destroy complete! Resources: 3 destroyed.');
    // The provider region was taken from the stack, deletion protection lifted through the API before destroy.
    expect(text).toMatch(/registry_domain = "team-registry\.tencentcloudcr\.com"/);
    expect(text).toMatch(/deletion protection of tcr-\w+ turned off \(ModifyInstance\)/);
    // Secrets: the password output is hidden; the emulator's SecretKey never printed.
    expect(text).toContain('ci_password = (sensitive, not shown)');
    expect(typeof result.outputs.ci_password.value).toBe('string');
    expect(text).not.toContain(result.outputs.ci_password.value as string);
    expect(text).toContain('(SecretKey not shown)');
    // The CosBackend was replaced by a local one in tcr-local's work dir, which a finished deploy removes.
    expect(text).not.toMatch(/cos\.ap-guangzhou|tfstate-1250000000/);
    expect(fs.existsSync(path.join(appDir, WORK_DIR_NAME, 'team-registry'))).toBe(false);
    expect(fs.existsSync(userRc) ? fs.statSync(userRc).mtimeMs : 'absent').toBe(userRcBefore);
  });

  test('--keep leaves the stack applied on a running emulator; env and destroy --endpoint then work on it', async () => {
    const appDir = makeApp();
    const lines: string[] = [];
    let seen: { kept: KeptEndpoint; env: string[]; keyMode: number; destroyed: string } | undefined;
    const result = await runLocal({
      command: 'deploy',
      appDir,
      plugin,
      keep: true,
      out: (l) => lines.push(l),
      waitWhileKept: async (kept) => {
        const destroyLines: string[] = [];
        const destroyed = await runLocal({ command: 'destroy', appDir, plugin, endpoint: kept.endpointUrl, skipSynth: true, out: (l) => destroyLines.push(l) });
        seen = { kept, env: envLines(appDir), keyMode: fs.statSync(kept.secretKeyFile).mode % 0o1000, destroyed: `${destroyed.stack}\n${destroyLines.join('\n')}` };
      },
    });
    expect(result.secondPlanEmpty).toBe(true);
    expect(result.emulatorClean).toBeUndefined();
    expect(seen!.kept.endpointUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(seen!.keyMode).toBe(0o600);
    expect(seen!.env).toEqual([
      `export TENCENTCLOUD_ENDPOINT_URL='${seen!.kept.endpointUrl}'`,
      `export TENCENTCLOUD_SECRET_ID='${seen!.kept.secretId}'`,
      `export TENCENTCLOUD_SECRET_KEY="$(cat '${seen!.kept.secretKeyFile}')"`,
      "export TENCENTCLOUD_REGION='ap-shanghai'",
      `export TF_CLI_CONFIG_FILE='${path.join(appDir, WORK_DIR_NAME, 'team-registry', 'terraform.rc')}'`,
    ]);
    expect(seen!.destroyed).toContain('Destroy complete! Resources: 3 destroyed.');
    expect(lines.join('\n')).toContain(`tcr-local destroy --endpoint ${seen!.kept.endpointUrl}`);
    // Once the kept emulator stops, its endpoint file and key are gone.
    expect(fs.existsSync(keptEndpointFile(appDir))).toBe(false);
    expect(fs.existsSync(seen!.kept.secretKeyFile)).toBe(false);
  });
});

describe('tcr-local plan and failures', () => {
  test('plan shows the creates and changes nothing', async () => {
    const appDir = makeApp();
    const lines: string[] = [];
    const result = await runLocal({ command: 'plan', appDir, plugin, out: (l) => lines.push(l) });
    expect(lines.join('\n')).toContain('Plan: 3 to add, 0 to change, 0 to destroy.');
    expect(result.steps.map((s) => s.title.replace(/ \(.*\)$/, ''))).toEqual(['synthesize', 'start the emulator',
      `install the provider stand-in ${PROVIDER_VERSION}`, 'terraform init', 'terraform plan']);
  });

  test('destroy without --endpoint, a missing app and a failing synth are clear errors', async () => {
    const appDir = makeApp();
    const out = () => undefined;
    await expect(runLocal({ command: 'destroy', appDir, plugin, out })).rejects.toThrow('destroy needs the emulator the stack was deployed to: pass --endpoint');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tcr-local-empty-'));
    await expect(runLocal({ command: 'plan', appDir: empty, plugin, out })).rejects.toThrow(`${empty} is not a cdktf app: it has neither cdktf.json nor cdktf.out/manifest.json`);
    fs.writeFileSync(path.join(appDir, 'cdktf.json'), JSON.stringify({ app: 'node -e "process.exit(3)"' }));
    await expect(runLocal({ command: 'plan', appDir, plugin, out })).rejects.toThrow('synth command "node -e \\"process.exit(3)\\"" exited with 3');
    await expect(runLocal({ command: 'plan', appDir: makeApp(), plugin, skipSynth: true, out }))
      .rejects.toThrow('no synthesized app at');
  });

  test('--endpoint without keys names the variables to set', async () => {
    const appDir = makeApp();
    const lines: string[] = [];
    await runLocal({ command: 'plan', appDir, plugin, out: (l) => lines.push(l) }); // synthesizes cdktf.out
    await expect(runLocal({ command: 'plan', appDir, plugin, endpoint: '127.0.0.1:1', skipSynth: true, env: {}, out: () => undefined }))
      .rejects.toThrow('--endpoint 127.0.0.1:1: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY');
  });
});
