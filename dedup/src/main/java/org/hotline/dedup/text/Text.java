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
      char c = s.charAt(i);
      if (c == IDEOGRAPHIC_SPACE) {
        sb.append(' ');
      } else if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
        sb.append((char) (c - FULL_WIDTH_OFFSET));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Unicode NFC. Composed and decomposed spellings of the same text must compare, hash and
   * deduplicate as equal. Null stays null.
   */
  public static String nfc(String s) {
    if (s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
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

  private static boolean isFullWidth(char c) {
    return c == IDEOGRAPHIC_SPACE || (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST);
  }
}
