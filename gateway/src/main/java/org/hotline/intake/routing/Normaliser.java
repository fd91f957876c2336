package org.hotline.intake.routing;

import org.hotline.dedup.text.Simplified;
import org.hotline.dedup.text.Text;

/**
 * Folds free text into the form the dictionaries are keyed by, so that one spelling of a name
 * matches all the ways people type it.
 */
final class Normaliser {
  private static final char[] FOLD = new char[0x10000];

  static {
    // Traditional characters as simplified (Simplified, ICU's table): merchants from Taiwan and
    // Hong Kong, and some input methods, write 廈門市思明區; the dictionaries are in simplified.
    for (int c = 0; c < FOLD.length; c++) {
      FOLD[c] = Simplified.of((char) c);
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      FOLD[c] = (char) (c + ('a' - 'A'));
    }
  }

  private Normaliser() {}

  /**
   * NFC, full-width to half-width, traditional to simplified ({@link Simplified}), ASCII lower
   * case, and all white space removed: people put spaces anywhere in an address ("思明 区"), and no
   * dictionary name contains one. Null becomes the empty string.
   */
  static String fold(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    // One pass, without the intermediate strings (text is folded several times a record).
    String nfc = Text.nfc(s);
    char[] out = new char[nfc.length()];
    int n = 0;
    for (int i = 0; i < nfc.length(); i++) {
      char c = Text.toHalfWidth(nfc.charAt(i));
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        out[n++] = FOLD[c];
      }
    }
    return new String(out, 0, n);
  }
}
