/**
 * Regression tests of the request checks found too permissive in review: the region (defect class 1), malformed
 * and huge parameters (class 3) and the smaller protocol gaps (class 5).
 */
import { allowPolicy, camClient, rawRequest, RawRequest, sdkError, ssmClient, stsClient, tcrClient } from './helpers';
import { AccountCredentials, EmulatorHandle, startEmulator } from '../../src/emulator';
import { MAX_ERROR_MESSAGE_CHARS } from '../../src/emulator/api-server';

const TCR_VERSION = '2019-09-24';
const SSM_VERSION = '2019-09-23';
const STS_VERSION = '2018-08-13';

let handle: EmulatorHandle;
let root: AccountCredentials;

beforeAll(async () => {
  handle = await startEmulator();
  root = handle.root;
});
afterAll(() => handle.close());
beforeEach(() => handle.admin.reset());

function call(r: Partial<RawRequest> & { action: string; version: string }, credential: AccountCredentials = root, region?: string) {
  return rawRequest(handle, {
    body: '{}',
    secretId: credential.secretId,
    secretKey: credential.secretKey,
    ...r,
    extraHeaders: { ...(region !== undefined ? { 'X-TC-Region': region } : {}), ...(r.extraHeaders ?? {}) },
  });
}

async function errorOf(r: Partial<RawRequest> & { action: string; version: string }, credential?: AccountCredentials, region?: string) {
  const res = await call(r, credential, region);
  expect(res.status).toBe(200);
  return res.body.Response.Error as { Code: string; Message: string } | undefined;
}

describe('region (class 1)', () => {
  test('a region-scoped deny cannot be side-stepped by leaving the region out', async () => {
    const tcr = tcrClient(handle, root);
    const { RegistryId } = await tcr.CreateInstance({ RegistryName: 'region-deny', RegistryType: 'basic' });
    const dev = handle.admin.seedAccount({ name: 'gz-denied' });
    const cam = camClient(handle, root);
    const { PolicyId } = await cam.CreatePolicy({
      PolicyName: 'all-but-guangzhou',
      PolicyDocument: JSON.stringify({
        version: '2.0',
        statement: [{ effect: 'allow', action: ['tcr:*'], resource: ['*'] }, { effect: 'deny', action: ['tcr:*'], resource: ['qcs::tcr:ap-guangzhou::*'] }],
      }),
    });
    await cam.AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(dev.uin) });
    const body = JSON.stringify({ RegistryId, NamespaceName: 'sneaky', IsPublic: false });
    for (const action of ['CreateNamespace', 'CreateInstanceToken']) {
      const payload = action === 'CreateNamespace' ? body : JSON.stringify({ RegistryId });
      expect(await errorOf({ action, version: TCR_VERSION, body: payload }, dev)).toMatchObject({ Code: 'MissingParameter', Message: expect.stringContaining('Region') });
      expect((await errorOf({ action, version: TCR_VERSION, body: payload }, dev, 'ap-guangzhou'))?.Code).toMatch(/UnauthorizedOperation$/);
    }
    expect(Object.keys(handle.admin.state().tcr.instances[RegistryId!].namespaces)).toEqual([]);
    expect(Object.keys(handle.admin.state().tcr.instances[RegistryId!].tokens)).toEqual([]);
  });

  test.each([
    ['an unknown region', 'ap-nowhere'],
    ['a prototype key', '__proto__'],
    ['an 8 KB string', 'r'.repeat(8 * 1024)],
  ])('TCR and SSM refuse %s with the real codes and a bounded message', async (_name, region) => {
    const create = await errorOf({ action: 'CreateInstance', version: TCR_VERSION, body: JSON.stringify({ RegistryName: 'nowhere-reg', RegistryType: 'basic' }) }, root, region);
    expect(create?.Code).toBe('InvalidParameter.UnsupportedRegion');
    expect(create?.Message).toContain('Region');
    expect(create!.Message.length).toBeLessThan(1024);
    const list = await errorOf({ action: 'DescribeInstances', version: TCR_VERSION }, root, region);
    expect(list?.Code).toBe('UnsupportedRegion');
    const secret = await errorOf({ action: 'ListSecrets', version: SSM_VERSION }, root, region);
    expect(secret?.Code).toBe('UnsupportedRegion');
    expect(secret!.Message.length).toBeLessThan(1024);
  });

  test('SSM needs a region; every known region works; global services take none', async () => {
    expect(await errorOf({ action: 'ListSecrets', version: SSM_VERSION })).toMatchObject({ Code: 'MissingParameter', Message: expect.stringContaining('Region') });
    await expect(ssmClient(handle, root, 'eu-frankfurt').ListSecrets({})).resolves.toMatchObject({ TotalCount: 0 });
    await expect(tcrClient(handle, root, 'na-siliconvalley').DescribeInstances({})).resolves.toMatchObject({ TotalCount: 0 });
    expect(await errorOf({ action: 'GetCallerIdentity', version: STS_VERSION })).toBeUndefined();
    expect(await errorOf({ action: 'ListPolicies', version: '2019-01-16' })).toBeUndefined();
    await expect(stsClient(handle, root).GetCallerIdentity()).resolves.toBeDefined();
  });

  test('CAM resources carry the validated region of the request', async () => {
    const dev = handle.admin.seedAccount({ name: 'sh-only' });
    const cam = camClient(handle, root);
    const { PolicyId } = await cam.CreatePolicy({ PolicyName: 'sh-only', PolicyDocument: allowPolicy(['tcr:*'], ['qcs::tcr:ap-shanghai::*']) });
    await cam.AttachUserPolicy({ PolicyId: PolicyId!, AttachUin: Number(dev.uin) });
    await expect(tcrClient(handle, dev, 'ap-shanghai').CreateInstance({ RegistryName: 'sh-instance', RegistryType: 'basic' })).resolves.toBeDefined();
    const denied = await sdkError(tcrClient(handle, dev, 'ap-guangzhou').CreateInstance({ RegistryName: 'gz-instance', RegistryType: 'basic' }));
    expect(denied.message).toContain('qcs::tcr:ap-guangzhou:');
  });
});

