/**
 * TCR instance management beyond create/describe/delete, through the official SDK: ModifyInstance, the public
 * endpoint (ManageExternalEndpoint, DescribeExternalEndpointStatus) and its allow-list
 * (Create/DeleteMultipleSecurityPolicy, DescribeSecurityPolicies), with validation and CAM authorization.
 */
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { Credentials, EmulatorHandle, startEmulator } from '../../../src/emulator';
import { allowPolicy, camClient, profile, sdkError } from '../helpers';

function tcr(handle: EmulatorHandle, credential: Credentials = handle.root, region = 'ap-guangzhou') {
  return new tencentcloud.tcr.v20190924.Client({ credential, region, profile: profile(handle) });
}

let handle: EmulatorHandle;
let client: ReturnType<typeof tcr>;
let id: string;

beforeAll(async () => {
  handle = await startEmulator({ clock: Date.UTC(2026, 10, 25, 12, 0, 0) });
  client = tcr(handle);
});
afterAll(async () => handle.close());
beforeEach(async () => {
  handle.admin.reset();
  id = (await client.CreateInstance({ RegistryName: 'endpoint-registry', RegistryType: 'basic' })).RegistryId!;
});

const registry = async () => (await client.DescribeInstances({ Registryids: [id] })).Registries![0];

test('ModifyInstance changes the edition and the protection flags, only those given', async () => {
  await client.ModifyInstance({ RegistryId: id, RegistryType: 'premium' });
  expect(await registry()).toMatchObject({ RegistryType: 'premium', DeletionProtection: false, EnableCosVersioning: false });
  await client.ModifyInstance({ RegistryId: id, DeletionProtection: true, EnableCosVersioning: true });
  expect(await registry()).toMatchObject({ RegistryType: 'premium', DeletionProtection: true, EnableCosVersioning: true });
  expect((await sdkError(client.DeleteInstance({ RegistryId: id }))).code).toBe('OperationDenied');
  await client.ModifyInstance({ RegistryId: id, DeletionProtection: false });
  await client.DeleteInstance({ RegistryId: id });
  expect((await sdkError(client.ModifyInstance({ RegistryId: id, DeletionProtection: true }))).code).toBe('ResourceNotFound');
});

test('ModifyInstance rejects a bad edition, a mistyped flag, a missing id and unknown fields, naming the field', async () => {
  const badType = await sdkError(client.ModifyInstance({ RegistryId: id, RegistryType: 'gold' }));
  expect(badType).toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('`RegistryType`') });
  expect(badType.message).toContain('"gold"');
  const mistyped = await sdkError(client.ModifyInstance({ RegistryId: id, DeletionProtection: 'yes' } as any));
  expect(mistyped).toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('`DeletionProtection` must be of type boolean') });
  expect((await sdkError(client.ModifyInstance({} as any)))).toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('`RegistryId`') });
  expect((await sdkError(client.ModifyInstance({ RegistryId: id, Color: 'red' } as any)))).toMatchObject({ code: 'UnknownParameter', message: expect.stringContaining('`Color`') });
  expect((await registry()).RegistryType).toBe('basic');
  // Another region does not see the instance.
  expect((await sdkError(tcr(handle, handle.root, 'ap-shanghai').ModifyInstance({ RegistryId: id, RegistryType: 'standard' }))).code).toBe('ResourceNotFound');
});

