/**
 * Least privilege in the emulator: the team-access grants synthesized by the library are created in the emulator
 * as CAM policies and attachments (as terraform apply would), then each principal calls TCR with its own keys
 * (sub-account keys; temporary credentials for the role) through tencentcloud-sdk-nodejs. Every call a helper's
 * access list documents must succeed; each of a set of calls it does not document must be denied with the action's
 * real error code. The lists come from src/cam/access-lists.ts, the same data the constructs render.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import {
  CamGroup, CamRole, CamUser, ICamPrincipal, providers, TcrInstance, TcrNamespace,
} from '../../src';
import {
  FULL_ACCESS, ISSUE_TOKENS_ACCESS, MANAGE_NAMESPACES_ACCESS, MANAGE_SERVICE_ACCOUNTS_ACCESS, NAMESPACE_PULL_DESCRIBE_ACCESS,
  READ_ACCESS,
} from '../../src/cam/access-lists';
import { TcrApiGrant } from '../../src/cam/tcr-grant-scope';
import { Credentials, EmulatorHandle, startEmulator } from '../../src/emulator';
import { API_MODEL } from '../../src/emulator/api-model';
import { camClient, sdkError, tcrClient } from '../emulator/helpers';


type TcrClient = InstanceType<typeof tencentcloud.tcr.v20190924.Client>;

/**
 * The code a CAM denial of `api` answers: the action's own `UnauthorizedOperation` where its documented error list
 * (the Go SDK's, generated into the API model from the shared facts) has one, else the common one.
 */
function denialCode(api: string): string {
  const errors: readonly string[] = API_MODEL.tcr.actions[api]?.errors ?? [];
  return errors.includes('UnauthorizedOperation') ? 'UnauthorizedOperation' : 'AuthFailure.UnauthorizedOperation';
}

let handle: EmulatorHandle;
let root: TcrClient;
let registryId: string;
let otherRegistryId: string;

interface Principal {
  readonly name: string;
  readonly credentials: Credentials;
  readonly client: TcrClient;
}
const principals: Record<string, Principal> = {};

/** What one documented or undocumented call does, with the principal's client; `target` names the namespace. */
type Call = (client: TcrClient, target: { namespace: string }) => Promise<unknown>;

let uniqueName = 0;
const fresh = (prefix: string) => `${prefix}-${++uniqueName}`;

/** One call per API of the access lists, on the instance (and namespace) under test. */
const CALLS: Record<string, Call> = {
  DescribeInstances: (c) => c.DescribeInstances({ Registryids: [registryId] } as any),
  DescribeNamespaces: (c, t) => c.DescribeNamespaces({ RegistryId: registryId, NamespaceName: t.namespace }),
  DescribeImages: (c, t) => c.DescribeImages({ RegistryId: registryId, NamespaceName: t.namespace, RepositoryName: 'app' }),
  CreateNamespace: (c) => c.CreateNamespace({ RegistryId: registryId, NamespaceName: fresh('ns'), IsPublic: false }),
  DeleteNamespace: async (c) => {
    const name = fresh('gone');
    await root.CreateNamespace({ RegistryId: registryId, NamespaceName: name, IsPublic: false });
    return c.DeleteNamespace({ RegistryId: registryId, NamespaceName: name });
  },
  CreateServiceAccount: (c) => c.CreateServiceAccount({
    RegistryId: registryId,
    Name: fresh('robot'),
    Duration: 30,
    Permissions: [{ Resource: 'payments', Actions: ['tcr:PullRepository'] }],
  }),
  DescribeServiceAccounts: (c) => c.DescribeServiceAccounts({ RegistryId: registryId }),
  ModifyServiceAccount: async (c) => c.ModifyServiceAccount({ RegistryId: registryId, Name: await rootServiceAccount(), Description: 'changed' }),
  ModifyServiceAccountPassword: async (c) =>
    c.ModifyServiceAccountPassword({ RegistryId: registryId, Name: await rootServiceAccount(), Random: true }),
  DeleteServiceAccount: async (c) => c.DeleteServiceAccount({ RegistryId: registryId, Name: await rootServiceAccount() }),
  CreateInstanceToken: (c) => c.CreateInstanceToken({ RegistryId: registryId, TokenType: 'longterm', Desc: 'matrix' }),
  DescribeInstanceToken: (c) => c.DescribeInstanceToken({ RegistryId: registryId }),
  ModifyInstanceToken: async (c) => c.ModifyInstanceToken({ RegistryId: registryId, TokenId: await rootToken(), Enable: false }),
  DeleteInstanceToken: async (c) => c.DeleteInstanceToken({ RegistryId: registryId, TokenId: await rootToken() }),
};

