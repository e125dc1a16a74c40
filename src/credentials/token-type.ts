/** The kind of instance token to mint (CreateInstanceToken `TokenType`). */
export class TokenType {
  /** A long-term access credential: valid until deleted; deleted again when the construct is destroyed. */
  public static readonly LONG_TERM = new TokenType('longterm');
  /**
   * A temporary login token, valid one hour and impossible to revoke. Re-mint it on a schedule with
   * `tcr-credentials rotate` (default: within 20 minutes of its expiry).
   */
  public static readonly TEMPORARY = new TokenType('temp');

  private constructor(
    /** The API value: `longterm` or `temp`. */
    public readonly value: string,
  ) {}
}
