package org.hotline.dedup.text;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSetIterator;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Traditional characters as simplified ones, one character at a time: 聽海軒 is 听海轩, 悅海 is 悦海, 廈門市思明區
 * is 厦门市思明区. Visitors from Taiwan and Hong Kong file in Xiamen in traditional characters, and their
 * re-filings, storms and grievances must compare with the simplified writing of the same words. The
 * table is ICU's {@code Traditional-Simplified} transliteration of each character (about 2,900),
 * made once when the class is first used (a few hundred milliseconds, at start-up); a character GB
 * 2312 holds is a simplified one and stays as it is (ICU would turn 著 into 着 and 乾 into 干), and so
 * does 垵 (曾厝垵, 东坪山's 垵 in this city's own place names, which ICU takes for a form of 埯). Used only
 * to compare text: stored text keeps the characters it was written in. Thread-safe.
 */
public final class Simplified {
  private static final String KEPT = "垵";

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

  /** Forces the table to be made now, off any event loop. */
  public static void warm() {
    of('廈');
  }

  private static char[] table() {
    Transliterator t = Transliterator.getInstance("Traditional-Simplified");
    CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
    char[] table = new char[0x10000];
    for (UnicodeSetIterator it = new UnicodeSetIterator(t.getSourceSet()); it.next(); ) {
      int c = it.codepoint;
      if (c == UnicodeSetIterator.IS_STRING || c > 0xFFFF) {
        continue;
      }
      char ch = (char) c;
      if (gb2312.canEncode(ch) || KEPT.indexOf(ch) >= 0) {
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
