package org.hotline.dedup.text;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSetIterator;

/**
 * Traditional characters as simplified ones, one character at a time: 聽海軒 is 听海轩, 悅海 is 悦海, 廈門市思明區
 * is 厦门市思明区. Visitors from Taiwan and Hong Kong file in Xiamen in traditional characters, and their
 * re-filings, storms and grievances must compare with the simplified writing of the same words. The
 * table is ICU's {@code Traditional-Simplified} transliteration of each character (about 2,900),
 * made once when the class is first used (a few hundred milliseconds, at start-up). Kept as they
 * are: the characters simplified writing itself uses that ICU would still turn (乾 of 乾隆, 俱 of 俱乐部,
 * 著 of 著名, 姊 of 姊妹, 藉 of 狼藉, 跤 of 摔跤, 阪 of 大阪, 吒, 苎, 麴) and 垵 (曾厝垵: this city's place names, which
 * ICU takes for a form of 埯); 後, 於, 麽, 夥, 徵 and the like are folded, though a legacy encoding holds
 * them too. Used only to compare text: stored text keeps the characters it was written in.
 * Thread-safe.
 */
public final class Simplified {
  private static final String KEPT = "垵乾俱吒姊苎著藉跤阪麴";

  private static final char[] TABLE = table();

  private Simplified() {}

  /** {@code c} as simplified, or {@code c} itself. */
  public static char of(char c) {
    char s = TABLE[c];
    return s == 0 ? c : s;
  }

  /**
   * {@code s} with each character as simplified; {@code s} itself when none changes; null stays.
   */
  public static String of(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && TABLE[s.charAt(i)] == 0) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < out.length; i++) {
      out[i] = of(out[i]);
    }
    return new String(out);
  }

  private static char[] table() {
    Transliterator t = Transliterator.getInstance("Traditional-Simplified");
    char[] table = new char[0x10000];
    for (UnicodeSetIterator it = new UnicodeSetIterator(t.getSourceSet()); it.next(); ) {
      int c = it.codepoint;
      if (c == UnicodeSetIterator.IS_STRING || c > 0xFFFF) {
        continue;
      }
      char ch = (char) c;
      if (KEPT.indexOf(ch) >= 0) {
        continue;
      }
      String out = t.transliterate(String.valueOf(ch));
      if (out.length() == 1 && out.charAt(0) != ch) {
        table[ch] = out.charAt(0);
      }
    }
    return table;
  }
}
