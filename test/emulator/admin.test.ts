import * as http from 'http';
import { camClient, rawRequest, sdkError, stsClient } from './helpers';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { redact } from '../../src/emulator/log';

function call(url: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, url), {
      method, headers: token ? { Authorization: `Bearer ${token}` } : {},
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  });
}

describe('admin HTTP interface', () => {
  let handle: EmulatorHandle;
  let admin: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
  beforeAll(async () => {
    handle = await startEmulator({ adminPort: 0, clock: Date.UTC(2026, 10, 25) });
    admin = (method, path, body) => call(handle.adminUrl!, method, path, handle.adminToken, body);
  });
  afterAll(() => handle.close());

  test('runs on its own port and needs the bearer token', async () => {
    expect(handle.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(handle.adminUrl).not.toContain(String(handle.port));
    expect((await call(handle.adminUrl!, 'GET', '/state', undefined)).status).toBe(401);
    expect((await call(handle.adminUrl!, 'GET', '/state', 'wrong')).status).toBe(401);
    // A signed API request sent to the admin port is refused like any other unauthenticated one.
    const adminPort = Number(new URL(handle.adminUrl!).port);
    const viaApi = await rawRequest({ ...handle, port: adminPort, endpoint: `127.0.0.1:${adminPort}` }, {
      action: 'GetCallerIdentity', version: '2018-08-13', body: '{}', secretId: handle.root.secretId, secretKey: handle.root.secretKey,
    });
    expect(viaApi.status).toBe(401);
    // And the API port has no admin routes.
    const res = await call(handle.url, 'GET', '/state', handle.adminToken);
    expect(res.body.Response.Error.Code).toBe('UnsupportedProtocol');
  });

  test('state (redacted unless revealed), accounts, keys, groups, roles, temporary credentials', async () => {
    const dev = (await admin('POST', '/accounts', { name: 'http-dev' })).body;
    expect(dev).toMatchObject({ uin: expect.any(String), secretId: expect.stringMatching(/^AKID/), secretKey: expect.any(String) });
    await expect(stsClient(handle, dev).GetCallerIdentity()).resolves.toMatchObject({ UserId: dev.uin });
    const otherRoot = (await admin('POST', '/accounts', { root: true })).body;
    expect(otherRoot.uin).toBe(otherRoot.ownerUin);
    const key2 = (await admin('POST', '/keys', { uin: dev.uin })).body;
    await expect(stsClient(handle, key2).GetCallerIdentity()).resolves.toMatchObject({ UserId: dev.uin });
    const group = (await admin('POST', '/groups', { name: 'g' })).body;
    expect((await admin('POST', '/groups/members', { uin: dev.uin, groupId: group.groupId })).status).toBe(200);
    const role = (await admin('POST', '/roles', { roleName: 'r' })).body;
    const temp = (await admin('POST', '/temporary-credentials', { roleId: role.roleId, durationSeconds: 600 })).body;
    expect(temp.token).toBeDefined();
    await expect(stsClient(handle, temp).GetCallerIdentity()).resolves.toMatchObject({ Type: 'AssumedRole' });

    const redacted = (await admin('GET', '/state')).body;
    expect(JSON.stringify(redacted)).not.toContain(dev.secretKey);
    expect(JSON.stringify(redacted)).not.toContain(temp.token);
    expect(redacted.accounts.keys[dev.secretId].secretKey).toBe('***');
    const revealed = (await admin('GET', '/state?reveal=1')).body;
    expect(revealed.accounts.keys[dev.secretId].secretKey).toBe(dev.secretKey);
    expect(revealed.accounts.users[dev.uin].groupIds).toEqual([group.groupId]);
  });

  test('clock, faults, reset, replace, errors', async () => {
    expect((await admin('GET', '/clock')).body.now).toBe(Date.UTC(2026, 10, 25));
    expect((await admin('POST', '/clock', { advanceMs: 5000 })).body.now).toBe(Date.UTC(2026, 10, 25) + 5000);
    expect((await admin('POST', '/clock', { setMs: 42, frozen: true })).body.now).toBe(42);
    expect((await admin('POST', '/clock', {})).status).toBe(400);

    const fault = (await admin('POST', '/faults', { action: 'GetCallerIdentity', kind: 'error', code: 'InternalError' })).body;
    expect(fault).toMatchObject({ id: expect.any(Number), remaining: 1 });
    expect((await admin('GET', '/faults')).body).toHaveLength(1);
    expect((await sdkError(stsClient(handle, handle.root).GetCallerIdentity())).code).toBe('InternalError');
    await admin('POST', '/faults', { action: 'GetCallerIdentity', kind: 'drop' });
    await admin('DELETE', '/faults');
    await expect(stsClient(handle, handle.root).GetCallerIdentity()).resolves.toBeDefined();
    expect((await admin('POST', '/faults', { action: 'X', kind: 'nope' })).body.error).toContain('fault kind');

    const saved = (await admin('GET', '/state?reveal=1')).body;
    await camClient(handle, handle.root).CreatePolicy({ PolicyName: 'temp', PolicyDocument: '{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":["*"]}]}' });
    expect((await admin('PUT', '/state', { nope: 1 })).body.error).toContain('formatVersion');
    expect((await admin('PUT', '/state', (await admin('GET', '/state')).body)).body.error).toContain('redacted');
    await expect(stsClient(handle, handle.root).GetCallerIdentity()).resolves.toBeDefined(); // refused bodies changed nothing
    expect((await admin('PUT', '/state', saved)).status).toBe(200);
    expect((await camClient(handle, handle.root).ListPolicies({})).TotalNum).toBe(0);
    expect((await admin('POST', '/reset')).status).toBe(200);
    await expect(stsClient(handle, handle.root).GetCallerIdentity()).resolves.toBeDefined();
    expect((await admin('GET', '/nope')).status).toBe(404);
    expect((await admin('POST', '/accounts', '{bad')).body.error).toContain('not valid JSON');
    expect((await admin('POST', '/accounts', { name: 'x', ownerUin: '1' })).body.error).toContain('no root account');
  });
});

test('redact masks secret-looking keys at any depth', () => {
  expect(redact({ a: { SecretKey: 'x', Password: 'y', list: [{ token: 'z', SecretString: 's', keep: 1 }] }, nested: { token: { deep: 1 } } }))
    .toEqual({ a: { SecretKey: '***', Password: '***', list: [{ token: '***', SecretString: '***', keep: 1 }] }, nested: { token: { deep: 1 } } });
});
