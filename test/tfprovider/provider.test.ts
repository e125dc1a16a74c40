import { PluginCaller, quietLog } from './plugin';
import { encodeValue, UNKNOWN } from '../../tfprovider/codec';
import { StandInProvider } from '../../tfprovider/provider';
import { blockType } from '../../tfprovider/schema';

const caller = new PluginCaller();
const provider = caller.provider;
const schemas = provider.schemas;
const dv = (typeName: string, value: Record<string, unknown> | null) => caller.dv(typeName, value);
const validate = (typeName: string, config: Record<string, unknown>) => caller.validate(typeName, config);
function plan(typeName: string, prior: Record<string, unknown> | null, config: Record<string, unknown> | null) {
  const r = caller.plan(typeName, prior, config);
  return { planned: r.planned!, res: r };
}

describe('ValidateResourceConfig: the provider\'s own rules with attribute paths', () => {
  test('ssm_secret_version needs exactly one of secret_string / secret_binary', () => {
    const none = validate('tencentcloud_ssm_secret_version', { secret_name: 's', version_id: 'v1' });
    expect(none).toHaveLength(1);
    expect(none[0].detail).toBe('"secret_string": one of `secret_binary,secret_string` must be specified');
    const both = validate('tencentcloud_ssm_secret_version', { secret_name: 's', version_id: 'v1', secret_string: 'a', secret_binary: 'Yg==' });
    expect(both[0].detail).toMatch(/only one of `secret_binary,secret_string` can be specified/);
    expect(validate('tencentcloud_ssm_secret_version', { secret_name: 's', version_id: 'v1', secret_string: UNKNOWN })).toEqual([]);
  });

  test('tcr_instance: the provider\'s integer range checks, named as tccommon words them', () => {
    const d = validate('tencentcloud_tcr_instance', {
      name: 'reg', instance_type: 'basic', registry_charge_type: 3, instance_charge_type_prepaid_period: 0, instance_charge_type_prepaid_renew_flag: 4,
    });
    expect(d.map((x) => [x.summary, x.attribute?.steps])).toEqual([
      ['"registry_charge_type" cannot be higher than 2: 3', [{ attributeName: 'registry_charge_type' }]],
      ['"instance_charge_type_prepaid_period" cannot be lower than 1: 0', [{ attributeName: 'instance_charge_type_prepaid_period' }]],
      ['"instance_charge_type_prepaid_renew_flag" cannot be higher than 3: 4', [{ attributeName: 'instance_charge_type_prepaid_renew_flag' }]],
    ]);
    expect(validate('tencentcloud_tcr_instance', { name: 'reg', instance_type: 'basic', registry_charge_type: 2, instance_charge_type_prepaid_period: 1 })).toEqual([]);
  });

  test('cam_user_policy_attachment: AtLeastOneOf user_id / user_name', () => {
    expect(validate('tencentcloud_cam_user_policy_attachment', { policy_id: '12' })[0].detail).toBe('"user_name": one of `user_id,user_name` must be specified');
    expect(validate('tencentcloud_cam_user_policy_attachment', { policy_id: '12', user_name: 'bot' })).toEqual([]);
  });

  /*
   * The provider (v1.83.25) has no ValidateFunc for these: the API rejects bad values at apply, where the emulator's
   * own rules answer. Checking them at plan time with the library's rules would hide a wrong rule from the e2e run.
   */
  test.each([
    ['tencentcloud_tcr_instance', { name: 'Bad Name!', instance_type: 'gold' }],
    ['tencentcloud_tcr_namespace', { instance_id: 'tcr-1', name: 'Bad_', severity: 'critical' }],
    ['tencentcloud_tcr_service_account', { registry_id: 'tcr-1', name: 'ci', permissions: [{ resource: 'ns', actions: ['tcr:DeleteEverything'] }] }],
    ['tencentcloud_tcr_token', { instance_id: 'tcr-1', description: 'x'.repeat(256) }],
    ['tencentcloud_cam_policy', { name: 'p', document: '{not json' }],
    ['tencentcloud_cam_group_policy_attachment', { group_id: 'g', policy_id: 'p' }],
    ['tencentcloud_cam_role_policy_attachment', { role_id: 'r', policy_id: 'p' }],
    ['tencentcloud_ssm_secret', { secret_name: '-bad name-', recovery_window_in_days: 31 }],
  ])('%s: values only the API rejects pass plan-time validation', (typeName, config) => {
    expect(validate(typeName, config)).toEqual([]);
  });
});

