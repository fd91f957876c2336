package org.hotline.dedup.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mainland China phone numbers: one normal form per number, so the same caller matches across
 * channels, and a mask for display.
 *
 * <p>Normal forms: mobile {@code 13812345678}; landline {@code 0592-5123456} (area code with its
 * leading 0, a dash, the 7–8 digit subscriber number). Extensions are dropped: they identify a
 * desk, not a person.
 */
public final class PhoneNumbers {
  /** Xiamen: a bare 7-digit number was dialled locally. */
  static final String LOCAL_AREA_CODE = "0592";

  // Longer inputs are not phone numbers; the bound also keeps regex work trivial.
  private static final int MAX_RAW_LENGTH = 64;
  private static final Pattern EXTENSION =
      Pattern.compile(
          "^(.*?)\\s*(?:转|分机|ext\\.?|extension|#)\\s*\\d{1,6}$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()\\u00A0\\u2010-\\u2015]");
  private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]+");
  private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  private static final Pattern SUBSCRIBER = Pattern.compile("[2-9][0-9]{6,7}");
  private static final Pattern LOCAL = Pattern.compile("[2-9][0-9]{6}");

  private PhoneNumbers() {}

  /**
   * The normal form of a phone number written in any common shape: spaces, dashes, dots,
   * parentheses, {@code +86}/{@code 0086}/{@code 86} prefixes, full-width characters, an extension
   * ({@code 转123}, {@code ext 123}, {@code #123}).
   *
   * @return the normal form, or empty when {@code raw} is null or not a mainland number
   */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = Text.toHalfWidth(Text.nfc(raw)).strip();
    if (s.length() > MAX_RAW_LENGTH) {
      return Optional.empty();
    }
    Matcher ext = EXTENSION.matcher(s);
    if (ext.matches()) {
      s = ext.group(1);
    }
    s = SEPARATORS.matcher(s).replaceAll("");
    if (!DIGITS.matcher(s).matches()) {
      return Optional.empty();
    }
    if (s.startsWith("+")) {
      return s.startsWith("+86") ? international(s.substring(3)) : Optional.empty();
    }
    if (s.startsWith("0086")) {
      return international(s.substring(4));
    }
    if (s.startsWith("86")) {
      // Without the plus, "86" is only a country code when what follows is a full number;
      // otherwise it may be the start of a local number such as 8612345.
      Optional<String> stripped = international(s.substring(2));
      if (stripped.isPresent()) {
        return stripped;
      }
    }
    return national(s);
  }

  /**
   * Masks a normalised number for display: {@code 138****5678}, {@code 0592-***3456}. Anything else
   * keeps at most its first 3 and last 4 characters.
   *
   * @return the mask, or null for null
   */
  public static String mask(String normalised) {
    if (normalised == null) {
      return null;
    }
    int dash = normalised.indexOf('-');
    if (dash >= 0) {
      return normalised.substring(0, dash + 1) + keepLast4(normalised.substring(dash + 1));
    }
    if (normalised.length() < 8) {
      return "*".repeat(normalised.length());
    }
    return normalised.substring(0, 3) + keepLast4(normalised.substring(3));
  }

  private static String keepLast4(String s) {
    if (s.length() <= 4) {
      return "*".repeat(s.length());
    }
    return "*".repeat(s.length() - 4) + s.substring(s.length() - 4);
  }

  /** After a country code, landline area codes usually lose their leading 0. */
  private static Optional<String> international(String rest) {
    if (MOBILE.matcher(rest).matches()) {
      return Optional.of(rest);
    }
    return landline(rest.startsWith("0") ? rest : "0" + rest);
  }

  private static Optional<String> national(String s) {
    if (MOBILE.matcher(s).matches()) {
      return Optional.of(s);
    }
    if (s.startsWith("0")) {
      return landline(s);
    }
    if (LOCAL.matcher(s).matches()) {
      return Optional.of(LOCAL_AREA_CODE + "-" + s);
    }
    return Optional.empty();
  }

  /**
   * Area codes: 010 and 020–029 have three digits, all others (03xx–09xx) four. Subscriber numbers
   * have 7 or 8 digits and never start with 0 or 1.
   */
  private static Optional<String> landline(String digits) {
    if (digits.length() < 4 || digits.charAt(0) != '0') {
      return Optional.empty();
    }
    int areaLength;
    if (digits.startsWith("010") || digits.charAt(1) == '2') {
      areaLength = 3;
    } else if (digits.charAt(1) >= '3') {
      areaLength = 4;
    } else {
      return Optional.empty();
    }
    String subscriber = digits.substring(areaLength);
    if (!SUBSCRIBER.matcher(subscriber).matches()) {
      return Optional.empty();
    }
    return Optional.of(digits.substring(0, areaLength) + "-" + subscriber);
  }
}
