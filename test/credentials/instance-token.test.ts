import 'cdktf/lib/testing/adapters/jest';
import { TerraformVariable, Testing } from 'cdktf';
import { programArgs, terraformData } from './synthesized';
import { InstanceToken, SecretStore, TcrInstance, TokenType } from '../../src';
import { SHIM_BUNDLE_PATH } from '../../src/credentials/private/shim-program';
import { camClient } from '../emulator/helpers';
import { stackWithInstance, stackWithProvider, validationErrors } from '../helpers/stacks';
import { ShimWorld, shimWorld } from '../shim/harness';

function importedStack(instanceId = 'tcr-abcd1234', name = 'acme-registry') {
  const { stack } = stackWithProvider();
  const instance = TcrInstance.fromInstanceAttributes(stack, 'registry', { instanceId, name, region: 'ap-guangzhou' });
  return { stack, instance };
}

test('one terraform_data (id Resource) with triggers_replace on every input and create/destroy provisioners', () => {
  const { stack, instance } = stackWithInstance();
  const token = new InstanceToken(stack, 'ci-token', { instance, store: SecretStore.ssm({ secretName: 'ci-token', recoveryWindowDays: 7 }), description: 'CI' });
  expect(token.resource.node.id).toBe('Resource');
  expect(token.secretName).toBe('ci-token');
  const [resource] = Object.values(terraformData(stack));
  expect(resource.input).toEqual({
    instance_id: expect.stringMatching(/^\$\{tencentcloud_tcr_instance\.\w+\.id\}$/),
    registry_domain: 'acme-registry.tencentcloudcr.com',
    type: 'longterm',
    store: 'ssm:ci-token',
    owner: 'stack/ci-token',
    description: 'CI',
    kms_key_id: '',
    region: '',
    recovery_window_days: 7,
  });
  expect(resource.triggers_replace).toEqual(resource.input);
  const provisioners = resource.provisioner.map((p: any) => p['local-exec']);
  expect(provisioners.map((p: any) => p.when)).toEqual(['create', 'destroy']);
  for (const p of provisioners) {
    expect(p.interpreter[0]).toBe('node');
    expect(p.interpreter[1]).toMatch(/^assets\/TcrCredentialsProgram\/[0-9A-F]+\/tcr-credentials\.js$/);
  }
  // The destroy provisioner may reference only its own resource.
  const destroy = JSON.stringify(provisioners[1]);
  expect(destroy.match(/\$\{[^}]*\}/g)!.every((ref) => ref.startsWith('${self.input.'))).toBe(true);
  expect(programArgs(resource, 'destroy')).toEqual([
    'token', 'delete', `--instance-id=${resource.input.instance_id}`, '--store=ssm:ci-token', '--recovery-window-days=7', '--region=', '--owner=stack/ci-token',
  ]);
});

test('all credential constructs of a stack share one copy of the program', () => {
  const { stack, instance } = importedStack();
  new InstanceToken(stack, 'a', { instance, store: SecretStore.ssm({ secretName: 'a' }) });
  new InstanceToken(stack, 'b', { instance, store: SecretStore.ssm({ secretName: 'b' }), tokenType: TokenType.TEMPORARY });
  const synthesized = Testing.synth(stack, true);
  const assets = new Set(synthesized.match(/assets\/TcrCredentialsProgram\/[0-9A-F]+\/tcr-credentials\.js/g));
  expect(assets.size).toBe(1);
  expect(stack.node.findChild('TcrCredentialsProgram')).toBeDefined();
});

