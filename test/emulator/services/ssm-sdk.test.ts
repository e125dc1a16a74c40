/**
 * SSM through the official SDK against a running emulator: every implemented action, the version limit,
 * scheduled deletion on the virtual clock, and CAM denial of a sub-account.
 */
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { EmulatorHandle, startEmulator } from '../../../src/emulator';
import { sdkError as failure } from '../helpers';


const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 10, 25, 12, 0, 0);
const CANARY = 'canary-ssm-SECRET-51c0';

type Credential = { secretId: string; secretKey: string; token?: string };

function profile(handle: EmulatorHandle) {
  return { httpProfile: { endpoint: handle.endpoint, protocol: 'http://', reqTimeout: 10 } };
}

function ssm(handle: EmulatorHandle, credential: Credential = handle.root) {
  return new tencentcloud.ssm.v20190923.Client({ credential, region: 'ap-guangzhou', profile: profile(handle) });
}


const logLines: string[] = [];
let handle: EmulatorHandle;
let client: ReturnType<typeof ssm>;

beforeAll(async () => {
  handle = await startEmulator({ clock: START, log: (line: string) => { logLines.push(line); } });
  client = ssm(handle);
});
afterAll(async () => handle.close());
beforeEach(() => handle.admin.reset());

test('the life cycle of a secret through every action', async () => {
  expect(await client.CreateSecret({ SecretName: 'registry-cred', VersionId: 'v1', SecretString: CANARY, Description: 'docker' }))
    .toMatchObject({ SecretName: 'registry-cred', VersionId: 'v1' });
  await client.PutSecretValue({ SecretName: 'registry-cred', VersionId: 'v2', SecretString: `${CANARY}-2` });
  await client.UpdateSecret({ SecretName: 'registry-cred', VersionId: 'v2', SecretString: `${CANARY}-2b` });
  expect((await client.GetSecretValue({ SecretName: 'registry-cred', VersionId: 'v2' })).SecretString).toBe(`${CANARY}-2b`);
  expect((await client.ListSecretVersionIds({ SecretName: 'registry-cred' })).Versions!.map((v) => v.VersionId)).toEqual(['v1', 'v2']);
  await client.DeleteSecretVersion({ SecretName: 'registry-cred', VersionId: 'v1' });
  await client.UpdateDescription({ SecretName: 'registry-cred', Description: 'rotated' });
  expect(await client.DescribeSecret({ SecretName: 'registry-cred' })).toMatchObject({ Description: 'rotated', Status: 'Enabled' });
  expect((await client.ListSecrets({})).SecretMetadatas!.map((m) => m.SecretName)).toEqual(['registry-cred']);

  expect((await failure(client.DeleteSecret({ SecretName: 'registry-cred', RecoveryWindowInDays: 7 }))).message).toContain('DisableSecret');
  await client.DisableSecret({ SecretName: 'registry-cred' });
  expect((await failure(client.GetSecretValue({ SecretName: 'registry-cred', VersionId: 'v2' }))).code).toBe('ResourceUnavailable.ResourceDisabled');
  const scheduled = await client.DeleteSecret({ SecretName: 'registry-cred', RecoveryWindowInDays: 7 });
  expect(scheduled.DeleteTime).toBe(Math.floor((START + 7 * DAY) / 1000));
  expect((await failure(client.GetSecretValue({ SecretName: 'registry-cred', VersionId: 'v2' }))).code).toBe('ResourceUnavailable.ResourcePendingDeleted');
  await client.RestoreSecret({ SecretName: 'registry-cred' });
  await client.EnableSecret({ SecretName: 'registry-cred' });
  expect((await client.GetSecretValue({ SecretName: 'registry-cred', VersionId: 'v2' })).SecretString).toBe(`${CANARY}-2b`);

  await client.DisableSecret({ SecretName: 'registry-cred' });
  await client.DeleteSecret({ SecretName: 'registry-cred', RecoveryWindowInDays: 1 });
  handle.admin.advanceClock(DAY);
  expect((await failure(client.DescribeSecret({ SecretName: 'registry-cred' }))).code).toBe('ResourceNotFound');
  // Immediate deletion frees the name at once.
  await client.CreateSecret({ SecretName: 'registry-cred', SecretString: 'x' });
  await client.DisableSecret({ SecretName: 'registry-cred' });
  await client.DeleteSecret({ SecretName: 'registry-cred', RecoveryWindowInDays: 0 });
  expect((await client.ListSecrets({})).TotalCount).toBe(0);

  // Secret values never reach the request log.
  expect(logLines.length).toBeGreaterThan(10);
  expect(logLines.join('\n')).not.toContain(CANARY);
});

test('conflicts and the 10-version limit', async () => {
  await client.CreateSecret({ SecretName: 'many', VersionId: 'v1', SecretString: 'x' });
  expect((await failure(client.CreateSecret({ SecretName: 'many', SecretString: 'x' }))).code).toBe('ResourceInUse.SecretExists');
  expect((await failure(client.PutSecretValue({ SecretName: 'many', VersionId: 'v1', SecretString: 'x' }))).code).toBe('ResourceInUse.VersionIdExists');
  for (let i = 2; i <= 10; i++) await client.PutSecretValue({ SecretName: 'many', VersionId: `v${i}`, SecretString: 'x' });
  expect((await failure(client.PutSecretValue({ SecretName: 'many', VersionId: 'v11', SecretString: 'x' }))).code).toBe('LimitExceeded');
  const badName = await failure(client.CreateSecret({ SecretName: 'bad name', SecretString: 'x' }));
  expect(badName.code).toBe('InvalidParameterValue');
  expect(badName.message).toContain('SecretName');
  const missing = await failure(client.PutSecretValue({ SecretName: 'many', SecretString: 'x' } as any));
  expect(missing.code).toBe('MissingParameter');
  expect(missing.message).toContain('VersionId');
});