/**
 * Helper APIs the emulator does not serve (yet): they are in the lists because CAM checks them under those names,
 * but no call can be made. The test proves they are unserved, so serving one makes this test ask for its call.
 */
const NOT_SERVED = ['DescribeRepositories', 'ModifyNamespace'];

async function rootServiceAccount(): Promise<string> {
  const { Name } = await root.CreateServiceAccount({
    RegistryId: registryId, Name: fresh('sa'), Permissions: [{ Resource: 'payments', Actions: ['tcr:PullRepository'] }], Duration: 30,
  });
  return Name!;
}

async function rootToken(): Promise<string> {
  return (await root.CreateInstanceToken({ RegistryId: registryId, TokenType: 'longterm', Desc: 'root' })).TokenId!;
}

/** Terraform apply, in miniature: creates the synthesized policies and attachments with the root account. */
async function applyPolicies(doc: any, uinByUserName: Record<string, string>): Promise<void> {
  const cam = camClient(handle, handle.root);
  const ids: Record<string, number> = {};
  for (const [logicalId, body] of Object.entries<any>(doc.resource.tencentcloud_cam_policy)) {
    ids[`\${tencentcloud_cam_policy.${logicalId}.id}`] = (await cam.CreatePolicy({ PolicyName: body.name, PolicyDocument: body.document })).PolicyId!;
  }
  const policyId = (ref: string) => {
    expect(ids[ref]).toBeDefined();
    return ids[ref];
  };
  for (const body of Object.values<any>(doc.resource.tencentcloud_cam_user_policy_attachment ?? {})) {
    await cam.AttachUserPolicy({ PolicyId: policyId(body.policy_id), AttachUin: Number(uinByUserName[body.user_name]) });
  }
  for (const body of Object.values<any>(doc.resource.tencentcloud_cam_group_policy_attachment ?? {})) {
    await cam.AttachGroupPolicy({ PolicyId: policyId(body.policy_id), AttachGroupId: Number(body.group_id) });
  }
  for (const body of Object.values<any>(doc.resource.tencentcloud_cam_role_policy_attachment ?? {})) {
    await cam.AttachRolePolicy({ PolicyId: policyId(body.policy_id), AttachRoleId: body.role_id });
  }
}

beforeAll(async () => {
  handle = await startEmulator({ port: 0 });
  root = tcrClient(handle, handle.root);
  registryId = (await root.CreateInstance({ RegistryName: 'acme-registry', RegistryType: 'standard' })).RegistryId!;
  otherRegistryId = (await root.CreateInstance({ RegistryName: 'other-registry', RegistryType: 'basic' })).RegistryId!;
  for (const ns of ['payments', 'search']) await root.CreateNamespace({ RegistryId: registryId, NamespaceName: ns, IsPublic: false });
  handle.admin.mutate((s) => {
    for (const ns of ['payments', 'search']) {
      const namespace = s.tcr.instances[registryId].namespaces[ns];
      namespace.repositories.push('app');
      namespace.images = { app: [{ tag: 'v1', digest: `sha256:${'1'.repeat(64)}`, size: 1000, updatedAt: handle.admin.now() }] };
    }
  });

  // The principals, as the team-access example declares them (created here by the emulator's admin interface).
  const { groupId } = handle.admin.seedGroup({ name: 'payments-developers' });
  const { roleId } = handle.admin.seedRole({ roleName: 'payments-ci' });
  const accounts = {
    developer: handle.admin.seedAccount({ name: 'payments-dev', groupIds: [groupId] }),
    auditor: handle.admin.seedAccount({ name: 'payments-auditor' }),
    admin: handle.admin.seedAccount({ name: 'registry-admin' }),
    full: handle.admin.seedAccount({ name: 'registry-owner' }),
  };

  // The grants, written with the library; imported principals and instance, so the document holds no references.
  const app = Testing.app();
  const stack = new TerraformStack(app as App, 'team-access');
  new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });
  const registry = TcrInstance.fromInstanceAttributes(stack, 'registry', {
    instanceId: registryId, name: 'acme-registry', region: 'ap-guangzhou', accountUin: handle.root.uin,
  });
  const payments = TcrNamespace.fromNamespaceName(stack, 'payments', registry, 'payments');
  const ci: ICamPrincipal = CamRole.fromRoleName(stack, 'ci', 'payments-ci', roleId);
  payments.grantPush(ci);
  registry.grantIssueTokens(ci);
  payments.grantPull(CamGroup.fromGroupId(stack, 'developers', String(groupId)));
  registry.grantRead(CamUser.fromUserName(stack, 'auditor', 'payments-auditor'));
  const admin = CamUser.fromUserName(stack, 'admin', 'registry-admin');
  registry.grantManageNamespaces(admin);
  registry.grantManageServiceAccounts(admin);
  registry.grantFullAccess(CamUser.fromUserName(stack, 'full', 'registry-owner'));
  const doc = JSON.parse(Testing.synth(stack, true));
  await applyPolicies(doc, Object.fromEntries(Object.values(accounts).map((a, i) => [
    ['payments-dev', 'payments-auditor', 'registry-admin', 'registry-owner'][i], a.uin,
  ])));

  // The role's temporary credentials (SecretId, SecretKey, token), as STS AssumeRole issues them.
  const ciCredentials = handle.admin.issueTemporaryCredentials({ roleId, sessionName: 'pipeline-42' });
  const all: Record<string, Credentials> = { ci: ciCredentials, ...accounts };
  for (const [name, credentials] of Object.entries(all)) {
    principals[name] = { name, credentials, client: tcrClient(handle, credentials) };
  }
});

