/** How a TCR instance is paid for (provider `registry_charge_type` and the prepaid settings). */
export class TcrBilling {
  /** Pay as you go (the provider default). */
  public static postpaid(): TcrBilling {
    return new TcrBilling(1, undefined, undefined);
  }

  /**
   * Prepaid (subscription) for `periodMonths` months (1-12, 24 or 36).
   * @param autoRenew renew automatically at the end of the period; otherwise renewal is manual.
   */
  public static prepaid(periodMonths: number, autoRenew?: boolean): TcrBilling {
    // Provider renew flags: 1 manual renewal, 2 automatic renewal.
    return new TcrBilling(2, periodMonths, autoRenew === false ? 1 : 2);
  }

  private constructor(
    /** Provider `registry_charge_type`: 1 postpaid, 2 prepaid. */
    public readonly chargeType: number,
    /** Provider `instance_charge_type_prepaid_period` (months), prepaid only. */
    public readonly periodMonths?: number,
    /** Provider `instance_charge_type_prepaid_renew_flag`, prepaid only. */
    public readonly renewFlag?: number,
  ) {}
}
