/**
 * Fault injection: the next N calls of an action fail with an API error code, are delayed, get an HTTP 500, or
 * have their connection dropped. Faults live in the emulator process (not in the shared state file): they are
 * a property of the server a test is talking to, not of the cloud account.
 */

export type FaultKind = 'error' | 'delay' | 'http500' | 'drop';

export interface FaultSpec {
  /** API action name (`CreateInstanceToken`) or `*` for every action. */
  readonly action: string;
  /** Restrict to one service (`tcr`, `ssm`, `cam`, `sts`). @default every service */
  readonly service?: string;
  readonly kind: FaultKind;
  /** How many matching calls are affected. @default 1 */
  readonly count?: number;
  /** `error` only: the API error code to answer (`InternalError`, `ResourceUnavailable`, ...). */
  readonly code?: string;
  /** `error` only. @default a message naming the injected fault */
  readonly message?: string;
  /** `delay` only: milliseconds to wait before handling the call normally. */
  readonly delayMs?: number;
}

export interface ActiveFault extends FaultSpec {
  readonly id: number;
  remaining: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  inject(spec: FaultSpec): ActiveFault {
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error(`fault count must be a positive integer, got ${spec.count}`);
    if (typeof spec.action !== 'string' || spec.action === '') throw new Error('fault action must be an action name or "*"');
    if (!['error', 'delay', 'http500', 'drop'].includes(spec.kind)) {
      throw new Error(`fault kind must be one of error, delay, http500, drop, got ${JSON.stringify(spec.kind)}`);
    }
    if (spec.kind === 'error' && (typeof spec.code !== 'string' || spec.code === '')) {
      throw new Error('an error fault needs `code`, the API error code to answer');
    }
    if (spec.kind === 'delay' && (typeof spec.delayMs !== 'number' || !(spec.delayMs >= 0))) {
      throw new Error('a delay fault needs `delayMs`, a non-negative number of milliseconds');
    }
    const fault: ActiveFault = { ...spec, id: this.nextId++, remaining: count };
    this.faults.push(fault);
    return { ...fault };
  }

  /** Takes one use of the first fault matching the call, if any. */
  take(service: string, action: string): ActiveFault | undefined {
    const fault = this.faults.find((f) => (f.action === '*' || f.action === action) && (f.service === undefined || f.service === service));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}

/**
 * Per-caller, per-action rate limits in fixed one-second windows of the VIRTUAL clock: with a frozen clock a
 * test gets deterministic windows (advance the clock by 1000 ms to open the next one).
 */
export class RateLimiter {
  private windows = new Map<string, { window: number; count: number }>();

  /** True when the call is within the limit (and counts it). */
  allow(callerUin: string, service: string, action: string, perSecond: number, nowMs: number): boolean {
    const key = `${callerUin}|${service}|${action}`;
    const window = Math.floor(nowMs / 1000);
    const entry = this.windows.get(key);
    if (!entry || entry.window !== window) {
      this.windows.set(key, { window, count: 1 });
      return true;
    }
    if (entry.count >= perSecond) return false;
    entry.count++;
    return true;
  }

  clear(): void {
    this.windows.clear();
  }
}
