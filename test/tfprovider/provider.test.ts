import { decodeValue, encodeValue, UNKNOWN } from '../../tfprovider/codec';
import { PluginLog } from '../../tfprovider/log';
import { StandInProvider } from '../../tfprovider/provider';
import { blockType } from '../../tfprovider/schema';

const quiet = new PluginLog(undefined, false);
const provider = new StandInProvider({ env: {}, log: quiet });
const schemas = provider.schemas;

function dv(typeName: string, value: Record<string, unknown> | null) {
  const block = schemas.resource_schemas[typeName].block;
  const full = value === null ? null : { ...Object.fromEntries(Object.keys(blockType(block)[1]).map((k) => [k, null])), ...value };
  // nested list/set blocks default to empty lists, as terraform sends them
  for (const [name, nb] of Object.entries(block.block_types ?? {})) if (full && full[name] === null && nb.nesting_mode !== 'single') full[name] = [];
  return { msgpack: Buffer.from(encodeValue(full, blockType(block))) };
}

function validate(typeName: string, config: Record<string, unknown>) {
  return provider.ValidateResourceConfig({ typeName, config: dv(typeName, config) }).diagnostics;
}

function plan(typeName: string, prior: Record<string, unknown> | null, config: Record<string, unknown> | null) {
  const res = provider.PlanResourceChange({
    typeName, priorState: dv(typeName, prior), proposedNewState: dv(typeName, config), config: dv(typeName, config),
  });
  return { planned: decodeValue(res.plannedState.msgpack, blockType(schemas.resource_schemas[typeName].block)), res };
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

  test('tcr_service_account actions must be TCR permission actions', () => {
    const d = validate('tencentcloud_tcr_service_account', {
      registry_id: 'tcr-1',
      name: 'ci',
      permissions: [{ resource: 'ns', actions: ['tcr:PullRepository'] }, { resource: 'ns2', actions: ['tcr:DeleteEverything'] }],
    });
    expect(d).toHaveLength(1);
    expect(d[0].detail).toMatch(/permissions\[1\]\.actions contains "tcr:DeleteEverything"/);
    expect(d[0].attribute.steps).toEqual([{ attributeName: 'permissions' }, { elementKeyInt: 1 }, { attributeName: 'actions' }]);
  });

  test('cam_policy document must be JSON whose statements have resource arrays', () => {
    expect(validate('tencentcloud_cam_policy', { name: 'p', document: '{not json' })[0].detail).toMatch(/not valid JSON/);
    const doc = JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['tcr:*'], resource: 'qcs::tcr:::instance/*' }] });
    expect(validate('tencentcloud_cam_policy', { name: 'p', document: doc })[0].detail).toMatch(/statement\[0\]\.resource must be a JSON array/);
    const ok = JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['tcr:*'], resource: ['*'] }] });
    expect(validate('tencentcloud_cam_policy', { name: 'p', document: ok })).toEqual([]);
  });

  test('tcr_instance instance_type, namespace name, token description, attachments', () => {
    expect(validate('tencentcloud_tcr_instance', { name: 'reg', instance_type: 'gold' })[0].detail).toMatch(/valid values are "basic", "standard", "premium"/);
    expect(validate('tencentcloud_tcr_namespace', { instance_id: 'tcr-1', name: 'Bad_' })[0].attribute.steps).toEqual([{ attributeName: 'name' }]);
    expect(validate('tencentcloud_tcr_token', { instance_id: 'tcr-1', description: 'x'.repeat(256) })[0].detail).toMatch(/256 characters/);
    expect(validate('tencentcloud_cam_user_policy_attachment', { policy_id: '12' })[0].detail).toMatch(/one of `user_id,user_name` must be specified/);
    expect(validate('tencentcloud_cam_group_policy_attachment', { group_id: 'g', policy_id: 'p' }).map((x: any) => x.summary)).toEqual(['Invalid policy_id', 'Invalid group_id']);
    expect(validate('tencentcloud_ssm_secret', { secret_name: 's', recovery_window_in_days: 31 })[0].summary).toBe('Invalid recovery_window_in_days');
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
    expect(changed.res.requiresReplace).toEqual([{ steps: [{ attributeName: 'description' }] }]);
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
    expect(res.diagnostics[0].summary).toBe('tencentcloud_tcr_repository is not supported by the tencentcloud stand-in provider');
  });

  test('without TENCENTCLOUD_ENDPOINT_URL the stand-in refuses to call any API', async () => {
    const p = new StandInProvider({ env: { TENCENTCLOUD_SECRET_ID: 'id', TENCENTCLOUD_SECRET_KEY: 'key' }, log: quiet });
    p.ConfigureProvider({ terraformVersion: '1.11.4', config: { msgpack: Buffer.from(encodeValue(null, blockType(schemas.provider.block))) } });
    const res = await p.ApplyResourceChange({
      typeName: 'tencentcloud_cam_policy',
      priorState: null,
      plannedState: dv('tencentcloud_cam_policy', { name: 'p', document: '{"version":"2.0","statement":[]}', id: UNKNOWN }),
    });
    expect(res.diagnostics[0].summary).toBe('TENCENTCLOUD_ENDPOINT_URL is not set');
  });
});
