/**
 * Tencent Cloud API calls through tencentcloud-sdk-nodejs, configured like the real provider (credentials and
 * region from the provider block or TENCENTCLOUD_* variables) but pointed at an emulator: the stand-in refuses to
 * run without TENCENTCLOUD_ENDPOINT_URL so that it can never reach a real account by accident.
 *
 * Retries follow the provider's RetryError classification (common/common.go): network/HTTP errors and the
 * RequestLimitExceeded, ResourceInUse, ResourceUnavailable, ResourceBusy families, matched on the full code or
 * its prefix before the first "."; InternalError is not retried.
 */
import * as http from 'http';
import * as https from 'https';
import { ProviderError } from './diagnostics';
import { PluginLog } from './log';

export type ServiceName = 'tcr' | 'ssm' | 'cam' | 'sts' | 'tag';

export interface ApiSettings {
  readonly secretId?: string;
  readonly secretKey?: string;
  readonly securityToken?: string;
  readonly region: string;
  /** `http://127.0.0.1:PORT` (TENCENTCLOUD_ENDPOINT_URL). */
  readonly endpointUrl?: string;
  /** How long retryable errors are retried, in seconds. */
  readonly retryTimeoutSeconds: number;
}

const RETRYABLE = new Set([
  'ClientError.NetworkError', 'ClientError.HttpStatusCodeError', 'RequestLimitExceeded', 'ResourceInUse',
  'ResourceUnavailable', 'ResourceBusy',
]);

export function isRetryable(code: string | undefined): boolean {
  if (!code) return true; // transport failure: no API error code
  return RETRYABLE.has(code) || RETRYABLE.has(code.split('.')[0]);
}

/** An API error answered by the service (code + message), as the SDK raises it. */
export class ApiCallError extends ProviderError {
  constructor(public readonly action: string, public readonly code: string, message: string, requestId?: string) {
    super(`${action} failed: [${code}] ${message}`, requestId ? `RequestId: ${requestId}` : '');
    this.name = 'ApiCallError';
  }
}

/*
 * Service clients are loaded on first use: the SDK costs ~300 ms to load and terraform starts several plugin
 * processes per command, most of which (validate, plan) never call an API. A literal require() inside a function is
 * what both esbuild (bundles it, evaluates it lazily) and ts-jest (no ESM dynamic import) handle.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const CLIENT_MODULES: Record<ServiceName, () => any> = {
  tcr: () => require('tencentcloud-sdk-nodejs/tencentcloud/services/tcr/v20190924/tcr_client.js').Client,
  ssm: () => require('tencentcloud-sdk-nodejs/tencentcloud/services/ssm/v20190923/ssm_client.js').Client,
  cam: () => require('tencentcloud-sdk-nodejs/tencentcloud/services/cam/v20190116/cam_client.js').Client,
  sts: () => require('tencentcloud-sdk-nodejs/tencentcloud/services/sts/v20180813/sts_client.js').Client,
  tag: () => require('tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client.js').Client,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export class TencentApi {
  private readonly clients = new Map<ServiceName, any>();
  private stopped = false;

  constructor(private readonly settings: ApiSettings, private readonly log: PluginLog) {}

  /** StopProvider: every later call (and so every wait loop, which polls through call) ends with an error. */
  stop(): void {
    this.stopped = true;
  }

  get region(): string {
    return this.settings.region;
  }

  /**
   * `alsoRetry`: codes this call retries besides the common ones, as the provider's `RetryError(err, code...)`
   * does at some call sites (InternalError.ErrorConflict for replications, ...).
   */
  async call(service: ServiceName, action: string, request: Record<string, unknown>, alsoRetry: readonly string[] = []): Promise<any> {
    const client = await this.client(service);
    const deadline = Date.now() + this.settings.retryTimeoutSeconds * 1000;
    for (let attempt = 1; ; attempt++) {
      if (this.stopped) throw new ProviderError(`${action} cancelled`, 'terraform asked the provider to stop (StopProvider)');
      try {
        const response = await client[action](request);
        this.log.info(`api ${service}.${action} ok (attempt ${attempt})`);
        return response;
      } catch (e: any) {
        const code: string | undefined = e?.code || undefined;
        this.log.warn(`api ${service}.${action} failed (attempt ${attempt}): ${code ?? 'transport error'}`);
        if ((isRetryable(code) || (code !== undefined && alsoRetry.includes(code))) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, Math.min(1000, 100 * attempt)));
          continue;
        }
        if (code) throw new ApiCallError(action, code, String(e.message ?? ''), e.requestId);
        throw new ProviderError(`${action} failed: ${String(e?.message ?? e)}`, `endpoint ${this.settings.endpointUrl}`);
      }
    }
  }

  private async client(service: ServiceName): Promise<any> {
    const existing = this.clients.get(service);
    if (existing) return existing;
    const { secretId, secretKey, securityToken, endpointUrl, region } = this.settings;
    if (!endpointUrl) {
      throw new ProviderError(
        'TENCENTCLOUD_ENDPOINT_URL is not set',
        'This provider is a local stand-in for tencentcloudstack/tencentcloud and only talks to an emulator; set TENCENTCLOUD_ENDPOINT_URL=http://127.0.0.1:PORT.',
      );
    }
    if (!secretId || !secretKey) {
      throw new ProviderError(
        'missing credentials',
        'Set secret_id/secret_key in the provider block or TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY in the environment.',
      );
    }
    const url = new URL(endpointUrl);
    const Client = CLIENT_MODULES[service]();
    const client = new Client({
      credential: { secretId, secretKey, ...(securityToken ? { token: securityToken } : {}) },
      region,
      profile: {
        signMethod: 'TC3-HMAC-SHA256',
        language: 'en-US',
        httpProfile: {
          endpoint: url.host,
          protocol: `${url.protocol}//`,
          reqTimeout: 30,
          // An explicit agent keeps the SDK from routing loopback calls through $http_proxy.
          agent: url.protocol === 'https:' ? new https.Agent() : new http.Agent(),
        },
      },
    });
    this.clients.set(service, client);
    return client;
  }
}
