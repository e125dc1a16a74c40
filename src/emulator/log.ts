/**
 * Request logging and redaction. A log line carries the request id, service, action, caller (SecretId prefix
 * and UIN), outcome (`ok` or the error code) and duration: never a parameter value, an error message (messages
 * may quote values) or a credential.
 */

export interface RequestLogEntry {
  readonly requestId: string;
  readonly service?: string;
  readonly action?: string;
  /** SecretId prefix (8 characters) of the caller, when the request named one. */
  readonly secretIdPrefix?: string;
  readonly uin?: string;
  readonly outcome: string;
  readonly httpStatus: number;
  readonly durationMs: number;
}

export type LogSink = (line: string) => void;

export function formatLogLine(entry: RequestLogEntry): string {
  return JSON.stringify({ time: new Date().toISOString(), ...entry });
}

export function secretIdPrefix(secretId: string): string {
  return secretId.length > 8 ? `${secretId.slice(0, 8)}…` : secretId;
}

const SECRET_KEY_PATTERN = /(secretkey|password|token|secretstring|secretbinary)$/i;

/** True for a parameter or property name that holds a secret (`Password`, `SecretString`, `X-TC-Token`, ...). */
export function isSecretField(name: string): boolean {
  return SECRET_KEY_PATTERN.test(name);
}

/** Deep copy with every value under a secret-looking key replaced by `***` (admin state view). */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY_PATTERN.test(k) && v !== null && typeof v !== 'object' ? '***' : redact(v);
    }
    return out;
  }
  return value;
}
