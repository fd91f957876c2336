package org.hotline.dedup;

import java.util.List;
import java.util.Locale;
import org.hotline.dedup.text.CreditCodes;
import org.hotline.dedup.text.Text;

/**
 * One key per merchant, however a filing spells it. A valid unified social credit code wins ({@code
 * cc:<code>}); otherwise the name is reduced to its core ({@code n:<core>}): consumers, operators
 * and the 12345 desk write the same shop as {@code 厦门鹭江海鲜大排档有限公司}, {@code 鹭江海鲜大排档(中山路店)} or {@code
 * 厦门市思明区鹭江海鲜大排档}. Without a name, the platform ({@code pf:}) or the address ({@code a:}) is the
 * last resort.
 */
public final class MerchantKeys {
  /** Prefix of a key made from a credit code. */
  public static final String CREDIT_CODE_PREFIX = "cc:";

  /** Prefix of a key made from a merchant name. */
  public static final String NAME_PREFIX = "n:";

  // Keys are map keys held per block: a long name adds nothing but memory.
  private static final int MAX_KEY_LENGTH = 48;

  // Bracket pairs whose content is dropped from a name: an opener, then the nearest closer with
  // no opener or closer of the same pair in between.
  private static final String OPENERS = "([【〔「《<";
  private static final String CLOSERS = ")]】〕」》>";

  // Longest first, so that 有限公司 is not left behind as 有限 after stripping 公司.
  private static final List<String> PREFIXES =
      List.of(
          "福建省", "福建", "厦门市", "厦门", "思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区", "思明", "湖里", "集美",
          "海沧", "同安", "翔安");
  private static final List<String> SUFFIXES =
      List.of(
          "有限责任公司", "股份有限公司", "个体工商户", "有限公司", "分公司", "经营部", "公司", "官方旗舰店", "旗舰店", "专卖店", "专营店",
          "直营店", "加盟店", "体验店", "分店", "总店", "门店", "商行", "餐厅", "店");

  // A branch written without brackets (鹭江海鲜大排档中山路店) can only be told from the name by
  // knowing the place: well-known Xiamen roads, areas and malls, longest first when they nest.
  private static final List<String> BRANCH_PLACES =
      List.of(
          // Roads, areas and malls shops name their branches after.
          "思明南路",
          "思明北路",
          "湖滨南路",
          "湖滨北路",
          "湖滨东路",
          "湖滨西路",
          "莲花南路",
          "嘉禾路",
          "厦禾路",
          "中山路",
          "台东路",
          "环岛路",
          "文化街",
          "大学路",
          "曾厝垵",
          "鼓浪屿",
          "沙坡尾",
          "五缘湾",
          "集美学村",
          "软件园",
          "火车站",
          "高崎机场",
          "翔安机场",
          "机场",
          "万达",
          "宝龙",
          "万象城",
          "sm",
          "观音山",
          "莲坂",
          "中华城",
          "明发",
          "南普陀",
          "厦门大学",
          "海沧湾",
          "天竺山",
          "东渡",
          "象屿",
          "园博苑",
          "影视城",
          "北辰山",
          "大嶝岛",
          // Townships (街道, 镇) of the six districts.
          "厦港",
          "中华",
          "滨海",
          "鹭江",
          "开元",
          "梧村",
          "筼筜",
          "莲前",
          "嘉莲",
          "新阳",
          "嵩屿",
          "东孚",
          "殿前",
          "禾山",
          "江头",
          "金山",
          "侨英",
          "杏林",
          "杏滨",
          "灌口",
          "后溪",
          "大同",
          "祥平",
          "新民",
          "西柯",
          "祥和",
          "新美",
          "美林",
          "莲花",
          "洪塘",
          "汀溪",
          "五显",
          "大嶝",
          "马巷",
          "凤翔",
          "民安",
          "香山",
          "金海",
          "新圩",
          "内厝",
          // Districts.
          "思明",
          "湖里",
          "集美",
          "海沧",
          "同安",
          "翔安");

  private MerchantKeys() {}

  /**
   * The merchant key: the credit code when valid, else the name's core, else the platform, else the
   * address.
   *
   * @return the key, or null when nothing usable was given
   */
  public static String key(String name, String creditCode, String address, String platform) {
    String cc = creditKey(creditCode);
    if (cc != null) {
      return cc;
    }
    String n = nameKey(name);
    if (n != null) {
      return n;
    }
    String pf = core(platform, false);
    if (pf != null) {
      return "pf:" + pf;
    }
    String a = core(address, false);
    return a == null ? null : "a:" + a;
  }

  /** {@code cc:<code>} for a valid credit code, else null. */
  public static String creditKey(String creditCode) {
    return CreditCodes.normalise(creditCode).map(c -> CREDIT_CODE_PREFIX + c).orElse(null);
  }

