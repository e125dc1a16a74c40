import * as net from 'net';
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { allowPolicy, camClient, profile, rawRequest, sdkError, stsClient } from './helpers';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { API_MODEL } from '../../src/emulator/api-model';
import { SERVICES } from '../../src/emulator/services';
import { camService } from '../../src/emulator/services/cam';
import { stsService } from '../../src/emulator/services/sts';

const CAM_VERSION = '2019-01-16';
const STS_VERSION = '2018-08-13';

describe('API 3.0 front end with the official SDK', () => {
  let handle: EmulatorHandle;
  const lines: string[] = [];

  beforeAll(async () => {
    handle = await startEmulator({ log: (l) => lines.push(l), maxBodyBytes: 64 * 1024 });
  });
  afterAll(() => handle.close());

  test('answers in the Response envelope with a RequestId', async () => {
    const identity = await stsClient(handle, handle.root).GetCallerIdentity();
    expect(identity).toMatchObject({
      AccountId: handle.root.uin,
      UserId: handle.root.uin,
      PrincipalId: handle.root.uin,
      Type: 'Root',
      Arn: `qcs::cam::uin/${handle.root.uin}:uin/${handle.root.uin}`,
    });
    expect(identity.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(handle.endpoint).toBe(`127.0.0.1:${handle.port}`);
    expect(handle.url).toBe(`http://127.0.0.1:${handle.port}/`);
  });

  test('sub-account and assumed-role identities', async () => {
    const dev = handle.admin.seedAccount({ name: 'identity-dev' });
    expect(await stsClient(handle, dev).GetCallerIdentity()).toMatchObject({ Type: 'CAMUser', UserId: dev.uin, AccountId: handle.root.uin });
    const role = handle.admin.seedRole({ roleName: 'deployer' });
    const temp = handle.admin.issueTemporaryCredentials({ roleId: role.roleId, sessionName: 'ci' });
    expect(await stsClient(handle, temp).GetCallerIdentity()).toMatchObject({
      Type: 'AssumedRole', UserId: `${role.roleId}:ci`, Arn: `qcs::sts:${handle.root.uin}:assumed-role/${role.roleId}/ci`,
    });
  });

  describe('signature edge cases', () => {
    const base = () => ({ action: 'GetCallerIdentity', version: STS_VERSION, body: '{}', secretId: handle.root.secretId, secretKey: handle.root.secretKey });

    test('a hand-signed request with scope service 127 and host without port passes', async () => {
      const res = await rawRequest(handle, base());
      expect(res.status).toBe(200);
      expect(res.body.Response.AccountId).toBe(handle.root.uin);
    });

    test('the Go SDK form (scope service sts, host:port signed) passes', async () => {
      const res = await rawRequest(handle, { ...base(), scopeService: 'sts', signedHost: handle.endpoint });
      expect(res.body.Response.Error).toBeUndefined();
    });

    test('host-based routing: sts.localhost:PORT without a matching version still routes to STS', async () => {
      const res = await rawRequest(handle, { ...base(), hostHeader: `sts.localhost:${handle.port}`, signedHost: 'sts.localhost', scopeService: 'sts' });
      expect(res.body.Response.AccountId).toBe(handle.root.uin);
      const wrongVersion = await rawRequest(handle, { ...base(), version: CAM_VERSION, hostHeader: `sts.localhost:${handle.port}`, signedHost: 'sts.localhost' });
      expect(wrongVersion.body.Response.Error.Code).toBe('NoSuchVersion');
    });

    test.each([
      ['wrong secret key', { secretKey: 'wrong' }, 'AuthFailure.SignatureFailure'],
      ['one flipped signature bit', { tamper: (s: string) => (s[0] === 'a' ? 'b' : 'a') + s.slice(1) }, 'AuthFailure.SignatureFailure'],
      ['signed another host', { signedHost: 'example.com' }, 'AuthFailure.SignatureFailure'],
      ['scope date not the UTC date of the timestamp', { scopeDate: '2001-01-01' }, 'AuthFailure.SignatureFailure'],
      // Timestamps are computed when the test runs, not when the table is built (the suite may start much later).
      ['timestamp 6 minutes old', () => ({ timestamp: Math.floor(Date.now() / 1000) - 360 }), 'AuthFailure.SignatureExpire'],
      ['timestamp 6 minutes ahead', () => ({ timestamp: Math.floor(Date.now() / 1000) + 360 }), 'AuthFailure.SignatureExpire'],
      ['unknown SecretId', { secretId: 'AKIDunknown' }, 'AuthFailure.SecretIdNotFound'],
      ['malformed Authorization', { authorization: 'TC3-HMAC-SHA256 garbage' }, 'AuthFailure.InvalidAuthorization'],
      ['legacy signature', { authorization: 'HmacSHA256 x' }, 'AuthFailure.InvalidAuthorization'],
      ['token with a permanent key', { token: 'abc' }, 'AuthFailure.TokenFailure'],
    ])('%s -> %s', async (_name, change, code) => {
      const res = await rawRequest(handle, { ...base(), ...(typeof change === 'function' ? change() : change) });
      expect(res.status).toBe(200);
      expect(res.body.Response.Error.Code).toBe(code);
      expect(res.body.Response.RequestId).toBeDefined();
    });

    test('4m59s of skew is still accepted', async () => {
      const res = await rawRequest(handle, { ...base(), timestamp: Math.floor(Date.now() / 1000) - 295 });
      expect(res.body.Response.Error).toBeUndefined();
    });

    test('missing or non-numeric X-TC-Timestamp', async () => {
      const noTs = await rawRequest(handle, { ...base(), extraHeaders: { 'X-TC-Timestamp': 'soon' } });
      expect(noTs.body.Response.Error.Code).toBe('InvalidParameter');
      expect(noTs.body.Response.Error.Message).toContain('X-TC-Timestamp');
    });

    test('a disabled key is not found', async () => {
      const dev = handle.admin.seedAccount({ name: 'disabled-dev' });
      handle.admin.setKeyStatus(dev.secretId, 'Inactive');
      expect((await sdkError(stsClient(handle, dev).GetCallerIdentity())).code).toBe('AuthFailure.SecretIdNotFound');
      handle.admin.setKeyStatus(dev.secretId, 'Active');
      await expect(stsClient(handle, dev).GetCallerIdentity()).resolves.toBeDefined();
    });

    test('temporary credentials: token required, must match, expire on the virtual clock', async () => {
      const dev = handle.admin.seedAccount({ name: 'temp-dev' });
      const temp = handle.admin.issueTemporaryCredentials({ uin: dev.uin, durationSeconds: 60 });
      expect(temp.token).toBeDefined();
      await expect(stsClient(handle, temp).GetCallerIdentity()).resolves.toMatchObject({ UserId: dev.uin });
      expect((await sdkError(stsClient(handle, { ...temp, token: undefined }).GetCallerIdentity())).code).toBe('AuthFailure.TokenFailure');
      expect((await sdkError(stsClient(handle, { ...temp, token: `${temp.token}x` }).GetCallerIdentity())).code).toBe('AuthFailure.TokenFailure');
      handle.admin.advanceClock(61_000);
      const expired = await sdkError(stsClient(handle, temp).GetCallerIdentity());
      expect(expired).toMatchObject({ code: 'AuthFailure.TokenFailure', message: expect.stringContaining('expired') });
      // The wall-clock signature check is unaffected by the advanced virtual clock.
      await expect(stsClient(handle, handle.root).GetCallerIdentity()).resolves.toBeDefined();
    });
  });

  describe('request errors', () => {
    const base = () => ({ action: 'ListPolicies', version: CAM_VERSION, body: '{}', secretId: handle.root.secretId, secretKey: handle.root.secretKey });

    test.each([
      ['unknown action', { action: 'RunInstances' }, 'InvalidAction'],
      // Names that exist on Object.prototype are unknown actions too (they gave InternalError).
      ['action "constructor"', { action: 'constructor' }, 'InvalidAction'],
      ['action "toString"', { action: 'toString' }, 'InvalidAction'],
      ['action "__proto__"', { action: '__proto__' }, 'InvalidAction'],
      ['known action, wrong version', { version: '2017-03-12' }, 'NoSuchVersion'],
      ['known action, no version', { version: undefined as any, extraHeaders: {} }, 'MissingParameter'],
      ['malformed JSON', { body: '{"Rp":' }, 'InvalidParameter'],
      ['JSON that is not an object', { body: '[1]' }, 'InvalidParameter'],
      ['unknown top-level field', { body: '{"Rpp":1}' }, 'UnknownParameter'],
      ['wrong primitive type', { body: '{"Rp":"20"}' }, 'InvalidParameter'],
      ['form body', { contentType: 'application/x-www-form-urlencoded', body: 'Rp=1' }, 'UnsupportedProtocol'],
      ['oversize body', { body: JSON.stringify({ Keyword: 'x'.repeat(70 * 1024) }) }, 'RequestSizeLimitExceeded'],
    ])('%s -> %s', async (_name, change, code) => {
      const res = await rawRequest(handle, { ...base(), ...change });
      expect(res.body.Response.Error.Code).toBe(code);
    });

    test('no X-TC-Action', async () => {
      const res = await rawRequest(handle, { ...base(), action: '' });
      expect(res.body.Response.Error).toMatchObject({ Code: 'MissingParameter', Message: expect.stringContaining('X-TC-Action') });
    });

    test('GET is not supported', async () => {
      const res = await rawRequest(handle, { ...base(), method: 'GET', body: '' });
      expect(res.body.Response.Error.Code).toBe('UnsupportedProtocol');
    });

    test('validation messages name the field', async () => {
      const cam = camClient(handle, handle.root);
      expect(await sdkError(cam.CreatePolicy({ PolicyName: 'x' } as any))).toMatchObject({
        code: 'MissingParameter', message: expect.stringContaining('PolicyDocument'),
      });
      expect(await sdkError(cam.GetPolicy({ PolicyId: 'seven' as any }))).toMatchObject({
        code: 'InvalidParameter', message: expect.stringContaining('`PolicyId` must be of type number'),
      });
      expect(await sdkError(cam.DeletePolicy({ PolicyId: [1, 'x'] as any }))).toMatchObject({
        code: 'InvalidParameter', message: expect.stringContaining('PolicyId.1'),
      });
      expect(await sdkError(cam.CreatePolicy({ PolicyName: 'x', PolicyDocument: '{}', Tags: [{ Key: 'k' }] } as any))).toMatchObject({
        code: 'MissingParameter', message: expect.stringContaining('Tags.0.Value'),
      });
      expect(await sdkError(cam.CreatePolicy({ PolicyName: 'x', PolicyDocument: '{}', Tags: ['k'] } as any))).toMatchObject({
        code: 'InvalidParameter', message: expect.stringContaining('Tags.0'),
      });
      expect(await sdkError(cam.ListPolicies({ Rp: true } as any))).toMatchObject({ code: 'InvalidParameter' });
    });
  });

  test('the request log has one line per request and never a secret (canary)', async () => {
    lines.length = 0;
    const canary = 'CANARY-7f3e1d-SECRET';
    const dev = handle.admin.seedAccount({ name: 'canary-dev' });
    await sdkError(stsClient(handle, { secretId: dev.secretId, secretKey: canary }).GetCallerIdentity());
    await sdkError(stsClient(handle, { ...handle.root, token: canary }).GetCallerIdentity());
    await sdkError(camClient(handle, handle.root).CreatePolicy({ PolicyName: canary, PolicyDocument: canary, Description: canary }));
    await sdkError(camClient(handle, handle.root).CreatePolicy({ PolicyName: 'ok', PolicyDocument: canary, Description: canary }));
    await camClient(handle, handle.root).ListPolicies({ Keyword: canary });
    expect(lines).toHaveLength(5);
    const all = lines.join('\n');
    expect(all).not.toContain(canary);
    expect(all).not.toContain(handle.root.secretKey);
    expect(all).not.toContain(dev.secretKey);
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries[0]).toMatchObject({ service: 'sts', action: 'GetCallerIdentity', outcome: 'AuthFailure.SignatureFailure', secretIdPrefix: `${dev.secretId.slice(0, 8)}…` });
    expect(entries[1].outcome).toBe('AuthFailure.TokenFailure');
    expect(entries[2]).toMatchObject({ action: 'CreatePolicy', outcome: 'InvalidParameter.PolicyDocumentError', uin: handle.root.uin });
    expect(entries[4]).toMatchObject({ outcome: 'ok', httpStatus: 200 });
    for (const e of entries) expect(typeof e.durationMs).toBe('number');
  });

  test('a client that hangs up mid-body is logged as client-aborted, not as an emulator error', async () => {
    lines.length = 0;
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(handle.port, '127.0.0.1', () => {
        socket.write(`POST / HTTP/1.1\r\nHost: ${handle.endpoint}\r\nContent-Type: application/json\r\nX-TC-Action: GetCallerIdentity\r\n`
          + 'Content-Length: 1000\r\n\r\n{"partial":');
        // Hang up once the server has the headers (its log line proves it saw the request).
        setImmediate(() => socket.destroy());
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });
    for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ outcome: 'client-aborted', httpStatus: 0 })]);
  });

  test('100 parallel requests: no lost update', async () => {
    const cam = camClient(handle, handle.root);
    const ids = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      cam.CreatePolicy({ PolicyName: `parallel-${i}`, PolicyDocument: allowPolicy(['tcr:*'], ['*']) }).then((r) => r.PolicyId)));
    expect(new Set(ids).size).toBe(100);
    const listed = await cam.ListPolicies({ Keyword: 'parallel-', Rp: 200 });
    expect(listed.TotalNum).toBe(100);
    await cam.DeletePolicy({ PolicyId: ids as number[] });
    expect((await cam.ListPolicies({ Keyword: 'parallel-' })).TotalNum).toBe(0);
  });
});

