import { PERMANENT_DURATION_DAYS, SERVICE_ACCOUNT_DEFAULT_VALIDITY_DAYS } from '../validation/name-rules';

/**
 * How long a TCR service account stays valid.
 *
 * `Validity.days(n)` maps to the provider's `duration` (days counted by the service from the time the account is
 * created or modified), `Validity.until(date)` to `expires_at` (epoch milliseconds), and `Validity.permanent()` to
 * the project's permanent convention (`duration = 0`, no `expires_at`). Values are checked at synth time.
 */
export class Validity {
  /** A validity of `days` whole days (1-3650), counted from when TCR creates or modifies the account. */
  public static days(days: number): Validity {
    return new Validity(days, undefined, false);
  }

  /** The console default: 30 days. */
  public static consoleDefault(): Validity {
    return Validity.days(SERVICE_ACCOUNT_DEFAULT_VALIDITY_DAYS);
  }

  /** The account never expires. */
  public static permanent(): Validity {
    return new Validity(PERMANENT_DURATION_DAYS, undefined, true);
  }

  /** The account expires at `date` (must be in the future at synth time). */
  public static until(date: Date): Validity {
    return new Validity(undefined, date.getTime(), false);
  }

  /** The account expires at `epochMillis` milliseconds since 1970-01-01T00:00:00Z (a whole number, in the future). */
  public static untilEpochMillis(epochMillis: number): Validity {
    return new Validity(undefined, epochMillis, false);
  }

  /** Value for the provider's `duration` attribute (days), or undefined when an absolute expiry is used. */
  public readonly durationDays?: number;
  /** Value for the provider's `expires_at` attribute (epoch milliseconds), or undefined. */
  public readonly expiresAtMillis?: number;

  /** True for `Validity.permanent()` (kept apart from `days(0)`, which is an error, not "permanent"). */
  public readonly isPermanent: boolean;

  private constructor(durationDays: number | undefined, expiresAtMillis: number | undefined, isPermanent: boolean) {
    this.durationDays = durationDays;
    this.expiresAtMillis = expiresAtMillis;
    this.isPermanent = isPermanent;
  }
}
