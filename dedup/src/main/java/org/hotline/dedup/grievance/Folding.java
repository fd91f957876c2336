package org.hotline.dedup.grievance;

import org.hotline.dedup.text.Simplified;

/**
 * How cue phrases and texts are compared: traditional characters as simplified ({@link
 * Simplified}), full-width ASCII forms as half-width, Latin letters in lower case, white space
 * ignored. Per character, so the classifier folds as it reads.
 */
final class Folding {
  /** Returned by {@link #fold(char)} for a character that is skipped. */
  static final char SKIP = '\0';

  private Folding() {}

  static char fold(char c) {
    c = Simplified.of(c);
    if (c >= '\uFF01' && c <= '\uFF5E') {
      c = (char) (c - 0xFEE0);
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + ('a' - 'A'));
    }
    if (c <= ' '
        || c == '\u3000'
        || (c > 0x7F && c < 0x4E00 && (Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
      return SKIP;
    }
    return c;
  }

  static String fold(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = fold(s.charAt(i));
      if (c != SKIP) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
