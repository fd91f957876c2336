package org.hotline.dedup;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hotline.dedup.text.Text;

/**
 * The words that tell one matter from another, as a set of character-shingle hashes. What every
 * filing of a channel says anyway (来电人反映, 市民反映, 我, 要求处理), what the structured fields already carry
 * (the merchant's name and address, dates, amounts, phone and work-order numbers) and function
 * characters are removed first: they would make unrelated complaints look alike, and their presence
 * in one filing but not another would make the same matter look different.
 */
final class ContentShingles {
  // Generic complaint-desk vocabulary: who speaks, and the ritual request for action.
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "来电人|来电者|来电|市民|群众|消费者|投诉人|举报人|诉求人|当事人|申诉人|本人|我们|我|其|该|工单号?|转办|来件|诉求内容|诉求"
              + "|反映|反应|表示|声称|诉称|投诉|举报|请求|要求|希望|恳请|麻烦|帮忙|帮助|协调|处理|解决|核实|查处|调查|依法|严肃|相关部门|有关部门"
              + "|监管部门|市场监管局?|工商局?|贵局|政府|维护|权益|合法|商家|店家|经营者|情况|事情|问题|谢谢|感谢|非常|特别|真的");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\d{2,4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}[日号]?|\\d{1,2}月\\d{1,2}[日号]|\\d{4}年|\\d{1,2}月"
              + "|\\d{1,2}[:：]\\d{2}|\\d{1,2}[点时](?:\\d{1,2}分|半)?|[上下中早晚]午|晚上|早上|凌晨|傍晚|今天|昨天|前天|当天|当日|近日|日前");
  private static final Pattern NUMBERS =
      Pattern.compile("[a-z]{0,4}\\d+(?:[.,]\\d+)*(?:万元|千元|元|块钱|块|rmb|万)?");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final String FUNCTION_CHARS = "的了在是和与及并也都就又还很把被给对于从向到着过啊吧呢吗呀嘛个一有这那此些";
  private static final long BIGRAM_SALT = 0x51ED270B9A3F1C27L;

  private ContentShingles() {}

  /**
   * The MinHash signature of {@code content} once {@code known} strings (merchant name, address…)
   * are cut out of it.
   */
  static long[] signature(String content, long emptySalt, String... known) {
    int[] tokens = tokens(content, known);
    long[] shingles = shingles(tokens);
    int n = distinct(shingles);
    return MinHash.signature(shingles, n, emptySalt);
  }

  /** The text normalised and reduced to its meaningful characters, one code point each. */
  static int[] tokens(String content, String... known) {
    if (content == null) {
      return new int[0];
    }
    String s =
        SPACE.matcher(Text.toHalfWidth(Text.nfc(content)).toLowerCase(Locale.ROOT)).replaceAll("");
    for (String k : known) {
      s = cut(s, k);
    }
    s = DATE_TIME.matcher(s).replaceAll(" ");
    s = NUMBERS.matcher(s).replaceAll(" ");
    s = BOILERPLATE.matcher(s).replaceAll(" ");
    return s.codePoints().filter(ContentShingles::meaningful).toArray();
  }

  private static String cut(String s, String known) {
    if (known == null) {
      return s;
    }
    String k =
        SPACE.matcher(Text.toHalfWidth(Text.nfc(known)).toLowerCase(Locale.ROOT)).replaceAll("");
    // Very short strings (a one-character core) would cut ordinary words.
    return k.length() < 2 ? s : s.replace(k, " ");
  }

  private static boolean meaningful(int cp) {
    if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
      return FUNCTION_CHARS.indexOf(cp) < 0;
    }
    return Character.isLetter(cp); // Latin letters (ktv, vip, sm) count; digits were removed
  }

  /** Character bigrams; a text of one character is its own shingle. */
  private static long[] shingles(int[] t) {
    if (t.length == 1) {
      return new long[] {MinHash.mix(t[0])};
    }
    long[] out = new long[Math.max(0, t.length - 1)];
    for (int i = 0; i + 1 < t.length; i++) {
      out[i] = MinHash.mix((((long) t[i]) << 32 | t[i + 1]) ^ BIGRAM_SALT);
    }
    return out;
  }

  /** Sorts and removes repeats in place; returns the number of distinct values. */
  private static int distinct(long[] a) {
    Arrays.sort(a);
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (n == 0 || a[i] != a[n - 1]) {
        a[n++] = a[i];
      }
    }
    return n;
  }
}
