package org.hotline.loadtest.corpus;

/** Format noise consumers add on the web: full-width digits and the odd homophone typo. */
final class Noise {
  /** Common slips of a pinyin keyboard, applied to framing text only, never to the facts. */
  private static final String[][] TYPOS = {
    {"的", "得"}, {"在", "再"}, {"已经", "以经"}, {"怎么", "怎莫"}, {"那么", "那末"}, {"希望", "希忘"}
  };

  private Noise() {}

  static String fullWidthDigits(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
    }
    return sb.toString();
  }

  /** Appends {@code s} with its digits full-width. */
  static void appendFullWidth(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
    }
  }

  /**
   * Each string and, after it, its variant with one typo (or itself again): built once, so a caller
   * picks a typo by index without string work per filing.
   */
  static String[] withTypos(String[] framing) {
    String[] out = new String[framing.length * 2];
    for (int i = 0; i < framing.length; i++) {
      out[2 * i] = framing[i];
      out[2 * i + 1] = framing[i];
      for (String[] t : TYPOS) {
        if (framing[i].contains(t[0])) {
          out[2 * i + 1] = framing[i].replaceFirst(t[0], t[1]);
          break;
        }
      }
    }
    return out;
  }
}