describe('malformed and huge parameters (class 3)', () => {
  function deep(depth: number, leaf: unknown = 'x'): string {
    return `${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`;
  }

  test.each([
    ['a primitive field', (d: string) => `{"RegistryName":${d},"RegistryType":"basic"}`],
    ['a nested structure', (d: string) => `{"RegistryName":"deep-one","RegistryType":"basic","TagSpecification":{"ResourceType":"instance","Tags":${d}}}`],
    ['an undescribed field of a nested structure', (d: string) => `{"RegistryName":"deep-two","RegistryType":"basic","TagSpecification":{"ResourceType":"instance","Tags":[],"Extra":${d}}}`],
  ])('deep nesting in %s is a well-formed parameter error', async (_name, bodyOf) => {
    const res = await call({ action: 'CreateInstance', version: TCR_VERSION, body: bodyOf(deep(100_000)) }, root, 'ap-guangzhou');
    const error = res.body.Response.Error;
    expect(error.Code).toBe('InvalidParameter');
    expect(error.Message.length).toBeLessThan(512);
    expect(Object.keys(handle.admin.state().tcr?.instances ?? {})).toEqual([]);
  });

  test('a 9 MB value is answered with a bounded echo, wherever it goes', async () => {
    const huge = 'n'.repeat(9 * 1024 * 1024);
    const cases: Array<[string, string, string, string]> = [
      ['CreateInstance', TCR_VERSION, JSON.stringify({ RegistryName: huge, RegistryType: 'basic' }), 'ap-guangzhou'],
      ['DescribeNamespaces', TCR_VERSION, JSON.stringify({ RegistryId: huge }), 'ap-guangzhou'],
      ['GetSecretValue', SSM_VERSION, JSON.stringify({ SecretName: huge, VersionId: 'v1' }), 'ap-guangzhou'],
      ['GetPolicy', '2019-01-16', JSON.stringify({ PolicyId: huge }), 'ap-guangzhou'],
      ['GetUser', '2019-01-16', JSON.stringify({ Name: huge }), 'ap-guangzhou'],
    ];
    for (const [action, version, body, region] of cases) {
      const res = await call({ action, version, body }, root, region);
      const text = JSON.stringify(res.body);
      expect([action, res.body.Response.Error?.Code !== undefined, text.length < 2048]).toEqual([action, true, true]);
    }
    // A sub-account's denial quotes the resource; the core caps every message.
    const dev = handle.admin.seedAccount({ name: 'huge-denied' });
    const denied = await call({ action: 'GetSecretValue', version: SSM_VERSION, body: JSON.stringify({ SecretName: huge, VersionId: 'v1' }) }, dev, 'ap-guangzhou');
    expect(denied.body.Response.Error.Code).toBe('UnauthorizedOperation');
    expect(denied.body.Response.Error.Message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_CHARS + 1);
  });
});

