package org.hotline.intake.validation;

import org.hotline.dedup.MerchantKeys;

/**
 * The respondent; every field is already normalised. A report's carries at least one field; a
 * complaint's may carry none, when the text describes the shop ({@link #nameOrDescription}).
 *
 * @param name NFC, trimmed, at most 200 characters
 * @param creditCode an 18-character unified social credit code with a valid check character
 * @param address NFC, trimmed, at most 500 characters
 * @param divisionCode six ASCII digits, e.g. {@code 350203}
 * @param platform the online platform the merchant sells through, at most 100 characters
 * @param location where the merchant operates, if the channel knows
 */
public record Merchant(
    String name,
    String creditCode,
    String address,
    String divisionCode,
    String platform,
    GeoPoint location) {

  /** Whether no field is given: the text is all that says who the respondent is. */
  public boolean empty() {
    return name == null
        && creditCode == null
        && address == null
        && divisionCode == null
        && platform == null
        && location == null;
  }

  /**
   * The name, or for an {@link #empty} merchant the text's description of the shop ({@code
   * 湖里区江头北路一家手机店}, {@link MerchantKeys#describedInText}), which dedup and routing read as a
   * described name; null when neither is there.
   */
  public String nameOrDescription(String content) {
    return empty() ? MerchantKeys.describedInText(content) : name;
  }
}
