/**
 * The self-signed server certificate for go-plugin's AutoMTLS.
 *
 * node:crypto can generate keys, sign and parse certificates (X509Certificate) but cannot create one, and the only
 * npm alternatives (@peculiar/x509, node-forge) add ~100 ms to every plugin start (terraform starts 2-5 plugin
 * processes per command). So the few DER structures of an X.509 v3 certificate are written here by hand:
 * EC P-256 key, ecdsa-with-SHA256, CN=localhost with SAN DNS:localhost (terraform dials ServerName "localhost"
 * and rejects CN-only certificates), CA + serverAuth/clientAuth like go-plugin's own generated certificates.
 */
import * as crypto from 'crypto';

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  let rest = n;
  while (rest > 0) {
    bytes.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return Buffer.from([0x80 + bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const octets = (b: Buffer) => tlv(0x04, b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
const explicit = (n: number, c: Buffer) => tlv(0xa0 + n, c);

function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [];
    let rest = arc;
    do {
      chunk.unshift(rest % 128);
      rest = Math.floor(rest / 128);
    } while (rest > 0);
    // Base-128 with the continuation flag (0x80) on every byte except the last.
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] += 0x80;
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function positiveInteger(bytes: Buffer): Buffer {
  const b = Buffer.from(bytes);
  b[0] = (b[0] % 0x80) || 1; // clear the sign bit, never a leading zero byte
  return tlv(0x02, b);
}

function utcTime(d: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, '0');
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, 'ascii'));
}

function bitString(content: Buffer, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.from([unusedBits]), content);
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

export interface ServerCertificate {
  /** PEM certificate and key for grpc-js. */
  readonly certPem: string;
  readonly keyPem: string;
  /** Base64 of the DER certificate without '=' padding, as the go-plugin handshake line wants it. */
  readonly handshakeCert: string;
}

export function generateServerCertificate(now = new Date()): ServerCertificate {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(
    set(seq(oid('2.5.4.10'), utf8('HashiCorp'))),
    set(seq(oid('2.5.4.3'), utf8('localhost'))),
  );
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600_000);
  // keyUsage bits 0 (digitalSignature), 2 (keyEncipherment), 4 (keyAgreement), 5 (keyCertSign) = 0xac, 2 unused bits.
  const keyUsage = bitString(Buffer.from([0xac]), 2);
  const extKeyUsage = seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'));
  const basicConstraints = seq(bool(true));
  const subjectAltName = seq(tlv(0x82, Buffer.from('localhost', 'ascii')));
  const tbs = seq(
    explicit(0, tlv(0x02, Buffer.from([2]))),
    positiveInteger(crypto.randomBytes(16)),
    ecdsaWithSha256,
    name,
    seq(utcTime(notBefore), utcTime(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(
      extension('2.5.29.15', true, keyUsage),
      extension('2.5.29.37', false, extKeyUsage),
      extension('2.5.29.19', true, basicConstraints),
      extension('2.5.29.17', false, subjectAltName),
    )),
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const der = seq(tbs, ecdsaWithSha256, bitString(signature));
  const b64 = der.toString('base64');
  const certPem = `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  return {
    certPem,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    handshakeCert: b64.replace(/=+$/, ''),
  };
}