test('CAM: a sub-account may read only the secret its policy names', async () => {
  await client.CreateSecret({ SecretName: 'team-a-cred', SecretString: CANARY });
  await client.CreateSecret({ SecretName: 'team-b-cred', SecretString: CANARY });
  const reader = handle.admin.seedAccount({ name: 'reader' });
  const readerClient = ssm(handle, reader);
  expect((await failure(readerClient.GetSecretValue({ SecretName: 'team-a-cred', VersionId: 'SSM_Current' }))).code).toBe('UnauthorizedOperation');

  const camClient = new tencentcloud.cam.v20190116.Client({ credential: handle.root, region: 'ap-guangzhou', profile: profile(handle) });
  const { PolicyId } = await camClient.CreatePolicy({
    PolicyName: 'read-team-a',
    PolicyDocument: JSON.stringify({
      version: '2.0',
      statement: [{ effect: 'allow', action: ['ssm:GetSecretValue'], resource: [`qcs::ssm:ap-guangzhou:uin/${handle.root.uin}:secret/team-a-*`] }],
    }),
  });
  await camClient.AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(reader.uin) });
  expect((await readerClient.GetSecretValue({ SecretName: 'team-a-cred', VersionId: 'SSM_Current' })).SecretString).toBe(CANARY);
  expect((await failure(readerClient.GetSecretValue({ SecretName: 'team-b-cred', VersionId: 'SSM_Current' }))).code).toBe('UnauthorizedOperation');
  expect((await failure(readerClient.DeleteSecretVersion({ SecretName: 'team-a-cred', VersionId: 'SSM_Current' }))).code).toBe('UnauthorizedOperation');
});

test('a mistyped secret is rejected by field and type, never echoed (canary)', async () => {
  const numericCanary = 7305119424;
  await client.CreateSecret({ SecretName: 'typed', SecretString: 'x' });
  const err = await failure(client.PutSecretValue({ SecretName: 'typed', VersionId: 'v2', SecretString: numericCanary as any }));
  expect(err.code).toBe('InvalidParameter');
  expect(err.message).toContain('`SecretString` must be of type string');
  expect(err.message).not.toContain(String(numericCanary));
  const tcr = new tencentcloud.tcr.v20190924.Client({ credential: handle.root, region: 'ap-guangzhou', profile: profile(handle) });
  const pw = await failure(tcr.ModifyServiceAccountPassword({ RegistryId: 'tcr-x', Name: 'robot', Random: false, Password: numericCanary as any }));
  expect(pw.message).toContain('`Password` must be of type string');
  expect(pw.message).not.toContain(String(numericCanary));
  expect(logLines.join('\n')).not.toContain(String(numericCanary));
  // Non-secret fields still show the rejected value, which helps the caller.
  expect((await failure(client.ListSecrets({ Limit: 'ten' as any }))).message).toContain('"ten"');
});

test('the calls tencentcloud_ssm_secret and _secret_version make, in their order', async () => {
  // Create: a secret with a throw-away "default" version, which is then deleted, leaving a secret with no versions.
  await client.CreateSecret({ SecretName: 'tf-secret', VersionId: 'default', SecretString: 'default', Description: 'by terraform' });
  await client.DeleteSecretVersion({ SecretName: 'tf-secret', VersionId: 'default' });
  expect((await client.ListSecretVersionIds({ SecretName: 'tf-secret' })).Versions).toEqual([]);
  expect((await failure(client.GetSecretValue({ SecretName: 'tf-secret', VersionId: 'default' }))).code).toBe('ResourceNotFound');
  // secret_version: PutSecretValue, read back through DescribeSecret + ListSecretVersionIds + GetSecretValue.
  await client.PutSecretValue({ SecretName: 'tf-secret', VersionId: 'v1', SecretString: CANARY });
  expect((await client.DescribeSecret({ SecretName: 'tf-secret' })).Status).toBe('Enabled');
  expect((await client.ListSecretVersionIds({ SecretName: 'tf-secret' })).Versions!.map((v) => v.VersionId)).toEqual(['v1']);
  expect((await client.GetSecretValue({ SecretName: 'tf-secret', VersionId: 'v1' })).SecretString).toBe(CANARY);
  // Destroy: version, then DisableSecret (DeleteSecret refuses an enabled secret) and DeleteSecret with the window.
  await client.DeleteSecretVersion({ SecretName: 'tf-secret', VersionId: 'v1' });
  expect((await failure(client.DeleteSecret({ SecretName: 'tf-secret', RecoveryWindowInDays: 0 }))).code).toBe('FailedOperation');
  await client.DisableSecret({ SecretName: 'tf-secret' });
  await client.DeleteSecret({ SecretName: 'tf-secret', RecoveryWindowInDays: 0 });
  expect((await failure(client.DescribeSecret({ SecretName: 'tf-secret' }))).code).toBe('ResourceNotFound');
});
