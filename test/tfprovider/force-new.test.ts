import { PluginCaller } from './plugin';
import { IMPLEMENTED } from '../../tfprovider/provider';

/**
 * Replacement rules at the plugin level: for every resource type the stand-in applies, a prior state, the
 * attributes that are ForceNew in the provider's schema (read from resource_tc_*.go at v1.83.25, written here
 * independently of the stand-in's own lists) and a changed value for each, and attributes that update in place.
 * Each change alone must plan requires_replace of exactly that attribute, or of nothing, so a dropped or an extra
 * ForceNew fails here. test/tfprovider/all-resources.test.ts checks the same through terraform.
 */
interface Case {
  readonly prior: Record<string, unknown>;
  readonly forceNew: Record<string, unknown>;
  readonly inPlace: Record<string, unknown>;
}

export const FORCE_NEW_CASES: Readonly<Record<string, Case>> = {
  tencentcloud_tcr_instance: {
    prior: {
      id: 'tcr-1',
      name: 'reg',
      instance_type: 'basic',
      registry_charge_type: 1,
      open_public_operation: false,
      delete_bucket: false,
      deletion_protection: false,
      enable_cos_maz: false,
      enable_cos_versioning: false,
      status: 'Running',
    },
    forceNew: { name: 'reg2', enable_cos_maz: true, enable_cos_versioning: true },
    inPlace: { instance_type: 'standard', deletion_protection: true, open_public_operation: true, tags: { team: 'a' }, delete_bucket: true },
  },
  tencentcloud_tcr_namespace: {
    prior: { id: 'tcr-1#apps', instance_id: 'tcr-1', name: 'apps', is_public: false, is_auto_scan: false, is_prevent_vul: false },
    forceNew: { instance_id: 'tcr-2', name: 'apps2' },
    inPlace: { is_public: true, severity: 'high', is_auto_scan: true },
  },
  tencentcloud_tcr_service_account: {
    prior: { id: 'tcr-1#ci', registry_id: 'tcr-1', name: 'ci', description: 'a', disable: false },
    // No ForceNew at all: the provider's update refuses a changed registry_id or name ("argument cannot be changed").
    forceNew: {},
    inPlace: { registry_id: 'tcr-2', name: 'ci2', description: 'b', disable: true, duration: 10 },
  },
  tencentcloud_tcr_token: {
    prior: { id: 'tcr-1#tk', instance_id: 'tcr-1', enable: true, description: 'a', token_id: 'tk', token: 't', user_name: 'u', create_time: 'c' },
    forceNew: { instance_id: 'tcr-2', description: 'b' },
    inPlace: { enable: false },
  },
  tencentcloud_cam_policy: {
    prior: { id: '1', name: 'p', document: '{"version":"2.0","statement":[]}', description: 'a' },
    forceNew: { name: 'p2' },
    inPlace: { document: '{"version":"2.0","statement":[{"effect":"allow","action":["tcr:*"],"resource":["*"]}]}', description: 'b' },
  },
  tencentcloud_cam_user: {
    prior: {
      id: 'dev', name: 'dev', remark: '', force_delete: false, use_api: true, console_login: false, need_reset_password: true, uin: 100000000002, uid: 100000000002,
    },
    forceNew: { name: 'dev2' },
    inPlace: { remark: 'r', console_login: true, phone_num: '1', email: 'a@example.com', force_delete: true, tags: { a: 'b' } },
  },
  tencentcloud_cam_group: {
    prior: { id: '5', name: 'devs', remark: 'a', create_time: 't' },
    // No ForceNew: a new name is an UpdateGroup.
    forceNew: {},
    inPlace: { name: 'devs2', remark: 'b' },
  },
  tencentcloud_cam_role: {
    prior: { id: '4611686018427387905', name: 'nodes', document: '{"version":"2.0","statement":[]}', session_duration: 7200, console_login: false },
    forceNew: { name: 'nodes2' },
    inPlace: { document: '{"version":"2.0","statement":[{}]}', description: 'd', console_login: true, session_duration: 3600, tags: { a: 'b' } },
  },
  tencentcloud_cam_user_policy_attachment: {
    prior: { id: 'bot#1', user_name: 'bot', policy_id: '1' },
    forceNew: { user_name: 'bot2', user_id: '100', policy_id: '2' },
    inPlace: {},
  },
  tencentcloud_cam_group_policy_attachment: {
    prior: { id: '5#1', group_id: '5', policy_id: '1' },
    forceNew: { group_id: '6', policy_id: '2' },
    inPlace: {},
  },
  tencentcloud_cam_role_policy_attachment: {
    prior: { id: '46#1', role_id: '46', policy_id: '1' },
    forceNew: { role_id: '47', policy_id: '2' },
    inPlace: {},
  },
  tencentcloud_ssm_secret: {
    prior: { id: 's', secret_name: 's', kms_key_id: 'k1', secret_type: 0, is_enabled: true, recovery_window_in_days: 0, status: 'Enabled' },
    forceNew: { secret_name: 's2', kms_key_id: 'k2' },
    inPlace: { description: 'd', is_enabled: false, recovery_window_in_days: 7, tags: { a: 'b' }, secret_type: 4 },
  },
  tencentcloud_ssm_secret_version: {
    prior: { id: 's#v1', secret_name: 's', version_id: 'v1', secret_string: 'x' },
    forceNew: { secret_name: 's2', version_id: 'v2' },
    inPlace: { secret_string: 'y' },
  },
};

const caller = new PluginCaller();

test('every applied resource type has its replacement rules here', () => {
  expect(Object.keys(FORCE_NEW_CASES).sort()).toEqual(Object.keys(IMPLEMENTED).sort());
});

const forceNewRows = Object.entries(FORCE_NEW_CASES).flatMap(([type, c]) => Object.entries(c.forceNew).map(([attr, v]) => [type, attr, v] as const));
const inPlaceRows = Object.entries(FORCE_NEW_CASES).flatMap(([type, c]) => Object.entries(c.inPlace).map(([attr, v]) => [type, attr, v] as const));

test.each(forceNewRows)('%s.%s is ForceNew', (type, attr, value) => {
  const prior = FORCE_NEW_CASES[type].prior;
  const r = caller.plan(type, prior, { ...prior, [attr]: value });
  expect(r.diagnostics).toEqual([]);
  expect(r.requiresReplace).toEqual([attr]);
});

test.each(inPlaceRows)('%s.%s updates in place', (type, attr, value) => {
  const prior = FORCE_NEW_CASES[type].prior;
  const r = caller.plan(type, prior, { ...prior, [attr]: value });
  expect(r.diagnostics).toEqual([]);
  expect(r.requiresReplace).toEqual([]);
  expect(r.planned?.[attr]).toEqual(value);
});

test.each(Object.keys(FORCE_NEW_CASES))('%s: an unchanged configuration plans no change', (type) => {
  const prior = FORCE_NEW_CASES[type].prior;
  const r = caller.plan(type, prior, prior);
  expect(r.requiresReplace).toEqual([]);
  expect(r.planned).toEqual(caller.full(type, prior));
});
