/**
 * The emulator state: in memory, optionally persisted to a JSON file so that another process (terraform running
 * the credential shim, a second emulator) and a test can share it.
 *
 * - Every request runs as a transaction: if the handler throws, the state rolls back to the last committed
 *   version, so a failed call never leaves half an update behind.
 * - After a request that changed the state, the file is rewritten atomically (temp file + rename, mode 0600:
 *   it holds secret keys and secret values, like the real services' databases do).
 * - Before each request the file's identity (inode, size, mtime) is compared with the last one seen; if another
 *   process replaced it, it is re-loaded. There is no cross-process lock: two processes writing at the same
 *   moment resolve as last-writer-wins, which is enough for "one writer at a time" test set-ups.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { EmulatorState } from './service';

/** The virtual clock: follows the wall clock plus an offset, or stands still at `frozenAt` until moved. */
export interface ClockState {
  offsetMs: number;
  frozenAt?: number;
}

export const STATE_FORMAT_VERSION = 1;

export class StateStore {
  private current: EmulatorState;
  private committed: string;
  private fileStamp: string | undefined;

  constructor(private readonly persistPath: string | undefined, private readonly initial: () => EmulatorState) {
    this.current = initial();
    this.committed = JSON.stringify(this.current);
    if (persistPath && fs.existsSync(persistPath)) {
      this.loadFromFile();
    } else {
      this.writeFile(this.committed);
    }
  }

  get state(): EmulatorState {
    return this.current;
  }

  /** Re-loads the state file when another process replaced it. */
  refresh(): void {
    if (!this.persistPath) return;
    const stamp = this.stampOf();
    if (stamp !== undefined && stamp !== this.fileStamp) this.loadFromFile();
  }

  /** Runs `fn` on the state as one transaction (see the module comment). */
  transact<T>(fn: (state: EmulatorState) => T): T {
    this.refresh();
    let result: T;
    try {
      result = fn(this.current);
    } catch (e) {
      if (JSON.stringify(this.current) !== this.committed) this.current = JSON.parse(this.committed);
      throw e;
    }
    this.commit();
    return result;
  }

  /** Persists the state if it changed since the last commit. */
  commit(): void {
    const serialized = JSON.stringify(this.current);
    if (serialized === this.committed) return;
    this.committed = serialized;
    this.writeFile(serialized);
  }

  /** Replaces the whole state (admin reset / restore). */
  replace(state: EmulatorState): void {
    this.current = JSON.parse(JSON.stringify(state));
    this.commit();
  }

  reset(): void {
    this.replace(this.initial());
  }

  snapshot(): EmulatorState {
    return JSON.parse(JSON.stringify(this.current));
  }

  private stampOf(): string | undefined {
    try {
      const st = fs.statSync(this.persistPath!);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return undefined;
    }
  }

  private loadFromFile(): void {
    const text = fs.readFileSync(this.persistPath!, 'utf8');
    let parsed: EmulatorState;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new Error(`emulator state file ${this.persistPath} is not valid JSON: ${(e as Error).message}`);
    }
    if (parsed.formatVersion !== STATE_FORMAT_VERSION) {
      throw new Error(`emulator state file ${this.persistPath} has formatVersion ${JSON.stringify(parsed.formatVersion)}, expected ${STATE_FORMAT_VERSION}`);
    }
    this.current = parsed;
    this.committed = JSON.stringify(parsed);
    this.fileStamp = this.stampOf();
  }

  private writeFile(serialized: string): void {
    if (!this.persistPath) return;
    const dir = path.dirname(this.persistPath);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(this.persistPath)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    fs.writeFileSync(tmp, serialized, { mode: 0o600 });
    fs.renameSync(tmp, this.persistPath);
    this.fileStamp = this.stampOf();
  }
}

export function clockOf(state: EmulatorState): ClockState {
  if (!state.clock) state.clock = { offsetMs: 0 };
  return state.clock as ClockState;
}

export function virtualNow(state: EmulatorState): number {
  const clock = clockOf(state);
  return clock.frozenAt !== undefined ? clock.frozenAt : Date.now() + clock.offsetMs;
}

export function advanceClock(state: EmulatorState, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`advanceClock needs a non-negative number of milliseconds, got ${ms}`);
  const clock = clockOf(state);
  if (clock.frozenAt !== undefined) clock.frozenAt += ms;
  else clock.offsetMs += ms;
  return virtualNow(state);
}

export function setClock(state: EmulatorState, epochMs: number, frozen?: boolean): number {
  if (!Number.isFinite(epochMs)) throw new Error(`setClock needs epoch milliseconds, got ${epochMs}`);
  const clock = clockOf(state);
  const freeze = frozen ?? clock.frozenAt !== undefined;
  if (freeze) {
    clock.frozenAt = epochMs;
    clock.offsetMs = 0;
  } else {
    delete clock.frozenAt;
    clock.offsetMs = epochMs - Date.now();
  }
  return virtualNow(state);
}
