/**
 * The emulator state: in memory, optionally persisted to a JSON file so that another process (terraform running
 * the credential shim, a second emulator) and a test can share it.
 *
 * - Every request runs as a transaction: if the handler throws, the state rolls back to the last committed
 *   version, so a failed call never leaves half an update behind.
 * - After a request that changed the state, the file is rewritten atomically (temp file + rename, mode 0600:
 *   it holds secret keys and secret values, like the real services' databases do).
 * - Every transaction reads the file under the lock and re-loads it when its text differs from the last state
 *   this process committed or loaded. A change stamp (inode, size, mtime) is not enough: a freed inode is reused
 *   by the next temp file and mtime has the file system's coarse tick, so another process's write of the same
 *   size within one tick looked unchanged and was overwritten (a lost update); the text comparison is exact.
 * - Every transaction (re-load, change, write) holds a lock file next to the state file (`<file>.lock`, created
 *   with O_EXCL), so two processes changing the state at the same moment are serialised instead of one silently
 *   overwriting the other's update. Handlers are synchronous, so the lock is held for microseconds; a lock left by
 *   a crashed process is taken over once it is older than LOCK_STALE_MS. Node has no file-lock API; this is the
 *   portable O_EXCL lock-file idiom, written here for lack of a dependency-free alternative.
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

/** A lock file older than this is treated as left behind by a crashed process. */
export const LOCK_STALE_MS = 10_000;
/** How long a transaction waits for another process's lock before failing. */
const LOCK_WAIT_MS = 15_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` (the handlers around the lock are synchronous by design). */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export class StateStore {
  private current: EmulatorState;
  /** The JSON text of the last state committed or loaded: what the file holds if no other process wrote since. */
  private committed: string;

  private lockDepth = 0;

  constructor(private readonly persistPath: string | undefined, private readonly initial: () => EmulatorState) {
    this.current = initial();
    this.committed = JSON.stringify(this.current);
    // Under the lock, so that two processes starting on a new file agree on one initial state (one root key pair).
    this.withLock(() => {
      if (persistPath && fs.existsSync(persistPath)) {
        this.loadFromFile();
      } else {
        this.writeFile(this.committed);
      }
    });
  }

  get state(): EmulatorState {
    return this.current;
  }

  /**
   * Re-loads the state file when another process changed it. Inside a transaction this runs under the lock, so
   * nothing can change the file between this read and the transaction's write.
   */
  refresh(): void {
    if (!this.persistPath) return;
    let text: string;
    try {
      text = fs.readFileSync(this.persistPath, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // not written yet (or removed): keep the memory state
      throw e;
    }
    if (text !== this.committed) this.load(text);
  }

  /** Runs `fn` on the state as one transaction (see the module comment). */
  transact<T>(fn: (state: EmulatorState) => T): T {
    return this.withLock(() => {
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
    });
  }

  /** Persists the state if it changed since the last commit. */
  commit(): void {
    const serialized = JSON.stringify(this.current);
    if (serialized === this.committed) return;
    this.committed = serialized;
    this.withLock(() => this.writeFile(serialized));
  }

  /** Replaces the whole state (admin reset / restore). */
  replace(state: EmulatorState): void {
    this.withLock(() => {
      this.current = JSON.parse(JSON.stringify(state));
      this.commit();
    });
  }

  reset(): void {
    this.replace(this.initial());
  }

  snapshot(): EmulatorState {
    return JSON.parse(JSON.stringify(this.current));
  }

  /** Runs `fn` holding the cross-process lock of the state file (re-entrant; no-op without a file). */
  private withLock<T>(fn: () => T): T {
    if (!this.persistPath || this.lockDepth > 0) {
      this.lockDepth++;
      try {
        return fn();
      } finally {
        this.lockDepth--;
      }
    }
    const lockPath = `${this.persistPath}.lock`;
    fs.mkdirSync(path.dirname(lockPath), { recursive: true });
    const deadline = Date.now() + LOCK_WAIT_MS;
    // Who holds the lock: released only by its holder, so a holder whose stale lock was taken over cannot remove
    // the new holder's lock on its way out.
    const token = `${process.pid}.${crypto.randomBytes(8).toString('hex')}`;
    for (;;) {
      try {
        const fd = fs.openSync(lockPath, 'wx', 0o600);
        try {
          fs.writeSync(fd, token);
        } finally {
          fs.closeSync(fd);
        }
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      let age: number | undefined;
      try {
        age = Date.now() - fs.statSync(lockPath).mtimeMs;
      } catch {
        continue; // released between our open and stat: try again at once
      }
      if (age > LOCK_STALE_MS) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`emulator state file ${this.persistPath} stayed locked for ${LOCK_WAIT_MS} ms (lock file ${lockPath})`);
      }
      sleepSync(1);
    }
    this.lockDepth++;
    try {
      return fn();
    } finally {
      this.lockDepth--;
      let holder: string | undefined;
      try {
        holder = fs.readFileSync(lockPath, 'utf8');
      } catch {
        holder = undefined; // already gone (taken over as stale and released)
      }
      if (holder === token) fs.rmSync(lockPath, { force: true });
    }
  }

  private loadFromFile(): void {
    this.load(fs.readFileSync(this.persistPath!, 'utf8'));
  }

  private load(text: string): void {
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
    // The file's own text, so that the next refresh sees it as unchanged (another writer may format differently).
    this.committed = text;
  }

  private writeFile(serialized: string): void {
    if (!this.persistPath) return;
    const dir = path.dirname(this.persistPath);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(this.persistPath)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    fs.writeFileSync(tmp, serialized, { mode: 0o600 });
    fs.renameSync(tmp, this.persistPath);
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
