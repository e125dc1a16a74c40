import { emulatorCaller, PluginCaller } from './plugin';
import { EmulatorHandle, startEmulator } from '../../src/emulator';

/**
 * The resources and data sources applied at the plugin level, in process (no terraform): PlanResourceChange and
 * ApplyResourceChange for create and update, ImportResourceState + ReadResource, destroy, against an emulator.
 * Mostly the CAM principals, tags and data sources; terraform itself runs them in all-resources and conformance.
 */
describe('plugin-level apply against the emulator', () => {
  let emulator: EmulatorHandle;
  let caller: PluginCaller;

  beforeAll(async () => {
    emulator = await startEmulator();
    caller = emulatorCaller(emulator);
  });
  afterAll(async () => {
    await emulator?.close();
  });

  test('cam_user: create with tags, update, import reads the API\'s values, destroy', async () => {
    const config = { name: 'plugin-user', remark: 'r1', console_login: true, password: 'Gail@1234', email: 'a@example.com', force_delete: true, tags: { team: 'a' } };
    const created = await caller.apply('tencentcloud_cam_user', null, config);
    expect(created).toMatchObject({ id: 'plugin-user', remark: 'r1', console_login: true, use_api: true, tags: { team: 'a' }, password: 'Gail@1234' });
    expect(created.secret_id).toMatch(/^AKID/);
    const updated = await caller.apply('tencentcloud_cam_user', created, { ...config, remark: 'r2', phone_num: '13670093505', country_code: '72', tags: { team: 'b', env: 'x' } });
    expect(updated).toMatchObject({ remark: 'r2', tags: { team: 'b', env: 'x' } });
    const imported = await caller.importAndRead('tencentcloud_cam_user', 'plugin-user');
    expect(imported).toMatchObject({ name: 'plugin-user', remark: 'r2', phone_num: '13670093505', country_code: '72', console_login: true, tags: { team: 'b', env: 'x' }, use_api: null });
    await caller.destroy('tencentcloud_cam_user', updated);
    expect(await caller.importAndRead('tencentcloud_cam_user', 'plugin-user')).toBeNull();
  });

  test('cam_group and cam_role: create, rename or update, import, destroy', async () => {
    const group = await caller.apply('tencentcloud_cam_group', null, { name: 'plugin-group', remark: 'g' });
    const renamed = await caller.apply('tencentcloud_cam_group', group, { name: 'plugin-group2', remark: 'g2' });
    expect(await caller.importAndRead('tencentcloud_cam_group', String(group.id))).toMatchObject({ name: 'plugin-group2', remark: 'g2', create_time: renamed.create_time });
    await caller.destroy('tencentcloud_cam_group', renamed);
    const trust = JSON.stringify({ version: '2.0', statement: [{ action: ['name/sts:AssumeRole'], effect: 'allow', principal: { service: ['cvm.qcloud.com'] } }] });
    const role = await caller.apply('tencentcloud_cam_role', null, { name: 'plugin-role', document: trust, description: 'd', console_login: true, tags: { a: 'b' } });
    expect(role).toMatchObject({ session_duration: 7200, console_login: true, tags: { a: 'b' }, role_arn: `qcs::cam::uin/${emulator.root.uin}:roleName/plugin-role` });
    const changed = await caller.apply('tencentcloud_cam_role', role, { name: 'plugin-role', document: trust, console_login: false, session_duration: 3600, tags: null });
    expect(changed).toMatchObject({ console_login: false, session_duration: 3600, description: '', tags: null });
    expect(await caller.importAndRead('tencentcloud_cam_role', String(role.id))).toMatchObject({ name: 'plugin-role', document: trust, session_duration: 3600 });
    await caller.destroy('tencentcloud_cam_role', changed);
    await expect(caller.apply('tencentcloud_cam_role', null, { name: 'bad-role', document: '{"version":"2.0","statement":[{"resource":"*"}]}' }))
      .rejects.toThrow('The format of `resource` in policy document is invalid, its type must be array.');
  });

  test('tags through the Tag API: instance, namespace, service account, secret, policy; data sources', async () => {
    const inst = await caller.apply('tencentcloud_tcr_instance', null, { name: 'plugin-registry', instance_type: 'basic', tags: { team: 'a' } });
    expect(inst).toMatchObject({ tags: { team: 'a' }, internal_end_point: 'plugin-registry-vpc.tencentcloudcr.com', open_public_operation: false });
    const inst2 = await caller.apply('tencentcloud_tcr_instance', inst, { name: 'plugin-registry', instance_type: 'basic', tags: { team: 'b' } });
    expect(inst2.tags).toEqual({ team: 'b' });
    const ns = await caller.apply('tencentcloud_tcr_namespace', null, { instance_id: inst.id, name: 'apps', tags: { x: '1' } });
    const ns2 = await caller.apply('tencentcloud_tcr_namespace', ns, { instance_id: inst.id, name: 'apps', tags: { x: '2' } });
    expect(ns2.tags).toEqual({ x: '2' });
    const sa = await caller.apply('tencentcloud_tcr_service_account', null, {
      registry_id: inst.id, name: 'ci', permissions: [{ resource: 'apps', actions: ['tcr:PullRepository'] }], tags: { owner: 'ci' },
    });
    expect(sa).toMatchObject({ tags: { owner: 'ci' }, disable: false });
    const sa2 = await caller.apply('tencentcloud_tcr_service_account', sa, {
      registry_id: inst.id, name: 'ci', permissions: [{ resource: 'apps', actions: ['tcr:PullRepository'] }], tags: { owner: 'cd' },
    });
    expect((await caller.importAndRead('tencentcloud_tcr_service_account', String(sa.id)))).toMatchObject({ tags: { owner: 'cd' }, disable: false });
    const secret = await caller.apply('tencentcloud_ssm_secret', null, { secret_name: 'plugin-secret', tags: { a: '1' } });
    expect(secret.kms_key_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const secret2 = await caller.apply('tencentcloud_ssm_secret', secret, { secret_name: 'plugin-secret', tags: { a: '2', b: '3' } });
    expect((await caller.importAndRead('tencentcloud_ssm_secret', 'plugin-secret'))).toMatchObject({ tags: { a: '2', b: '3' } });
    const doc = JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', action: ['tcr:*'], resource: ['*'] }] });
    const policy = await caller.apply('tencentcloud_cam_policy', null, { name: 'plugin-policy', document: doc, tags: { env: 'test' } });
    const policy2 = await caller.apply('tencentcloud_cam_policy', policy, { name: 'plugin-policy', document: doc, tags: { env: 'prod', owner: 'me' } });
    expect((await caller.importAndRead('tencentcloud_cam_policy', String(policy.id)))).toMatchObject({ tags: { env: 'prod', owner: 'me' } });

    const instances = await caller.readData('tencentcloud_tcr_instances', { name: 'plugin-registry' });
    expect(instances.instance_list).toEqual([expect.objectContaining({ id: inst.id, name: 'plugin-registry', tags: { team: 'b' } })]);
    expect(instances.id).toMatch(/^\d+$/);
    const policies = await caller.readData('tencentcloud_cam_policies', { name: 'plugin-policy' });
    expect(policies.policy_list).toEqual([expect.objectContaining({ policy_id: String(policy.id), name: 'plugin-policy' })]);
    await expect(caller.readData('tencentcloud_tcr_namespaces', { instance_id: inst.id })).rejects.toThrow('data source tencentcloud_tcr_namespaces is not supported');

    await caller.destroy('tencentcloud_cam_policy', policy2);
    await caller.destroy('tencentcloud_ssm_secret', secret2);
    await caller.destroy('tencentcloud_tcr_service_account', sa2);
    await caller.destroy('tencentcloud_tcr_namespace', ns2);
    await caller.destroy('tencentcloud_tcr_instance', inst2);
    const state = emulator.admin.state() as any;
    expect(Object.keys(state.tcr.instances)).toEqual([]);
  });
});