describe('fault injection', () => {
  let handle: EmulatorHandle;
  beforeAll(async () => {
    handle = await startEmulator();
  });
  afterAll(() => handle.close());
  afterEach(() => handle.admin.clearFaults());

  test('the next N calls fail with the given code, then calls succeed', async () => {
    const sts = stsClient(handle, handle.root);
    const fault = handle.admin.injectFault({ action: 'GetCallerIdentity', kind: 'error', code: 'InternalError', count: 2 });
    expect(fault.remaining).toBe(2);
    expect((await sdkError(sts.GetCallerIdentity())).code).toBe('InternalError');
    expect(handle.admin.faults()).toHaveLength(1);
    expect((await sdkError(sts.GetCallerIdentity())).code).toBe('InternalError');
    expect(handle.admin.faults()).toHaveLength(0);
    await expect(sts.GetCallerIdentity()).resolves.toBeDefined();
  });

  test('faults match by action and service; other actions are untouched', async () => {
    handle.admin.injectFault({ action: '*', service: 'cam', kind: 'error', code: 'ResourceUnavailable', message: 'maintenance' });
    await expect(stsClient(handle, handle.root).GetCallerIdentity()).resolves.toBeDefined();
    expect(await sdkError(camClient(handle, handle.root).ListPolicies({}))).toMatchObject({ code: 'ResourceUnavailable', message: 'maintenance' });
  });

  test('HTTP 500', async () => {
    handle.admin.injectFault({ action: 'GetCallerIdentity', kind: 'http500' });
    const err = await sdkError(stsClient(handle, handle.root).GetCallerIdentity());
    expect(err.httpCode).toBe(500);
    await expect(stsClient(handle, handle.root).GetCallerIdentity()).resolves.toBeDefined();
  });

  test('dropped connection', async () => {
    handle.admin.injectFault({ action: 'GetCallerIdentity', kind: 'drop' });
    const err = await sdkError(stsClient(handle, handle.root).GetCallerIdentity());
    expect(err.code).toBeUndefined();
    expect(err.message).toMatch(/socket hang up|ECONNRESET|closed/i);
    await expect(stsClient(handle, handle.root).GetCallerIdentity()).resolves.toBeDefined();
  });

  test('delay holds the call back, then it succeeds; later calls are not delayed', async () => {
    // Long enough that the undelayed call finishes first even on a loaded machine.
    handle.admin.injectFault({ action: 'GetCallerIdentity', kind: 'delay', delayMs: 600 });
    const sts = stsClient(handle, handle.root);
    const delayed = sts.GetCallerIdentity();
    let delayedDone = false;
    void delayed.then(() => { delayedDone = true; });
    await sts.GetCallerIdentity(); // the fault was used by the first call
    expect(delayedDone).toBe(false);
    await expect(delayed).resolves.toMatchObject({ AccountId: handle.root.uin });
  });

  test.each([
    [{ kind: 'error', code: 'ResourceUnavailable' }, (e: any) => e.code === 'ResourceUnavailable'],
    [{ kind: 'http500' }, (e: any) => e.httpCode === 500],
    [{ kind: 'drop' }, (e: any) => e.code === undefined && /socket hang up|ECONNRESET|closed/i.test(e.message)],
  ])('%p applies to exactly the next N = 3 calls', async (spec, isInjected) => {
    handle.admin.injectFault({ action: 'GetCallerIdentity', count: 3, ...spec } as any);
    const sts = stsClient(handle, handle.root);
    for (let i = 0; i < 3; i++) expect(isInjected(await sdkError(sts.GetCallerIdentity()))).toBe(true);
    expect(handle.admin.faults()).toEqual([]);
    await expect(sts.GetCallerIdentity()).resolves.toMatchObject({ AccountId: handle.root.uin });
  });

  test.each([
    [{ action: 'X', kind: 'error' }, 'needs `code`'],
    [{ action: 'X', kind: 'delay' }, 'needs `delayMs`'],
    [{ action: 'X', kind: 'explode' }, 'fault kind must be'],
    [{ action: '', kind: 'drop' }, 'fault action'],
    [{ action: 'X', kind: 'drop', count: 0 }, 'positive integer'],
  ])('rejects bad fault %p', (spec, message) => {
    expect(() => handle.admin.injectFault(spec as any)).toThrow(message);
  });
});

