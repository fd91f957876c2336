package org.hotline.dedup.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers: one normal form per number, so the same caller matches across channels, and a mask
 * for display. Mainland numbers, and those of Hong Kong, Macao, Taiwan and other countries after
 * their country code.
 *
 * <p>Normal forms: mobile {@code 13812345678}; landline {@code 0592-5123456} (area code with its
 * leading 0, a dash, the 7–8 digit subscriber number); abroad {@code +886-912345678}, {@code
 * +852-91234567}, other countries {@code +} and all the digits. Extensions are dropped: they
 * identify a desk, not a person. A bare 7-digit number was dialled locally: it gets the area code
 * of the city the instance is made for, which comes from the city's configuration. Immutable,
 * thread-safe.
 */
public final class PhoneNumbers {
  private final String localAreaCode;

  // Longer inputs are not phone numbers; the bound also keeps regex work trivial.
  private static final int MAX_RAW_LENGTH = 64;
  private static final Pattern EXTENSION =
      Pattern.compile(
          "^(.*?)\\s*(?:转|分机|ext\\.?|extension|#)\\s*\\d{1,6}$", Pattern.CASE_INSENSITIVE);
  // Characters one of which the extension's keyword (转, 分机, ext, extension, #) starts with.
  private static final String EXTENSION_STARTS = "转分eE#";

  /**
   * @param localAreaCode the city's area code with its leading 0 (for example {@code 0592}), given
   *     to bare 7-digit numbers; null when a bare number is not accepted. Checked by {@link
   *     org.hotline.dedup.CityProfile}.
   */
  public PhoneNumbers(String localAreaCode) {
    this.localAreaCode = localAreaCode;
  }

  /**
   * The normal form of a phone number written in any common shape: spaces, dashes, dots,
   * parentheses, {@code +86}/{@code 0086}/{@code 86} prefixes, full-width characters, an extension
   * ({@code 转123}, {@code ext 123}, {@code #123}).
   *
   * @return the normal form, or empty when {@code raw} is null or not a phone number
   */
  public Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = Text.toHalfWidth(Text.nfc(raw)).strip();
    if (s.length() > MAX_RAW_LENGTH) {
      return Optional.empty();
    }
    if (mayHaveExtension(s)) {
      Matcher ext = EXTENSION.matcher(s);
      if (ext.matches()) {
        s = ext.group(1);
      }
    }
    s = withoutSeparators(s);
    if (!isDigits(s)) {
      return Optional.empty();
    }
    if (s.startsWith("+")) {
      return s.startsWith("+86") ? international(s.substring(3)) : abroad(s.substring(1));
    }
    if (s.startsWith("0086")) {
      return international(s.substring(4));
    }
    if (s.startsWith("00")) {
      return abroad(s.substring(2));
    }
    if (s.startsWith("86")) {
      // Without the plus, "86" is only a country code when what follows is a full number;
      // otherwise it may be the start of a local number such as 8612345.
      Optional<String> stripped = international(s.substring(2));
      if (stripped.isPresent()) {
        return stripped;
      }
    }
    Optional<String> national = national(s);
    return national.isPresent() ? national : taiwanMobile(s);
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

  /** Whether the extension pattern can match at all: only when a keyword's first letter occurs. */
  private static boolean mayHaveExtension(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (EXTENSION_STARTS.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Without the separators: white space as a regex means it (space, tab, line feed, vertical tab,
   * form feed, carriage return), dashes, dots, parentheses, the no-break space and U+2010..U+2015.
   */
  private static String withoutSeparators(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean separator =
          c == ' '
              || (c >= '\t' && c <= '\r') // tab, line feed, vertical tab, form feed, return
              || c == '-'
              || c == '.'
              || c == '('
              || c == ')'
              || c == '\u00A0'
              || (c >= '\u2010' && c <= '\u2015');
      if (separator && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      } else if (!separator && sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** An optional plus, then one or more digits. */
  private static boolean isDigits(String s) {
    int start = s.startsWith("+") ? 1 : 0;
    return s.length() > start && digitsBetween(s, start, s.length());
  }

  /** {@code 1[3-9][0-9]{9}}. */
  private static boolean isMobile(String s) {
    return s.length() == 11
        && s.charAt(0) == '1'
        && s.charAt(1) >= '3'
        && s.charAt(1) <= '9'
        && digitsBetween(s, 2, 11);
  }

  /** {@code [2-9][0-9]{min-1,max-1}}. */
  private static boolean isSubscriber(String s, int min, int max) {
    return s.length() >= min
        && s.length() <= max
        && s.charAt(0) >= '2'
        && s.charAt(0) <= '9'
        && digitsBetween(s, 1, s.length());
  }

  private static boolean digitsBetween(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** After a country code, landline area codes usually lose their leading 0. */
  private static Optional<String> international(String rest) {
    if (isMobile(rest)) {
      return Optional.of(rest);
    }
    return landline(rest.startsWith("0") ? rest : "0" + rest);
  }

  /**
   * A number after another country's code: Hong Kong's and Macao's 8 digits ({@code +852-91234567})
   * and Taiwan's 8 or 9 after its code, a trunk 0 written after the code dropped ({@code
   * +886-912345678}: visitors from Taiwan file in Xiamen); any other country's number in E.164's
   * shape, 8 to 15 digits with its code, kept whole ({@code +14155550100}).
   */
  private static Optional<String> abroad(String digits) {
    if (digits.isEmpty() || digits.charAt(0) == '0' || !digitsBetween(digits, 0, digits.length())) {
      return Optional.empty();
    }
    if (digits.startsWith("852") || digits.startsWith("853")) {
      String rest = digits.substring(3);
      return isSubscriber(rest, 8, 8)
          ? Optional.of("+" + digits.substring(0, 3) + "-" + rest)
          : Optional.empty();
    }
    if (digits.startsWith("886")) {
      String rest = digits.startsWith("8860") ? digits.substring(4) : digits.substring(3);
      return isSubscriber(rest, 8, 9) ? Optional.of("+886-" + rest) : Optional.empty();
    }
    return digits.length() >= 8 && digits.length() <= 15
        ? Optional.of("+" + digits)
        : Optional.empty();
  }

  /**
   * Taiwan's mobile numbers as written there, {@code 0912-345-678}: ten digits from 09, which no
   * mainland number has (a 09xx area code is followed by 7 or 8 digits).
   */
  private static Optional<String> taiwanMobile(String s) {
    return s.length() == 10 && s.startsWith("09") && digitsBetween(s, 2, 10)
        ? Optional.of("+886-" + s.substring(1))
        : Optional.empty();
  }

  private Optional<String> national(String s) {
    if (isMobile(s)) {
      return Optional.of(s);
    }
    if (s.startsWith("0")) {
      return landline(s);
    }
    if (localAreaCode != null && isSubscriber(s, 7, 7)) {
      return Optional.of(localAreaCode + "-" + s);
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
    if (!isSubscriber(subscriber, 7, 8)) {
      return Optional.empty();
    }
    return Optional.of(digits.substring(0, areaLength) + "-" + subscriber);
  }
}
