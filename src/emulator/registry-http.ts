/**
 * The registry's login check over HTTP, as `docker login <name>.tencentcloudcr.com` makes it: `GET /v2/` with HTTP
 * Basic auth answers 200 for a live instance token or service-account password and 401 with a `WWW-Authenticate`
 * challenge otherwise (wrong, expired, disabled or deleted). It shares the API port: a request whose Host is a
 * registry domain (a client that resolves `<name>.tencentcloudcr.com` to the emulator) is routed here, anything
 * else goes on to the signed API. Only the login check is served: no pulls or pushes.
 *
 * INFERRED: TCR's registry (Harbor-based) answers a Bearer challenge and a token service; the emulator answers the
 * Basic challenge docker also accepts, which is what the issue asks to be proven (a delivered credential logs in).
 */
import * as crypto from 'crypto';
import * as http from 'http';
import { formatLogLine, LogSink } from './log';
import { EmulatorState } from './service';
import { REGISTRY_DOMAIN_SUFFIX } from '../validation/name-rules';
import { tcrState } from './services/tcr/model';
import { verifyRegistryLogin } from './services/tcr/registry-login';

export interface RegistryLoginSource {
  state(): EmulatorState;
  now(): number;
}

/** The registry domain a Host header names (`acme.tencentcloudcr.com[:port]` -> `acme`), if it is one. */
export function registryNameOfHost(host: string | undefined): string | undefined {
  const hostname = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!hostname.endsWith(REGISTRY_DOMAIN_SUFFIX)) return undefined;
  const name = hostname.slice(0, -REGISTRY_DOMAIN_SUFFIX.length);
  return /^[a-z0-9-]+$/.test(name) ? name : undefined;
}

function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function reply(res: http.ServerResponse, status: number, domain: string, errors?: { code: string; message: string }) {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
  if (status === 401) res.setHeader('WWW-Authenticate', `Basic realm="${domain}"`);
  res.writeHead(status);
  res.end(JSON.stringify(errors ? { errors: [{ ...errors, detail: null }] } : {}));
}

/**
 * Wraps the API listener: registry-domain requests are answered here, every other request is passed on unchanged.
 * The log line names the outcome only (never the user name or password).
 */
export function withRegistryLogin(source: RegistryLoginSource, api: http.RequestListener, log?: LogSink): http.RequestListener {
  return (req, res) => {
    const name = registryNameOfHost(req.headers.host);
    if (name === undefined) {
      api(req, res);
      return;
    }
    const started = process.hrtime.bigint();
    const domain = `${name}${REGISTRY_DOMAIN_SUFFIX}`;
    let outcome = 'ok';
    let status = 200;
    // The login check has no body; drain whatever a client sends so the socket can be reused.
    req.resume();
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      status = 405;
      outcome = 'method-not-allowed';
      reply(res, status, domain, { code: 'UNSUPPORTED', message: 'the emulated registry answers only GET /v2/ (the login check)' });
    } else if (path !== '/v2/' && path !== '/v2') {
      status = 404;
      outcome = 'not-served';
      reply(res, status, domain, { code: 'UNSUPPORTED', message: 'the emulated registry serves only the login check GET /v2/' });
    } else {
      const state = source.state();
      const instance = Object.values(tcrState(state).instances).find((i) => i.name === name);
      const credentials = basicCredentials(req.headers.authorization);
      if (!instance) {
        status = 404;
        outcome = 'unknown-registry';
        reply(res, status, domain, { code: 'NAME_UNKNOWN', message: `no TCR instance is named ${name}` });
      } else if (!credentials) {
        status = 401;
        outcome = 'unauthorized';
        reply(res, status, domain, { code: 'UNAUTHORIZED', message: 'authentication required' });
      } else {
        const result = verifyRegistryLogin(state, instance.id, credentials.username, credentials.password, source.now());
        status = result.ok ? 200 : 401;
        outcome = result.ok ? 'ok' : 'unauthorized';
        reply(res, status, domain, result.ok ? undefined : { code: 'UNAUTHORIZED', message: result.reason ?? 'unauthorized' });
      }
    }
    log?.(formatLogLine({
      requestId: crypto.randomUUID(),
      service: 'registry',
      action: 'Login',
      outcome,
      httpStatus: status,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    }));
  };
}
