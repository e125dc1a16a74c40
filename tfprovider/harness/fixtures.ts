/**
 * What some examples expect to exist before `terraform apply`: an example that imports an existing instance
 * (`TcrInstance.fromInstanceAttributes`) needs that instance, with the namespaces it imports, in the emulator.
 * Seeded through the signed API like a real account would have them, then re-keyed to the id the example names
 * (the API picks instance ids; the admin `mutate` hook is the emulator's documented way to shape state).
 */
import { TencentApi } from '../api';
import { EmulatorLike } from './lifecycle';
import { PluginLog } from '../log';

export interface ExistingInstance {
  readonly instanceId: string;
  readonly name: string;
  readonly type?: string;
  readonly namespaces?: readonly string[];
}

export interface SeedableEmulator extends EmulatorLike {
  readonly admin: EmulatorLike['admin'] & { mutate<T>(fn: (state: any) => T): T };
}

export async function seedExistingInstance(emulator: SeedableEmulator, existing: ExistingInstance, region = 'ap-guangzhou'): Promise<void> {
  const api = new TencentApi({
    secretId: emulator.root.secretId,
    secretKey: emulator.root.secretKey,
    region,
    endpointUrl: `http://${emulator.endpoint}`,
    retryTimeoutSeconds: 5,
  }, new PluginLog('', false));
  const created = await api.call('tcr', 'CreateInstance', { RegistryName: existing.name, RegistryType: existing.type ?? 'standard' });
  const tempId = String(created.RegistryId);
  emulator.admin.mutate((state) => {
    const record = state.tcr.instances[tempId];
    delete state.tcr.instances[tempId];
    record.id = existing.instanceId;
    state.tcr.instances[existing.instanceId] = record;
  });
  for (const ns of existing.namespaces ?? []) {
    await api.call('tcr', 'CreateNamespace', { RegistryId: existing.instanceId, NamespaceName: ns, IsPublic: false });
  }
}

/** Preconditions per example directory name. Examples not listed need none. */
export const EXAMPLE_FIXTURES: Readonly<Record<string, (emulator: SeedableEmulator) => Promise<void>>> = {
  // examples/existing-instance: a team stack on the shared registry tcr-abcd1234 with its base-images namespace.
  'existing-instance': (emulator) => seedExistingInstance(emulator, { instanceId: 'tcr-abcd1234', name: 'acme-registry', namespaces: ['base-images'] }),
  // examples/ci-credentials: credentials on the shared registry tcr-c1cred01, whose ci-images namespace it imports.
  'ci-credentials': (emulator) => seedExistingInstance(emulator, { instanceId: 'tcr-c1cred01', name: 'acme-shared', namespaces: ['ci-images'] }),
};