test.each([
  ['unknown secret name characters', { store: SecretStore.ssm({ secretName: 'ci/token' }) }, 'InstanceToken property "store.secretName" has value "ci/token", which must be 1-128 characters of letters, digits, "_" and "-"'],
  ['empty secret name', { store: SecretStore.ssm({ secretName: '' }) }, 'property "store.secretName" has value ""'],
  ['secret name over 128 characters', { store: SecretStore.ssm({ secretName: 'x'.repeat(129) }) }, 'property "store.secretName"'],
  ['recovery window over 30 days', { store: SecretStore.ssm({ secretName: 'a', recoveryWindowDays: 31 }) }, 'property "store.recoveryWindowDays" has value 31, which must be a whole number of days from 0 (delete now) to 30'],
  ['negative recovery window', { store: SecretStore.ssm({ secretName: 'a', recoveryWindowDays: -1 }) }, 'property "store.recoveryWindowDays" has value -1'],
  ['bad KMS key id', { store: SecretStore.ssm({ secretName: 'a', kmsKeyId: 'my key' }) }, 'property "store.kmsKeyId" has value "my key", which must be 1-128 characters of letters, digits and "-"'],
  ['relative file path', { store: SecretStore.file('creds.json') }, 'property "store.path" has value "creds.json", which must be an absolute path'],
  ['file path naming a directory', { store: SecretStore.file('/var/lib/creds/') }, 'property "store.path" has value "/var/lib/creds/"'],
  ['description over 231 characters', { description: 'd'.repeat(232) }, 'property "description" has value "ddd'],
  ['owner with characters a tag value refuses', { owner: 'team<a>' }, 'property "owner" has value "team<a>", which must be 1-255 characters of letters, digits, spaces and "+-=._:/@"'],
  ['owner over 255 characters', { owner: 'o'.repeat(256) }, 'property "owner" has value "ooo'],
  ['unknown region', { region: 'ap-atlantis' }, 'InstanceToken property "region" has value "ap-atlantis", which must be a Tencent Cloud region id: one of ap-guangzhou'],
])('bad input: %s', (_name, props, message) => {
  const { stack, instance } = importedStack();
  new InstanceToken(stack, 'token', { instance, store: SecretStore.ssm({ secretName: 'ok' }), ...props } as any);
  const errors = validationErrors(stack);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('[stack/token] ');
  expect(errors[0]).toContain(message);
});

test('a store name that is not a literal is refused: the destroy command could not use it', () => {
  const { stack, instance } = importedStack();
  const name = new TerraformVariable(stack, 'secret_name', { type: 'string' });
  new InstanceToken(stack, 'token', { instance, store: SecretStore.ssm({ secretName: name.stringValue }) });
  const errors = validationErrors(stack);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^\[stack\/token\] InstanceToken property "store" has value "\$\{TfToken\[TOKEN\.\d+\]\}", which must be a literal/);
});

test('a missing program bundle fails synth with the command that builds it', () => {
  expect(SHIM_BUNDLE_PATH).toMatch(/bundle\/tcr-credentials\.js$/);
});

