import { blockType, loadProviderSchemas, toProtoBlock, toProtoProviderSchema } from '../../tfprovider/schema';

const schemas = loadProviderSchemas();

describe('pinned schema served as tfplugin6 Schema messages', () => {
  test('attributes carry cty type JSON and flags', () => {
    const sa = toProtoBlock(schemas.resource_schemas.tencentcloud_tcr_service_account.block) as any;
    const password = sa.attributes.find((a: any) => a.name === 'password');
    expect(Buffer.from(password.type).toString()).toBe('"string"');
    expect(password).toMatchObject({ optional: true, computed: true, sensitive: true, required: false });
    const perms = sa.blockTypes.find((b: any) => b.typeName === 'permissions');
    expect(perms).toMatchObject({ nesting: 'LIST', minItems: 1, maxItems: 0 });
    const actions = perms.block.attributes.find((a: any) => a.name === 'actions');
    expect(JSON.parse(Buffer.from(actions.type).toString())).toEqual(['set', 'string']);
  });

  test('deprecated, write_only and set blocks with max_items survive', () => {
    const att = toProtoBlock(schemas.resource_schemas.tencentcloud_cam_user_policy_attachment.block) as any;
    expect(att.attributes.find((a: any) => a.name === 'user_id').deprecated).toBe(true);
    const v2 = toProtoBlock(schemas.resource_schemas.tencentcloud_ssm_secret_version_v2.block) as any;
    expect(v2.attributes.find((a: any) => a.name === 'secret_string_wo').writeOnly).toBe(true);
    const provider = toProtoBlock(schemas.provider.block) as any;
    expect(provider.blockTypes.find((b: any) => b.typeName === 'assume_role')).toMatchObject({ nesting: 'SET', maxItems: 1 });
  });

  test('every resource, data source and ephemeral resource is served', () => {
    const all = toProtoProviderSchema(schemas) as any;
    expect(Object.keys(all.resourceSchemas).sort()).toEqual(Object.keys(schemas.resource_schemas).sort());
    expect(Object.keys(all.dataSourceSchemas).sort()).toEqual(Object.keys(schemas.data_source_schemas).sort());
    expect(Object.keys(all.ephemeralResourceSchemas)).toEqual(['tencentcloud_ssm_secret_version']);
    expect(all.serverCapabilities.planDestroy).toBe(true);
  });

  test('block object type includes nested blocks as list/set of objects', () => {
    const t = blockType(schemas.resource_schemas.tencentcloud_tcr_instance.block) as any;
    expect(t[0]).toBe('object');
    expect(t[1].replications[0]).toBe('list');
    expect(t[1].security_policy[0]).toBe('set');
    expect(t[1].security_policy[1][1].index).toBe('number');
    expect(t[1].tags).toEqual(['map', 'string']);
  });
});
