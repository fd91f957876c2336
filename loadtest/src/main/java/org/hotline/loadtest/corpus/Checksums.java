package org.hotline.loadtest.corpus;

import java.util.SplittableRandom;

/**
 * Valid identifiers for synthetic parties: credit codes (GB 32100-2015) and resident ID numbers (GB
 * 11643-1999). The gateway rejects a bad checksum with a 400, so every generated one must pass.
 */
final class Checksums {
  private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private Checksums() {}

  /**
   * A credit code registered in {@code division}: {@code 91} (company) or {@code 92} (sole trader),
   * the 6-digit division, a 9-symbol organisation code and the check symbol.
   */
  static String creditCode(SplittableRandom rng, String division) {
    StringBuilder sb = new StringBuilder(18);
    sb.append('9').append(rng.nextInt(4) == 0 ? '2' : '1').append(division);
    for (int i = 0; i < 9; i++) {
      // Organisation codes are mostly digits with a letter or two.
      sb.append(
          rng.nextInt(5) == 0
              ? CREDIT_ALPHABET.charAt(10 + rng.nextInt(21))
              : (char) ('0' + rng.nextInt(10)));
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_ALPHABET.indexOf(sb.charAt(i)) * CREDIT_WEIGHTS[i];
    }
    return sb.append(CREDIT_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
  }

  /** An ID number from {@code area}, born 1950–2004 on a real date, with its check character. */
  static String idNumber(SplittableRandom rng, String area) {
    StringBuilder sb = new StringBuilder(18).append(area);
    int year = 1950 + rng.nextInt(55);
    int month = 1 + rng.nextInt(12);
    // Day 28 at most keeps every date real without a calendar.
    int day = 1 + rng.nextInt(28);
    sb.append(year);
    pad2(sb, month);
    pad2(sb, day);
    int sequence = rng.nextInt(1000);
    sb.append((char) ('0' + sequence / 100)).append((char) ('0' + sequence / 10 % 10));
    sb.append((char) ('0' + sequence % 10));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (sb.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return sb.append(ID_CHECK.charAt(sum % 11)).toString();
  }

  private static void pad2(StringBuilder sb, int v) {
    sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
