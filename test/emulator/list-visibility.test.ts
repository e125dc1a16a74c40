/**
 * Every Describe/List action shows a sub-account only what CAM allows it to see (defect class 2): the results
 * are filtered resource by resource, not just authorised once against the literal request.
 */
import { allowPolicy, camClient, sdkError, ssmClient, tcrClient } from './helpers';
import { AccountCredentials, EmulatorHandle, startEmulator } from '../../src/emulator';

let handle: EmulatorHandle;
let root: AccountCredentials;

beforeAll(async () => {
  handle = await startEmulator();
  root = handle.root;
});
afterAll(() => handle.close());
beforeEach(() => handle.admin.reset());

/** A sub-account with one custom policy (an allow statement, optionally a deny statement). */
async function subAccount(name: string, allow: { actions: string[]; resources: string[] }, deny?: { actions: string[]; resources: string[] }) {
  const user = handle.admin.seedAccount({ name });
  const statement = [{ effect: 'allow', action: allow.actions, resource: allow.resources }];
  if (deny) statement.push({ effect: 'deny', action: deny.actions, resource: deny.resources });
  const cam = camClient(handle, root);
  const { PolicyId } = await cam.CreatePolicy({ PolicyName: `${name}-policy`, PolicyDocument: JSON.stringify({ version: '2.0', statement }) });
  await cam.AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(user.uin) });
  return user;
}

async function instanceWithNamespaces(name: string, namespaces: string[], region = 'ap-guangzhou'): Promise<string> {
  const tcr = tcrClient(handle, root, region);
  const { RegistryId } = await tcr.CreateInstance({ RegistryName: name, RegistryType: 'basic' });
  for (const ns of namespaces) await tcr.CreateNamespace({ RegistryId: RegistryId!, NamespaceName: ns, IsPublic: false });
  return RegistryId!;
}

test('DescribeNamespaces: an allow on `team` does not show `team-secret` (the name is a search)', async () => {
  const id = await instanceWithNamespaces('visibility-ns', ['team', 'team-secret', 'team-b']);
  const uin = root.uin;
  const dev = await subAccount('ns-viewer', { actions: ['tcr:DescribeNamespaces'], resources: [`qcs::tcr:ap-guangzhou:uin/${uin}:repository/${id}/team`] });
  const listed = await tcrClient(handle, dev).DescribeNamespaces({ RegistryId: id, NamespaceName: 'team' });
  expect(listed.NamespaceList!.map((n) => n.Name)).toEqual(['team']);
  expect(listed.TotalCount).toBe(1);
  // Root sees all three (the search is unchanged).
  expect((await tcrClient(handle, root).DescribeNamespaces({ RegistryId: id, NamespaceName: 'team' })).TotalCount).toBe(3);
  // A wildcard allow with a deny on one namespace hides exactly that one.
  const lead = await subAccount('ns-lead',
    { actions: ['tcr:DescribeNamespaces'], resources: [`qcs::tcr:ap-guangzhou:uin/${uin}:repository/${id}/*`] },
    { actions: ['tcr:*'], resources: [`qcs::tcr:ap-guangzhou:uin/${uin}:repository/${id}/team-secret`] });
  const all = await tcrClient(handle, lead).DescribeNamespaces({ RegistryId: id, All: true });
  expect(all.NamespaceList!.map((n) => n.Name)).toEqual(['team', 'team-b']);
  expect(all.TotalCount).toBe(2);
});