test('public endpoint: closed by default, opened, allow-list added, listed, deleted by index, dropped on close', async () => {
  expect(await client.DescribeExternalEndpointStatus({ RegistryId: id })).toMatchObject({ Status: 'Closed' });
  expect(await client.DescribeSecurityPolicies({ RegistryId: id })).toMatchObject({ SecurityPolicySet: [] });
  const closed = await sdkError(client.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: '10.0.0.0/8' }] }));
  expect(closed).toMatchObject({ code: 'FailedOperation', message: expect.stringContaining('not open') });

  expect(await client.ManageExternalEndpoint({ RegistryId: id, Operation: 'Create' })).toMatchObject({ RegistryId: id });
  expect((await client.DescribeExternalEndpointStatus({ RegistryId: id })).Status).toBe('Opened');
  await client.CreateMultipleSecurityPolicy({
    RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: '10.0.0.0/8', Description: 'office' }, { CidrBlock: '203.0.113.7' }],
  });
  await client.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: '192.168.0.0/16', Description: 'lab' }] });
  expect((await client.DescribeSecurityPolicies({ RegistryId: id })).SecurityPolicySet).toEqual([
    { PolicyIndex: 1, CidrBlock: '10.0.0.0/8', Description: 'office', PolicyVersion: 'v1' },
    { PolicyIndex: 2, CidrBlock: '203.0.113.7', Description: '', PolicyVersion: 'v1' },
    { PolicyIndex: 3, CidrBlock: '192.168.0.0/16', Description: 'lab', PolicyVersion: 'v1' },
  ]);

  await client.DeleteMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ PolicyIndex: 2, CidrBlock: '203.0.113.7', PolicyVersion: 'v1' }, { PolicyIndex: 99 }] });
  await client.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: '198.51.100.0/24' }] });
  // Indexes are never reused.
  expect((await client.DescribeSecurityPolicies({ RegistryId: id })).SecurityPolicySet!.map((p) => [p.PolicyIndex, p.CidrBlock])).toEqual([
    [1, '10.0.0.0/8'], [3, '192.168.0.0/16'], [4, '198.51.100.0/24'],
  ]);

  await client.ManageExternalEndpoint({ RegistryId: id, Operation: 'Delete' });
  expect((await client.DescribeExternalEndpointStatus({ RegistryId: id })).Status).toBe('Closed');
  expect((await client.DescribeSecurityPolicies({ RegistryId: id })).SecurityPolicySet).toEqual([]);
  await client.ManageExternalEndpoint({ RegistryId: id, Operation: 'Create' });
  expect((await client.DescribeSecurityPolicies({ RegistryId: id })).SecurityPolicySet).toEqual([]);

  // The endpoint and its allow-list go with the instance.
  await client.DeleteInstance({ RegistryId: id });
  expect((await sdkError(client.DescribeExternalEndpointStatus({ RegistryId: id }))).code).toBe('ResourceNotFound');
  expect((await sdkError(client.DescribeSecurityPolicies({ RegistryId: id }))).code).toBe('ResourceNotFound');
});

test('endpoint and allow-list requests are validated, naming the field, the value and the rule', async () => {
  await client.ManageExternalEndpoint({ RegistryId: id, Operation: 'Create' });
  const op = await sdkError(client.ManageExternalEndpoint({ RegistryId: id, Operation: 'Open' }));
  expect(op).toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('`Operation`') });
  expect(op.message).toContain('must be Create or Delete');
  expect((await sdkError(client.ManageExternalEndpoint({ RegistryId: id } as any)))).toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('`Operation`') });

  const cidr = await sdkError(client.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: '10.0.0.0/8' }, { CidrBlock: '300.1.1.1/8' }] }));
  expect(cidr).toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('`SecurityGroupPolicySet.1.CidrBlock`') });
  expect(cidr.message).toContain('"300.1.1.1/8"');
  expect((await sdkError(client.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: '10.0.0.0/33' }] }))).code).toBe('InvalidParameter');
  expect((await sdkError(client.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ Description: 'no block' }] }))))
    .toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('`SecurityGroupPolicySet.0.CidrBlock`') });
  expect((await sdkError(client.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [] }))))
    .toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('at least one entry') });
  expect((await sdkError(client.CreateMultipleSecurityPolicy({ RegistryId: id } as any))))
    .toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('`SecurityGroupPolicySet`') });
  expect((await sdkError(client.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: 10 }] } as any))))
    .toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('`SecurityGroupPolicySet.0.CidrBlock` must be of type string') });
  // A rejected batch adds nothing, not even its valid entries.
  expect((await client.DescribeSecurityPolicies({ RegistryId: id })).SecurityPolicySet).toEqual([]);

  expect((await sdkError(client.DeleteMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: '10.0.0.0/8' }] }))))
    .toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('`SecurityGroupPolicySet.0.PolicyIndex`') });
  expect((await sdkError(client.DeleteMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ PolicyIndex: 0 }] }))).code).toBe('InvalidParameter');
  expect((await sdkError(client.DescribeSecurityPolicies({ RegistryId: 'tcr-nothere' }))).code).toBe('ResourceNotFound');
});