afterAll(async () => handle?.close());

/** Create/Describe/Modify/Delete order, so each call finds what it needs. */
const rank = (api: string) => ['Create', 'Describe', 'Modify', 'Delete'].findIndex((verb) => api.startsWith(verb));

function documented(list: readonly TcrApiGrant[]): string[] {
  return [...new Set(list.filter((g) => g.api !== '*').map((g) => g.api))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Every documented API of `lists` the emulator serves succeeds for `principal` (on namespace `namespace`). */
async function expectAllowed(principal: string, apis: string[], namespace: string): Promise<string[]> {
  const called: string[] = [];
  for (const api of apis) {
    if (NOT_SERVED.includes(api)) continue;
    expect({ api, call: CALLS[api] !== undefined }).toEqual({ api, call: true });
    await expect(CALLS[api](principals[principal].client, { namespace })).resolves.toBeDefined();
    called.push(api);
  }
  return called;
}

async function expectDenied(principal: string, api: string, call: Call, namespace = 'payments'): Promise<void> {
  const error = await sdkError(call(principals[principal].client, { namespace }));
  expect({ principal, api, code: error.code }).toEqual({ principal, api, code: denialCode(api) });
  expect(error.message).toMatch(/not authorized to perform operation \(tcr:/);
}

describe('least privilege of the generated policies, with each principal\'s own keys', () => {
  test('helper APIs the emulator does not serve are really unserved (so none is skipped silently)', async () => {
    for (const api of NOT_SERVED) {
      const error = await sdkError((root as any).request(api, { RegistryId: registryId }));
      expect({ api, code: error.code }).toEqual({ api, code: 'InvalidAction' });
    }
  });

  test('CI role (temporary credentials): push describes on its namespace and the token APIs succeed; the rest is denied', async () => {
    const called = await expectAllowed('ci', documented([...NAMESPACE_PULL_DESCRIBE_ACCESS, ...ISSUE_TOKENS_ACCESS]), 'payments');
    expect(called).toEqual([
      'CreateInstanceToken', 'DescribeImages', 'DescribeInstances', 'DescribeInstanceToken', 'DescribeNamespaces',
      'ModifyInstanceToken', 'DeleteInstanceToken',
    ]);
    expect(principals.ci.credentials.token).toBeDefined();
    await expectDenied('ci', 'DescribeImages', CALLS.DescribeImages, 'search');
    await expectDenied('ci', 'DescribeNamespaces', CALLS.DescribeNamespaces, 'search');
    await expectDenied('ci', 'CreateNamespace', CALLS.CreateNamespace);
    await expectDenied('ci', 'DeleteNamespace', CALLS.DeleteNamespace);
    await expectDenied('ci', 'CreateServiceAccount', CALLS.CreateServiceAccount);
    await expectDenied('ci', 'DescribeInstances', (c) => c.DescribeInstances({ Registryids: [otherRegistryId] } as any));
    await expectDenied('ci', 'CreateInstanceToken', (c) => c.CreateInstanceToken({ RegistryId: otherRegistryId, TokenType: 'temp' }));
  });

  test('developer (through the group): pull describes on the granted namespace; DescribeImages passes as tcr:DescribeRepositories', async () => {
    const called = await expectAllowed('developer', documented(NAMESPACE_PULL_DESCRIBE_ACCESS), 'payments');
    expect(called).toEqual(['DescribeImages', 'DescribeInstances', 'DescribeNamespaces']);
    const images = await principals.developer.client.DescribeImages({ RegistryId: registryId, NamespaceName: 'payments', RepositoryName: 'app' });
    expect(images.ImageInfoList!.map((i) => i.ImageVersion)).toEqual(['v1']);
    await expectDenied('developer', 'DescribeImages', CALLS.DescribeImages, 'search');
    await expectDenied('developer', 'CreateInstanceToken', CALLS.CreateInstanceToken);
    await expectDenied('developer', 'CreateNamespace', CALLS.CreateNamespace);
    await expectDenied('developer', 'DescribeServiceAccounts', CALLS.DescribeServiceAccounts);
  });

  test('auditor: reads the whole instance, changes nothing', async () => {
    const called = await expectAllowed('auditor', documented(READ_ACCESS), 'search');
    expect(called).toEqual(['DescribeImages', 'DescribeInstances', 'DescribeNamespaces']);
    const all = await principals.auditor.client.DescribeNamespaces({ RegistryId: registryId });
    expect(all.NamespaceList!.map((n) => n.Name).sort()).toEqual(expect.arrayContaining(['payments', 'search']));
    await expectDenied('auditor', 'CreateNamespace', CALLS.CreateNamespace);
    await expectDenied('auditor', 'DeleteNamespace', CALLS.DeleteNamespace);
    await expectDenied('auditor', 'CreateInstanceToken', CALLS.CreateInstanceToken);
    await expectDenied('auditor', 'DescribeServiceAccounts', CALLS.DescribeServiceAccounts);
    await expectDenied('auditor', 'DescribeInstances', (c) => c.DescribeInstances({ Registryids: [otherRegistryId] } as any));
  });

  test('registry admin: namespaces and service accounts, but no tokens and no instance look-up', async () => {
    const called = await expectAllowed('admin', documented([...MANAGE_NAMESPACES_ACCESS, ...MANAGE_SERVICE_ACCOUNTS_ACCESS]), 'payments');
    expect(called).toEqual([
      'CreateNamespace', 'CreateServiceAccount', 'DescribeNamespaces', 'DescribeServiceAccounts', 'ModifyServiceAccount',
      'ModifyServiceAccountPassword', 'DeleteNamespace', 'DeleteServiceAccount',
    ]);
    await expectDenied('admin', 'CreateInstanceToken', CALLS.CreateInstanceToken);
    await expectDenied('admin', 'DescribeInstances', CALLS.DescribeInstances);
    await expectDenied('admin', 'CreateNamespace', (c) => c.CreateNamespace({ RegistryId: otherRegistryId, NamespaceName: fresh('x'), IsPublic: false }));
  });

  test('full access: every served API on the instance, nothing on another instance, not DeleteInstance (resource "*")', async () => {
    expect(FULL_ACCESS.filter((g) => g.api === '*')).toHaveLength(2);
    const apis = documented([...FULL_ACCESS, ...READ_ACCESS, ...MANAGE_NAMESPACES_ACCESS, ...ISSUE_TOKENS_ACCESS]);
    const called = await expectAllowed('full', apis, 'payments');
    expect(called).toHaveLength(Object.keys(CALLS).length);
    await expectDenied('full', 'DescribeInstances', (c) => c.DescribeInstances({ Registryids: [otherRegistryId] } as any));
    await expectDenied('full', 'CreateNamespace', (c) => c.CreateNamespace({ RegistryId: otherRegistryId, NamespaceName: fresh('x'), IsPublic: false }));
    await expectDenied('full', 'DeleteInstance', (c) => c.DeleteInstance({ RegistryId: otherRegistryId }));
  });
});
