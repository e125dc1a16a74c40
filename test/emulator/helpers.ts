import * as crypto from 'crypto';
import * as http from 'http';
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { Credentials, EmulatorHandle } from '../../src/emulator';

// The SDK routes through HttpsProxyAgent when http_proxy is set; loopback tests must not.
delete process.env.http_proxy;
delete process.env.HTTP_PROXY;
delete process.env.https_proxy;
delete process.env.HTTPS_PROXY;

export function profile(handle: EmulatorHandle) {
  return { httpProfile: { endpoint: handle.endpoint, protocol: 'http://', reqTimeout: 10 } };
}

export function camClient(handle: EmulatorHandle, credential: Credentials) {
  return new tencentcloud.cam.v20190116.Client({ credential, region: 'ap-guangzhou', profile: profile(handle) });
}

export function tcrClient(handle: EmulatorHandle, credential: Credentials, region = 'ap-guangzhou') {
  return new tencentcloud.tcr.v20190924.Client({ credential, region, profile: profile(handle) });
}

export function ssmClient(handle: EmulatorHandle, credential: Credentials, region = 'ap-guangzhou') {
  return new tencentcloud.ssm.v20190923.Client({ credential, region, profile: profile(handle) });
}

export function stsClient(handle: EmulatorHandle, credential: Credentials) {
  return new tencentcloud.sts.v20180813.Client({ credential, region: 'ap-guangzhou', profile: profile(handle) });
}

/** Resolves with the SDK error (code, message) of a call that must fail. */
export async function sdkError(call: Promise<unknown>): Promise<{ code: string; message: string; httpCode?: number }> {
  try {
    await call;
  } catch (e: any) {
    return { code: e.code, message: e.message, httpCode: e.httpCode };
  }
  throw new Error('expected the call to fail');
}

export interface RawRequest {
  action: string;
  version: string;
  body: string;
  secretId: string;
  secretKey: string;
  timestamp?: number;
  /** Service in the credential scope. @default '127' (what the Node SDK puts there for an IP endpoint) */
  scopeService?: string;
  /** Host value to sign. @default hostname without port */
  signedHost?: string;
  hostHeader?: string;
  scopeDate?: string;
  token?: string;
  contentType?: string;
  method?: string;
  authorization?: string;
  extraHeaders?: Record<string, string>;
  tamper?: (signature: string) => string;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return crypto.createHmac('sha256', key).update(data).digest();
}

/** Signs independently of the emulator and of the SDK (the test's own TC3 implementation). */
export function tc3Authorization(r: RawRequest, host: string): string {
  const timestamp = r.timestamp ?? Math.floor(Date.now() / 1000);
  const date = r.scopeDate ?? new Date(timestamp * 1000).toISOString().slice(0, 10);
  const service = r.scopeService ?? '127';
  const ct = r.contentType ?? 'application/json';
  const canonical = ['POST', '/', '', `content-type:${ct}\nhost:${host}\n`, 'content-type;host',
    crypto.createHash('sha256').update(r.body).digest('hex')].join('\n');
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`,
    crypto.createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(`TC3${r.secretKey}`, date), service), 'tc3_request');
  let signature = hmac(key, toSign).toString('hex');
  if (r.tamper) signature = r.tamper(signature);
  return `TC3-HMAC-SHA256 Credential=${r.secretId}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
}

export interface RawResponse { status: number; body: any; headers: http.IncomingHttpHeaders }

/** Sends a hand-built API request (for cases the SDK cannot produce). */
export function rawRequest(handle: EmulatorHandle, r: RawRequest): Promise<RawResponse> {
  const timestamp = r.timestamp ?? Math.floor(Date.now() / 1000);
  const signedHost = r.signedHost ?? handle.host;
  const headers: Record<string, string> = {
    'Content-Type': r.contentType ?? 'application/json',
    'Host': r.hostHeader ?? handle.endpoint,
    'X-TC-Action': r.action,
    'X-TC-Version': r.version,
    'X-TC-Timestamp': String(timestamp),
    'Authorization': r.authorization ?? tc3Authorization({ ...r, timestamp }, signedHost),
    ...(r.token !== undefined ? { 'X-TC-Token': r.token } : {}),
    ...(r.extraHeaders ?? {}),
  };
  for (const name of Object.keys(headers)) if (headers[name] === undefined) delete headers[name];
  return new Promise((resolve, reject) => {
    const req = http.request({ host: handle.host, port: handle.port, method: r.method ?? 'POST', path: '/', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: any = text;
        try {
          body = JSON.parse(text);
        } catch { /* keep text */ }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

export function allowPolicy(actions: string[], resources: string[], effect: 'allow' | 'deny' = 'allow'): string {
  return JSON.stringify({ version: '2.0', statement: [{ effect, action: actions, resource: resources }] });
}
