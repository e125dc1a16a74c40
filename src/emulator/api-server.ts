/**
 * The signed Tencent Cloud API 3.0 front end: body limits, protocol, TC3 verification, routing, fault
 * injection, rate limits, the region, parameter validation, CAM authorization, the handler transaction, the
 * response shape and the request log. It only accepts `POST` API calls; the admin interface is a different server.
 *
 * Order of checks: the reference states none, so the caller is authenticated before anything that depends on the
 * action (routing, faults, region, parameters): an unsigned caller learns only that it is unsigned, never which
 * actions or versions exist. Only the protocol (method, Content-Type) and the body size come first.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import { accountsOf, callerFor, resolveKey } from './accounts';
import { ApiError } from './api-error';
import { API_MODEL, serviceForVersion, servicesWithAction, validateParams } from './api-model';
import { evaluate, PolicyDocument } from './cam-evaluator';
import { FaultInjector, RateLimiter } from './faults';
import { LogSink, RequestLogEntry, formatLogLine, secretIdPrefix } from './log';
import { echo, own } from './params';
import { ActionContext, Caller, PolicySource, ServiceDefinition } from './service';
import { StateStore, virtualNow } from './store';
import { SIGNATURE_MAX_SKEW_SECONDS, parseAuthorization, scopeDate, signatureMatches } from './tc3';
import { checkRegion } from '../validation/regions';

/** Body limit of the real API 3.0 front end for TC3 POST requests (10 MB). */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Characters of an error message the core sends at most (a safety net under every handler's bounded echo). */
export const MAX_ERROR_MESSAGE_CHARS = 1024;
/** Nesting of request parameters accepted; the deepest API structure (`TagSpecification.Tags.0.Key`) has 4. */
export const MAX_PARAMETER_DEPTH = 16;

export interface ApiServerOptions {
  readonly store: StateStore;
  readonly services: readonly ServiceDefinition[];
  /** The policies that apply to a caller, for CAM evaluation (the CAM service's model). */
  readonly policies: PolicySource;
  readonly faults: FaultInjector;
  readonly rateLimiter: RateLimiter;
  readonly log?: LogSink;
  readonly maxBodyBytes: number;
  /**
   * Which clock X-TC-Timestamp is checked against. `wall` (default): the machine clock, as the real service
   * does, so that advancing the virtual clock to expire tokens does not also break every SDK signature.
   * `virtual`: the emulator's virtual clock (for clients whose own clock is faked the same way).
   */
  readonly signatureClock: 'wall' | 'virtual';
}

interface Routed {
  readonly service: string;
  readonly definition: ServiceDefinition;
}

class DroppedConnection extends Error {}
/** The client went away before its request body was complete: nothing to answer, and not an emulator fault. */
class ClientAborted extends Error {}
class Http500 extends Error {}

/** Own-property test: an action or host label such as `constructor` must not be found on Object.prototype. */
function has(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return own(record, key) !== undefined;
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A well-formed parameter error for parameters nested deeper than any API structure, found without recursion so
 * that no depth of input can overflow the stack later (in validation, error echoes or the state's serialisation).
 */
function checkDepth(params: Record<string, unknown>): void {
  const pending: Array<[unknown, string, number]> = Object.keys(params).map((key) => [params[key], key, 1]);
  while (pending.length > 0) {
    const [value, path, depth] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_PARAMETER_DEPTH) {
      throw new ApiError('InvalidParameter', `The parameter ${echo(path)} is nested more than ${MAX_PARAMETER_DEPTH} levels deep; no API field is.`);
    }
    for (const key of Object.keys(value)) pending.push([(value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1]);
  }
}

export class ApiRequestHandler {
  private readonly byService = new Map<string, ServiceDefinition>();
  /** The policies that apply to the request's caller, parsed once per request. */
  private readonly policyCache = new WeakMap<ActionContext, PolicyDocument[]>();

  constructor(private readonly opts: ApiServerOptions) {
    for (const def of opts.services) {
      // The request model of every served action comes from the API model: an action without one would be served
      // unvalidated, so it is refused at start, loudly.
      const model = own(API_MODEL, def.service);
      if (!model || model.version !== def.version) {
        throw new Error(`The emulator cannot serve ${def.service} ${def.version}: the API model has no such service version.`);
      }
      const unmodelled = Object.keys(def.actions).filter((action) => own(model.actions, action) === undefined);
      if (unmodelled.length > 0) {
        throw new Error(`The emulator cannot serve ${def.service} ${unmodelled.join(', ')}: no request model in api-model.generated.ts `
          + '(add it to scripts/api-model-supplement.ts and regenerate).');
      }
      this.byService.set(def.service, def);
    }
  }

  readonly listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    void this.handle(req, res);
  };

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = crypto.randomUUID();
    const log: { service?: string; action?: string; secretIdPrefix?: string; uin?: string } = {};
    let status = 200;
    let outcome = 'ok';
    try {
      const body = await this.readBody(req);
      const result = await this.process(req, body, requestId, log);
      this.send(res, 200, { Response: { ...result, RequestId: requestId } });
    } catch (e) {
      if (e instanceof DroppedConnection) {
        outcome = 'fault:drop';
        status = 0;
        req.socket.destroy();
      } else if (e instanceof ClientAborted) {
        outcome = 'client-aborted';
        status = 0;
      } else if (e instanceof Http500) {
        outcome = 'fault:http500';
        status = 500;
        this.send(res, 500, { Response: { Error: { Code: 'InternalError', Message: 'Injected HTTP 500.' }, RequestId: requestId } });
      } else {
        const error = e instanceof ApiError ? e : new ApiError('InternalError', 'The emulator failed to handle the request.');
        if (!(e instanceof ApiError)) process.emitWarning(`emulator internal error in ${log.action ?? '?'}: ${(e as Error).stack ?? e}`);
        outcome = error.code;
        const message = error.message.length > MAX_ERROR_MESSAGE_CHARS ? `${error.message.slice(0, MAX_ERROR_MESSAGE_CHARS)}…` : error.message;
        this.send(res, 200, { Response: { Error: { Code: error.code, Message: message }, RequestId: requestId } });
      }
    }
    const entry: RequestLogEntry = {
      requestId, ...log, outcome, httpStatus: status, durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    };
    this.opts.log?.(formatLogLine(entry));
  }

  private send(res: http.ServerResponse, status: number, payload: unknown): void {
    const text = JSON.stringify(payload);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  private readBody(req: http.IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.opts.maxBodyBytes) tooLarge = true;
        else chunks.push(chunk);
      });
      req.on('end', () => {
        if (tooLarge) {
          reject(new ApiError('RequestSizeLimitExceeded', `The request body is ${size} bytes; the limit is ${this.opts.maxBodyBytes} bytes.`));
        } else {
          resolve(Buffer.concat(chunks));
        }
      });
      req.on('error', () => reject(new ClientAborted()));
      req.on('aborted', () => reject(new ClientAborted()));
    });
  }

  private route(req: http.IncomingMessage, action: string, version: string | undefined): Routed {
    const hostLabel = (header(req, 'host') ?? '').split('.')[0].toLowerCase();
    const byHost = has(API_MODEL, hostLabel) ? hostLabel : undefined;
    const service = byHost ?? (version !== undefined ? serviceForVersion(version, action) : undefined);
    if (service === undefined || (version !== undefined && API_MODEL[service].version !== version) || version === undefined) {
      const candidates = byHost ? [byHost] : servicesWithAction(action).filter((s) => this.byService.has(s));
      if (candidates.length === 0) throw new ApiError('InvalidAction', `The action ${echo(action)} is not supported by this emulator.`);
      if (version === undefined) throw new ApiError('MissingParameter', 'The request is missing the required header `X-TC-Version`.');
      throw new ApiError(
        'NoSuchVersion',
        `The version ${echo(version)} does not exist for the ${candidates.join('/')} API (expected ${candidates.map((s) => API_MODEL[s].version).join('/')}).`,
      );
    }
    const definition = this.byService.get(service);
    if (!definition || !has(definition.actions, action)) {
      throw new ApiError('InvalidAction', `The action ${echo(action)} is not supported by the ${service} API in this emulator.`);
    }
    return { service, definition };
  }

  private async process(
    req: http.IncomingMessage, body: Buffer, requestId: string,
    log: { service?: string; action?: string; secretIdPrefix?: string; uin?: string },
  ): Promise<Record<string, unknown>> {
    if (req.method !== 'POST') {
      throw new ApiError('UnsupportedProtocol', `The emulator accepts only POST requests with a JSON body, got ${echo(req.method)}.`);
    }
    const contentType = header(req, 'content-type') ?? '';
    // The media type exactly (parameters such as `charset=utf-8` may follow): `application/jsonx` is not JSON.
    if (contentType.split(';')[0].trim().toLowerCase() !== 'application/json') {
      throw new ApiError('UnsupportedProtocol', `The emulator accepts only Content-Type application/json, got ${echo(contentType)}.`);
    }
    const action = header(req, 'x-tc-action');
    if (action) {
      log.action = action;
      // For the server-side log only: the service is named even when authentication then fails.
      try {
        log.service = this.route(req, action, header(req, 'x-tc-version')).service;
      } catch {
        // routing errors are answered only after authentication
      }
    }

    const store = this.opts.store;
    store.refresh();
    const caller = this.authenticate(req, body, log);

    if (!action) throw new ApiError('MissingParameter', 'The request is missing the required header `X-TC-Action`.');
    const routed = this.route(req, action, header(req, 'x-tc-version'));
    log.service = routed.service;

    const fault = this.opts.faults.take(routed.service, action);
    if (fault?.kind === 'drop') throw new DroppedConnection();
    if (fault?.kind === 'http500') throw new Http500();
    if (fault?.kind === 'error') throw new ApiError(fault.code!, fault.message ?? `Injected fault ${fault.id}: ${fault.code}.`);
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

    const limit = routed.definition.rateLimits?.[action];
    if (limit !== undefined && !this.opts.rateLimiter.allow(caller.uin, routed.service, action, limit, virtualNow(store.state))) {
      throw new ApiError('RequestLimitExceeded', `${action} is limited to ${limit} requests per second per caller; slow down and retry.`);
    }

    const region = this.regionOf(req, routed, action);
    let params: unknown;
    try {
      params = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      throw new ApiError('InvalidParameter', 'The request body is not valid JSON.');
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      throw new ApiError('InvalidParameter', 'The request body must be a JSON object of parameters.');
    }
    checkDepth(params as Record<string, unknown>);
    validateParams(routed.service, action, params as Record<string, unknown>);

    return store.transact((state) => {
      const ctx: ActionContext = {
        state,
        caller,
        region,
        requestId,
        now: () => virtualNow(state),
        authorize: (camAction, resources) => this.authorize(ctx, routed.service, action, camAction, resources),
        allows: (camAction, resource) => this.allows(ctx, camAction, resource),
        resourceArn: (service, resource) => `qcs::${service}:${this.isGlobal(service) ? '' : region ?? ''}:uin/${caller.ownerUin}:${resource}`,
      };
      return routed.definition.actions[action](ctx, params as Record<string, any>);
    });
  }

  /** Global services (CAM, STS) have an empty region segment in their resources. */
  private isGlobal(service: string): boolean {
    return this.byService.get(service)?.scope === 'global';
  }

  /**
   * The validated X-TC-Region of a regional service's request (required, and a known region), so that every
   * resource is looked up and authorised in that region. Global services ignore it (INFERRED: CAM's docs make the
   * common Region parameter optional for CAM, and the SDK sends the client's region when it has one).
   */
  private regionOf(req: http.IncomingMessage, routed: Routed, action: string): string | undefined {
    if (routed.definition.scope === 'global') return undefined;
    const region = header(req, 'x-tc-region');
    if (region === undefined || region === '') {
      throw new ApiError('MissingParameter', `The request is missing the required parameter \`Region\` (header X-TC-Region): ${routed.service} is a regional service.`);
    }
    const problem = checkRegion(region);
    if (problem) {
      // TCR's CreateInstance documents its own code for this; every other action answers the common one.
      const documented = own(API_MODEL, routed.service)?.actions[action]?.errors ?? [];
      const code = documented.includes('InvalidParameter.UnsupportedRegion') ? 'InvalidParameter.UnsupportedRegion' : 'UnsupportedRegion';
      throw new ApiError(code, `The value ${echo(region)} of parameter \`Region\` (header X-TC-Region) is invalid: it ${problem}.`);
    }
    return region;
  }

  private authenticate(
    req: http.IncomingMessage, body: Buffer, log: { secretIdPrefix?: string; uin?: string },
  ): Caller {
    const auth = parseAuthorization(header(req, 'authorization'));
    log.secretIdPrefix = secretIdPrefix(auth.secretId);
    const rawTimestamp = header(req, 'x-tc-timestamp');
    if (rawTimestamp === undefined) throw new ApiError('MissingParameter', 'The request is missing the required header `X-TC-Timestamp`.');
    if (!/^\d{1,12}$/.test(rawTimestamp)) {
      throw new ApiError('InvalidParameter', `The header \`X-TC-Timestamp\` must be unix seconds, got ${JSON.stringify(rawTimestamp)}.`);
    }
    const timestamp = Number(rawTimestamp);
    const state = this.opts.store.state;
    const nowMs = this.opts.signatureClock === 'virtual' ? virtualNow(state) : Date.now();
    if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_MAX_SKEW_SECONDS) {
      throw new ApiError(
        'AuthFailure.SignatureExpire',
        `The signature has expired: X-TC-Timestamp ${timestamp} is more than ${SIGNATURE_MAX_SKEW_SECONDS} seconds from the server time ${Math.floor(nowMs / 1000)}.`,
      );
    }
    if (auth.date !== scopeDate(timestamp)) {
      throw new ApiError(
        'AuthFailure.SignatureFailure',
        `The credential scope date ${auth.date} is not the UTC date of X-TC-Timestamp (${scopeDate(timestamp)}).`,
      );
    }
    const accounts = accountsOf(state);
    const key = resolveKey(accounts, auth.secretId, header(req, 'x-tc-token'), virtualNow(state));
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value[0] : value;
    const ok = signatureMatches({
      method: req.method ?? 'POST', pathAndQuery: req.url ?? '/', headers, body, auth, timestamp, secretKey: key.secretKey,
    });
    if (!ok) {
      throw new ApiError('AuthFailure.SignatureFailure', 'The request signature does not match; check the SecretKey and the signing method.');
    }
    const caller = callerFor(accounts, key);
    log.uin = caller.uin;
    return caller;
  }

  private policiesOf(ctx: ActionContext): PolicyDocument[] {
    let policies = this.policyCache.get(ctx);
    if (!policies) {
      policies = this.opts.policies.policiesFor(ctx.state, ctx.caller);
      this.policyCache.set(ctx, policies);
    }
    return policies;
  }

  private allows(ctx: ActionContext, camAction: string, resource: string): boolean {
    if (ctx.caller.type === 'root') return true;
    return evaluate(this.policiesOf(ctx), { action: camAction, resource, ownerUin: ctx.caller.ownerUin }) === 'allow';
  }

  private authorize(ctx: ActionContext, service: string, apiAction: string, camAction: string, resources: readonly string[]): void {
    if (ctx.caller.type === 'root') return;
    const policies = this.policiesOf(ctx);
    const targets = resources.length > 0 ? resources : [ctx.resourceArn(service, '*')];
    for (const resource of targets) {
      const decision = evaluate(policies, { action: camAction, resource, ownerUin: ctx.caller.ownerUin });
      if (decision === 'allow') continue;
      const documented = API_MODEL[service]?.actions[apiAction]?.errors ?? [];
      const code = documented.includes('UnauthorizedOperation') ? 'UnauthorizedOperation' : 'AuthFailure.UnauthorizedOperation';
      throw new ApiError(
        code,
        `You are not authorized to perform operation (${camAction}) on resource (${resource}): ${decision === 'explicitDeny'
          ? 'an attached policy explicitly denies it'
          : 'no attached policy allows it'}.`,
      );
    }
  }
}
