package org.hotline.intake.validation;

/**
 * The respondent. At least one of {@code name}, {@code creditCode}, {@code address} or {@code
 * platform} is present; every field is already normalised.
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
    GeoPoint location) {}
