import * as http from 'http';
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { profile } from './helpers';
import { registryLogin } from './registry-login-client';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { registryNameOfHost } from '../../src/emulator/registry-http';

let emu: EmulatorHandle;
let tcr: InstanceType<typeof tencentcloud.tcr.v20190924.Client>;
let instanceId: string;
const log: any[] = [];
const DOMAIN = 'login-registry.tencentcloudcr.com';

beforeAll(async () => {
  emu = await startEmulator({ log: (line) => log.push(JSON.parse(line)) });
  tcr = new tencentcloud.tcr.v20190924.Client({ credential: emu.root, region: 'ap-guangzhou', profile: profile(emu) });
  instanceId = (await tcr.CreateInstance({ RegistryName: 'login-registry', RegistryType: 'basic' })).RegistryId!;
  await tcr.CreateNamespace({ RegistryId: instanceId, NamespaceName: 'apps', IsPublic: false });
});
afterAll(() => emu.close());

const login = (user?: string, pass?: string) => registryLogin(emu.port, DOMAIN, user, pass);

test('no credentials: 401 with a Basic challenge for the registry domain, in the registry error format', async () => {
  const r = await login();
  expect(r.status).toBe(401);
  expect(r.headers['www-authenticate']).toBe(`Basic realm="${DOMAIN}"`);
  expect(r.headers['docker-distribution-api-version']).toBe('registry/2.0');
  expect(r.body).toEqual({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }] });
});

test('a long-term token logs in until it is disabled or deleted', async () => {
  const { Username, Token, TokenId } = await tcr.CreateInstanceToken({ RegistryId: instanceId, TokenType: 'longterm' });
  expect((await login(Username, Token)).status).toBe(200);
  expect((await login(Username, `${Token}x`)).status).toBe(401);
  await tcr.ModifyInstanceToken({ RegistryId: instanceId, TokenId: TokenId!, Enable: false });
  const disabled = await login(Username, Token);
  expect(disabled.status).toBe(401);
  expect(disabled.body.errors[0].message).toBe('token is disabled');
  await tcr.ModifyInstanceToken({ RegistryId: instanceId, TokenId: TokenId!, Enable: true });
  expect((await login(Username, Token)).status).toBe(200);
  await tcr.DeleteInstanceToken({ RegistryId: instanceId, TokenId: TokenId! });
  expect((await login(Username, Token)).status).toBe(401);
});

test('a temporary token expires after one hour on the emulator clock', async () => {
  const { Username, Token } = await tcr.CreateInstanceToken({ RegistryId: instanceId, TokenType: 'temp' });
  expect((await login(Username, Token)).status).toBe(200);
  emu.admin.advanceClock(59 * 60_000);
  expect((await login(Username, Token)).status).toBe(200);
  emu.admin.advanceClock(2 * 60_000);
  const expired = await login(Username, Token);
  expect(expired.status).toBe(401);
  expect(expired.body.errors[0].message).toBe('token has expired');
});

test('a service-account password logs in as tcr$ and tcr@; not once disabled, reset or deleted', async () => {
  const { Password } = await tcr.CreateServiceAccount({ RegistryId: instanceId, Name: 'robot', Permissions: [{ Resource: 'apps', Actions: ['tcr:PullRepository'] }] });
  expect((await login('tcr$robot', Password)).status).toBe(200);
  expect((await login('tcr@robot', Password)).status).toBe(200);
  await tcr.ModifyServiceAccount({ RegistryId: instanceId, Name: 'tcr$robot', Disable: true });
  expect((await login('tcr$robot', Password)).status).toBe(401);
  await tcr.ModifyServiceAccount({ RegistryId: instanceId, Name: 'tcr$robot', Disable: false });
  const { Password: reset } = await tcr.ModifyServiceAccountPassword({ RegistryId: instanceId, Name: 'robot', Random: true });
  expect((await login('tcr$robot', Password)).status).toBe(401);
  expect((await login('tcr$robot', reset)).status).toBe(200);
  await tcr.DeleteServiceAccount({ RegistryId: instanceId, Name: 'tcr$robot' });
  expect((await login('tcr$robot', reset)).status).toBe(401);
});

test('other registries, paths and methods; the log names the outcome, never the credentials', async () => {
  expect((await registryLogin(emu.port, 'nobody-here.tencentcloudcr.com', 'a', 'b')).status).toBe(404);
  expect((await registryLogin(emu.port, DOMAIN, 'a', 'b', '/v2/apps/app/manifests/latest')).status).toBe(404);
  expect((await registryLogin(emu.port, DOMAIN, 'a', 'b', '/v2/', 'POST')).status).toBe(405);
  const malformed = await new Promise<number>((resolve) => {
    // "nocolon" in base64: a Basic header without a user:password pair.
    http.get({ host: '127.0.0.1', port: emu.port, path: '/v2/', headers: { host: DOMAIN, authorization: 'Basic bm9jb2xvbg==' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
  });
  expect(malformed).toBe(401);
  const lines = log.filter((l) => l.service === 'registry');
  expect(lines.length).toBeGreaterThan(5);
  expect(new Set(lines.map((l) => l.outcome))).toEqual(new Set(['ok', 'unauthorized', 'unknown-registry', 'not-served', 'method-not-allowed']));
  expect(JSON.stringify(lines)).not.toContain('tcr$robot');
});

test('registry hosts are recognised with and without a port; other hosts go to the API', () => {
  expect(registryNameOfHost('acme.tencentcloudcr.com')).toBe('acme');
  expect(registryNameOfHost('ACME.tencentcloudcr.com:4566')).toBe('acme');
  expect(registryNameOfHost('127.0.0.1:4566')).toBeUndefined();
  expect(registryNameOfHost('tcr.tencentcloudapi.com')).toBeUndefined();
  expect(registryNameOfHost('a.b.tencentcloudcr.com')).toBeUndefined();
  expect(registryNameOfHost(undefined)).toBeUndefined();
});
