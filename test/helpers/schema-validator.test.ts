import { expectSchemaValid, schemaProblems } from './schema-validator';

const PIN = { source: 'registry.terraform.io/tencentcloudstack/tencentcloud', version: '1.83.25' };

function stack(resource: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    provider: { tencentcloud: [{ region: 'ap-guangzhou' }] },
    terraform: { required_providers: { tencentcloud: PIN } },
    resource,
    ...extra,
  };
}

const goodAccount = {
  'registry_id': '${tencentcloud_tcr_instance.r.id}',
  'name': 'ci',
  'duration': 30,
  'disable': false,
  'tags': { team: 'platform' },
  'permissions': [{ resource: 'apps', actions: ['tcr:PullRepository'] }],
  'depends_on': ['tencentcloud_tcr_namespace.n'],
  '//': { metadata: { path: 'x' } },
};

describe('schema validator', () => {
  test('accepts a conforming stack, tokens for any type, and a single object for a list block', () => {
    const doc = stack({
      tencentcloud_tcr_service_account: {
        a: goodAccount,
        b: { ...goodAccount, duration: '${var.days}', permissions: { resource: 'apps', actions: '${var.actions}' } },
      },
      tencentcloud_tcr_instance: { r: { name: 'acme-registry', instance_type: 'basic', security_policy: [{ cidr_block: '10.0.0.0/8' }] } },
      terraform_data: { t: { input: 'x' } },
    });
    expect(schemaProblems(doc)).toEqual([]);
    expect(() => expectSchemaValid(JSON.stringify(doc))).not.toThrow();
  });

  test.each([
    ['unknown attribute', { ...goodAccount, passwd: 'x' }, 'tencentcloud_tcr_service_account.a.passwd: unknown attribute or block'],
    ['missing required attribute', { ...goodAccount, name: undefined }, '.a.name: required attribute is missing'],
    ['string where number', { ...goodAccount, duration: '30' }, '.a.duration: expected number, got string "30"'],
    ['number where bool', { ...goodAccount, disable: 1 }, '.a.disable: expected bool, got number 1'],
    ['number where string', { ...goodAccount, name: 5 }, '.a.name: expected string, got number 5'],
    ['map of wrong element type', { ...goodAccount, tags: { team: 1 } }, '.a.tags.team: expected string, got number 1'],
    ['array where map', { ...goodAccount, tags: ['x'] }, '.a.tags: expected map(string), got array'],
    ['string where set', { ...goodAccount, permissions: [{ resource: 'apps', actions: 'tcr:PullRepository' }] },
      '.a.permissions[0].actions: expected set(string), got string'],
    ['wrong element in a set', { ...goodAccount, permissions: [{ resource: 'apps', actions: [true] }] },
      '.a.permissions[0].actions[0]: expected string, got boolean true'],
    ['unknown attribute in a nested block', { ...goodAccount, permissions: [{ resource: 'apps', actions: [], scope: 'x' }] },
      '.a.permissions[0].scope: unknown attribute or block'],
    ['missing required attribute in a nested block', { ...goodAccount, permissions: [{ actions: [] }] },
      '.a.permissions[0].resource: required attribute is missing'],
    ['too few blocks', { ...goodAccount, permissions: [] }, '.a.permissions: at least 1 block(s) required, got 0'],
    ['missing required block', { ...goodAccount, permissions: undefined }, '.a.permissions: at least 1 block(s) required, got 0'],
    ['block given a primitive', { ...goodAccount, permissions: ['apps'] }, '.a.permissions[0]: expected a block (object), got string'],
  ])('reports %s', (_label, account, expected) => {
    const clean = JSON.parse(JSON.stringify(account));
    const problems = schemaProblems(stack({ tencentcloud_tcr_service_account: { a: clean } }));
    expect(problems).toEqual([expect.stringContaining(expected)]);
  });

  test('reports computed-only attributes', () => {
    const problems = schemaProblems(stack({ tencentcloud_tcr_instance: { r: { name: 'acme-registry', instance_type: 'basic', status: 'Running' } } }));
    expect(problems).toEqual(['resource.tencentcloud_tcr_instance.r.status: attribute is computed-only and cannot be set']);
  });

  test('reports too many blocks (max_items) in the provider block', () => {
    const doc = stack({}, {
      provider: { tencentcloud: [{ region: 'ap-guangzhou', assume_role_with_saml: [{}, {}] }] },
    });
    const problems = schemaProblems(doc);
    expect(problems).toEqual(expect.arrayContaining([
      'provider.tencentcloud[0].assume_role_with_saml: at most 1 block(s) allowed, got 2',
    ]));
  });

  test('reports unknown resource, data source and provider types, and data source attribute errors', () => {
    const doc = stack({ tencentcloud_tcr_unicorn: { x: {} } }, {
      data: { tencentcloud_nope: { d: {} }, tencentcloud_tcr_instances: { d: { name: 3 } } },
      provider: { tencentcloud: [{ region: 'ap-guangzhou' }], aws: [{}] },
    });
    expect(schemaProblems(doc)).toEqual([
      'resource.tencentcloud_tcr_unicorn: unknown resource type',
      'data.tencentcloud_nope: unknown data source type',
      'data.tencentcloud_tcr_instances.d.name: expected string, got number 3',
      'provider.aws: unknown provider',
    ]);
  });

  test('reports a missing or wrong required_providers pin', () => {
    expect(schemaProblems({ provider: { tencentcloud: [{}] } })).toEqual(['terraform.required_providers.tencentcloud: missing']);
    expect(schemaProblems({
      provider: { tencentcloud: [{}] },
      terraform: { required_providers: { tencentcloud: { source: 'hashicorp/tencentcloud', version: '1.0.0' } } },
    })).toEqual([
      'terraform.required_providers.tencentcloud: expected registry.terraform.io/tencentcloudstack/tencentcloud 1.83.25, got hashicorp/tencentcloud 1.0.0',
    ]);
  });

  test('expectSchemaValid throws with every problem listed', () => {
    const doc = stack({ tencentcloud_tcr_namespace: { n: { name: 1, bogus: true } } });
    expect(() => expectSchemaValid(doc)).toThrow(
      'synthesized stack does not match the pinned schema:\n' +
      '  resource.tencentcloud_tcr_namespace.n.name: expected string, got number 1\n' +
      '  resource.tencentcloud_tcr_namespace.n.bogus: unknown attribute or block\n' +
      '  resource.tencentcloud_tcr_namespace.n.instance_id: required attribute is missing');
  });
});

