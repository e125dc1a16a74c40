/**
 * Tencent Cloud API access for `tcr-credentials`, on the official tencentcloud-sdk-nodejs clients: credentials
 * and endpoint from the environment, retries with exponential backoff and full jitter on throttling, internal
 * errors, HTTP 5xx and network errors, bounded in total time, and client-side pacing under the documented
 * per-action rate limits. Parameters are never logged: `--debug` shows action, attempt, outcome and request id.
 */
import * as http from 'http';
import * as https from 'https';
// Deep imports: the package index would pull every one of the SDK's 260 services into the bundle.
import { Client as SsmClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ssm/v20190923/ssm_client';
import { Client as TcrClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/tcr/v20190924/tcr_client';
import { ApiCallError, UsageError } from './errors';
import { Redactor } from './redact';

export interface ApiCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token?: string;
}

export interface RetryPolicy {
  /** First backoff ceiling in ms; doubles per attempt. */
  readonly baseDelayMs: number;
  /** Largest single backoff in ms. */
  readonly maxDelayMs: number;
  /** Retries stop once this much time has passed since the first attempt. */
  readonly budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 200, maxDelayMs: 5_000, budgetMs: 60_000 };

export interface ApiOptions {
  readonly credentials: ApiCredentials;
  readonly region: string;
  /** `http(s)://host[:port]` to send every call to (TENCENTCLOUD_ENDPOINT_URL), e.g. the emulator. */
  readonly endpointUrl?: string;
  /** Per-request timeout in seconds. */
  readonly timeoutSeconds: number;
  readonly retry: RetryPolicy;
  readonly redactor: Redactor;
  /** Receives one line per attempt with `--debug`. */
  readonly debug?: (line: string) => void;
  /** Random source for the jitter (tests make it deterministic). */
  readonly random?: () => number;
}

/**
 * Reads TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SECURITY_TOKEN, the provider's variables (the shim runs in the
 * provider's environment, so it must use the token the provider uses); _SESSION_TOKEN, the SDK/tccli name, is read
 * when _SECURITY_TOKEN is unset.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): ApiCredentials {
  const secretId = env.TENCENTCLOUD_SECRET_ID ?? '';
  const secretKey = env.TENCENTCLOUD_SECRET_KEY ?? '';
  const missing = [secretId === '' && 'TENCENTCLOUD_SECRET_ID', secretKey === '' && 'TENCENTCLOUD_SECRET_KEY'].filter(Boolean);
  if (missing.length > 0) {
    throw new UsageError(`environment variable ${missing.join(' and ')} must be set to the API key of the deploying principal`);
  }
  const token = env.TENCENTCLOUD_SECURITY_TOKEN || env.TENCENTCLOUD_SESSION_TOKEN || undefined;
  return { secretId, secretKey, ...(token ? { token } : {}) };
}

interface Endpoint { readonly protocol: string; readonly host: string }

export function parseEndpointUrl(url: string): Endpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`TENCENTCLOUD_ENDPOINT_URL has value "${url}", which must be a URL such as http://127.0.0.1:4566`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || (parsed.pathname !== '/' && parsed.pathname !== '')) {
    throw new UsageError(`TENCENTCLOUD_ENDPOINT_URL has value "${url}", which must be http(s)://host[:port] without a path`);
  }
  return { protocol: `${parsed.protocol}//`, host: parsed.host };
}

/** Codes worth another attempt: throttling and the service's own transient failures. */
const RETRYABLE_CODES = [/^RequestLimitExceeded/, /^InternalError/, /^ServiceUnavailable/, /^ResourceBusy/];

interface SdkError { code?: string; message?: string; requestId?: string; httpCode?: number }

export function isRetryable(error: SdkError): boolean {
  if (typeof error.httpCode === 'number') return error.httpCode >= 500 || error.httpCode === 429;
  // The SDK rethrows transport failures (reset, refused, timeout) without a code.
  if (!error.code) return true;
  return RETRYABLE_CODES.some((re) => re.test(error.code!));
}

/**
 * Documented per-caller rate limits (TCR API docs), paced at 80% so that a concurrent rotation stays under them
 * even with clock skew between client and service windows.
 */
const RATE_LIMITS_PER_SECOND: Readonly<Record<string, number>> = {
  CreateInstanceToken: 100,
  DescribeServiceAccounts: 20,
  ModifyServiceAccountPassword: 20,
};
const PACING_SHARE = 0.8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class TencentApi {
  private readonly tcr: TcrClient;
  private readonly ssm: SsmClient;
  private readonly nextSlot = new Map<string, number>();
  /** Calls sent per action (look-ups, mints, writes), for `--debug` and the benchmark. */
  readonly callCounts = new Map<string, number>();

  constructor(private readonly opts: ApiOptions) {
    const endpoint = opts.endpointUrl ? parseEndpointUrl(opts.endpointUrl) : undefined;
    // A custom endpoint gets its own agent, so an http_proxy meant for the internet never sees loopback calls.
    const agent = endpoint ? (endpoint.protocol === 'http://' ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true })) : undefined;
    const profile = (service: string) => ({
      httpProfile: {
        reqTimeout: opts.timeoutSeconds,
        ...(endpoint ? { endpoint: endpoint.host, protocol: endpoint.protocol, agent } : { endpoint: `${service}.tencentcloudapi.com` }),
      },
    });
    const config = (service: string) => ({ credential: { ...opts.credentials }, region: opts.region, profile: profile(service) });
    this.tcr = new TcrClient(config('tcr') as any);
    this.ssm = new SsmClient(config('ssm') as any);
  }

  tcrCall(action: string, params: Record<string, unknown>): Promise<any> {
    return this.call(this.tcr, action, params);
  }

  ssmCall(action: string, params: Record<string, unknown>): Promise<any> {
    return this.call(this.ssm, action, params);
  }

  /** Total number of calls sent (attempts included). */
  get totalCalls(): number {
    let n = 0;
    for (const count of this.callCounts.values()) n += count;
    return n;
  }

  private async pace(action: string): Promise<void> {
    const perSecond = RATE_LIMITS_PER_SECOND[action];
    if (!perSecond) return;
    const interval = 1000 / (perSecond * PACING_SHARE);
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(action) ?? 0);
    this.nextSlot.set(action, slot + interval);
    if (slot > now) await sleep(slot - now);
  }

  private async call(client: TcrClient | SsmClient, action: string, params: Record<string, unknown>): Promise<any> {
    const started = Date.now();
    const random = this.opts.random ?? Math.random;
    for (let attempt = 1; ; attempt++) {
      await this.pace(action);
      this.callCounts.set(action, (this.callCounts.get(action) ?? 0) + 1);
      const t0 = Date.now();
      try {
        const response = await client.request(action, params);
        this.debug(`${action} attempt ${attempt}: ok in ${Date.now() - t0} ms (request id ${response?.RequestId ?? '-'})`);
        return response;
      } catch (e) {
        const error = e as SdkError;
        const code = error.code || (typeof error.httpCode === 'number' ? `HTTP${error.httpCode}` : 'NetworkError');
        const retryable = isRetryable(error);
        const backoff = Math.round(random() * Math.min(this.opts.retry.maxDelayMs, this.opts.retry.baseDelayMs * 2 ** (attempt - 1)));
        const withinBudget = Date.now() + backoff - started < this.opts.retry.budgetMs;
        this.debug(`${action} attempt ${attempt}: ${code} in ${Date.now() - t0} ms (request id ${error.requestId || '-'})${retryable && withinBudget ? `, retrying in ${backoff} ms` : ''}`);
        if (!retryable || !withinBudget) {
          const detail = this.opts.redactor.redact(error.message ?? String(e));
          throw new ApiCallError(action, code, error.requestId ?? '', detail, attempt);
        }
        await sleep(backoff);
      }
    }
  }

  private debug(line: string): void {
    this.opts.debug?.(this.opts.redactor.redact(line));
  }
}
