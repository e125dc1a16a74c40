/**
 * ModifyNamespace through the official SDK: a partial update of the namespace's switches, severity and CVE list,
 * validated before anything changes, tags refused (they change through the Tag API), the not-found codes, and the
 * namespace-level CAM check.
 */
import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { allowPolicy, camClient, sdkError, tcrClient } from '../helpers';

let handle: EmulatorHandle;
let client: ReturnType<typeof tcrClient>;
let id: string;

beforeAll(async () => {
  handle = await startEmulator({ clock: Date.UTC(2026, 10, 25, 12, 0, 0) });
  client = tcrClient(handle, handle.root);
});
afterAll(async () => handle.close());
beforeEach(async () => {
  handle.admin.reset();
  id = (await client.CreateInstance({ RegistryName: 'namespace-registry', RegistryType: 'basic' })).RegistryId!;
  await client.CreateNamespace({ RegistryId: id, NamespaceName: 'apps', IsPublic: false, Severity: 'high', CVEWhitelistItems: [{ CVEID: 'CVE-2024-0001' }] });
});

const namespace = async (name = 'apps') => (await client.DescribeNamespaces({ RegistryId: id, NamespaceName: name })).NamespaceList!.find((n) => n.Name === name)!;

test('changes only the fields given; a CVE list replaces the old one', async () => {
  await client.ModifyNamespace({ RegistryId: id, NamespaceName: 'apps', IsPublic: true });
  expect(await namespace()).toMatchObject({ Public: true, AutoScan: false, PreventVUL: false, Severity: 'high', CVEWhitelistItems: [{ CVEID: 'CVE-2024-0001' }] });
  await client.ModifyNamespace({
    RegistryId: id, NamespaceName: 'apps', IsAutoScan: true, IsPreventVUL: true, Severity: 'low', CVEWhitelistItems: [{ CVEID: 'CVE-2025-1111' }, { CVEID: 'CVE-2025-2222' }],
  });
  expect(await namespace()).toMatchObject({
    Public: true, AutoScan: true, PreventVUL: true, Severity: 'low', CVEWhitelistItems: [{ CVEID: 'CVE-2025-1111' }, { CVEID: 'CVE-2025-2222' }],
  });
});

test('a bad value changes nothing; tags are refused; unknown instance and namespace have their own codes', async () => {
  let e = await sdkError(client.ModifyNamespace({ RegistryId: id, NamespaceName: 'apps', IsPublic: true, Severity: 'critical' }));
  expect(e.code).toBe('InvalidParameter');
  expect(e.message).toContain('Severity');
  expect(e.message).toContain('critical');
  e = await sdkError(client.ModifyNamespace({ RegistryId: id, NamespaceName: 'apps', IsPublic: true, CVEWhitelistItems: [{ Id: 'x' } as any] }));
  expect(e.code).toBe('InvalidParameter');
  expect(e.message).toContain('CVEWhitelistItems');
  e = await sdkError(client.ModifyNamespace({ RegistryId: id, NamespaceName: 'apps', IsPublic: true, TagSpecification: { ResourceType: 'namespace', Tags: [{ Key: 'a', Value: 'b' }] } }));
  expect(e.code).toBe('UnsupportedOperation');
  expect(e.message).toContain('TagSpecification');
  expect(await namespace()).toMatchObject({ Public: false, Severity: 'high' });

  expect((await sdkError(client.ModifyNamespace({ RegistryId: id, NamespaceName: 'nothere', IsPublic: true }))).code).toBe('ResourceNotFound.TcrResourceNotFound');
  expect((await sdkError(client.ModifyNamespace({ RegistryId: 'tcr-nothere', NamespaceName: 'apps', IsPublic: true }))).code).toBe('ResourceNotFound');
  expect((await sdkError(client.ModifyNamespace({ RegistryId: id } as any))).code).toBe('MissingParameter');
});

test('CAM: checked on the namespace (repository/<id>/<namespace>); a denial answers AuthFailure.UnauthorizedOperation', async () => {
  await client.CreateNamespace({ RegistryId: id, NamespaceName: 'other', IsPublic: false });
  const dev = handle.admin.seedAccount({ name: 'namespace-dev' });
  const devClient = tcrClient(handle, dev);
  const cam = camClient(handle, handle.root);
  const policy = await cam.CreatePolicy({
    PolicyName: 'modify-apps', PolicyDocument: allowPolicy(['tcr:ModifyNamespace'], [`qcs::tcr:ap-guangzhou:uin/${handle.root.uin}:repository/${id}/apps`]),
  });
  await cam.AttachUserPolicy({ PolicyId: policy.PolicyId!, AttachUin: Number(dev.uin) });
  await devClient.ModifyNamespace({ RegistryId: id, NamespaceName: 'apps', IsPublic: true });
  const e = await sdkError(devClient.ModifyNamespace({ RegistryId: id, NamespaceName: 'other', IsPublic: true }));
  expect(e.code).toBe('AuthFailure.UnauthorizedOperation');
  expect(e.message).toContain(`repository/${id}/other`);
  expect((await namespace('other')).Public).toBe(false);
});
