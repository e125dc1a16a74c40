import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { ITcrGrantee, ITcrNamespace, TcrAction, TcrNamespace, VulnerabilitySeverity } from '../../src';
import { tcrNamespace } from '../../src/providers/tencentcloud';
import { expectSchemaValid } from '../helpers/schema-validator';
import { stackWithInstance, synthValidated } from '../helpers/stacks';

/** A grantee that records calls: stands in for a future CAM principal. */
class RecordingGrantee implements ITcrGrantee {
  public readonly calls: Array<{ namespace: ITcrNamespace; actions: string[] }> = [];
  public addNamespaceGrant(namespace: ITcrNamespace, actions: string[]): void {
    this.calls.push({ namespace, actions });
  }
}

describe('TcrNamespace', () => {
  test('defaults: private, no scanning, no blocking', () => {
    const { stack, instance } = stackWithInstance();
    const ns = instance.addNamespace('apps', { name: 'apps' });
    const synthed = Testing.synth(stack, true);
    expect(synthed).toHaveResourceWithProperties(tcrNamespace.TcrNamespace, {
      name: 'apps',
      is_public: false,
      is_auto_scan: false,
      is_prevent_vul: false,
      instance_id: '${tencentcloud_tcr_instance.registry_EFEA226F.id}',
    });
    expectSchemaValid(synthed);
    expect(ns.instance).toBe(instance);
    expect(ns.name).toMatch(/TOKEN/); // a reference, so grants depend on the namespace
    expect(ns.resource.node.id).toBe('Resource');
  });

  test('public namespace with vulnerability scanning and blocking', () => {
    const { stack, instance } = stackWithInstance();
    new TcrNamespace(stack, 'base', {
      instance,
      name: 'base-images',
      isPublic: true,
      autoScan: true,
      blockVulnerableImages: true,
      blockSeverity: VulnerabilitySeverity.HIGH,
      cveAllowList: ['CVE-2024-12345', 'CVE-2023-0001'],
      tags: { team: 'platform' },
    });
    const doc = synthValidated(stack);
    expectSchemaValid(doc);
    expect(Object.values(doc.resource.tencentcloud_tcr_namespace)[0]).toEqual({
      instance_id: '${tencentcloud_tcr_instance.registry_EFEA226F.id}',
      name: 'base-images',
      is_public: true,
      is_auto_scan: true,
      is_prevent_vul: true,
      severity: 'high',
      cve_whitelist_items: [{ cve_id: 'CVE-2024-12345' }, { cve_id: 'CVE-2023-0001' }],
      tags: { team: 'platform' },
    });
    expect(VulnerabilitySeverity.of('critical').value).toBe('critical');
    expect([VulnerabilitySeverity.LOW.value, VulnerabilitySeverity.MEDIUM.value]).toEqual(['low', 'medium']);
  });

  test('grants call the grantee with the actions (push implies pull), so any ITcrGrantee plugs in', () => {
    const { instance } = stackWithInstance();
    const ns = instance.addNamespace('apps', { name: 'apps' });
    const grantee = new RecordingGrantee();
    ns.grantPull(grantee);
    ns.grantPush(grantee);
    ns.grant(grantee, TcrAction.CREATE_REPOSITORY, TcrAction.CREATE_HELM_CHART, TcrAction.DESCRIBE_HELM_CHARTS);
    expect(grantee.calls.map((c) => c.actions)).toEqual([
      ['tcr:PullRepository'],
      ['tcr:PullRepository', 'tcr:PushRepository'],
      ['tcr:CreateRepository', 'tcr:CreateHelmChart', 'tcr:DescribeHelmCharts'],
    ]);
    expect(grantee.calls.every((c) => c.namespace === ns)).toBe(true);
  });

  test('fromNamespaceName imports a namespace that can be granted to but creates nothing', () => {
    const { stack, instance } = stackWithInstance();
    const legacy = TcrNamespace.fromNamespaceName(stack, 'legacy', instance, 'legacy-apps');
    const account = instance.addServiceAccount('ci', { name: 'ci' });
    legacy.grantPull(account);
    expect(legacy.name).toBe('legacy-apps');
    expect(legacy.instance).toBe(instance);
    const doc = synthValidated(stack);
    expect(doc.resource.tencentcloud_tcr_namespace).toBeUndefined();
    expect(Object.values<any>(doc.resource.tencentcloud_tcr_service_account)[0].permissions).toEqual([
      { resource: 'legacy-apps', actions: ['tcr:PullRepository'] },
    ]);
  });
});
