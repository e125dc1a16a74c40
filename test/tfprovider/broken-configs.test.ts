import { TerraformStack } from '../../tfprovider/harness';

/**
 * One deliberately broken configuration per resource type the stand-in applies: terraform must reject each at
 * `terraform validate` with the provider's own diagnostic (summary and detail), naming the attribute.
 */
const header = {
  terraform: { required_providers: { tencentcloud: { source: 'tencentcloudstack/tencentcloud', version: '1.83.25' } } },
  provider: { tencentcloud: [{ region: 'ap-guangzhou' }] },
};

const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['tencentcloud_tcr_instance', { name: 'acme-registry', instance_type: 'gold' },
    'Invalid instance_type', /instance_type is "gold"; valid values are "basic", "standard", "premium"/],
  ['tencentcloud_tcr_namespace', { instance_id: 'tcr-abc', name: 'Team_A-' },
    'Invalid namespace name', /name "Team_A-" must be 2-30 characters of lowercase letters/],
  ['tencentcloud_tcr_service_account', { registry_id: 'tcr-abc', name: 'ci', permissions: [{ resource: 'apps', actions: ['tcr:PushImage'] }] },
    'Invalid permissions action', /permissions\[0\]\.actions contains "tcr:PushImage"/],
  ['tencentcloud_tcr_token', { instance_id: 'tcr-abc', description: 'd'.repeat(300) },
    'Invalid description', /description is 300 characters long; it must be at most 255 characters/],
  ['tencentcloud_cam_policy', { name: 'p', document: JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['tcr:*'], resource: 'qcs::tcr:::instance/*' }] }) },
    'Invalid policy document', /statement\[0\]\.resource must be a JSON array/],
  ['tencentcloud_cam_user_policy_attachment', { policy_id: '1001' },
    'Invalid combination of arguments', /"user_name": one of `user_id,user_name` must be specified/],
  ['tencentcloud_cam_group_policy_attachment', { group_id: 'ops-team', policy_id: '1001' },
    'Invalid group_id', /group_id is "ops-team"; CAM group ids are unsigned integers/],
  ['tencentcloud_cam_role_policy_attachment', { role_id: '4611686018427397919', policy_id: 'read-only' },
    'Invalid policy_id', /policy_id is "read-only"; CAM policy ids are unsigned integers/],
  ['tencentcloud_ssm_secret', { secret_name: 'registry-credentials', recovery_window_in_days: 45 },
    'Invalid recovery_window_in_days', /recovery_window_in_days is 45; it must be 0 \(delete immediately\) or 1-30 days/],
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
        tencentcloud_cam_group_policy_attachment: { ok: { group_id: '42', policy_id: '1001' } },
      },
    });
    const r = await stack.validate();
    stack.dispose();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 30_000);
});
