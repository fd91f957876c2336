package org.hotline.intake.routing;

import org.hotline.dedup.text.Text;

/**
 * Folds free text into the form the dictionaries are keyed by, so that one spelling of a name
 * matches all the ways people type it.
 */
final class Normaliser {
  /**
   * Traditional forms of the characters used in the dictionaries. Merchants from Taiwan and Hong
   * Kong, and some input methods, write 廈門市思明區; the dictionaries are written in simplified
   * characters. Pairs are (traditional, simplified).
   */
  private static final String TRADITIONAL =
      "廈厦門门區区滄沧裡里裏里嶼屿園园橋桥鎮镇場场農农灣湾濱滨華华鳳凤馬马東东寶宝學学機机開开"
          + "發发縣县篔筼簹筜蓮莲鷺鹭龍龙號号邊边廣广島岛臺台陽阳興兴溝沟雲云體体隊队館馆鄉乡"
          + "協协劃划僑侨濟济爾尔長长線线業业範范";

  private static final char[] FOLD = new char[0x10000];

  static {
    for (int c = 0; c < FOLD.length; c++) {
      FOLD[c] = (char) c;
    }
    for (int i = 0; i + 1 < TRADITIONAL.length(); i += 2) {
      FOLD[TRADITIONAL.charAt(i)] = TRADITIONAL.charAt(i + 1);
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      FOLD[c] = (char) (c + ('a' - 'A'));
    }
  }

  private Normaliser() {}

  /**
   * NFC, full-width to half-width, traditional to simplified (for dictionary characters), ASCII
   * lower case, and all white space removed: people put spaces anywhere in an address ("思明 区"), and
   * no dictionary name contains one. Null becomes the empty string.
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
