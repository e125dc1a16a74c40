/**
 * The admin interface: an in-process object, and optionally the same operations over HTTP on a separate
 * loopback port guarded by a random bearer token. It is never reachable through the signed API server.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import {
  KeyPair, TemporaryCredentialsRequest, accountsOf, addUserToGroup, createGroup, createKeyPair, createRole,
  createRootAccount, createSubAccount, issueTemporaryCredentials,
} from './accounts';
import { ActiveFault, FaultInjector, FaultSpec, RateLimiter } from './faults';
import { redact } from './log';
import { EmulatorState } from './service';
import { STATE_FORMAT_VERSION, StateStore, advanceClock, setClock, virtualNow } from './store';

/** A key pair as handed to a test or a user: SecretId, SecretKey and, for temporary credentials, the token. */
export interface Credentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token?: string;
  /** Expiry (virtual clock, epoch ms) of temporary credentials. */
  readonly expiresAt?: number;
}

export interface AccountCredentials extends Credentials {
  readonly uin: string;
  readonly ownerUin: string;
  readonly appId: string;
}

function credentialsOf(key: KeyPair, appId: string): AccountCredentials {
  return {
    uin: key.uin,
    ownerUin: key.ownerUin,
    appId,
    secretId: key.secretId,
    secretKey: key.secretKey,
    ...(key.token !== undefined ? { token: key.token, expiresAt: key.expiresAt } : {}),
  };
}

export class EmulatorAdmin {
  constructor(
    private readonly store: StateStore,
    private readonly faultInjector: FaultInjector,
    private readonly rateLimiter: RateLimiter,
    private readonly defaultOwnerUin: () => string,
  ) {}

  /** A new root account (its own UIN and AppId) with one key pair. */
  seedRootAccount(opts: { uin?: string; appId?: string; name?: string } = {}): AccountCredentials {
    return this.store.transact((state) => {
      const { account, key } = createRootAccount(accountsOf(state), opts, virtualNow(state));
      return credentialsOf(key, account.appId);
    });
  }

  /** A sub-account (CAM user) under `ownerUin` (default: the default root account) with one key pair. */
  seedAccount(opts: { name: string; ownerUin?: string; groupIds?: number[] }): AccountCredentials {
    return this.store.transact((state) => {
      const accounts = accountsOf(state);
      const user = createSubAccount(accounts, { name: opts.name, ownerUin: opts.ownerUin ?? this.defaultOwnerUin() });
      for (const groupId of opts.groupIds ?? []) addUserToGroup(accounts, user.uin, groupId);
      const key = createKeyPair(accounts, user.uin, virtualNow(state));
      return credentialsOf(key, accounts.roots[user.ownerUin].appId);
    });
  }

  /** Another key pair for an existing root or sub-account. */
  createKeyPair(uin: string): AccountCredentials {
    return this.store.transact((state) => {
      const accounts = accountsOf(state);
      const key = createKeyPair(accounts, uin, virtualNow(state));
      return credentialsOf(key, accounts.roots[key.ownerUin].appId);
    });
  }

  /** Disables (or re-enables) a key pair: calls with it get AuthFailure.SecretIdNotFound. */
  setKeyStatus(secretId: string, status: 'Active' | 'Inactive'): void {
    this.store.transact((state) => {
      const key = accountsOf(state).keys[secretId];
      if (!key) throw new Error(`no key pair with SecretId ${secretId}`);
      key.status = status;
    });
  }

  seedGroup(opts: { name: string; ownerUin?: string }): { groupId: number } {
    return this.store.transact((state) => {
      const group = createGroup(accountsOf(state), { name: opts.name, ownerUin: opts.ownerUin ?? this.defaultOwnerUin() });
      return { groupId: group.groupId };
    });
  }

  addUserToGroup(uin: string, groupId: number): void {
    this.store.transact((state) => addUserToGroup(accountsOf(state), uin, groupId));
  }

  seedRole(opts: { roleName: string; ownerUin?: string }): { roleId: string; roleName: string } {
    return this.store.transact((state) => {
      const role = createRole(accountsOf(state), { roleName: opts.roleName, ownerUin: opts.ownerUin ?? this.defaultOwnerUin() });
      return { roleId: role.roleId, roleName: role.roleName };
    });
  }

  /** STS-style temporary credentials (SecretId, SecretKey, token) for a role or an account; expiry on the virtual clock. */
  issueTemporaryCredentials(req: TemporaryCredentialsRequest): AccountCredentials {
    return this.store.transact((state) => {
      const accounts = accountsOf(state);
      const key = issueTemporaryCredentials(accounts, req, virtualNow(state));
      return credentialsOf(key, accounts.roots[key.ownerUin].appId);
    });
  }

  /** Current virtual time, epoch ms. */
  now(): number {
    this.store.refresh();
    return virtualNow(this.store.state);
  }