test('CAM: a sub-account needs the catalog action names; the endpoint APIs are not resource-level (resource *)', async () => {
  const dev = handle.admin.seedAccount({ name: 'endpoint-dev' });
  const devClient = tcr(handle, dev);
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['tcr:ModifyInstance', () => devClient.ModifyInstance({ RegistryId: id, DeletionProtection: true })],
    ['tcr:ManageExternalEndpoint', () => devClient.ManageExternalEndpoint({ RegistryId: id, Operation: 'Create' })],
    ['tcr:DescribeExternalEndpointStatus', () => devClient.DescribeExternalEndpointStatus({ RegistryId: id })],
    ['tcr:CreateMultipleSecurityPolicy', () => devClient.CreateMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ CidrBlock: '10.0.0.0/8' }] })],
    ['tcr:DescribeSecurityPolicies', () => devClient.DescribeSecurityPolicies({ RegistryId: id })],
    ['tcr:DeleteMultipleSecurityPolicy', () => devClient.DeleteMultipleSecurityPolicy({ RegistryId: id, SecurityGroupPolicySet: [{ PolicyIndex: 1 }] })],
  ];
  for (const [, call] of calls) expect((await sdkError(call())).code).toBe('AuthFailure.UnauthorizedOperation');
  expect((await registry()).DeletionProtection).toBe(false);

  const cam = camClient(handle, handle.root);
  // An instance-scoped grant does not cover APIs the catalog lists without a resource level.
  const scoped = await cam.CreatePolicy({
    PolicyName: 'endpoint-scoped', PolicyDocument: allowPolicy(calls.map(([a]) => a), [`qcs::tcr:ap-guangzhou:uin/${handle.root.uin}:instance/${id}`]),
  });
  await cam.AttachUserPolicy({ PolicyId: scoped.PolicyId!, AttachUin: Number(dev.uin) });
  expect((await sdkError(devClient.DescribeExternalEndpointStatus({ RegistryId: id }))).code).toBe('AuthFailure.UnauthorizedOperation');

  const all = await cam.CreatePolicy({ PolicyName: 'endpoint-all', PolicyDocument: allowPolicy(calls.map(([a]) => a), ['*']) });
  await cam.AttachUserPolicy({ PolicyId: all.PolicyId!, AttachUin: Number(dev.uin) });
  for (const [, call] of calls) await call();
  expect((await registry()).DeletionProtection).toBe(true);
  expect((await client.DescribeSecurityPolicies({ RegistryId: id })).SecurityPolicySet).toEqual([]);

  // Deny wins over the allow.
  const deny = await cam.CreatePolicy({ PolicyName: 'endpoint-deny', PolicyDocument: allowPolicy(['tcr:ManageExternalEndpoint'], ['*'], 'deny') });
  await cam.AttachUserPolicy({ PolicyId: deny.PolicyId!, AttachUin: Number(dev.uin) });
  expect((await sdkError(devClient.ManageExternalEndpoint({ RegistryId: id, Operation: 'Delete' }))).code).toBe('AuthFailure.UnauthorizedOperation');
  expect((await client.DescribeExternalEndpointStatus({ RegistryId: id })).Status).toBe('Opened');
});
