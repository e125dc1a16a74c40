import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { resourceSnapshot } from '../../tfprovider/harness/lifecycle';
import { TerraformStack } from '../../tfprovider/harness/terraform';

/**
 * One deliberately broken configuration per resource type the stand-in applies: terraform must reject each at
 * `terraform validate` with the provider's own diagnostic (summary and detail), naming the attribute.
 */
const header = {
  terraform: { required_providers: { tencentcloud: { source: 'tencentcloudstack/tencentcloud', version: '1.83.25' } } },
  provider: { tencentcloud: [{ region: 'ap-guangzhou' }] },
};

/** The provider's own plan-time checks (ValidateFunc, AtLeastOneOf, ExactlyOneOf), one per resource type that has any. */
const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['tencentcloud_tcr_instance', { name: 'acme-registry', instance_type: 'basic', registry_charge_type: 3 },
    '"registry_charge_type" cannot be higher than 2: 3', /with tencentcloud_tcr_instance\.broken/],
  ['tencentcloud_cam_user_policy_attachment', { policy_id: '1001' },
    'Invalid combination of arguments', /"user_name": one of `user_id,user_name` must be specified/],
  ['tencentcloud_ssm_secret_version', { secret_name: 'registry-credentials', version_id: 'v1', secret_string: 'x', secret_binary: 'eA==' },
    'Invalid combination of arguments', /only one of `secret_binary,secret_string` can be specified/],
];

describe('terraform rejects a broken config with the stand-in provider\'s diagnostic', () => {
  /*
   * One stack holding every broken resource, validated once: terraform validates each resource on its own and
   * reports every diagnostic, so this checks the same as one stack per type at a tenth of the terraform runs.
   */
  const errorBlocks = new Map<string, string[]>();
  let code: number | undefined;

  beforeAll(async () => {
    const resource = Object.fromEntries(cases.map(([type, body]) => [type, { broken: body }]));
    const stack = TerraformStack.fromJson({ ...header, resource });
    const r = await stack.validate();
    stack.dispose();
    code = r.code;
    // -no-color output: one "Error: <summary>" block per diagnostic, naming its resource in "with <address>,".
    for (const block of r.stderr.split(/^Error: /m).slice(1)) {
      const address = /with ([\w.]+),/.exec(block)?.[1] ?? '(none)';
      errorBlocks.set(address, [...(errorBlocks.get(address) ?? []), `Error: ${block.replace(/\s+/g, ' ')}`]);
    }
  }, 60_000);

  test('validate fails', () => {
    expect(code).toBe(1);
    expect([...errorBlocks.keys()].sort()).toEqual(cases.map(([type]) => `${type}.broken`).sort());
  });

  test.each(cases)('%s', (type, _body, summary, detail) => {
    const blocks = errorBlocks.get(`${type}.broken`) ?? [];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain(`Error: ${summary} `);
    expect(blocks[0]).toMatch(detail);
  });

  test('the same resources with valid values pass validate', async () => {
    const stack = TerraformStack.fromJson({
      ...header,
      resource: {
        tencentcloud_tcr_instance: { ok: { name: 'acme-registry', instance_type: 'basic' } },
        tencentcloud_ssm_secret_version: { ok: { secret_name: 's', version_id: 'v1', secret_string: 'x' } },
        tencentcloud_cam_user_policy_attachment: { ok: { user_name: 'bot', policy_id: '1001' } },
      },
    });
    const r = await stack.validate();
    stack.dispose();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 30_000);
});

describe('rules the provider leaves to the API are enforced at apply, by the emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  test('a bad namespace name, secret name and policy document pass validate and plan, and apply fails on each', async () => {
    const before = JSON.stringify(resourceSnapshot(emulator.admin.state()));
    const stack = TerraformStack.fromJson({
      ...header,
      resource: {
        tencentcloud_tcr_instance: { reg: { name: 'rules-registry', instance_type: 'basic' } },
        tencentcloud_tcr_namespace: { bad: { instance_id: '${tencentcloud_tcr_instance.reg.id}', name: 'Team_A-' } },
        tencentcloud_ssm_secret: { bad: { secret_name: '-not a secret name-' } },
        tencentcloud_cam_policy: {
          bad: { name: 'p', document: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['tcr:*'], resource: 'qcs::tcr:::instance/*' }] }) },
        },
      },
    }, { endpointUrl: `http://${emulator.endpoint}`, secretId: emulator.root.secretId, secretKey: emulator.root.secretKey });
    try {
      expect((await stack.validate()).code).toBe(0);
      expect((await stack.plan()).run.code).toBe(0);
      const apply = await stack.apply();
      expect(apply.code).toBe(1);
      const blocks = apply.stderr.split(/^Error: /m).slice(1).map((b) => b.replace(/\s+/g, ' '));
      const about = (address: string) => blocks.filter((b) => b.includes(`with ${address},`));
      expect(about('tencentcloud_tcr_namespace.bad')).toEqual([expect.stringMatching(/^CreateNamespace failed: \[InvalidParameter[\w.]*\]/)]);
      expect(about('tencentcloud_ssm_secret.bad')).toEqual([expect.stringMatching(/^CreateSecret failed: \[InvalidParameter[\w.]*\]/)]);
      expect(about('tencentcloud_cam_policy.bad')).toEqual([expect.stringContaining('The format of `resource` in policy document is invalid, its type must be array.')]);
      expect(blocks).toHaveLength(3);
      expect((await stack.destroy()).code).toBe(0);
      expect(JSON.stringify(resourceSnapshot(emulator.admin.state()))).toBe(before);
    } finally {
      stack.dispose();
    }
  }, 120_000);
});