describe('served actions', () => {
  test('every built-in action has its request model in the API model', () => {
    for (const def of SERVICES) {
      expect([def.service, API_MODEL[def.service].version]).toEqual([def.service, def.version]);
      const unmodelled = Object.keys(def.actions).filter((action) => API_MODEL[def.service].actions[action] === undefined);
      expect([def.service, unmodelled]).toEqual([def.service, []]);
    }
  });

  test('a service action without a request model is refused at start', async () => {
    const unmodelled = { ...stsService, actions: { ...stsService.actions, GetFederationToken: stsService.actions.GetCallerIdentity } };
    await expect(startEmulator({ services: [unmodelled] })).rejects.toThrow(/sts GetFederationToken: no request model/);
    await expect(startEmulator({ services: [{ ...stsService, version: '2099-01-01' }] })).rejects.toThrow(/no such service version/);
  });
});

describe('rate limits', () => {
  test('per caller and action, in one-second windows of the virtual clock', async () => {
    const limited = { ...stsService, rateLimits: { GetCallerIdentity: 3 } };
    const handle = await startEmulator({ services: [limited, camService], clock: Date.UTC(2026, 10, 25, 12) });
    try {
      const dev = handle.admin.seedAccount({ name: 'rl-dev' });
      const root = stsClient(handle, handle.root);
      const results = await Promise.all(Array.from({ length: 5 }, () => root.GetCallerIdentity().then(() => 'ok', (e) => e.code)));
      expect(results.filter((r) => r === 'ok')).toHaveLength(3);
      expect(results.filter((r) => r === 'RequestLimitExceeded')).toHaveLength(2);
      // Another caller has its own budget.
      await expect(stsClient(handle, dev).GetCallerIdentity()).resolves.toBeDefined();
      // Other actions are not limited.
      await expect(camClient(handle, handle.root).ListPolicies({})).resolves.toBeDefined();
      handle.admin.advanceClock(1000);
      await expect(root.GetCallerIdentity()).resolves.toBeDefined();
    } finally {
      await handle.close();
    }
  });
});

