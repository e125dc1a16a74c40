/** TCR Enterprise edition of an instance (provider `instance_type`). */
export class TcrInstanceType {
  /** Basic edition. */
  public static readonly BASIC = new TcrInstanceType('basic');
  /** Standard edition. */
  public static readonly STANDARD = new TcrInstanceType('standard');
  /** Premium edition (the only one with cross-region replication). */
  public static readonly PREMIUM = new TcrInstanceType('premium');

  /** Escape hatch for an edition this library does not know yet. */
  public static of(value: string): TcrInstanceType {
    return new TcrInstanceType(value);
  }

  private constructor(
    /** The provider value, e.g. `standard`. */
    public readonly value: string,
  ) {}
}