  advanceClock(ms: number): number {
    return this.store.transact((state) => advanceClock(state, ms));
  }

  /** Sets the virtual clock; `frozen` makes it stand still until moved again (default: keep the current mode). */
  setClock(epochMs: number, frozen?: boolean): number {
    return this.store.transact((state) => setClock(state, epochMs, frozen));
  }

  injectFault(spec: FaultSpec): ActiveFault {
    return this.faultInjector.inject(spec);
  }

  faults(): ActiveFault[] {
    return this.faultInjector.list();
  }

  clearFaults(): void {
    this.faultInjector.clear();
  }

  /** A deep copy of the whole state (with secrets: the admin is trusted). */
  state(): EmulatorState {
    this.store.refresh();
    return this.store.snapshot();
  }

  /** Changes the state directly, as one transaction (seed service slices, e.g. `s.tcr`). */
  mutate<T>(fn: (state: EmulatorState) => T): T {
    return this.store.transact(fn);
  }

  /** Back to a fresh state (same default root account), no faults, no rate-limit windows. */
  reset(): void {
    this.store.reset();
    this.faultInjector.clear();
    this.rateLimiter.clear();
  }
}

function readJson(req: http.IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1024 * 1024) chunks.push(c);
    });
    req.on('end', () => {
      if (size > 1024 * 1024) return reject(new Error('admin request body over 1 MiB'));
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? {} : JSON.parse(text));
      } catch {
        reject(new Error('admin request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

/**
 * The admin operations over HTTP (JSON in, JSON out), each request needing `Authorization: Bearer <token>`:
 * GET /state (secrets redacted unless `?reveal=1`), PUT /state, POST /reset, POST /clock
 * (`{"advanceMs":n}` or `{"setMs":n,"frozen":bool}`), GET|POST|DELETE /faults, POST /accounts
 * (`{"name":..}` sub-account, or `{"root":true}`), POST /keys `{"uin":..}`, POST /groups, POST /groups/members,
 * POST /roles, POST /temporary-credentials.
 */
export function adminRequestListener(admin: EmulatorAdmin, store: StateStore, token: string): http.RequestListener {
  const expected = Buffer.from(`Bearer ${token}`);
  const authorized = (req: http.IncomingMessage): boolean => {
    const got = Buffer.from(req.headers.authorization ?? '');
    return got.length === expected.length && crypto.timingSafeEqual(got, expected);
  };
  return (req, res) => {
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body ?? null);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(text);
    };
    if (!authorized(req)) {
      reply(401, { error: 'admin requests need Authorization: Bearer <admin token>' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://admin.local');
    const route = `${req.method} ${url.pathname}`;
    readJson(req).then((body) => {
      switch (route) {
        case 'GET /state': return reply(200, url.searchParams.get('reveal') === '1' ? admin.state() : redact(admin.state()));
        case 'PUT /state':
          // A body that is not a state document (a redacted GET /state, a typo) would lock every key out.
          if (body === null || typeof body !== 'object' || body.formatVersion !== STATE_FORMAT_VERSION || typeof body.accounts !== 'object') {
            return reply(400, { error: `PUT /state needs a state document with formatVersion ${STATE_FORMAT_VERSION} and accounts (GET /state?reveal=1 gives one)` });
          }
          if (JSON.stringify(body.accounts).includes('"***"')) {
            return reply(400, { error: 'PUT /state got a redacted state (secrets are "***"); use GET /state?reveal=1' });
          }
          store.replace(body);
          return reply(200, { ok: true });
        case 'POST /reset': admin.reset(); return reply(200, { ok: true });
        case 'POST /clock':
          if (typeof body.advanceMs === 'number') return reply(200, { now: admin.advanceClock(body.advanceMs) });
          if (typeof body.setMs === 'number') return reply(200, { now: admin.setClock(body.setMs, body.frozen) });
          return reply(400, { error: 'POST /clock needs {"advanceMs": n} or {"setMs": n}' });
        case 'GET /clock': return reply(200, { now: admin.now() });
        case 'GET /faults': return reply(200, admin.faults());
        case 'POST /faults': return reply(200, admin.injectFault(body));
        case 'DELETE /faults': admin.clearFaults(); return reply(200, { ok: true });
        case 'POST /accounts': return reply(200, body.root ? admin.seedRootAccount(body) : admin.seedAccount(body));
        case 'POST /keys': return reply(200, admin.createKeyPair(String(body.uin)));
        case 'POST /groups': return reply(200, admin.seedGroup(body));
        case 'POST /groups/members': admin.addUserToGroup(String(body.uin), Number(body.groupId)); return reply(200, { ok: true });
        case 'POST /roles': return reply(200, admin.seedRole(body));
        case 'POST /temporary-credentials': return reply(200, admin.issueTemporaryCredentials(body));
        default: return reply(404, { error: `no admin route ${route}` });
      }
    }).catch((e: Error) => reply(400, { error: e.message }));
  };
}