describe('protocol (class 5)', () => {
  test('Content-Type must be application/json exactly (parameters may follow)', async () => {
    expect((await errorOf({ action: 'GetCallerIdentity', version: STS_VERSION, contentType: 'application/jsonx' }))?.Code).toBe('UnsupportedProtocol');
    expect((await errorOf({ action: 'GetCallerIdentity', version: STS_VERSION, contentType: 'application/json-seq' }))?.Code).toBe('UnsupportedProtocol');
    expect(await errorOf({ action: 'GetCallerIdentity', version: STS_VERSION, contentType: 'application/json; charset=utf-8' })).toBeUndefined();
  });

  test('a mixed-case Host signed in lowercase passes with and without the port, and routes by its label', async () => {
    const port = handle.port;
    for (const [hostHeader, signedHost] of [
      [`STS.LocalHost:${port}`, 'sts.localhost'],
      [`STS.LocalHost:${port}`, `sts.localhost:${port}`],
      ['STS.LocalHost', 'sts.localhost'],
    ]) {
      const res = await call({ action: 'GetCallerIdentity', version: STS_VERSION, hostHeader, signedHost });
      expect([hostHeader, signedHost, res.body.Response.Error]).toEqual([hostHeader, signedHost, undefined]);
      expect(res.body.Response.UserId).toBe(root.uin);
    }
  });

  test('an unsigned or wrongly signed caller learns nothing about which actions and versions exist', async () => {
    const stranger = { ...root, secretKey: 'not-the-key' };
    const variants: Array<Partial<RawRequest>> = [
      { action: 'GetCallerIdentity', version: STS_VERSION },
      { action: 'RunInstances', version: STS_VERSION },
      { action: 'GetCallerIdentity', version: '2017-03-12' },
      { action: 'GetCallerIdentity', version: undefined as any },
    ];
    const unsigned = await Promise.all(variants.map((v) => errorOf({ action: '', version: '', ...v, authorization: '' })));
    expect(unsigned.map((e) => e?.Code)).toEqual(Array(variants.length).fill('AuthFailure.InvalidAuthorization'));
    const badKey = await Promise.all(variants.map((v) => errorOf({ action: '', version: '', ...v }, stranger)));
    expect(badKey.map((e) => e?.Code)).toEqual(Array(variants.length).fill('AuthFailure.SignatureFailure'));
    // Signed, the same requests get the routing answers.
    const signed = await Promise.all(variants.map((v) => errorOf({ action: '', version: '', ...v })));
    expect(signed.map((e) => e?.Code)).toEqual([undefined, 'InvalidAction', 'NoSuchVersion', 'MissingParameter']);
  });
});
