package org.hotline.dedup.text;

import java.text.Normalizer;

/** Text normalisation shared by every free-text and identifier field. */
public final class Text {
  private static final char FULL_WIDTH_FIRST = '\uFF01';
  private static final char FULL_WIDTH_LAST = '\uFF5E';
  private static final int FULL_WIDTH_OFFSET = 0xFEE0;
  private static final char IDEOGRAPHIC_SPACE = '\u3000';

  private Text() {}

  /**
   * Maps full-width ASCII variants (U+FF01..U+FF5E: digits, letters, punctuation) to ASCII and the
   * ideographic space U+3000 to a space. Web users on Chinese input methods often type numbers this
   * way. Other characters are kept. Null stays null.
   */
  public static String toHalfWidth(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !isFullWidth(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      sb.append(toHalfWidth(s.charAt(i)));
    }
    return sb.toString();
  }

  /** One character of {@link #toHalfWidth(String)}. */
  public static char toHalfWidth(char c) {
    if (c == IDEOGRAPHIC_SPACE) {
      return ' ';
    }
    return c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? (char) (c - FULL_WIDTH_OFFSET) : c;
  }

  /**
   * Unicode NFC. Composed and decomposed spellings of the same text must compare, hash and
   * deduplicate as equal. Null stays null.
   */
  public static String nfc(String s) {
    if (s == null || isPlainlyNfc(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
      return s;
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** NFC, then stripped of leading and trailing white space (including U+3000). */
  public static String clean(String s) {
    return s == null ? null : nfc(s).strip();
  }

  public static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * Whether every character is one that is NFC on its own and never combines with a neighbour:
   * below U+0300 (the first character that can compose with or reorder around what precedes it),
   * CJK punctuation U+3000..U+3029, the CJK unified ideographs U+4E00..U+9FFF, or full-width ASCII
   * U+FF01..U+FF5E. Nearly every complaint is only these, and this scan is much cheaper than {@link
   * Normalizer#isNormalized}.
   */
  static boolean isPlainlyNfc(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u0300'
          && !(c >= '\u4E00' && c <= '\u9FFF')
          && !(c >= '\u3000' && c <= '\u3029')
          && !(c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFullWidth(char c) {
    return c == IDEOGRAPHIC_SPACE || (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST);
  }
}
