import {
  computeSignature, parseAuthorization, scopeDate, sdkSignature, signatureMatches,
} from '../../src/emulator/tc3';

/**
 * Tencent Cloud's published TC3-HMAC-SHA256 example ("Signature v3", e.g.
 * https://www.tencentcloud.com/document/product/267/37447): CVM DescribeInstances, timestamp 1551113065,
 * Content-Type "application/json; charset=utf-8", host cvm.tencentcloudapi.com. The page has been published with
 * two SecretKey placeholders; both expected signatures are checked.
 */
const PUBLISHED = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******', // Tencent's published EXAMPLE id (masked in the doc itself)
  timestamp: 1551113065,
  host: 'cvm.tencentcloudapi.com',
  contentType: 'application/json; charset=utf-8',
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  vectors: [
    { secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******', signature: '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c' },
    { secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168' },
  ],
};

function published(signature: string, secretKey: string, overrides: { body?: Buffer; host?: string; timestamp?: number } = {}) {
  const auth = parseAuthorization(
    `TC3-HMAC-SHA256 Credential=${PUBLISHED.secretId}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
  );
  return signatureMatches({
    method: 'POST',
    pathAndQuery: '/',
    headers: { 'host': overrides.host ?? PUBLISHED.host, 'content-type': PUBLISHED.contentType },
    body: overrides.body ?? Buffer.from(PUBLISHED.payload),
    auth,
    timestamp: overrides.timestamp ?? PUBLISHED.timestamp,
    secretKey,
  });
}

function flipBit(hex: string, bit: number): string {
  const i = Math.floor(bit / 4);
  // eslint-disable-next-line no-bitwise
  const flipped = (parseInt(hex[i], 16) ^ (1 << (bit % 4))).toString(16);
  return hex.slice(0, i) + flipped + hex.slice(i + 1);
}

describe('TC3-HMAC-SHA256 against the published example', () => {
  test.each(PUBLISHED.vectors)('accepts the published signature for key $secretKey', ({ secretKey, signature }) => {
    expect(scopeDate(PUBLISHED.timestamp)).toBe('2019-02-25');
    expect(published(signature, secretKey)).toBe(true);
    expect(sdkSignature({
      hostname: PUBLISHED.host,
      contentType: PUBLISHED.contentType,
      body: Buffer.from(PUBLISHED.payload),
      timestamp: PUBLISHED.timestamp,
      service: 'cvm',
      secretId: PUBLISHED.secretId,
      secretKey,
    })).toBe(signature);
  });

  test('rejects a one-bit change of the signature, the body, the key or the timestamp', () => {
    const { secretKey, signature } = PUBLISHED.vectors[0];
    for (const bit of [0, 1, 77, 255]) expect(published(flipBit(signature, bit), secretKey)).toBe(false);
    const body = Buffer.from(PUBLISHED.payload);
    body[10] = body[10] === 0x31 ? 0x30 : 0x31; // change one character of the payload
    expect(published(signature, secretKey, { body })).toBe(false);
    expect(published(signature, secretKey.replace('G', 'F'))).toBe(false);
    expect(published(signature, secretKey, { timestamp: PUBLISHED.timestamp + 1 })).toBe(false);
    expect(published(signature, secretKey, { host: 'cvm.tencentcloudapi.con' })).toBe(false);
  });

  test('the hand-written chain agrees with the SDK sign3 and also covers host:port and extra signed headers', () => {
    const input = {
      method: 'POST',
      pathAndQuery: '/',
      signedHeaders: ['content-type', 'host'],
      body: Buffer.from('{"a":1}'),
      timestamp: 1795396670,
      service: 'tcr',
      secretKey: 'k',
    };
    const viaSdk = sdkSignature({
      hostname: '127.0.0.1',
      contentType: 'application/json',
      body: input.body,
      timestamp: input.timestamp,
      service: 'tcr',
      secretId: 'AKIDx',
      secretKey: 'k',
    });
    expect(computeSignature({ ...input, headers: { 'content-type': 'application/json', 'host': '127.0.0.1' } })).toBe(viaSdk);
    // Go SDK form: the host header with its port is what was signed.
    const withPort = computeSignature({ ...input, headers: { 'content-type': 'application/json', 'host': '127.0.0.1:4566' } });
    const auth = parseAuthorization(`TC3-HMAC-SHA256 Credential=AKIDx/${scopeDate(input.timestamp)}/tcr/tc3_request, SignedHeaders=content-type;host, Signature=${withPort}`);
    const headers = { 'content-type': 'application/json', 'host': '127.0.0.1:4566' };
    expect(signatureMatches({ method: 'POST', pathAndQuery: '/', headers, body: input.body, auth, timestamp: input.timestamp, secretKey: 'k' })).toBe(true);
    // Extra signed header: x-tc-action, value lowercased as in the newer published example.
    const extra = computeSignature({
      ...input,
      signedHeaders: ['content-type', 'host', 'x-tc-action'],
      headers: { 'content-type': 'application/json', 'host': '127.0.0.1', 'x-tc-action': 'describeinstances' },
    });
    const auth3 = parseAuthorization(`TC3-HMAC-SHA256 Credential=AKIDx/${scopeDate(input.timestamp)}/tcr/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${extra}`);
    expect(signatureMatches({
      method: 'POST', pathAndQuery: '/', headers: { ...headers, 'x-tc-action': 'DescribeInstances' }, body: input.body, auth: auth3, timestamp: input.timestamp, secretKey: 'k',
    })).toBe(true);
    // GET hashes an empty payload and signs the query string.
    const get = computeSignature({ ...input, method: 'GET', pathAndQuery: '/?Action=X', headers: { 'content-type': 'application/x-www-form-urlencoded', 'host': 'h' } });
    expect(get).toMatch(/^[0-9a-f]{64}$/);
    expect(get).not.toBe(computeSignature({ ...input, method: 'GET', pathAndQuery: '/?Action=Y', headers: { 'content-type': 'application/x-www-form-urlencoded', 'host': 'h' } }));
  });
});

describe('parseAuthorization', () => {
  const good = `TC3-HMAC-SHA256 Credential=AKIDabc/2026-11-25/127/tc3_request, SignedHeaders=content-type;host, Signature=${'a'.repeat(64)}`;

  test('reads the credential scope (service from the scope, e.g. 127 for an IP endpoint)', () => {
    expect(parseAuthorization(good)).toEqual({
      secretId: 'AKIDabc', date: '2026-11-25', service: '127', signedHeaders: ['content-type', 'host'], signature: 'a'.repeat(64),
    });
  });

  test.each([
    [undefined, 'no Authorization header'],
    ['', 'no Authorization header'],
    ['HmacSHA256 abc', 'legacy'],
    ['TC3-HMAC-SHA256 Credential=AKIDabc/2026-11-25/127/tc3_request, Signature=abc', 'not of the form'],
    [good.replace('content-type;host', 'host'), 'must include `content-type` and `host`'],
    [good.replace('tc3_request', 'tc2_request'), 'not of the form'],
  ])('rejects %p with AuthFailure.InvalidAuthorization', (header, message) => {
    expect(() => parseAuthorization(header)).toThrow(expect.objectContaining({ code: 'AuthFailure.InvalidAuthorization', message: expect.stringContaining(message) }));
  });
});
