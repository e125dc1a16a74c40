/**
 * Exit codes of `tcr-credentials` (documented in `--help` and the README) and the errors that map to them.
 */
export const ExitCode = {
  OK: 0,
  /** An API call or a secret-store operation failed (after retries); the message names action, code, request id. */
  FAILED: 1,
  /** Bad command line: unknown command or flag, missing or invalid value. */
  USAGE: 2,
  /** The secret exists but belongs to another owner (or was not written by tcr-credentials): nothing was changed. */
  CONFLICT: 3,
  /** `rotate`: 100 + the number of secrets that failed (capped at 100, so 101-200). */
  ROTATE_FAILED_BASE: 100,
} as const;

export class UsageError extends Error {
  readonly exitCode = ExitCode.USAGE;
}

export class ConflictError extends Error {
  readonly exitCode = ExitCode.CONFLICT;
}

/** A Tencent Cloud API call that failed for good: names the action, the error code and the request id. */
export class ApiCallError extends Error {
  readonly exitCode = ExitCode.FAILED;
  constructor(
    readonly action: string,
    readonly code: string,
    readonly requestId: string,
    detail: string,
    readonly attempts: number,
  ) {
    super(`${action} failed with ${code}${requestId ? ` (request id ${requestId})` : ''}${attempts > 1 ? ` after ${attempts} attempts` : ''}: ${detail}`);
  }
}

/** A secret-store or consistency failure that is not a single API error. */
export class OperationError extends Error {
  readonly exitCode = ExitCode.FAILED;
}

export function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown })?.exitCode;
  return typeof code === 'number' ? code : ExitCode.FAILED;
}
