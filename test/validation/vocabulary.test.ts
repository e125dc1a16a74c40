/**
 * One vocabulary, one home: the construct-level enum-like classes name exactly the values of the shared
 * vocabularies in src/validation, and the emulator accepts exactly those values.
 */
import { TerraformStack, Testing } from 'cdktf';
import { tcrService } from '../../src/emulator/services/tcr';
import { TcrAction } from '../../src/registry/tcr-action';
import { TcrInstance } from '../../src/registry/tcr-instance';
import { VulnerabilitySeverity } from '../../src/registry/vulnerability-severity';
import {
  REGISTRY_DOMAIN_SUFFIX, SERVICE_ACCOUNT_ACTION, SERVICE_ACCOUNT_ACTIONS, VULNERABILITY_SEVERITIES, VULNERABILITY_SEVERITY,
} from '../../src/validation/name-rules';
import { harness } from '../emulator/services/test-context';

/** The public static members of an enum-like class, by name. */
function statics(cls: object): Record<string, unknown> {
  return Object.fromEntries(Object.getOwnPropertyNames(cls)
    .filter((key) => !['length', 'name', 'prototype'].includes(key))
    .map((key) => [key, (cls as Record<string, unknown>)[key]])
    .filter(([, value]) => typeof value !== 'function'));
}

test('TcrAction names every service-account action, and only those', () => {
  expect(statics(TcrAction)).toEqual(SERVICE_ACCOUNT_ACTION);
  expect(Object.values(statics(TcrAction)).sort()).toEqual(SERVICE_ACCOUNT_ACTIONS);
});

test('VulnerabilitySeverity names every severity, and only those', () => {
  const values = Object.fromEntries(Object.entries(statics(VulnerabilitySeverity)).map(([key, v]) => [key, (v as VulnerabilitySeverity).value]));
  expect(values).toEqual(VULNERABILITY_SEVERITY);
  expect(Object.values(values)).toEqual(VULNERABILITY_SEVERITIES);
});

test('the registry domain of a construct and of the emulator share the suffix', () => {
  const stack = new TerraformStack(Testing.app(), 'vocab');
  const imported = TcrInstance.fromInstanceAttributes(stack, 'Imported', { instanceId: 'tcr-abcdefgh', name: 'acme-registry' });
  expect(imported.registryDomain).toBe(`acme-registry${REGISTRY_DOMAIN_SUFFIX}`);
  const h = harness(tcrService);
  const id = h.call('CreateInstance', { RegistryName: 'acme-registry', RegistryType: 'basic' }).RegistryId;
  expect(h.call('DescribeInstances', { Registryids: [id] }).Registries[0].PublicDomain).toBe(`acme-registry${REGISTRY_DOMAIN_SUFFIX}`);
});

test('the emulator accepts exactly the vocabularies', () => {
  const h = harness(tcrService);
  const id = h.call('CreateInstance', { RegistryName: 'vocab-registry', RegistryType: 'basic' }).RegistryId;
  for (const severity of VULNERABILITY_SEVERITIES) h.call('CreateNamespace', { RegistryId: id, NamespaceName: `ns-${severity}`, IsPublic: false, Severity: severity });
  expect(h.fail('CreateNamespace', { RegistryId: id, NamespaceName: 'ns-critical', IsPublic: false, Severity: 'critical' }).message).toContain('Severity');
  h.call('CreateServiceAccount', { RegistryId: id, Name: 'all-actions', Permissions: [{ Resource: 'ns-low', Actions: [...SERVICE_ACCOUNT_ACTIONS] }] });
  expect(h.fail('CreateServiceAccount', { RegistryId: id, Name: 'bad-action', Permissions: [{ Resource: 'ns-low', Actions: ['tcr:DeleteRepository'] }] }).message)
    .toContain('Permissions.0.Actions');
});