describe('PlanResourceChange', () => {
  test('create: computed attributes unknown, Go defaults filled', () => {
    const { planned } = plan('tencentcloud_tcr_token', null, { instance_id: 'tcr-1' });
    expect(planned.enable).toBe(true);
    expect(planned.token).toBe(UNKNOWN);
    expect(planned.id).toBe(UNKNOWN);
    expect(planned.description).toBeNull();
    const secret = plan('tencentcloud_ssm_secret', null, { secret_name: 's' }).planned;
    expect(secret).toMatchObject({ is_enabled: true, recovery_window_in_days: 0, status: UNKNOWN, kms_key_id: UNKNOWN });
  });

  test('ForceNew attributes produce requires_replace; unchanged plans equal prior', () => {
    const prior = { id: 'tcr-1#tk', instance_id: 'tcr-1', enable: true, description: 'a', token_id: 'tk', token: 'secret', user_name: 'u', create_time: 't' };
    const same = plan('tencentcloud_tcr_token', prior, prior);
    expect(same.res.requiresReplace).toEqual([]);
    expect(same.planned).toEqual(prior);
    const changed = plan('tencentcloud_tcr_token', prior, { ...prior, description: 'b' });
    expect(changed.res.requiresReplace).toEqual(['description']);
    const toggled = plan('tencentcloud_tcr_token', prior, { ...prior, enable: false });
    expect(toggled.res.requiresReplace).toEqual([]);
  });

  test('destroy plans null; write-only attributes are never planned', () => {
    expect(plan('tencentcloud_cam_policy', { id: '1', name: 'p', document: '{}' }, null).planned).toBeNull();
    const v2 = plan('tencentcloud_ssm_secret_version_v2', null, { secret_name: 's', version_id: 'v', secret_string_wo: 'hush' }).planned;
    expect(v2.secret_string_wo).toBeNull();
  });
});

describe('ApplyResourceChange outside the supported set', () => {
  test('other schema resources fail with a clear diagnostic', async () => {
    const res = await provider.ApplyResourceChange({
      typeName: 'tencentcloud_tcr_repository',
      priorState: null,
      plannedState: dv('tencentcloud_tcr_repository', { instance_id: 'tcr-1', namespace_name: 'ns', name: 'r' }),
    });
    expect(res.diagnostics?.[0].summary).toBe('tencentcloud_tcr_repository is not supported by the tencentcloud stand-in provider');
  });

  test('without TENCENTCLOUD_ENDPOINT_URL the stand-in refuses to call any API', async () => {
    const p = new StandInProvider({ env: { TENCENTCLOUD_SECRET_ID: 'id', TENCENTCLOUD_SECRET_KEY: 'key' }, log: quietLog() });
    p.ConfigureProvider({ terraformVersion: '1.11.4', config: { msgpack: Buffer.from(encodeValue(null, blockType(schemas.provider.block))) } });
    const res = await p.ApplyResourceChange({
      typeName: 'tencentcloud_cam_policy',
      priorState: null,
      plannedState: dv('tencentcloud_cam_policy', { name: 'p', document: '{"version":"2.0","statement":[]}', id: UNKNOWN }),
    });
    expect(res.diagnostics?.[0].summary).toBe('TENCENTCLOUD_ENDPOINT_URL is not set');
  });
});
