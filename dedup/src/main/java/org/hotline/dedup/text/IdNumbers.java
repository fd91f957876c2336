package org.hotline.dedup.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Resident identity card numbers (GB 11643-1999): 6-digit area code, birth date {@code YYYYMMDD},
 * 3-digit sequence, check character. Sensitive personal information: never log one, use {@link
 * #mask}.
 */
public final class IdNumbers {
  private static final int LENGTH = 18;
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";
  private static final int MIN_BIRTH_YEAR = 1900;
  // Birth dates are Beijing dates, whatever zone the server runs in.
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private IdNumbers() {}

  /** {@link #isValid(String, LocalDate)} against today's date in China. */
  public static boolean isValid(String normalisedUpper) {
    return isValid(normalisedUpper, LocalDate.now(CHINA));
  }

  /**
   * Whether {@code id} is 17 digits and a check character ({@code 0-9} or upper-case {@code X})
   * with a correct checksum and a real birth date between 1900-01-01 and {@code today}.
   */
  public static boolean isValid(String id, LocalDate today) {
    if (id == null || id.length() != LENGTH) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    if (id.charAt(LENGTH - 1) != CHECK_CHARACTERS.charAt(sum % 11)) {
      return false;
    }
    return plausibleBirthDate(id, today);
  }

  /** {@link #normalise(String, LocalDate)} against today's date in China. */
  public static Optional<String> normalise(String raw) {
    return normalise(raw, LocalDate.now(CHINA));
  }

  /**
   * Normalises full-width characters, white space and a lower-case {@code x}, then validates.
   *
   * @return the 18-character upper-case number, or empty when null or invalid
   */
  public static Optional<String> normalise(String raw, LocalDate today) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = withoutWhiteSpace(Text.toHalfWidth(Text.nfc(raw))).toUpperCase(Locale.ROOT);
    return isValid(s, today) ? Optional.of(s) : Optional.empty();
  }

  /**
   * First 6 and last 4 characters only: {@code 110105********002X}. Shorter input is masked
   * entirely; null stays null.
   */
  public static String mask(String id) {
    if (id == null) {
      return null;
    }
    if (id.length() < 11) {
      return "*".repeat(id.length());
    }
    return id.substring(0, 6) + "********" + id.substring(id.length() - 4);
  }

  /**
   * Without white space as a regex means it: space, tab, line feed, vertical tab, form feed and
   * carriage return.
   */
  private static String withoutWhiteSpace(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = c == ' ' || (c >= '\t' && c <= '\r');
      if (space && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      } else if (!space && sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static boolean plausibleBirthDate(String id, LocalDate today) {
    int year = Integer.parseInt(id.substring(6, 10));
    int month = Integer.parseInt(id.substring(10, 12));
    int day = Integer.parseInt(id.substring(12, 14));
    if (year < MIN_BIRTH_YEAR) {
      return false;
    }
    try {
      return !LocalDate.of(year, month, day).isAfter(today);
    } catch (DateTimeException e) {
      return false;
    }
  }
}
