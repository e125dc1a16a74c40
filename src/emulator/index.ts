/**
 * A local Tencent Cloud API 3.0 emulator (TCR, SSM, CAM, STS) for tests, demos and pipelines.
 * Deep-import it: `import { startEmulator } from 'cdktf-tencentcloud-tcr/lib/emulator'`. See docs/emulator.md.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { accountsOf, createRootAccount, emptyAccounts } from './accounts';
import { AccountCredentials, EmulatorAdmin, adminRequestListener } from './admin';
import { ApiRequestHandler, DEFAULT_MAX_BODY_BYTES } from './api-server';
import { FaultInjector, RateLimiter } from './faults';
import { LogSink } from './log';
import { withRegistryLogin } from './registry-http';
import { EmulatorState, ServiceDefinition } from './service';
import { camPolicySource, SERVICES } from './services';
import { camOf } from './services/cam';
import { STATE_FORMAT_VERSION, StateStore, virtualNow } from './store';

export { EmulatorAdmin } from './admin';
export type { AccountCredentials, Credentials } from './admin';
export type { FaultSpec, FaultKind, ActiveFault } from './faults';
export type { LogSink } from './log';
export type { ActionContext, ActionHandler, Caller, EmulatorState, PolicySource, ServiceDefinition } from './service';
export { ApiError } from './api-error';

export interface EmulatorOptions {
  /** TCP port of the signed API; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Loopback address to listen on (`127.0.0.1`, `::1`, `localhost`); anything else is refused. @default '127.0.0.1' */
  readonly host?: string;
  /** JSON file holding the state, shared with other processes; loaded if it exists. @default in memory only */
  readonly persistPath?: string;
  /** Start the virtual clock at this epoch-ms time, frozen (it moves only by advanceClock/setClock). @default wall clock */
  readonly clock?: number;
  /** Receives one JSON line per request (no secrets). @default no logging */
  readonly log?: LogSink;
  /** The default root account; keys are generated when not given. Ignored when persistPath holds a state. */
  readonly rootAccount?: { readonly uin?: string; readonly appId?: string; readonly secretId?: string; readonly secretKey?: string };
  /** Service definitions to serve. @default every built-in service */
  readonly services?: readonly ServiceDefinition[];
  /** Largest accepted request body. @default 10 MiB (RequestSizeLimitExceeded above) */
  readonly maxBodyBytes?: number;
  /** Clock X-TC-Timestamp is checked against (see ApiServerOptions). @default 'wall' */
  readonly signatureClock?: 'wall' | 'virtual';
  /** Also serve the admin interface over HTTP on this loopback port (0 = random), with a bearer token. @default none */
  readonly adminPort?: number;
}

export interface EmulatorHandle {
  /** `127.0.0.1:PORT`: the form `profile.httpProfile.endpoint` of the SDK wants (use protocol `http://`). */
  readonly endpoint: string;
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The default root account's UIN, AppId and key pair. */
  readonly root: AccountCredentials;
  readonly admin: EmulatorAdmin;
  /** `http://127.0.0.1:ADMINPORT/` when `adminPort` was given. */
  readonly adminUrl?: string;
  /** Bearer token of the admin HTTP interface, when `adminPort` was given. */
  readonly adminToken?: string;
  close(): Promise<void>;
}

const DEFAULT_ROOT_UIN = '100000000001';
const DEFAULT_APP_ID = '1250000001';

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(`The emulator listens on loopback only; host ${JSON.stringify(host)} is not a loopback address (use 127.0.0.1, ::1 or localhost).`);
  }
  const rootOpts = options.rootAccount ?? {};
  const initial = (): EmulatorState => {
    const state: EmulatorState = { formatVersion: STATE_FORMAT_VERSION, clock: { offsetMs: 0 }, accounts: emptyAccounts() };
    if (options.clock !== undefined) state.clock = { offsetMs: 0, frozenAt: options.clock };
    createRootAccount(accountsOf(state), {
      uin: rootOpts.uin ?? DEFAULT_ROOT_UIN,
      appId: rootOpts.appId ?? DEFAULT_APP_ID,
      name: 'root',
      secretId: rootOpts.secretId,
      secretKey: rootOpts.secretKey,
    }, virtualNow(state));
    camOf(state);
    return state;
  };
  // Reset must give back the SAME default root keys, so generate them once.
  const firstState = initial();
  const rootUin = Object.keys(accountsOf(firstState).roots)[0];
  const store = new StateStore(options.persistPath, () => JSON.parse(JSON.stringify(firstState)));
  const faults = new FaultInjector();
  const rateLimiter = new RateLimiter();
  const persistedRootUin = (): string => Object.keys(accountsOf(store.state).roots)[0] ?? rootUin;
  const admin = new EmulatorAdmin(store, faults, rateLimiter, persistedRootUin);

  const api = new ApiRequestHandler({
    store,
    services: options.services ?? SERVICES,
    policies: camPolicySource,
    faults,
    rateLimiter,
    log: options.log,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    signatureClock: options.signatureClock ?? 'wall',
  });
  // `GET /v2/` on a registry domain (`<name>.tencentcloudcr.com`) is the docker login check; the rest is the API.
  const apiServer = http.createServer(withRegistryLogin(admin, api.listener, options.log));
  apiServer.keepAliveTimeout = 1000;
  const port = await listen(apiServer, options.port ?? 0, host);

  let adminServer: http.Server | undefined;
  let adminUrl: string | undefined;
  let adminToken: string | undefined;
  if (options.adminPort !== undefined) {
    adminToken = crypto.randomBytes(24).toString('hex');
    adminServer = http.createServer(adminRequestListener(admin, store, adminToken));
    try {
      const adminPort = await listen(adminServer, options.adminPort, host);
      adminUrl = `http://${hostPort(host, adminPort)}/`;
    } catch (e) {
      await closeServer(apiServer);
      throw e;
    }
  }

  const accounts = accountsOf(store.state);
  const owner = persistedRootUin();
  const rootKey = Object.values(accounts.keys).find((k) => k.uin === owner && k.token === undefined)!;
  const root: AccountCredentials = {
    uin: owner, ownerUin: owner, appId: accounts.roots[owner].appId, secretId: rootKey.secretId, secretKey: rootKey.secretKey,
  };
  const endpoint = hostPort(host, port);
  return {
    endpoint,
    url: `http://${endpoint}/`,
    port,
    host,
    root,
    admin,
    adminUrl,
    adminToken,
    async close() {
      await Promise.all([closeServer(apiServer), adminServer ? closeServer(adminServer) : Promise.resolve()]);
    },
  };
}
