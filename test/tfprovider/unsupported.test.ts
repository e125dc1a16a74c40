import { TerraformStack, plannedActions } from '../../tfprovider/harness/terraform';
import { IMPLEMENTED } from '../../tfprovider/provider';
import { loadProviderSchemas } from '../../tfprovider/schema';

/**
 * Resources of the pinned schema the stand-in does not apply still validate and plan (the schema is served whole);
 * applying them fails with a clear diagnostic instead of pretending.
 */
const header = {
  terraform: { required_providers: { tencentcloud: { source: 'tencentcloudstack/tencentcloud', version: '1.83.25' } } },
  provider: { tencentcloud: [{ region: 'ap-guangzhou' }] },
};

const configs: Record<string, Record<string, unknown>> = {
  tencentcloud_tcr_repository: { instance_id: 'tcr-abc', namespace_name: 'apps', name: 'web' },
  tencentcloud_tcr_vpc_attachment: { instance_id: 'tcr-abc', vpc_id: 'vpc-1', subnet_id: 'subnet-1' },
  tencentcloud_tcr_tag_retention_rule: { registry_id: 'tcr-abc', namespace_name: 'apps', cron_setting: 'daily', retention_rule: [{ key: 'latestPushedK', value: 10 }] },
  tencentcloud_tcr_immutable_tag_rule: {
    registry_id: 'tcr-abc',
    namespace_name: 'apps',
    rule: [{ repository_pattern: '**', tag_pattern: 'v*', repository_decoration: 'repoMatches', tag_decoration: 'matches' }],
  },
  tencentcloud_ssm_secret_version_v2: { secret_name: 's', version_id: 'v1', secret_string_wo: 'write-only' },
};

test('every schema resource is either applied by the stand-in or covered here', () => {
  const all = Object.keys(loadProviderSchemas().resource_schemas).sort();
  expect([...Object.keys(IMPLEMENTED), ...Object.keys(configs)].sort()).toEqual(all);
});

test('they validate and plan, and apply fails naming the resource type', async () => {
  const resource = Object.fromEntries(Object.entries(configs).map(([type, body]) => [type, { x: body }]));
  const stack = TerraformStack.fromJson({ ...header, resource }, {
    endpointUrl: 'http://127.0.0.1:9', secretId: 'AKIDunused', secretKey: 'unused',
  });
  try {
    expect((await stack.validate()).code).toBe(0);
    const { run, json } = await stack.plan();
    expect(run.code).toBe(0);
    expect(plannedActions(json).create.sort()).toEqual(Object.keys(configs).map((t) => `${t}.x`).sort());
    const apply = await stack.apply();
    expect(apply.code).toBe(1);
    const text = apply.stderr.replace(/\s+/g, ' ');
    for (const type of Object.keys(configs)) expect(text).toContain(`Error: ${type} is not supported by the tencentcloud stand-in provider`);
  } finally {
    stack.dispose();
  }
}, 60_000);