describe('the synthesized commands against the emulator', () => {
  let w: ShimWorld;
  beforeEach(async () => {
    w = await shimWorld();
  });
  afterEach(() => w.close());

  test.each([TokenType.LONG_TERM, TokenType.TEMPORARY])('create then destroy (%p) through the exact provisioner argv', async (tokenType) => {
    const { stack, instance } = importedStack(w.instanceId, w.registry.split('.')[0]);
    new InstanceToken(stack, 'ci-token', { instance, store: SecretStore.ssm({ secretName: 'ci-token' }), tokenType });
    const [resource] = Object.values(terraformData(stack));
    const created = await w.run(programArgs(resource, 'create'));
    expect(created.code).toBe(0);
    expect(created.json).toMatchObject({ minted: true, tokenType: tokenType.value, owner: 'stack/ci-token' });
    expect(w.login(w.document('ci-token')).ok).toBe(true);
    const destroyed = await w.run(programArgs(resource, 'destroy'));
    expect(destroyed.code).toBe(0);
    expect(w.secret('ci-token')).toBeUndefined();
    expect(w.tokens()).toEqual([]);
  });

  /** Every call the construct's deploys make: create, a repeat, re-mints into new versions (pruning), destroy, restore. */
  async function deployCycle(resource: any, creds: NodeJS.ProcessEnv, tokenId: () => string | undefined): Promise<string> {
    const run = async (args: string[]) => {
      const r = await w.run(args, creds);
      if (r.code !== 0) throw new Error(r.stderr);
      return r;
    };
    await run(programArgs(resource, 'create'));
    await run(programArgs(resource, 'create'));
    for (let i = 0; i < 5; i++) {
      await w.tcr.DeleteInstanceToken({ RegistryId: w.instanceId, TokenId: tokenId()! });
      await run(programArgs(resource, 'create'));
    }
    await run(programArgs(resource, 'destroy'));
    await run(programArgs(resource, 'create'));
    await run(programArgs(resource, 'destroy'));
    return 'ok';
  }

  test('requiredPermissions: exactly those let a sub-account deploy and destroy; without any one, the CAM denial names it', async () => {
    const { stack, instance } = importedStack(w.instanceId, w.registry.split('.')[0]);
    const token = new InstanceToken(stack, 'ci-token', {
      instance, store: SecretStore.ssm({ secretName: 'ci-token', recoveryWindowDays: 7 }), region: 'ap-guangzhou',
    });
    const [resource] = Object.values(terraformData(stack));
    expect(token.requiredPermissions).toEqual([
      { effect: 'allow', actions: ['tcr:CreateInstanceToken', 'tcr:DeleteInstanceToken', 'tcr:DescribeInstanceToken'], resources: [`qcs::tcr:ap-guangzhou:uin/:instance/${w.instanceId}`] },
      {
        effect: 'allow',
        actions: ['ssm:CreateSecret', 'ssm:DeleteSecret', 'ssm:DeleteSecretVersion', 'ssm:DescribeSecret', 'ssm:DisableSecret', 'ssm:EnableSecret',
          'ssm:GetSecretValue', 'ssm:ListSecretVersionIds', 'ssm:PutSecretValue', 'ssm:RestoreSecret'],
        resources: ['qcs::ssm:ap-guangzhou:uin/:secret/ci-token'],
      },
      { effect: 'allow', actions: ['ssm:ListSecrets'], resources: ['qcs::ssm:ap-guangzhou:uin/:secret/*'] },
    ]);
    const all = token.requiredPermissions.flatMap((s) => s.actions.map((action) => ({ action, resource: s.resources[0] })));
    const deployer = async (omit?: string) => {
      const user = w.emu.admin.seedAccount({ name: `deployer-${omit?.replace(':', '-') ?? 'all'}` });
      const statement = all.filter((p) => p.action !== omit).map((p) => ({ effect: 'allow', action: [p.action], resource: [p.resource] }));
      const cam = camClient(w.emu, w.emu.root);
      const { PolicyId } = await cam.CreatePolicy({ PolicyName: `deploy-${user.uin}`, PolicyDocument: JSON.stringify({ version: '2.0', statement }) });
      await cam.AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(user.uin) });
      return { TENCENTCLOUD_SECRET_ID: user.secretId, TENCENTCLOUD_SECRET_KEY: user.secretKey };
    };
    const currentTokenId = () => w.document('ci-token').tcrCredentials.tokenId;
    await expect(deployCycle(resource, await deployer(), currentTokenId)).resolves.toBe('ok');
    for (const { action } of all) {
      w.emu.admin.mutate((s) => {
        (s.ssm as any).secrets = {};
      });
      for (const t of w.tokens()) await w.tcr.DeleteInstanceToken({ RegistryId: w.instanceId, TokenId: t.id });
      const creds = await deployer(action);
      const failure = await deployCycle(resource, creds, currentTokenId).catch((e: Error) => e.message);
      expect({ action, failure }).toEqual({ action, failure: expect.stringMatching(new RegExp(`UnauthorizedOperation[^\\n]*${action.replace('.', '\\.')}`)) });
    }
  });
});