test('DescribeInstances: each instance is checked in its own region, also with AllRegion', async () => {
  const gz = await instanceWithNamespaces('visibility-gz', []);
  const sh = await instanceWithNamespaces('visibility-sh', [], 'ap-shanghai');
  const hidden = await instanceWithNamespaces('visibility-hidden', []);
  const uin = root.uin;
  const dev = await subAccount('instance-viewer',
    { actions: ['tcr:DescribeInstances'], resources: [`qcs::tcr:ap-guangzhou:uin/${uin}:instance/*`] },
    { actions: ['tcr:DescribeInstances'], resources: [`qcs::tcr:ap-guangzhou:uin/${uin}:instance/${hidden}`] });
  const inRegion = await tcrClient(handle, dev).DescribeInstances({});
  expect(inRegion.Registries!.map((r) => r.RegistryId)).toEqual([gz]);
  expect(inRegion.TotalCount).toBe(1);
  // AllRegion would have returned the Shanghai instance, for which the caller holds no allow.
  const everywhere = await tcrClient(handle, dev).DescribeInstances({ AllRegion: true });
  expect(everywhere.Registries!.map((r) => r.RegistryId)).toEqual([gz]);
  const rootView = await tcrClient(handle, root).DescribeInstances({ AllRegion: true });
  expect(rootView.Registries!.map((r) => r.RegistryId).sort()).toEqual([gz, sh, hidden].sort());
  // Asking for a denied instance by id is refused outright.
  expect((await sdkError(tcrClient(handle, dev).DescribeInstances({ Registryids: [hidden] }))).code).toBe('UnauthorizedOperation');
});

test('DescribeImages: tags the caller may not see are left out', async () => {
  const id = await instanceWithNamespaces('visibility-img', ['team-a']);
  handle.admin.mutate((s) => {
    const ns = s.tcr.instances[id].namespaces['team-a'];
    ns.repositories.push('app');
    ns.images = { app: ['v1', 'v2', 'secret'].map((tag, i) => ({ tag, digest: `sha256:${i}`, size: 1, updatedAt: Date.UTC(2026, 0, 1 + i) })) };
  });
  const repo = `qcs::tcr:ap-guangzhou:uin/${root.uin}:repository/${id}/team-a/app`;
  const dev = await subAccount('image-viewer', { actions: ['tcr:DescribeRepositories'], resources: [`${repo}/*`] }, { actions: ['tcr:*'], resources: [`${repo}/secret`] });
  const images = await tcrClient(handle, dev).DescribeImages({ RegistryId: id, NamespaceName: 'team-a', RepositoryName: 'app' });
  expect(images.ImageInfoList!.map((i) => i.ImageVersion)).toEqual(['v2', 'v1']);
  expect(images.TotalCount).toBe(2);
});

test('SSM ListSecrets: only the secrets the caller may list', async () => {
  const ssm = ssmClient(handle, root);
  for (const name of ['app-db', 'app-cache', 'payroll']) await ssm.CreateSecret({ SecretName: name, SecretString: 'x' });
  const secrets = `qcs::ssm:ap-guangzhou:uin/${root.uin}:secret`;
  // The call itself is authorised on `secret/*`; a deny on one secret then hides it from the list.
  const dev = await subAccount('secret-viewer', { actions: ['ssm:ListSecrets'], resources: [`${secrets}/*`] }, { actions: ['ssm:*'], resources: [`${secrets}/payroll`] });
  const listed = await ssmClient(handle, dev).ListSecrets({});
  expect(listed.SecretMetadatas!.map((s) => s.SecretName).sort()).toEqual(['app-cache', 'app-db']);
  expect(listed.TotalCount).toBe(2);
  expect((await ssm.ListSecrets({})).TotalCount).toBe(3);
});

test('CAM ListPolicies: only the policies the caller may list', async () => {
  const cam = camClient(handle, root);
  const { PolicyId: mine } = await cam.CreatePolicy({ PolicyName: 'visible', PolicyDocument: allowPolicy(['tcr:*'], ['*']) });
  const { PolicyId: other } = await cam.CreatePolicy({ PolicyName: 'invisible', PolicyDocument: allowPolicy(['tcr:*'], ['*']) });
  const policies = `qcs::cam::uin/${root.uin}:policy`;
  const dev = await subAccount('policy-viewer', { actions: ['cam:ListPolicies'], resources: [`${policies}/*`] }, { actions: ['cam:*'], resources: [`${policies}/${other}`] });
  const listed = await camClient(handle, dev).ListPolicies({});
  // Its own policy (attached to it) and `visible`; never the denied one.
  expect(listed.List!.map((p) => p.PolicyName).sort()).toEqual(['policy-viewer-policy', 'visible']);
  expect(listed.TotalNum).toBe(2);
  expect(mine).toBeDefined();
});
