import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { TencentApi } from '../../tfprovider/api';
import { resourceSnapshot } from '../../tfprovider/harness/lifecycle';
import { plannedActions, TerraformStack } from '../../tfprovider/harness/terraform';
import { PluginLog } from '../../tfprovider/log';

/**
 * Every resource type the stand-in applies, in one stack: create, a second plan
 * with no changes, in-place updates and a replacement, `terraform import`, destroy; and a canary scan proving that
 * no secret value (passwords, tokens, secret strings, the signing key) reaches the plugin's log.
 */
const FIXED_PASSWORD = 'Canary7Passw0rdX';
const SECRET_V1 = 'canary-secret-string-v1-7f3a';
const SECRET_V2 = 'canary-secret-string-v2-91bc';

/** CAM principals the attachments point at, seeded in the emulator (ids are the emulator's). */
interface Principals { readonly groupId: number; readonly roleId: string }

function config(variant: 'initial' | 'changed', principals: Principals) {
  const changed = variant === 'changed';
  const doc = (statementAction: string) => JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: [statementAction], resource: ['*'] }] });
  return {
    terraform: { required_providers: { tencentcloud: { source: 'tencentcloudstack/tencentcloud', version: '1.83.25' } } },
    provider: { tencentcloud: [{ region: 'ap-guangzhou' }] },
    resource: {
      tencentcloud_tcr_instance: { reg: { name: 'acme-registry', instance_type: 'basic', tags: { team: 'platform' } } },
      // An in-place namespace change (ModifyNamespace), as the provider makes it.
      tencentcloud_tcr_namespace: { apps: { instance_id: '${tencentcloud_tcr_instance.reg.id}', name: 'apps', severity: changed ? 'medium' : 'high', is_public: changed } },
      tencentcloud_tcr_service_account: {
        ci: {
          registry_id: '${tencentcloud_tcr_instance.reg.id}',
          name: 'ci',
          duration: 30,
          description: changed ? 'CI pushes' : 'CI pulls',
          permissions: [{ resource: '${tencentcloud_tcr_namespace.apps.name}', actions: changed ? ['tcr:PullRepository', 'tcr:PushRepository'] : ['tcr:PullRepository'] }],
        },
        fixed: {
          registry_id: '${tencentcloud_tcr_instance.reg.id}',
          name: 'fixed',
          password: FIXED_PASSWORD,
          permissions: [{ resource: '${tencentcloud_tcr_namespace.apps.name}', actions: ['tcr:PullRepository'] }],
        },
      },
      tencentcloud_tcr_token: {
        deploy: { instance_id: '${tencentcloud_tcr_instance.reg.id}', description: changed ? 'deploy v2' : 'deploy' },
        paused: { instance_id: '${tencentcloud_tcr_instance.reg.id}', enable: changed },
      },
      tencentcloud_ssm_secret: { creds: { secret_name: 'registry-creds', description: 'docker config' } },
      tencentcloud_ssm_secret_version: {
        v1: { secret_name: '${tencentcloud_ssm_secret.creds.secret_name}', version_id: 'v1', secret_string: changed ? SECRET_V2 : SECRET_V1 },
      },
      tencentcloud_cam_policy: { pull: { name: 'tcr-pull', document: doc(changed ? 'tcr:*' : 'tcr:PullRepository'), description: 'pull images' } },
      tencentcloud_cam_user_policy_attachment: { bot: { user_name: 'ci-bot', policy_id: '${tencentcloud_cam_policy.pull.id}' } },
      tencentcloud_cam_group_policy_attachment: { devs: { group_id: String(principals.groupId), policy_id: '${tencentcloud_cam_policy.pull.id}' } },
      tencentcloud_cam_role_policy_attachment: { nodes: { role_id: principals.roleId, policy_id: '${tencentcloud_cam_policy.pull.id}' } },
    },
  };
}

