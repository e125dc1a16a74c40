/**
 * TC3-HMAC-SHA256 verification, as the Tencent Cloud API 3.0 front end performs it.
 *
 * The signature for the canonical form the Node SDK produces (`SignedHeaders=content-type;host`, host without
 * port) is recomputed with the SDK's own `sign3`, so the emulator and its reference client cannot drift apart.
 * `sign3` always signs `URL.hostname` (no port) and only `content-type;host`, so two cases need the HMAC chain
 * written out here: the Go SDK (the terraform provider) signs `host:port`, and a client may sign extra headers
 * such as `x-tc-action`. Tests check this chain against `sign3` and against Tencent's published example.
 */
import * as crypto from 'crypto';
import Sign from 'tencentcloud-sdk-nodejs/tencentcloud/common/sign';
import { ApiError } from './api-error';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
/** Requests whose X-TC-Timestamp is further than this from the server clock get AuthFailure.SignatureExpire. */
export const SIGNATURE_MAX_SKEW_SECONDS = 300;

export interface ParsedAuthorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTH_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request, ?SignedHeaders=([a-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$/;

/** Parses the Authorization header; throws AuthFailure.InvalidAuthorization naming what is wrong. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (header === undefined || header.trim() === '') {
    throw new ApiError('AuthFailure.InvalidAuthorization', 'The request has no Authorization header.');
  }
  if (!header.startsWith(`${TC3_ALGORITHM} `)) {
    throw new ApiError(
      'AuthFailure.InvalidAuthorization',
      `Authorization must use ${TC3_ALGORITHM}; the emulator does not support the legacy HmacSHA1/HmacSHA256 signatures.`,
    );
  }
  const match = AUTH_PATTERN.exec(header.trim());
  if (!match) {
    throw new ApiError(
      'AuthFailure.InvalidAuthorization',
      'Authorization is not of the form `TC3-HMAC-SHA256 Credential=<SecretId>/<YYYY-MM-DD>/<service>/tc3_request, SignedHeaders=<headers>, Signature=<64 hex>`.',
    );
  }
  const signedHeaders = match[4].split(';');
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
    throw new ApiError('AuthFailure.InvalidAuthorization', 'SignedHeaders must include `content-type` and `host`.');
  }
  return { secretId: match[1], date: match[2], service: match[3], signedHeaders, signature: match[5] };
}

/** UTC `YYYY-MM-DD` of a unix timestamp in seconds (the credential-scope date). */
export function scopeDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

function sha256Hex(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return crypto.createHmac('sha256', key).update(data).digest();
}

export interface SignatureInput {
  readonly method: string;
  /** Path and query as sent (`/` or `/?a=b`). */
  readonly pathAndQuery: string;
  /** Signed header names (lowercase) with the value to use for each; `host` is the value being tried. */
  readonly headers: Readonly<Record<string, string>>;
  readonly signedHeaders: readonly string[];
  readonly body: Buffer;
  readonly timestamp: number;
  readonly service: string;
  readonly secretKey: string;
}

/**
 * The TC3 HMAC chain for any signed-header list and host form (see the module comment for why it is needed
 * beside the SDK's `sign3`). Returns the lowercase hex signature.
 */
export function computeSignature(input: SignatureInput): string {
  const queryAt = input.pathAndQuery.indexOf('?');
  const path = queryAt < 0 ? input.pathAndQuery : input.pathAndQuery.slice(0, queryAt);
  const query = queryAt < 0 ? '' : input.pathAndQuery.slice(queryAt + 1);
  const canonicalHeaders = input.signedHeaders.map((name) => `${name}:${(input.headers[name] ?? '').trim()}\n`).join('');
  const canonicalRequest = [
    input.method,
    path,
    query,
    canonicalHeaders,
    input.signedHeaders.join(';'),
    sha256Hex(input.method === 'GET' ? '' : input.body),
  ].join('\n');
  const date = scopeDate(input.timestamp);
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), `${date}/${input.service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`TC3${input.secretKey}`, date);
  const kService = hmac(kDate, input.service);
  const kSigning = hmac(kService, 'tc3_request');
  return hmac(kSigning, stringToSign).toString('hex');
}

/** The signature the Node SDK itself would send, computed by the SDK's own `sign3` (POST, host without port). */
export function sdkSignature(opts: {
  hostname: string; contentType: string; body: Buffer; timestamp: number; service: string; secretId: string; secretKey: string;
}): string {
  const header = Sign.sign3({
    method: 'POST',
    url: `http://${opts.hostname}/`,
    payload: opts.body,
    timestamp: opts.timestamp,
    service: opts.service,
    secretId: opts.secretId,
    secretKey: opts.secretKey,
    multipart: false,
    boundary: '',
    headers: { 'Content-Type': opts.contentType },
  });
  return header.slice(header.lastIndexOf('Signature=') + 'Signature='.length);
}

function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export interface VerifyRequest {
  readonly method: string;
  readonly pathAndQuery: string;
  /** Lowercased request header names to their values. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  readonly auth: ParsedAuthorization;
  readonly timestamp: number;
  readonly secretKey: string;
}

/**
 * True when the signature matches for the signed host without port (Node SDK) or with it (Go SDK).
 * Comparisons are constant-time.
 */
export function signatureMatches(req: VerifyRequest): boolean {
  // TC3 canonical headers are `key:value` with key and value in lowercase (Tencent's signature v3 doc), so a
  // mixed-case Host or Content-Type is signed in lowercase, with or without the port alike.
  const hostHeader = (req.headers.host ?? '').toLowerCase();
  const hostname = hostHeader.replace(/:\d+$/, '');
  const hosts = hostname === hostHeader ? [hostHeader] : [hostname, hostHeader];
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  let matched = false;
  for (const host of hosts) {
    let expected: string;
    if (req.method === 'POST' && req.pathAndQuery === '/' && req.auth.signedHeaders.join(';') === 'content-type;host' && host === hostname) {
      expected = sdkSignature({
        hostname: host,
        contentType,
        body: req.body,
        timestamp: req.timestamp,
        service: req.auth.service,
        secretId: req.auth.secretId,
        secretKey: req.secretKey,
      });
    } else {
      const headers: Record<string, string> = {};
      for (const name of req.auth.signedHeaders) {
        headers[name] = name === 'host' ? host : name === 'content-type' ? contentType : (req.headers[name] ?? '').toLowerCase();
      }
      expected = computeSignature({
        method: req.method,
        pathAndQuery: req.pathAndQuery,
        headers,
        signedHeaders: req.auth.signedHeaders,
        body: req.body,
        timestamp: req.timestamp,
        service: req.auth.service,
        secretKey: req.secretKey,
      });
    }
    // Evaluate every candidate (no early exit) so timing does not reveal which host form was tried.
    matched = constantTimeEqualHex(expected, req.auth.signature) || matched;
  }
  return matched;
}
