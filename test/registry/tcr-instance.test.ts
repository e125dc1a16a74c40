import 'cdktf/lib/testing/adapters/jest';
import { TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import { TcrBilling, TcrInstance, TcrInstanceType } from '../../src';
import { tcrInstance } from '../../src/providers/tencentcloud';
import { expectSchemaValid } from '../helpers/schema-validator';
import { stackWithProvider, synthValidated, validationErrors } from '../helpers/stacks';

describe('TcrInstance', () => {
  test('defaults: basic edition, deletion protection on, bucket kept', () => {
    const { stack } = stackWithProvider();
    const instance = new TcrInstance(stack, 'registry', { name: 'acme-registry' });
    const synthed = Testing.synth(stack, true);
    expect(synthed).toHaveResourceWithProperties(tcrInstance.TcrInstance, {
      name: 'acme-registry', instance_type: 'basic', deletion_protection: true, delete_bucket: false,
    });
    expectSchemaValid(synthed);
    expect(instance.name).toBe('acme-registry');
    expect(instance.registryDomain).toBe('acme-registry.tencentcloudcr.com');
    expect(instance.instanceId).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
    expect(instance.region).toBeUndefined();
    expect(instance.resource.node.id).toBe('Resource');
    const doc = JSON.parse(synthed);
    expect(doc.terraform.required_providers.tencentcloud).toEqual({
      source: 'registry.terraform.io/tencentcloudstack/tencentcloud', version: '1.83.25',
    });
  });

  test('all options map to the provider schema', () => {
    const { stack } = stackWithProvider();
    const instance = new TcrInstance(stack, 'registry', {
      name: 'acme-global',
      instanceType: TcrInstanceType.PREMIUM,
      tags: { team: 'platform' },
      deletionProtection: false,
      publicAccess: true,
      publicAccessAllowList: [{ cidrBlock: '203.0.113.0/24', description: 'office' }, { cidrBlock: '198.51.100.7' }],
      replicationRegions: ['ap-shanghai'],
      billing: TcrBilling.prepaid(12),
      cosMultiAz: true,
      cosVersioning: true,
      deleteBucketOnDestroy: true,
    });
    const doc = synthValidated(stack);
    expectSchemaValid(doc);
    expect(Object.values(doc.resource.tencentcloud_tcr_instance)[0]).toEqual({
      name: 'acme-global',
      instance_type: 'premium',
      tags: { team: 'platform' },
      deletion_protection: false,
      delete_bucket: true,
      open_public_operation: true,
      security_policy: [{ cidr_block: '203.0.113.0/24', description: 'office' }, { cidr_block: '198.51.100.7' }],
      replications: [{ region_name: 'ap-shanghai' }],
      registry_charge_type: 2,
      instance_charge_type_prepaid_period: 12,
      instance_charge_type_prepaid_renew_flag: 2,
      enable_cos_maz: true,
      enable_cos_versioning: true,
    });
    expect(instance.instanceType).toBe(TcrInstanceType.PREMIUM);
  });

  test('endpoints and id are references to the instance resource', () => {
    const { stack } = stackWithProvider();
    const instance = new TcrInstance(stack, 'registry', { name: 'acme-registry' });
    new TerraformOutput(stack, 'public_domain', { value: instance.publicDomain });
    new TerraformOutput(stack, 'internal_endpoint', { value: instance.internalEndpoint });
    new TerraformOutput(stack, 'instance_id', { value: instance.instanceId });
    const doc = synthValidated(stack);
    expect(doc.output).toEqual({
      public_domain: { value: '${tencentcloud_tcr_instance.registry_EFEA226F.public_domain}' },
      internal_endpoint: { value: '${tencentcloud_tcr_instance.registry_EFEA226F.internal_end_point}' },
      instance_id: { value: '${tencentcloud_tcr_instance.registry_EFEA226F.id}' },
    });
  });

  test('billing variants', () => {
    expect(TcrBilling.postpaid()).toMatchObject({ chargeType: 1, periodMonths: undefined, renewFlag: undefined });
    expect(TcrBilling.prepaid(3, false)).toMatchObject({ chargeType: 2, periodMonths: 3, renewFlag: 1 });
    expect(TcrInstanceType.of('enterprise-x').value).toBe('enterprise-x');
  });

  test('fromInstanceAttributes imports without creating a resource', () => {
    const { stack } = stackWithProvider();
    const imported = TcrInstance.fromInstanceAttributes(stack, 'existing', {
      instanceId: 'tcr-abcd1234', name: 'legacy-registry', region: 'ap-shanghai',
    });
    expect(imported.instanceId).toBe('tcr-abcd1234');
    expect(imported.registryDomain).toBe('legacy-registry.tencentcloudcr.com');
    expect(imported.region).toBe('ap-shanghai');
    const ns = imported.addNamespace('apps', { name: 'apps' });
    const doc = synthValidated(stack);
    expect(doc.resource.tencentcloud_tcr_instance).toBeUndefined();
    expect(Object.values(doc.resource.tencentcloud_tcr_namespace)[0]).toMatchObject({ instance_id: 'tcr-abcd1234', name: 'apps' });
    expect(ns.instance).toBe(imported);
  });

  test('an unresolved instance name is not validated as a literal', () => {
    const { stack } = stackWithProvider();
    const name = new TerraformVariable(stack, 'registry_name', { type: 'string' }).stringValue;
    new TcrInstance(stack, 'registry', { name, tags: { owner: name } });
    expect(validationErrors(stack)).toEqual([]);
  });
});