describe('all applied resource types through terraform', () => {
  let emulator: EmulatorHandle;
  let stack: TerraformStack;
  let before: string;
  let tfLogDir: string;
  let principals: Principals;
  /** Values the API generated (random service-account password, token values), collected from state after apply. */
  const issuedSecrets: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    emulator.admin.seedAccount({ name: 'ci-bot' });
    principals = { groupId: emulator.admin.seedGroup({ name: 'developers' }).groupId, roleId: emulator.admin.seedRole({ roleName: 'tke-nodes' }).roleId };
    before = JSON.stringify(resourceSnapshot(emulator.admin.state()));
    tfLogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-standin-tflog-'));
    stack = TerraformStack.fromJson(config('initial', principals), {
      endpointUrl: `http://${emulator.endpoint}`,
      secretId: emulator.root.secretId,
      secretKey: emulator.root.secretKey,
      // terraform's own log of everything the plugin writes to stderr, for the canary scan
      env: { TF_LOG_PROVIDER: 'TRACE', TF_LOG_PATH: path.join(tfLogDir, 'terraform.log') },
    });
  }, 60_000);

  afterAll(async () => {
    stack?.dispose();
    fs.rmSync(tfLogDir, { recursive: true, force: true });
    await emulator?.close();
  });

  test('apply creates everything, then a second plan is empty', async () => {
    const apply = await stack.apply();
    expect(apply.stderr).toBe('');
    expect(apply.stdout).toContain('Apply complete! Resources: 12 added, 0 changed, 0 destroyed.');
    const { run, json } = await stack.plan();
    expect(run.stderr).toBe('');
    const a = plannedActions(json);
    expect([...a.create, ...a.update, ...a.delete, ...a.replace]).toEqual([]);
  }, 120_000);

  test('state and emulator follow the provider semantics', () => {
    const res = (type: string, name: string) => stack.state().resources.find((r: any) => r.type === type && r.name === name).instances[0].attributes;
    const ci = res('tencentcloud_tcr_service_account', 'ci');
    issuedSecrets.push(ci.password, res('tencentcloud_tcr_token', 'deploy').token, res('tencentcloud_tcr_token', 'paused').token);
    expect(ci.id).toBe(`${res('tencentcloud_tcr_instance', 'reg').id}#ci`);
    expect(ci.password).toMatch(/.{8,}/); // the one-time password of CreateServiceAccount, kept in state like the provider does
    expect(res('tencentcloud_tcr_service_account', 'fixed').password).toBe(FIXED_PASSWORD);
    expect(ci.expires_at).toBeGreaterThan(Date.now());
    const paused = res('tencentcloud_tcr_token', 'paused');
    expect(paused.enable).toBe(false);
    expect(paused.token).not.toBe('');
    expect(paused.id).toBe(`${paused.instance_id}#${paused.token_id}`);
    expect(res('tencentcloud_ssm_secret_version', 'v1').secret_string).toBe(SECRET_V1);
    expect(res('tencentcloud_ssm_secret', 'creds')).toMatchObject({ is_enabled: true, status: 'Enabled', recovery_window_in_days: 0 });
    // The read found the account under its tcr$-prefixed API name (the fallback to the first account was not used).
    expect(stack.pluginLog()).not.toContain('falls back to the first account');
    const state = emulator.admin.state() as any;
    const instance: any = Object.values(state.tcr.instances)[0];
    expect(Object.keys(instance.serviceAccounts).sort()).toEqual(['ci', 'fixed']);
    const policyId = Number(res('tencentcloud_cam_policy', 'pull').id);
    const bot = res('tencentcloud_cam_user_policy_attachment', 'bot');
    expect(bot).toMatchObject({ id: `ci-bot#${policyId}`, policy_name: 'tcr-pull' });
    expect(res('tencentcloud_cam_group_policy_attachment', 'devs').id).toBe(`${principals.groupId}#${policyId}`);
    expect(res('tencentcloud_cam_role_policy_attachment', 'nodes').id).toBe(`${principals.roleId}#${policyId}`);
    expect(Object.values(state.cam.attachments.user)).toEqual([[policyId]]);
  });

  test('changes are planned in place or as replacement as the provider does, and settle', async () => {
    stack.writeConfig(config('changed', principals));
    const { run, json } = await stack.plan();
    expect(run.stderr).toBe('');
    const a = plannedActions(json);
    expect(a.update.sort()).toEqual([
      'tencentcloud_cam_policy.pull',
      'tencentcloud_ssm_secret_version.v1',
      'tencentcloud_tcr_namespace.apps',
      'tencentcloud_tcr_service_account.ci',
      'tencentcloud_tcr_token.paused',
    ]);
    expect(a.replace).toEqual(['tencentcloud_tcr_token.deploy']); // description is ForceNew
    expect(a.create).toEqual([]);
    const apply = await stack.apply();
    expect(apply.stderr).toBe('');
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 5 changed, 1 destroyed.');
    const apps = Object.values<any>(emulator.admin.state().tcr.instances)[0].namespaces.apps;
    expect({ severity: apps.severity, isPublic: apps.isPublic }).toEqual({ severity: 'medium', isPublic: true });
    const again = await stack.plan();
    const b = plannedActions(again.json);
    expect([...b.create, ...b.update, ...b.delete, ...b.replace]).toEqual([]);
  }, 120_000);

  test('terraform import reads a resource back by its id with no diff', async () => {
    const ns = stack.state().resources.find((r: any) => r.type === 'tencentcloud_tcr_namespace').instances[0].attributes.id;
    expect((await stack.run(['state', 'rm', '-no-color', 'tencentcloud_tcr_namespace.apps'])).code).toBe(0);
    const imp = await stack.run(['import', '-no-color', '-input=false', 'tencentcloud_tcr_namespace.apps', ns]);
    expect(imp.stderr).toBe('');
    expect(imp.stdout).toContain('Import successful!');
    const { json } = await stack.plan();
    const a = plannedActions(json);
    expect([...a.create, ...a.update, ...a.delete, ...a.replace]).toEqual([]);
  }, 120_000);

  test('import of a service account and a token by their ids: secrets are not recoverable, permissions and duration not read back', async () => {
    const attrs = (type: string, name: string) =>
      stack.state().resources.find((r: any) => r.type === type && r.name === name).instances[0].attributes;
    const accountId = attrs('tencentcloud_tcr_service_account', 'ci').id;
    const tokenId = attrs('tencentcloud_tcr_token', 'deploy').id;
    expect(accountId).toMatch(/^tcr-[a-z0-9]+#ci$/);
    expect(tokenId).toMatch(/^tcr-[a-z0-9]+#.+$/);
    for (const [address, id] of [['tencentcloud_tcr_service_account.ci', accountId], ['tencentcloud_tcr_token.deploy', tokenId]]) {
      expect((await stack.run(['state', 'rm', '-no-color', address])).code).toBe(0);
      const imp = await stack.run(['import', '-no-color', '-input=false', address, id]);
      expect(imp.stderr).toBe('');
    }
    expect(attrs('tencentcloud_tcr_service_account', 'ci')).toMatchObject({ id: accountId, name: 'ci', password: null, permissions: [], duration: null });
    expect(attrs('tencentcloud_tcr_token', 'deploy')).toMatchObject({ id: tokenId, token: null, user_name: null, description: 'deploy v2' });
    // As with the provider: the token settles, the account gets one update re-sending permissions and duration.
    const { json } = await stack.plan();
    const a = plannedActions(json);
    expect([...a.create, ...a.update, ...a.delete, ...a.replace]).toEqual(['tencentcloud_tcr_service_account.ci']);
    const apply = await stack.apply();
    expect(apply.stderr).toBe('');
    expect(apply.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    const again = plannedActions((await stack.plan()).json);
    expect([...again.create, ...again.update, ...again.delete, ...again.replace]).toEqual([]);
  }, 120_000);

  test('an account deleted outside terraform is read as another one (the provider\'s fallback): an update, not a re-create', async () => {
    const registryId = stack.state().resources.find((r: any) => r.type === 'tencentcloud_tcr_instance').instances[0].attributes.id;
    const api = new TencentApi({
      secretId: emulator.root.secretId, secretKey: emulator.root.secretKey, region: 'ap-guangzhou', endpointUrl: `http://${emulator.endpoint}`, retryTimeoutSeconds: 5,
    }, new PluginLog('', false));
    await api.call('tcr', 'DeleteServiceAccount', { RegistryId: registryId, Name: 'tcr$fixed' });
    const { run, json } = await stack.plan();
    expect(run.code).toBe(0);
    const a = plannedActions(json);
    // The read found no tcr$fixed and took the first listed account (ci): its description shows up as drift.
    expect(a.update).toEqual(['tencentcloud_tcr_service_account.fixed']);
    expect([...a.create, ...a.delete, ...a.replace]).toEqual([]);
    const change = json.resource_changes.find((rc: any) => rc.address === 'tencentcloud_tcr_service_account.fixed').change;
    expect(change.before).toMatchObject({ name: 'fixed', description: 'CI pushes' });
    expect(stack.pluginLog()).toContain(`tcr_service_account ${registryId}#fixed: not in DescribeServiceAccounts, provider falls back to the first account`);
    // The read keeps it in state, so destroy would send DeleteServiceAccount for tcr$fixed and fail on the missing
    // account, as it does with the provider: forget it the way a user would have to.
    expect((await stack.run(['state', 'rm', '-no-color', 'tencentcloud_tcr_service_account.fixed'])).code).toBe(0);
  }, 120_000);

  test('destroy removes everything it created', async () => {
    const d = await stack.destroy();
    expect(d.stderr).toBe('');
    expect(d.stdout).toContain('Destroy complete! Resources: 11 destroyed.');
    expect(JSON.stringify(resourceSnapshot(emulator.admin.state()))).toBe(before);
  }, 120_000);

  test('no secret value appears in the plugin log or in terraform\'s record of the plugin\'s stderr', () => {
    const pluginLog = stack.pluginLog();
    // Apply results matched every known planned value (the stand-in's own consistency check logged nothing).
    expect(pluginLog.split('\n').filter((l) => l.includes('differs from the plan'))).toEqual([]);
    const pluginLines = fs.readFileSync(path.join(tfLogDir, 'terraform.log'), 'utf8').split('\n')
      .filter((l) => l.includes('provider.terraform-provider-tencentcloud'));
    expect(pluginLog).toContain('api tcr.CreateServiceAccount ok');
    expect(pluginLines.join('\n')).toContain('tencentcloud-standin');
    expect(pluginLines.join('\n')).toContain('api ssm.PutSecretValue ok');
    const canaries = [FIXED_PASSWORD, SECRET_V1, SECRET_V2, emulator.root.secretKey, ...issuedSecrets];
    for (const text of [pluginLog, pluginLines.join('\n')]) {
      for (const c of canaries) expect(text.includes(c) ? `leaked ${c.slice(0, 4)}...` : 'clean').toBe('clean');
    }
  });
});
