package org.hotline.dedup.text;

import java.util.Locale;
import java.util.Optional;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol alphabet,
 * the last a mod-31 check character. A valid code is the most reliable merchant key.
 */
public final class CreditCodes {
  private static final int LENGTH = 18;
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  /**
   * Whether {@code code} is exactly 18 upper-case symbols of the alphabet ({@code I O S V Z} are
   * not used) with a correct check character. Null is invalid.
   */
  public static boolean isValid(String code) {
    if (code == null || code.length() != LENGTH) {
      return false;
    }
    int expected = checkValue(code);
    return expected >= 0 && ALPHABET.indexOf(code.charAt(LENGTH - 1)) == expected;
  }

  /**
   * Trims, converts full-width characters and upper-cases, then validates.
   *
   * @return the normalised code, or empty when null or invalid
   */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = Text.toHalfWidth(Text.nfc(raw)).strip().toUpperCase(Locale.ROOT);
    return isValid(s) ? Optional.of(s) : Optional.empty();
  }

  /**
   * The division code of the authority that registered a valid code (its 3rd to 8th characters:
   * {@code 350211} of {@code 92350211…}, {@code 350200} of a city's own bureau), or null when
   * {@code raw} is not a valid code ({@link #normalise}) or those characters are not digits.
   */
  public static String registeringDivision(String raw) {
    String code = normalise(raw).orElse(null);
    if (code == null) {
      return null;
    }
    for (int i = 2; i < 8; i++) {
      if (code.charAt(i) < '0' || code.charAt(i) > '9') {
        return null;
      }
    }
    return code.substring(2, 8);
  }

  /**
   * The check character for the first 17 characters of a code. Test corpora use this to build valid
   * codes.
   *
   * @throws IllegalArgumentException when the 17 characters are not all from the alphabet
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() < LENGTH - 1) {
      throw new IllegalArgumentException("need 17 characters");
    }
    int value = checkValue(first17);
    if (value < 0) {
      throw new IllegalArgumentException("character outside the credit-code alphabet");
    }
    return ALPHABET.charAt(value);
  }

  /** The expected check value of the first 17 characters, or -1 if one is not in the alphabet. */
  private static int checkValue(String code) {
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      int v = ALPHABET.indexOf(code.charAt(i));
      if (v < 0) {
        return -1;
      }
      sum += v * WEIGHTS[i];
    }
    return (31 - sum % 31) % 31;
  }
}