describe('schema validator on nesting modes and structural types the pinned schema does not use', () => {
  const schemas = {
    'registry.terraform.io/acme/toy': {
      provider: { block: {} },
      data_source_schemas: {},
      resource_schemas: {
        toy_thing: {
          block: {
            attributes: {
              obj: { type: ['object', { a: 'string', b: 'number', c: 'bool' }, ['c']], optional: true },
              tup: { type: ['tuple', ['string', 'number']], optional: true },
              nested: { type: ['list', ['map', 'number']], optional: true },
              any: { type: 'dynamic', optional: true },
              odd: { type: ['weird', 'string'], optional: true },
            },
            block_types: {
              one: { nesting_mode: 'single', block: { attributes: { x: { type: 'string', required: true } } } },
              byname: { nesting_mode: 'map', block: { attributes: { x: { type: 'number', optional: true } } } },
              several: { nesting_mode: 'set', block: {}, min_items: 1, max_items: 2 },
            },
          },
        },
      },
    },
  };
  const check = (thing: Record<string, unknown>) =>
    schemaProblems({ resource: { toy_thing: { t: { several: [{}], ...thing } } } }, schemas);

  test('accepts well-formed values of every kind', () => {
    expect(check({
      obj: { a: 'x', b: 1 },
      tup: ['a', 2],
      nested: [{ k: 1 }, { k: '${var.n}' }],
      any: { whatever: [1] },
      one: { x: 'y' },
      byname: { first: { x: 1 } },
      several: [{}, {}],
    })).toEqual([]);
  });

  test.each([
    ['object: unknown key', { obj: { a: 'x', b: 1, z: 1 } }, 'resource.toy_thing.t.obj.z: unknown object attribute'],
    ['object: missing key', { obj: { a: 'x' } }, 'resource.toy_thing.t.obj.b: missing object attribute'],
    ['object: wrong field type', { obj: { a: 'x', b: 'one' } }, 'resource.toy_thing.t.obj.b: expected number, got string "one"'],
    ['object: not an object', { obj: 'x' }, 'resource.toy_thing.t.obj: expected object, got string'],
    ['tuple: wrong length', { tup: ['a'] }, 'resource.toy_thing.t.tup: expected tuple of 2, got array'],
    ['tuple: wrong element', { tup: ['a', 'b'] }, 'resource.toy_thing.t.tup[1]: expected number, got string "b"'],
    ['nested list of maps', { nested: [{ k: 'x' }] }, 'resource.toy_thing.t.nested[0].k: expected number, got string "x"'],
    ['list given an object', { nested: { k: 1 } }, 'resource.toy_thing.t.nested: expected list(map(number)), got object'],
    ['unknown type expression', { odd: 'x' }, 'resource.toy_thing.t.odd: schema type ["weird","string"] is not understood by the validator'],
    ['single block given an array', { one: [{ x: 'y' }] }, 'resource.toy_thing.t.one: expected a single block (object), got array'],
    ['single block missing attribute', { one: {} }, 'resource.toy_thing.t.one.x: required attribute is missing'],
    ['map block not a map', { byname: [] }, 'resource.toy_thing.t.byname: expected a map of blocks, got array'],
    ['map block wrong attribute', { byname: { a: { x: 'y' } } }, 'resource.toy_thing.t.byname.a.x: expected number, got string "y"'],
    ['set block too many', { several: [{}, {}, {}] }, 'resource.toy_thing.t.several: at most 2 block(s) allowed, got 3'],
    ['set block too few', { several: [] }, 'resource.toy_thing.t.several: at least 1 block(s) required, got 0'],
  ])('reports %s', (_label, thing, expected) => {
    expect(check(thing)).toEqual([expected]);
  });
});