  /** {@code n:<core>} for a name that keeps something after normalisation, else null. */
  public static String nameKey(String name) {
    String core = core(name, true);
    return core == null ? null : NAME_PREFIX + core;
  }

  /**
   * The name's core without prefix: half-width, lower case, brackets, punctuation, place prefixes
   * and legal or shop suffixes removed. Also used to cut the name out of a complaint's text.
   *
   * @return the core, or null when nothing is left
   */
  public static String nameCore(String name) {
    return core(name, true);
  }

  /**
   * The address without spaces, punctuation and city or district prefix (lower case, half-width),
   * or null. Used to cut a repeated address out of a complaint's text.
   */
  public static String addressCore(String address) {
    return core(address, false);
  }

  private static String core(String raw, boolean isName) {
    if (raw == null) {
      return null;
    }
    String s = Text.toHalfWidth(Text.nfc(raw)).toLowerCase(Locale.ROOT);
    String letters = null;
    if (isName) {
      String unbracketed = withoutBrackets(s);
      letters = unbracketed == s ? null : lettersAndDigits(unbracketed);
      // A name written entirely in brackets keeps its content.
      if (letters != null && letters.isEmpty()) {
        letters = null;
      }
    }
    s = letters != null ? letters : lettersAndDigits(s);
    s = stripPrefixes(s);
    if (isName) {
      s = stripSuffixes(s);
    }
    if (s.isEmpty()) {
      return null;
    }
    return s.length() > MAX_KEY_LENGTH ? s.substring(0, MAX_KEY_LENGTH) : s;
  }

  /** {@code s} without its bracketed parts; {@code s} itself when it has none. */
  private static String withoutBrackets(String s) {
    StringBuilder sb = null;
    int kept = 0; // s[kept, i) is still to be copied
    for (int i = 0; i < s.length(); i++) {
      int pair = OPENERS.indexOf(s.charAt(i));
      if (pair < 0) {
        continue;
      }
      char open = OPENERS.charAt(pair);
      char close = CLOSERS.charAt(pair);
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != open && s.charAt(j) != close) {
        j++;
      }
      if (j < s.length() && s.charAt(j) == close) {
        if (sb == null) {
          sb = new StringBuilder(s.length());
        }
        sb.append(s, kept, i);
        kept = j + 1;
        i = j;
      }
    }
    return sb == null ? s : sb.append(s, kept, s.length()).toString();
  }

  /** Only the letters and digits (Unicode categories L and N) of {@code s}. */
  private static String lettersAndDigits(String s) {
    int i = 0;
    while (i < s.length() && isLetterOrNumber(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (isLetterOrNumber(cp)) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static boolean isLetterOrNumber(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      return true; // CJK unified ideographs: letters (Lo)
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  private static String stripPrefixes(String s) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String p : PREFIXES) {
        if (s.startsWith(p) && s.length() > p.length()) {
          s = s.substring(p.length());
          changed = true;
          break;
        }
      }
    }
    return s;
  }

  private static String stripSuffixes(String s) {
    s = stripUnbracketedBranch(s);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String suffix : SUFFIXES) {
        // Keep at least two characters: a one-character core matches too much.
        if (s.endsWith(suffix)
            && s.length() - suffix.length() >= 2
            && !nounEndingInShop(s, suffix)) {
          s = s.substring(0, s.length() - suffix.length());
          changed = true;
          break;
        }
      }
    }
    return s;
  }

  /** 酒店, 饭店, 书店, 商店: here 店 is part of the word, not a shop suffix. */
  private static boolean nounEndingInShop(String s, String suffix) {
    return suffix.equals("店") && "酒饭书商".indexOf(s.charAt(s.length() - 2)) >= 0;
  }

  private static String stripUnbracketedBranch(String s) {
    int end = s.endsWith("分店") ? s.length() - 2 : s.endsWith("店") ? s.length() - 1 : -1;
    if (end < 0) {
      return s;
    }
    String body = s.substring(0, end);
    for (String place : BRANCH_PLACES) {
      if (body.endsWith(place) && body.length() - place.length() >= 2) {
        return body.substring(0, body.length() - place.length());
      }
    }
    return withoutRoadBranch(body, s);
  }

  /**
   * A branch named after a road or street not in the list (…海鲜大排档文屏路店): the body less its last
   * three characters when they are two Han characters and 路 or 街, and at least two are left; else
   * {@code otherwise}.
   */
  private static String withoutRoadBranch(String body, String otherwise) {
    int end = body.length();
    if (end == 0 || (body.charAt(end - 1) != '路' && body.charAt(end - 1) != '街')) {
      return otherwise;
    }
    int i = end - 1;
    for (int n = 0; n < 2; n++) {
      if (i <= 0) {
        return otherwise;
      }
      int cp = body.codePointBefore(i);
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
        return otherwise;
      }
      i -= Character.charCount(cp);
    }
    return body.codePointCount(0, i) >= 2 ? body.substring(0, i) : otherwise;
  }
}
