package org.hotline.intake.routing;

/**
 * Where a record goes.
 *
 * @param queue a 6-digit district code, {@link #TRIAGE} or {@link #TRANSFER}
 * @param district the district's division code when the merchant's location decided it, else null
 * @param transferTo the competent department when queue is {@link #TRANSFER}, else null
 * @param reason a short machine-readable tag saying why, e.g. {@code division_code}, {@code
 *     address:township:鼓浪屿街道}, {@code ambiguous:软件园}, {@code jurisdiction:物业}. Built only from
 *     configuration names, never from the record's text, so it is safe to log and to count
 */
public record Route(String queue, String district, String transferTo, String reason) {
  /** The city-level queue for records whose district is not decided. */
  public static final String TRIAGE = "triage";

  /** The queue for matters outside market regulation. */
  public static final String TRANSFER = "transfer";

  /** Reasons for triage when nothing places the merchant (see {@link #unplaced}). */
  static final String NO_LOCATION = "no_location";

  static final String UNRESOLVED_ADDRESS = "address:unresolved";
  static final String UNKNOWN_PLATFORM = "platform:unknown";

  /** Opens the reason of a seller with no address on a platform registered in another city. */
  static final String PLATFORM_OUTSIDE = "platform_outside:";

  /** The reason of a merchant placed by the bureau that registered it (its credit code). */
  static final String CREDIT_CODE = "credit_code";

  /**
   * Opens the reason of a merchant placed by the place its name opens with when the name only
   * describes the shop ({@code 曾厝垵那家海鲜店}); the address's reason follows.
   */
  static final String MERCHANT_NAME = "merchant_name:";

  /** The reason of a group member sent where its group's members went. */
  public static final String GROUP = "group";

  /** To the bureau of {@code district}. */
  public static Route toDistrict(String district, String reason) {
    return new Route(district, district, null, reason);
  }

  /** To city-level triage. */
  public static Route triage(String reason) {
    return new Route(TRIAGE, null, null, reason);
  }

  /** Out of market regulation, to {@code department}. */
  public static Route transfer(String department, String reason) {
    return new Route(TRANSFER, null, department, reason);
  }

  /**
   * True when the record says nothing that places its merchant: no division code, address or
   * platform, an address or platform this city's lists do not know, or only a platform registered
   * in another city (a seller "is handled where it operates", DOMAIN.md; the platform's city is the
   * fallback when nothing says where, and a group whose members gave the shop's address does). Not
   * for records whose places disagree or are ambiguous: those need a person.
   */
  public boolean unplaced() {
    return TRIAGE.equals(queue)
        && (NO_LOCATION.equals(reason)
            || UNRESOLVED_ADDRESS.equals(reason)
            || UNKNOWN_PLATFORM.equals(reason)
            || reason.startsWith(PLATFORM_OUTSIDE));
  }

  /** True when a district bureau was chosen. */
  public boolean decided() {
    return district != null;
  }
}