describe('startEmulator options', () => {
  test('refuses a non-loopback host', async () => {
    await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow('loopback');
    await expect(startEmulator({ host: '192.168.1.10' })).rejects.toThrow('loopback');
  });

  test('fixed root keys and the virtual signature clock', async () => {
    const clock = Date.UTC(2030, 0, 1);
    const handle = await startEmulator({
      clock,
      signatureClock: 'virtual',
      rootAccount: { uin: '200000000001', appId: '1300000000', secretId: 'AKIDEXAMPLEfixedfixedfixedfixedfixed', secretKey: 'fixed-secret-key' },
    });
    try {
      expect(handle.root).toMatchObject({ uin: '200000000001', appId: '1300000000', secretId: 'AKIDEXAMPLEfixedfixedfixedfixedfixed', secretKey: 'fixed-secret-key' });
      // The SDK signs with the wall clock, which is years away from the virtual clock here.
      expect((await sdkError(stsClient(handle, handle.root).GetCallerIdentity())).code).toBe('AuthFailure.SignatureExpire');
      // A request stamped with the virtual time passes.
      const signed = await rawRequest(handle, {
        action: 'GetCallerIdentity', version: STS_VERSION, body: '{}', secretId: handle.root.secretId, secretKey: handle.root.secretKey, timestamp: clock / 1000,
      });
      expect(signed.body.Response).toMatchObject({ AccountId: '200000000001' });
      expect(handle.admin.now()).toBe(clock);
    } finally {
      await handle.close();
    }
  });

  test('IPv6 loopback endpoint', async () => {
    const handle = await startEmulator({ host: '::1' }).catch(() => undefined);
    // Only the endpoint form is IPv6-specific; without ::1 on the machine there is nothing to check.
    if (!handle) return;
    try {
      expect(handle.endpoint).toBe(`[::1]:${handle.port}`);
      const sts = new tencentcloud.sts.v20180813.Client({ credential: handle.root, region: 'ap-guangzhou', profile: profile(handle) });
      await expect(sts.GetCallerIdentity()).resolves.toMatchObject({ AccountId: handle.root.uin });
    } finally {
      await handle.close();
    }
  });

  test('a port in use is reported', async () => {
    const first = await startEmulator();
    try {
      await expect(startEmulator({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
      await expect(startEmulator({ adminPort: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
