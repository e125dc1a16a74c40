/**
 * examples/team-access applied with the real terraform through the provider stand-in, then the least-privilege
 * matrix with each principal's own keys: the auditor's sub-account key, a developer who is a member of the group,
 * and temporary credentials of the CI role from STS AssumeRole, called by the CI runner's sub-account. Documented
 * calls succeed, undocumented ones are denied with the real error code; DescribeImages on the granted namespace
 * passes under tcr:DescribeRepositories. Then destroy.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addPrincipal, CALLS, documented, expectAllowed, expectDenied, matrix } from './matrix';
import { buildApp } from '../../examples/team-access/main';
import { ISSUE_TOKENS_ACCESS, NAMESPACE_PULL_DESCRIBE_ACCESS, READ_ACCESS } from '../../src/cam/access-lists';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { TerraformStack } from '../../tfprovider/harness/terraform';
import { allowPolicy, camClient, stsClient, tcrClient } from '../emulator/helpers';

let handle: EmulatorHandle;
let stack: TerraformStack;
let outdir: string;
let runnerPolicyId: number | undefined;

beforeAll(async () => {
  handle = await startEmulator();
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-access-e2e-'));
  stack = TerraformStack.fromApp(buildApp(outdir), {
    endpointUrl: `http://${handle.endpoint}`, secretId: handle.root.secretId, secretKey: handle.root.secretKey,
  });
  const applied = await stack.apply();
  expect({ code: applied.code, out: applied.code === 0 ? '' : applied.stderr }).toEqual({ code: 0, out: '' });

  const state = handle.admin.state();
  const registry = Object.values<any>(state.tcr.instances).find((i) => i.name === 'payments-registry');
  const root = tcrClient(handle, handle.root);
  matrix.root = root;
  matrix.registryId = registry.id;
  matrix.otherRegistryId = (await root.CreateInstance({ RegistryName: 'other-registry', RegistryType: 'basic' })).RegistryId!;
  await root.CreateNamespace({ RegistryId: registry.id, NamespaceName: 'search', IsPublic: false });
  handle.admin.mutate((s) => {
    for (const ns of ['payments', 'search']) {
      const namespace = s.tcr.instances[registry.id].namespaces[ns];
      namespace.repositories.push('app');
      namespace.images = { app: [{ tag: 'v1', digest: `sha256:${'1'.repeat(64)}`, size: 1000, updatedAt: handle.admin.now() }] };
    }
  });

  // Keys of the principals terraform created: none is in the state (use_api = false); an operator makes them.
  const accounts = state.accounts;
  const auditor = Object.values<any>(accounts.users).find((u) => u.name === 'payments-auditor');
  const group = Object.values<any>(accounts.groups).find((g) => g.name === 'payments-developers');
  const role = Object.values<any>(accounts.roles).find((r) => r.roleName === 'payments-ci');
  addPrincipal(handle, 'auditor', handle.admin.createKeyPair(auditor.uin));
  addPrincipal(handle, 'developer', handle.admin.seedAccount({ name: 'payments-dev', groupIds: [group.groupId] }));
  // The CI runner's sub-account may call sts:AssumeRole on the role (the example's trust policy names the account).
  const runner = handle.admin.seedAccount({ name: 'payments-ci-runner' });
  const cam = camClient(handle, handle.root);
  runnerPolicyId = (await cam.CreatePolicy({
    PolicyName: 'payments-ci-runner',
    PolicyDocument: allowPolicy(['name/sts:AssumeRole'], [`qcs::cam::uin/${handle.root.uin}:roleName/${role.roleName}`]),
  })).PolicyId!;
  await cam.AttachUserPolicy({ PolicyId: runnerPolicyId, AttachUin: Number(runner.uin) });
  const assumed = (await stsClient(handle, runner).AssumeRole({
    RoleArn: `qcs::cam::uin/${handle.root.uin}:roleName/${role.roleName}`, RoleSessionName: 'pipeline-7', DurationSeconds: 3600,
  })).Credentials!;
  addPrincipal(handle, 'ci', { secretId: assumed.TmpSecretId!, secretKey: assumed.TmpSecretKey!, token: assumed.Token! });
  expect(JSON.stringify(stack.state())).not.toContain(matrix.principals.auditor.credentials.secretKey);
}, 240_000);

afterAll(async () => {
  try {
    if (stack) {
      // What the test added outside terraform goes first, so destroy finds the namespace empty and the instance alone.
      // Both namespaces: the provider's instance delete removes every namespace first, and a non-empty one refuses.
      handle.admin.mutate((s) => {
        for (const name of ['payments', 'search']) {
          const ns = s.tcr.instances[matrix.registryId]?.namespaces[name];
          if (ns) {
            ns.repositories = [];
            delete ns.images;
          }
        }
      });
      const root = matrix.root;
      if (runnerPolicyId !== undefined) await camClient(handle, handle.root).DeletePolicy({ PolicyId: [runnerPolicyId] });
      await root.DeleteNamespace({ RegistryId: matrix.registryId, NamespaceName: 'search' }).catch(() => undefined);
      const destroyed = await stack.destroy();
      expect({ code: destroyed.code, out: destroyed.code === 0 ? '' : destroyed.stderr }).toEqual({ code: 0, out: '' });
      const state = handle.admin.state();
      expect(Object.values<any>(state.tcr.instances).map((i) => i.name)).toEqual(['other-registry']);
      expect(Object.values<any>(state.cam.policies ?? {})).toEqual([]);
    }
  } finally {
    stack?.dispose();
    fs.rmSync(outdir, { recursive: true, force: true });
    await handle?.close();
  }
}, 240_000);

describe('examples/team-access applied through terraform: each principal with its own keys', () => {
  test('CI role (temporary credentials): pushes to payments, issues tokens, nothing else', async () => {
    await expectAllowed('ci', documented([...NAMESPACE_PULL_DESCRIBE_ACCESS, ...ISSUE_TOKENS_ACCESS]), 'payments');
    await expectDenied('ci', 'DescribeImages', CALLS.DescribeImages, 'search');
    await expectDenied('ci', 'CreateNamespace', CALLS.CreateNamespace);
    await expectDenied('ci', 'DeleteNamespace', CALLS.DeleteNamespace);
    await expectDenied('ci', 'CreateServiceAccount', CALLS.CreateServiceAccount);
    await expectDenied('ci', 'CreateInstanceToken', (c) => c.CreateInstanceToken({ RegistryId: matrix.otherRegistryId, TokenType: 'temp' }));
  });

  test('developer (group member): pulls from payments; DescribeImages passes under tcr:DescribeRepositories', async () => {
    await expectAllowed('developer', documented(NAMESPACE_PULL_DESCRIBE_ACCESS), 'payments');
    const images = await matrix.principals.developer.client.DescribeImages({ RegistryId: matrix.registryId, NamespaceName: 'payments', RepositoryName: 'app' });
    expect(images.TotalCount).toBe(1);
    await expectDenied('developer', 'DescribeImages', CALLS.DescribeImages, 'search');
    await expectDenied('developer', 'CreateInstanceToken', CALLS.CreateInstanceToken);
    await expectDenied('developer', 'CreateNamespace', CALLS.CreateNamespace);
  });

  test('auditor (sub-account key): reads the whole instance, changes nothing', async () => {
    await expectAllowed('auditor', documented(READ_ACCESS), 'search');
    await expectDenied('auditor', 'CreateNamespace', CALLS.CreateNamespace);
    await expectDenied('auditor', 'DeleteNamespace', CALLS.DeleteNamespace);
    await expectDenied('auditor', 'CreateInstanceToken', CALLS.CreateInstanceToken);
    await expectDenied('auditor', 'DescribeServiceAccounts', CALLS.DescribeServiceAccounts);
    await expectDenied('auditor', 'DescribeInstances', (c) => c.DescribeInstances({ Registryids: [matrix.otherRegistryId] } as any));
  });
});
