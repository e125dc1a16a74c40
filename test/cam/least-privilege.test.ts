/**
 * Least privilege in the emulator: the team-access grants synthesized by the library are created in the emulator
 * as CAM policies and attachments (as terraform apply would), then each principal calls TCR with its own keys
 * (sub-account keys; temporary credentials for the role) through tencentcloud-sdk-nodejs. Every call a helper's
 * access list documents must succeed; each of a set of calls it does not document must be denied with the action's
 * real error code. The lists come from src/cam/access-lists.ts, the same data the constructs render.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { addPrincipal, CALLS, documented, expectAllowed, expectDenied, fresh, matrix, NOT_SERVED } from './matrix';
import {
  CamGroup, CamRole, CamUser, ICamPrincipal, providers, TcrInstance, TcrNamespace,
} from '../../src';
import {
  FULL_ACCESS, ISSUE_TOKENS_ACCESS, MANAGE_NAMESPACES_ACCESS, MANAGE_SERVICE_ACCOUNTS_ACCESS, NAMESPACE_PULL_DESCRIBE_ACCESS,
  READ_ACCESS,
} from '../../src/cam/access-lists';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { camClient, sdkError, tcrClient } from '../emulator/helpers';

let handle: EmulatorHandle;

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
  const root = tcrClient(handle, handle.root);
  matrix.root = root;
  const registryId = (await root.CreateInstance({ RegistryName: 'acme-registry', RegistryType: 'standard' })).RegistryId!;
  matrix.registryId = registryId;
  matrix.otherRegistryId = (await root.CreateInstance({ RegistryName: 'other-registry', RegistryType: 'basic' })).RegistryId!;
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
  for (const [name, credentials] of Object.entries({ ci: ciCredentials, ...accounts })) addPrincipal(handle, name, credentials);
});

afterAll(async () => handle?.close());

describe('least privilege of the generated policies, with each principal\'s own keys', () => {
  test('helper APIs the emulator does not serve are really unserved (so none is skipped silently)', async () => {
    for (const api of NOT_SERVED) {
      const error = await sdkError((matrix.root as any).request(api, { RegistryId: matrix.registryId }));
      expect({ api, code: error.code }).toEqual({ api, code: 'InvalidAction' });
    }
  });

  test('CI role (temporary credentials): push describes on its namespace and the token APIs succeed; the rest is denied', async () => {
    const called = await expectAllowed('ci', documented([...NAMESPACE_PULL_DESCRIBE_ACCESS, ...ISSUE_TOKENS_ACCESS]), 'payments');
    expect(called).toEqual([
      'CreateInstanceToken', 'DescribeImages', 'DescribeInstances', 'DescribeInstanceToken', 'DescribeNamespaces',
      'ModifyInstanceToken', 'DeleteInstanceToken',
    ]);
    expect(matrix.principals.ci.credentials.token).toBeDefined();
    await expectDenied('ci', 'DescribeImages', CALLS.DescribeImages, 'search');
    await expectDenied('ci', 'DescribeNamespaces', CALLS.DescribeNamespaces, 'search');
    await expectDenied('ci', 'CreateNamespace', CALLS.CreateNamespace);
    await expectDenied('ci', 'DeleteNamespace', CALLS.DeleteNamespace);
    await expectDenied('ci', 'CreateServiceAccount', CALLS.CreateServiceAccount);
    await expectDenied('ci', 'DescribeInstances', (c) => c.DescribeInstances({ Registryids: [matrix.otherRegistryId] } as any));
    await expectDenied('ci', 'CreateInstanceToken', (c) => c.CreateInstanceToken({ RegistryId: matrix.otherRegistryId, TokenType: 'temp' }));
  });

  test('developer (through the group): pull describes on the granted namespace; DescribeImages passes as tcr:DescribeRepositories', async () => {
    const called = await expectAllowed('developer', documented(NAMESPACE_PULL_DESCRIBE_ACCESS), 'payments');
    expect(called).toEqual(['DescribeImages', 'DescribeInstances', 'DescribeNamespaces']);
    const images = await matrix.principals.developer.client.DescribeImages({ RegistryId: matrix.registryId, NamespaceName: 'payments', RepositoryName: 'app' });
    expect(images.ImageInfoList!.map((i) => i.ImageVersion)).toEqual(['v1']);
    await expectDenied('developer', 'DescribeImages', CALLS.DescribeImages, 'search');
    await expectDenied('developer', 'CreateInstanceToken', CALLS.CreateInstanceToken);
    await expectDenied('developer', 'CreateNamespace', CALLS.CreateNamespace);
    await expectDenied('developer', 'DescribeServiceAccounts', CALLS.DescribeServiceAccounts);
  });

  test('auditor: reads the whole instance, changes nothing', async () => {
    const called = await expectAllowed('auditor', documented(READ_ACCESS), 'search');
    expect(called).toEqual(['DescribeImages', 'DescribeInstances', 'DescribeNamespaces']);
    const all = await matrix.principals.auditor.client.DescribeNamespaces({ RegistryId: matrix.registryId });
    expect(all.NamespaceList!.map((n) => n.Name).sort()).toEqual(expect.arrayContaining(['payments', 'search']));
    await expectDenied('auditor', 'CreateNamespace', CALLS.CreateNamespace);
    await expectDenied('auditor', 'DeleteNamespace', CALLS.DeleteNamespace);
    await expectDenied('auditor', 'CreateInstanceToken', CALLS.CreateInstanceToken);
    await expectDenied('auditor', 'DescribeServiceAccounts', CALLS.DescribeServiceAccounts);
    await expectDenied('auditor', 'DescribeInstances', (c) => c.DescribeInstances({ Registryids: [matrix.otherRegistryId] } as any));
  });

  test('registry admin: namespaces and service accounts, but no tokens and no instance look-up', async () => {
    const called = await expectAllowed('admin', documented([...MANAGE_NAMESPACES_ACCESS, ...MANAGE_SERVICE_ACCOUNTS_ACCESS]), 'payments');
    expect(called).toEqual([
      'CreateNamespace', 'CreateServiceAccount', 'DescribeNamespaces', 'DescribeServiceAccounts', 'ModifyNamespace',
      'ModifyServiceAccount', 'ModifyServiceAccountPassword', 'DeleteNamespace', 'DeleteServiceAccount',
    ]);
    await expectDenied('admin', 'CreateInstanceToken', CALLS.CreateInstanceToken);
    await expectDenied('admin', 'DescribeInstances', CALLS.DescribeInstances);
    await expectDenied('admin', 'CreateNamespace', (c) => c.CreateNamespace({ RegistryId: matrix.otherRegistryId, NamespaceName: fresh('x'), IsPublic: false }));
  });

  test('full access: every served API on the instance, nothing on another instance, not DeleteInstance (resource "*")', async () => {
    expect(FULL_ACCESS.filter((g) => g.api === '*')).toHaveLength(2);
    const apis = documented([...FULL_ACCESS, ...READ_ACCESS, ...MANAGE_NAMESPACES_ACCESS, ...ISSUE_TOKENS_ACCESS]);
    const called = await expectAllowed('full', apis, 'payments');
    expect(called).toHaveLength(Object.keys(CALLS).length);
    await expectDenied('full', 'DescribeInstances', (c) => c.DescribeInstances({ Registryids: [matrix.otherRegistryId] } as any));
    await expectDenied('full', 'CreateNamespace', (c) => c.CreateNamespace({ RegistryId: matrix.otherRegistryId, NamespaceName: fresh('x'), IsPublic: false }));
    await expectDenied('full', 'DeleteInstance', (c) => c.DeleteInstance({ RegistryId: matrix.otherRegistryId }));
  });
});
