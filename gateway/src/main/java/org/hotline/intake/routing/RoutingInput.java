package org.hotline.intake.routing;

import java.util.Objects;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.validation.Merchant;

/**
 * What routing looks at. Only the merchant's fields are here, never the complainant's address: a
 * complaint belongs to the bureau where the merchant operates or is registered, not where the
 * consumer lives.
 *
 * @param type the record type's wire value ({@code complaint}, {@code report}, …); required
 * @param category the channel's category, or null
 * @param divisionCode the merchant's administrative division code (6, 9 or 12 digits), or null
 * @param merchantAddress the merchant's address as sent, or null
 * @param platform the online platform the merchant sells through, or null
 * @param merchantName the merchant's name (an empty merchant's: the text's description of the shop,
 *     {@link Merchant#nameOrDescription}), or null; a described name's place locates it
 * @param content the facts and the request, or null; read only for jurisdiction keywords
 * @param creditCode the merchant's unified social credit code (checked at intake), or null: its
 *     registering authority's division code (characters 3 to 8) says where it is registered
 */
public record RoutingInput(
    String type,
    String category,
    String divisionCode,
    String merchantAddress,
    String platform,
    String merchantName,
    String content,
    String creditCode) {

  public RoutingInput {
    Objects.requireNonNull(type, "type");
  }

  /** A routing view without a credit code. */
  public RoutingInput(
      String type,
      String category,
      String divisionCode,
      String merchantAddress,
      String platform,
      String merchantName,
      String content) {
    this(type, category, divisionCode, merchantAddress, platform, merchantName, content, null);
  }

  /**
   * The routing view of a parsed record; a record without a merchant yields null merchant fields.
   */
  public static RoutingInput from(IntakeRequest request) {
    Merchant m = request.merchant();
    return new RoutingInput(
        request.type().wire(),
        request.category(),
        m == null ? null : m.divisionCode(),
        m == null ? null : m.address(),
        m == null ? null : m.platform(),
        m == null ? null : m.nameOrDescription(request.content()),
        request.content(),
        m == null ? null : m.creditCode());
  }
}
