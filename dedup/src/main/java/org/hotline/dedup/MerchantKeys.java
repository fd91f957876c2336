package org.hotline.dedup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.dedup.text.CreditCodes;
import org.hotline.dedup.text.Simplified;
import org.hotline.dedup.text.Text;

/**
 * One key per merchant, however a filing spells it. A valid unified social credit code wins ({@code
 * cc:<code>}); otherwise the name is reduced to its core ({@code n:<core>}): consumers, operators
 * and the 12345 desk write the same shop as {@code 厦门鹭江海鲜大排档有限公司}, {@code 鹭江海鲜大排档(中山路店)} or {@code
 * 厦门市思明区鹭江海鲜大排档}. Without a name, the platform ({@code pf:}) or the address ({@code a:}) is the
 * last resort. The city's own place names (the prefixes and branch places to strip) come from its
 * {@link CityProfile}; legal and shop suffixes are the same everywhere. Immutable, thread-safe.
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

  // Legal forms and shop words, then what a registered name adds to a shop sign (厦门力健健身管理有限公司
  // is 力健健身) and the kind of place a sign may or may not spell out (小海豚早教中心 is 小海豚早教),
  // stripped again and again while two characters are left. A registered name often names its trade
  // in the register's words where the sign names the dish or the sport (厦门市思明区渔家傲餐饮店 for
  // 渔家傲海鲜大排档, 厦门力健体育文化发展有限公司 for 力健健身): 餐饮, 小吃, 食品, (体育)文化发展 go too,
  // so the registered name meets the sign as its shorter spelling; 发展 too (厦门力动体育发展有限公司 is
  // 力动体育, which Trades reads as the gym 力动健身); and the register's words for a trade no sign spells
  // out (厦门浪花里体育文化有限公司 is 浪花里, the swimming school's sign 浪花里游泳馆; 时光印记文化传媒 is the studio
  // 时光印记摄影; 实业 likewise). Not 车业 or 茶业, which shop signs carry too and which part two trades
  // (金海湾茶业, 金海湾车业).
  private static final List<String> SUFFIXES =
      List.of(
          "有限责任公司", "股份有限公司", "个体工商户", "有限公司", "分公司", "经营部", "公司", "官方旗舰店", "旗舰店", "专卖店", "专营店",
          "直营店", "加盟店", "体验店", "分店", "总店", "门店", "商行", "餐厅", "店", "文化传播", "信息技术", "电子商务", "商贸",
          "贸易", "科技", "管理", "销售", "服务", "娱乐", "用品", "咨询", "俱乐部", "营业厅", "工作室", "会所", "中心", "策划",
          "培训", "餐馆", "馆", "行", "供应链", "团购", "体育文化发展", "文化发展", "发展", "餐饮", "食品", "小吃", "体育文化",
          "文化传媒", "传媒", "实业");

  /**
   * The register's trade words among {@link #SUFFIXES}: stripped only while three characters are
   * left, since two are often a place or a word shared by unrelated trades (台湾小吃 and 台湾食品, 海峡文化发展
   * and 海峡食品).
   */
  private static final java.util.Set<String> REGISTER_WORDS =
      java.util.Set.of("体育文化发展", "文化发展", "发展", "餐饮", "食品", "小吃", "体育文化", "文化传媒", "传媒", "实业");

  /** {@link #district} when no district is known. */
  public static final int UNKNOWN_DISTRICT = 0;

  private final List<String> prefixes;
  private final List<String> branchPlaces;
  // The city's district names (folded), longest first, with their codes, by their first character
  // (a name can open a text only if it shares the text's first character, so only those few are
  // tried); the name prefixes that are not a district's (福建省, 厦门市), which may open an address
  // before its district.
  private final Map<Character, List<Map.Entry<String, Integer>>> districtNames;
  // The same with the townships' names, which place a shop by its address only.
  private final Map<Character, List<Map.Entry<String, Integer>>> addressNames;
  private final List<String> cityPrefixes;
  // The same names with their codes, for a branch's place read at a name's end.
  private final Map<String, Integer> placeCodes;
  private final int longestPlace;

  /** Keys for the city whose place names {@code city} lists. */
  public MerchantKeys(CityProfile city) {
    this.prefixes = longestFirst(city.namePrefixes());
    this.branchPlaces = longestFirst(city.branchPlaces());
    // A name under two districts, or an ambiguous place, places nothing (UNKNOWN_DISTRICT).
    Map<String, Integer> names = new HashMap<>();
    city.districts()
        .forEach(
            (code, all) ->
                all.forEach(
                    n -> names.merge(fold(n), code, (a, b) -> a.equals(b) ? a : UNKNOWN_DISTRICT)));
    city.ambiguousPlaces().forEach(n -> names.put(fold(n), UNKNOWN_DISTRICT));
    this.districtNames = byFirstCharacter(names);
    Map<String, Integer> withTownships = new HashMap<>(names);
    city.townships()
        .forEach((code, all) -> all.forEach(n -> withTownships.putIfAbsent(fold(n), code)));
    this.addressNames = byFirstCharacter(withTownships);
    this.cityPrefixes = prefixes.stream().filter(p -> !names.containsKey(p)).toList();
    names.remove("");
    this.placeCodes = Map.copyOf(names);
    this.longestPlace = names.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /** {@code names} (folded) with their codes, longest first, by their first character. */
  private static Map<Character, List<Map.Entry<String, Integer>>> byFirstCharacter(
      Map<String, Integer> names) {
    return names.entrySet().stream()
        .filter(e -> !e.getKey().isEmpty())
        .sorted(
            Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getKey().length())
                .thenComparing(Map.Entry::getKey))
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .collect(
            Collectors.groupingBy(
                e -> e.getKey().charAt(0), HashMap::new, Collectors.toUnmodifiableList()));
  }

  /**
   * The district the merchant is in, as its six-digit division code, or {@link #UNKNOWN_DISTRICT}:
   * the district its address opens with (after the province and city), else the one its name opens
   * with or names its branch by ({@code 同安阿嬷卤味}, {@code 阿嬷卤味(集美店)}). Only what is written plainly
   * counts; a township places the shop by its address ({@code 鼓浪屿龙头路}), not by its name (a brand
   * named after one: {@code 鼓浪屿馅饼}), and a road alone says nothing here. A credit code's division
   * digits are not read: they name where the company registered, which need not be where the shop
   * is. Two shops of one name in two districts are two shops.
   */
  public int district(String name, String address) {
    int d = opening(address, addressNames);
    if (d != UNKNOWN_DISTRICT || name == null) {
      return d;
    }
    // A branch named in brackets says more than a brand that opens with a place (同安封肉（湖里店）).
    String n = Simplified.of(Text.toHalfWidth(Text.nfc(name)));
    for (int i = 0; i < n.length(); i++) {
      if (OPENERS.indexOf(n.charAt(i)) >= 0) {
        d = opening(n.substring(i + 1), addressNames);
        if (d != UNKNOWN_DISTRICT) {
          return d;
        }
      }
    }
    d = opening(n, districtNames);
    return d != UNKNOWN_DISTRICT ? d : branchAtTheEnd(fold(name));
  }

  /** How a name ends when it names its branch by a place: 悦海湾酒店五缘湾店, 悦海湾酒店管理有限公司五缘湾分公司. */
  private static final List<String> BRANCH_WORDS = List.of("分公司", "分店", "校区", "店");

  private static final String BRANCH_COMPANY = "分公司";

  /**
   * The district of the place a name's branch is named by at its end ({@code 悦海湾酒店五缘湾店} in 湖里),
   * when a brand comes before it; else unknown.
   */
  private int branchAtTheEnd(String folded) {
    for (String word : BRANCH_WORDS) {
      if (!folded.endsWith(word)) {
        continue;
      }
      String body = folded.substring(0, folded.length() - word.length());
      for (int len = Math.min(longestPlace, body.length() - 2); len >= 2; len--) {
        Integer code = placeCodes.get(body.substring(body.length() - len));
        if (code != null) {
          return code;
        }
      }
      return UNKNOWN_DISTRICT;
    }
    return UNKNOWN_DISTRICT;
  }

  /**
   * The length of the district, township or well-known place a name core ({@link #nameCore}) opens
   * with, when more follows it: 2 for {@code 八市阿玲水果}; 0 for none.
   */
  public int placeOpening(String core) {
    if (core == null || core.isEmpty()) {
      return 0;
    }
    for (Map.Entry<String, Integer> e : addressNames.getOrDefault(core.charAt(0), List.of())) {
      if (core.length() > e.getKey().length() && opens(core, e.getKey())) {
        return e.getKey().length();
      }
    }
    return 0;
  }

  /**
   * The district whose name (one of {@code names}) {@code text} opens with, after the province and
   * city, or unknown.
   */
  private int opening(String text, Map<Character, List<Map.Entry<String, Integer>>> names) {
    if (text == null || names.isEmpty()) {
      return UNKNOWN_DISTRICT;
    }
    String s = fold(text);
    while (true) {
      // Names before each prefix is dropped: some places open with the city's (厦门北站).
      List<Map.Entry<String, Integer>> candidates =
          s.isEmpty() ? List.of() : names.getOrDefault(s.charAt(0), List.of());
      for (Map.Entry<String, Integer> e : candidates) {
        if (opens(s, e.getKey())) {
          // A place of another district right after it says the caller had the district wrong
          // (a tourist's 湖里区曾厝垵: 曾厝垵 is 思明's, set AZ): which one is not known.
          int then =
              s.length() > e.getKey().length()
                  ? opening(s.substring(e.getKey().length()), names)
                  : UNKNOWN_DISTRICT;
          return then != UNKNOWN_DISTRICT && then != e.getValue() ? UNKNOWN_DISTRICT : e.getValue();
        }
      }
      String rest = null;
      for (String p : cityPrefixes) {
        if (s.startsWith(p)) {
          rest = s.substring(p.length());
          break;
        }
      }
      if (rest == null) {
        return UNKNOWN_DISTRICT;
      }
      s = rest;
    }
  }

  /**
   * Whether {@code s} opens with {@code name}; a Latin name as a whole word (huli, not huliant).
   */
  private static boolean opens(String s, String name) {
    if (!s.startsWith(name)) {
      return false;
    }
    return s.length() == name.length()
        || !isLatin(name.charAt(name.length() - 1))
        || !isLatin(s.charAt(name.length()));
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String fold(String raw) {
    return lettersAndDigits(
        Simplified.of(Text.toHalfWidth(Text.nfc(raw))).toLowerCase(Locale.ROOT));
  }

  /**
   * The merchant key: the credit code when valid, else the name's core, else the platform, else the
   * address.
   *
   * @return the key, or null when nothing usable was given
   */
  public String key(String name, String creditCode, String address, String platform) {
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
  public String nameKey(String name) {
    String core = core(name, true);
    return core == null ? null : NAME_PREFIX + core;
  }

  /**
   * The name's core without prefix: half-width, lower case, brackets, punctuation, place prefixes
   * and legal or shop suffixes removed. Also used to cut the name out of a complaint's text.
   *
   * @return the core, or null when nothing is left
   */
  public String nameCore(String name) {
    return core(name, true);
  }

  /**
   * The address without spaces, punctuation and city or district prefix (lower case, half-width),
   * or null. Used to cut a repeated address out of a complaint's text.
   */
  public String addressCore(String address) {
    return core(address, false);
  }

  private String core(String raw, boolean isName) {
    if (raw == null) {
      return null;
    }
    String s = Simplified.of(Text.toHalfWidth(Text.nfc(raw))).toLowerCase(Locale.ROOT);
    String letters = null;
    if (isName) {
      String described = describedName(s);
      if (described != null) {
        s = described;
      }
      String unbracketed = withoutBrackets(s);
      letters = unbracketed == s ? null : lettersAndDigits(unbracketed);
      // A name written entirely in brackets keeps its content.
      if (letters != null && letters.isEmpty()) {
        letters = null;
      }
    }
    s = letters != null ? letters : lettersAndDigits(s);
    if (isName) {
      s = withoutLatinOpening(s);
    }
    s = stripPrefixes(s);
    if (isName) {
      s = stripSuffixes(stripLeadingPlace(s));
    }
    if (s.isEmpty()) {
      return null;
    }
    return s.length() > MAX_KEY_LENGTH ? s.substring(0, MAX_KEY_LENGTH) : s;
  }

  /** Letters a Latin opening needs before a Chinese name for the name to be keyed by the latter. */
  static final int LATIN_OPENING = 5;

  /**
   * {@code s} (folded) without a Latin opening of at least {@link #LATIN_OPENING} letters before a
   * Chinese name of two characters or more: a bilingual sign's English or pinyin ({@code JINFUYUAN
   * 金福源}, {@code A-Hai Seafood 阿海记}, {@code LIMEI力美健身工作室}) is the Chinese name's, which the storm's
   * other members write. A short opening is the brand's own ({@code iFix手机快修}, {@code BRT站旁}), or
   * one before a place only ({@code Yuehaiwan Hotel 曾厝垵}), is the name; a Latin ending ({@code
   * 星光KTV}, {@code 悦颜美容SPA}) stays.
   */
  private String withoutLatinOpening(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
      i++;
    }
    if (i < LATIN_OPENING || s.length() - i < 2) {
      return s;
    }
    String rest = s.substring(i);
    // Only a place after it (Yuehaiwan Hotel 曾厝垵): the Latin is the name.
    return Character.UnicodeScript.of(rest.charAt(0)) == Character.UnicodeScript.HAN
            && Character.UnicodeScript.of(rest.charAt(1)) == Character.UnicodeScript.HAN
            && !branchPlaces.contains(rest)
        ? rest
        : s;
  }

  /** Characters of a sign looked for in brackets after a registered name in a text: at most. */
  private static final int MAX_SIGN = 20;

  /**
   * The name core of the shop's sign that a filing gives beside a registered name ({@code …公司}): in
   * brackets after it in the name field ({@code 厦门海味轩餐饮管理有限公司（海味轩海鲜大排档）}) or in the text ({@code
   * 厦门梵音健康管理有限公司（梵音瑜伽）于近日停业}); null when there is none, it is the registered name's own core, or
   * the brackets hold a place, a branch, an address or a remark ({@code （莲前校区）}, {@code （湖里区嘉禾路）},
   * {@code （已倒闭）}), or fewer than three characters are left of it.
   */
  public String signCore(String name, String text) {
    if (name == null || !name.contains("公司")) {
      return null;
    }
    String n = Text.nfc(name);
    String inside = bracketedAfter(n, n.indexOf("公司") + 2);
    String before = null;
    if (inside == null && text != null) {
      String t = Text.nfc(text);
      String outside = withoutBrackets(n);
      int at = t.indexOf(outside);
      inside = at < 0 ? null : bracketedAfter(t, at + outside.length());
      if (inside == null) {
        before = at < 0 ? null : signBefore(t, at);
        before = before != null ? before : quotedShop(t);
        before = before != null ? before : liveRoom(t);
      }
    }
    String named;
    if (inside != null) {
      named = called(Simplified.of(Text.toHalfWidth(inside)));
      // A place of any length: an address in brackets after a registered name (湖里区嘉禾路).
      if (namesNoShop(lettersAndDigits(named), Integer.MAX_VALUE)) {
        return null;
      }
    } else if (before != null) {
      // A shop's own name, which may end as a branch's does (旗舰店): only a remark is none.
      named = Simplified.of(Text.toHalfWidth(before));
      if (NO_NAME.stream().anyMatch(named::contains)) {
        return null;
      }
    } else {
      return null;
    }
    String sign = core(named, true);
    return sign == null || sign.length() < 3 || sign.equals(core(name, true)) ? null : sign;
  }

  /**
   * The shop a text names just before the registered name {@code at} stands in brackets: {@code
   * 京东“暖途电器专营店”（厦门暖途科技有限公司）} gives {@code 暖途电器专营店}, {@code 淘宝店铺鹭岛优选家电旗舰店（经营主体：厦门鹭优…）} gives {@code
   * 淘宝店铺鹭岛优选家电旗舰店} (set AY); else null.
   */
  private static String signBefore(String t, int at) {
    int open = at - 1;
    while (open >= 0 && at - open <= MAX_LABEL && opener(t, open) < 0) {
      open--;
    }
    if (open < 1 || at - open > MAX_LABEL) {
      return null;
    }
    String quoted = quotedBefore(t, open);
    for (int i = 0; quoted == null && i < SHOP_WORDS.size(); i++) {
      String word = SHOP_WORDS.get(i);
      if (open > word.length() && t.startsWith(word, open - word.length())) {
        // “阿珍的衣橱”店铺（经营者厦门珍衣服饰有限公司）
        quoted = quotedBefore(t, open - word.length());
      }
    }
    if (quoted != null) {
      return quoted;
    }
    int start = open;
    while (start > 0
        && open - start < MAX_SIGN
        && "，。；：！？,.;:!?“”\"在的".indexOf(t.charAt(start - 1)) < 0) {
      start--;
    }
    String shop = t.substring(start, open);
    for (String platform : PLATFORM_WORDS) {
      if (shop.startsWith(platform)) {
        shop = shop.substring(platform.length());
      }
    }
    return shop.length() >= 3 ? shop : null;
  }

  /** What a text calls an online shop after its quoted name: {@code “阿珍的衣橱”店铺}. */
  private static final List<String> SHOP_WORDS = List.of("店铺", "网店", "直播间", "旗舰店");

  /** Characters from a bracket to the registered name inside it, at most: {@code （经营主体：}. */
  private static final int MAX_LABEL = 6;

  /**
   * The shop a text names just before 直播间, a live-stream seller's room ({@code 在抖音鹭岛优选美妆直播间买了}
   * gives {@code 鹭岛优选美妆}), the platform's name dropped: the letters back to the first character
   * that is none or that ends a phrase ({@link #BEFORE_A_NAME}), at most {@value #MAX_ROOM}; null
   * when fewer than three are left ({@code 网络直播间}, {@code 某直播间}).
   */
  private static String liveRoom(String t) {
    int at = t.indexOf(LIVE_ROOM);
    if (at < 0) {
      return null;
    }
    int start = at;
    while (start > 0
        && at - start < MAX_ROOM
        && Character.isLetterOrDigit(t.charAt(start - 1))
        && BEFORE_A_NAME.indexOf(t.charAt(start - 1)) < 0) {
      start--;
    }
    String shop = t.substring(start, at);
    for (String platform : PLATFORM_WORDS) {
      if (shop.startsWith(platform)) {
        shop = shop.substring(platform.length());
      }
    }
    return shop.length() >= 3 && !shop.contains("网络") ? shop : null;
  }

  private static final String LIVE_ROOM = "直播间";

  /** Characters of a live-stream room's name looked for before 直播间, at most. */
  private static final int MAX_ROOM = 10;

  /** Characters that end the phrase before a shop's name: 在, 于, 从, 的, 个… */
  private static final String BEFORE_A_NAME = "在于从到过给的了是个家某";

  /** Which bracket opens at {@code i} in {@code s} ({@link #OPENERS}, full-width too), or -1. */
  private static int opener(String s, int i) {
    return OPENERS.indexOf(Text.toHalfWidth(s.substring(i, i + 1)).charAt(0));
  }

  /** Words before a shop's name that say where it sells, not who it is: 淘宝店铺鹭岛优选家电旗舰店. */
  private static final List<String> PLATFORM_WORDS =
      List.of("淘宝", "天猫", "京东", "拼多多", "抖音", "快手", "美团", "饿了么", "店铺", "网店");

  /** Last characters of a quoted shop's name in a text: 旗舰店, 专营店, 老铺, 民宿, 大排档, 旅行社. */
  private static final String QUOTED_SHOP_ENDS = "店铺馆行坊宿档社";

  /**
   * A shop quoted in a text, its name ending as a shop's does ({@link #QUOTED_SHOP_ENDS}: {@code
   * 在淘宝“鹭岛优选家电旗舰店”购买}), not a claim quoted ({@code “全新”}); null when none.
   */
  private static String quotedShop(String t) {
    for (int i = 0; i < t.length(); i++) {
      int pair = QUOTE_OPEN.indexOf(t.charAt(i));
      if (pair >= 0) {
        int close = t.indexOf(QUOTE_CLOSE.charAt(pair), i + 1);
        if (close > i + 3
            && close - i - 1 <= MAX_QUOTED
            && QUOTED_SHOP_ENDS.indexOf(t.charAt(close - 1)) >= 0) {
          return t.substring(i + 1, close);
        }
        if (close > i) {
          i = close;
        }
      }
    }
    return null;
  }

  /** What stands in the brackets that open at {@code at} in {@code s}, or null. */
  private static String bracketedAfter(String s, int at) {
    if (at >= s.length()) {
      return null;
    }
    int pair = opener(s, at);
    if (pair < 0) {
      return null;
    }
    String rest = Text.toHalfWidth(s.substring(at + 1, Math.min(s.length(), at + 2 + MAX_SIGN)));
    int close = rest.indexOf(CLOSERS.charAt(pair));
    return close < 2 ? null : rest.substring(0, close);
  }

  /**
   * Words that make the part of a name outside its brackets a description of the shop rather than
   * its name: the call centre's {@code 集美学村附近超市（佳佳福）}, {@code 中华城那家密室（谜境）}, {@code 拼多多某年货店（闽南年货铺）}.
   */
  private static final List<String> DESCRIBING = List.of("某", "那家", "那个", "这家", "附近", "旁边", "对面");

  /**
   * Words that describe only after a place ({@code 曾厝垵一家客栈（海边小院）}): at the start they open brands
   * (一家人火锅, 一家亲奶茶). A place, then {@code 一} ({@code 中山路一金店}), describes too.
   */
  private static final List<String> DESCRIBING_AFTER_PLACE = List.of("一家", "一间", "一个");

  /**
   * The words after a place that make a merchant name a description of where the shop is ({@link
   * #DESCRIBING} and {@link #DESCRIBING_AFTER_PLACE}): routing reads the place before them.
   */
  public static List<String> describingWords() {
    return java.util.stream.Stream.concat(DESCRIBING.stream(), DESCRIBING_AFTER_PLACE.stream())
        .toList();
  }

  private static final String PLACE_ENDS = "路街巷区镇村岛垵口场屿";

  /** Words that describe a shop in a text after its place: 一家, 一间, 某. */
  private static final List<String> DESCRIBING_IN_TEXT = List.of("一家", "一间", "某");

  /** The last character of a kind of shop in a text: 健身房, 装修公司, 培训机构, 海鲜摊位, 大型家居卖场. */
  private static final String SHOP_ENDS = "店馆房所构司档位场厅行部铺院社站城吧宿栈舍心室园";

  /**
   * What stands before a shop's place in a text: 在, 由, 于, punctuation, a person (其, 我们), the end of
   * 反映, 入住, 购买, 是 or 了.
   */
  private static final String BEFORE_PLACE = "在由于从到向：:，,。；;其我他她们映住买是了";

  /** Characters of a place before the describing word, and of a kind of shop after it, at most. */
  private static final int MAX_PLACE = 24;

  private static final int MAX_KIND = 14;

  /**
   * The shop as a text describes it, when no merchant field names it (12345's work orders): its
   * place, a describing word ({@link #DESCRIBING_IN_TEXT}) and a kind of shop, as in {@code
   * 市民反映：湖里区五缘湾乐都汇商场三楼一家健身房于6月7日起突然停业} ({@code 湖里区五缘湾乐都汇商场三楼一家健身房}) or {@code
   * 其在湖里区江头北路一家数码店（极速数码）购买} ({@code 湖里区江头北路一家数码店}); null when none: a place of at least two
   * characters after 在, 由, 于 or punctuation, and a kind of shop before the next punctuation ({@code
   * 某小区} is where the caller lives, not a shop).
   */
  public static String describedInText(String text) {
    if (text == null) {
      return null;
    }
    for (String word : DESCRIBING_IN_TEXT) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        int end = shopEnd(text, at + word.length());
        int start = at;
        while (start > 0
            && at - start < MAX_PLACE
            && BEFORE_PLACE.indexOf(text.charAt(start - 1)) < 0) {
          start--;
        }
        if (end > 0
            && at - start >= 2
            && (start == 0 || BEFORE_PLACE.indexOf(text.charAt(start - 1)) >= 0)) {
          return text.substring(start, end);
        }
      }
    }
    return null;
  }

  /**
   * Where the kind of shop that starts at {@code from} ends, or -1: punctuation or 在 first
   * (我们一家三口在曾厝垵… is a family).
   */
  private static int shopEnd(String text, int from) {
    for (int i = from; i < Math.min(text.length(), from + MAX_KIND); i++) {
      char c = text.charAt(i);
      if ("，。；：！？（）()【】,.;:!?\n 在".indexOf(c) >= 0) {
        return -1;
      }
      if (i > from && SHOP_ENDS.indexOf(c) >= 0) {
        return i + 1;
      }
      if (i > from && c == '市' && (i + 1 == text.length() || text.charAt(i + 1) != '场')) {
        return i + 1; // 超市, not 建材市场's 市
      }
    }
    return -1;
  }

  /**
   * What stands in brackets that is not the shop's name: a placeholder (名称不详, 某门店), the call
   * centre's remarks (已倒闭, 已关门, 老板姓王), a person rather than a shop (摊主, 师傅), where the shop is or
   * what it looks like (位于江头菜市场对面, 集美学村附近，主要拍摄毕业照, 店招为红色：12345's orders, set BA).
   */
  private static final List<String> NO_NAME =
      List.of(
          "不详", "未知", "不清楚", "不知道", "名称", "某", "个体", "摊主", "师傅", "已", "倒闭", "关门", "跑路", "搬走", "老板",
          "姓", "什么", "位于", "附近", "靠近", "对面", "旁边", "门口", "一侧", "主要", "店招", "xx", "××");

  /** How a bracketed branch or address ends: （湖里万达店）, （二店）, （SM二期）, （88号）, （3楼）. */
  private static final String BRANCH_ENDS = "店号期楼层";

  /**
   * The shop's name in brackets after a description of the shop ({@code 曾厝垵一家客栈（海边小院）} is {@code
   * 海边小院}; {@code （来电人称叫渔家傲）} is {@code 渔家傲}), or null: when the outside part names the shop
   * ({@code 鹭江海鲜大排档（中山路店）}, {@code 一家人火锅（二店）}), or the brackets hold a place, a branch, an address,
   * a remark or no name. {@code s} is folded.
   */
  private String describedName(String s) {
    int open = -1;
    int close = -1;
    for (int i = 0; i < s.length() && open < 0; i++) {
      int pair = OPENERS.indexOf(s.charAt(i));
      int j = pair < 0 ? -1 : s.indexOf(CLOSERS.charAt(pair), i + 1);
      if (j > i + 1) {
        open = i;
        close = j;
      }
    }
    if (open < 0) {
      return null;
    }
    String outside = s.substring(0, open) + s.substring(close + 1);
    int end = describingEnd(outside);
    if (end == 0) {
      end = toldByWhom(outside);
    }
    if (end == 0 && !placeAndKind(outside)) {
      return null;
    }
    String name = lettersAndDigits(called(s.substring(open + 1, close)));
    return namesNoShop(name, 4) ? null : name;
  }

  /**
   * The kind of shop a name describes before the sign in its brackets ({@code 红砖民宿} of {@code
   * 鼓浪屿那家红砖民宿（海韵）}, {@code 玉器店} of {@code 导游带去的玉器店（翠玉缘）}), or of a name that only describes ({@code
   * 海鲜大排档} of {@code 曾厝垵那家海鲜大排档}); null when it names the shop. {@code s} is folded.
   */
  private String describedKind(String s) {
    String outside = withoutBrackets(s);
    int end = describingEnd(outside);
    if (end == 0) {
      end = toldByWhom(outside);
    }
    return end == 0 ? null : lettersAndDigits(outside.substring(end));
  }

  /**
   * The spelling of a described shop whose sign is two characters, with the kind of shop the
   * description gives ({@code 阿海} of {@code 曾厝垵那家海鲜大排档}, its text {@code 招牌好像叫阿海}, is {@code
   * 阿海海鲜大排档}; {@code 海韵} of {@code 鼓浪屿那家红砖民宿（海韵）} is {@code 海韵红砖民宿}): as the storm's members write
   * the sign, since two characters alone spell too many shops to be compared with other spellings.
   * The key stays the sign (the shop's other filings under {@code 阿海} share it); this is for
   * finding the storm under another spelling only. Null when the sign is longer, or there is none.
   */
  public String describedSpelling(String name, String text) {
    if (name == null) {
      return null;
    }
    String s = Simplified.of(Text.toHalfWidth(Text.nfc(name))).toLowerCase(Locale.ROOT);
    String sign = describedName(s);
    if (sign == null) {
      sign = describedSign(name, text);
    }
    if (sign == null || sign.length() >= 3) {
      return null;
    }
    String kind = describedKind(s);
    return kind == null || kind.length() < 2 ? null : core(sign + kind, true);
  }

  /**
   * Where the kind of shop begins after a description that ends with 的 ({@code 导游带去的玉器店（翠玉缘）}: the
   * guide's shop, not a name), two characters or more before it and at most {@value
   * #MAX_KIND_AFTER_WHOM} after; else 0. Only beside a name in brackets: 的 is inside signs too
   * (阿珍的衣橱).
   */
  private static int toldByWhom(String outside) {
    int at = outside.lastIndexOf('的');
    int kind = outside.length() - at - 1;
    return at >= 2 && kind >= 1 && kind <= MAX_KIND_AFTER_WHOM ? at + 1 : 0;
  }

  /** Characters of the kind of shop after a description that ends with 的, at most. */
  private static final int MAX_KIND_AFTER_WHOM = 4;

  /**
   * Whether what stands in brackets ({@code name}, letters and digits) names no shop: under two
   * characters, a placeholder or remark ({@link #NO_NAME}), a branch or address ({@link
   * #BRANCH_ENDS}), a branch place, or a place's name ({@link #PLACE_ENDS}) of at most {@code
   * placeLength} characters.
   */
  private boolean namesNoShop(String name, int placeLength) {
    return name.length() < 2
        || NO_NAME.stream().anyMatch(name::contains)
        || BRANCH_ENDS.indexOf(name.charAt(name.length() - 1)) >= 0
        || branchPlaces.contains(name)
        || (name.length() <= placeLength
            && PLACE_ENDS.indexOf(name.charAt(name.length() - 1)) >= 0);
  }

  /** The last character of a kind of stall or shop a call centre writes after a place: 茶摊, 水果档. */
  private static final String KIND_ENDS = "摊档铺店";

  /**
   * Whether the part outside the brackets is a place and a kind of stall only ({@code 五显镇茶摊（王记）},
   * {@code 八市水果档（阿玲）}): it names no shop, the brackets do (set Y: two tea stalls of one township,
   * one caller, were one key).
   */
  private boolean placeAndKind(String outside) {
    String s = lettersAndDigits(outside);
    int len = 0;
    for (String place : branchPlaces) {
      if (place.length() > len && s.startsWith(place)) {
        len = place.length();
      }
    }
    if (len == 0) {
      return false;
    }
    String rest = s.substring(len);
    for (String unit : List.of("街道", "镇", "乡", "村")) {
      if (rest.startsWith(unit)) {
        rest = rest.substring(unit.length());
        break;
      }
    }
    return !rest.isEmpty()
        && rest.length() <= 3
        && KIND_ENDS.indexOf(rest.charAt(rest.length() - 1)) >= 0;
  }

  /**
   * What follows the last naming cue in a remark ({@code 来电人称叫渔家傲}, {@code 孩子们都叫它启智}, {@code
   * 招牌写着“阿德”}, {@code 好像叫力美}), else the whole text.
   */
  private static String called(String inside) {
    int from = 0;
    for (String cue : CALLED) {
      int at = inside.lastIndexOf(cue);
      if (at >= 0) {
        from = Math.max(from, at + cue.length());
      }
    }
    return inside.substring(from);
  }

  /**
   * Whether {@code s} marks a name as written by ear: the call centre's {@code （音）} after it, or
   * {@code ，音）} closing a bracket ({@code （翠玉园，音）}), in full or half width.
   */
  public static boolean heard(String s) {
    if (s == null) {
      return false;
    }
    for (int at = s.indexOf('音'); at >= 0; at = s.indexOf('音', at + 1)) {
      char before = at > 0 ? s.charAt(at - 1) : ' ';
      char after = at + 1 < s.length() ? s.charAt(at + 1) : ' ';
      if ("（(，,".indexOf(before) >= 0 && "）)".indexOf(after) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The words before a shop's name in a remark ({@link #called}). */
  private static final List<String> CALLED =
      List.of(
          "称叫", "名叫", "说叫", "叫做", "叫它", "都叫", "好像叫", "应该叫", "可能叫", "大概叫", "据说叫", "招牌写着", "招牌写的",
          "招牌是", "招牌叫", "门头写着", "门头是");

  private boolean describes(String outside) {
    return describingEnd(outside) > 0;
  }

  /**
   * Where the description in {@code outside} ends and the kind of shop begins ({@code
   * 莲前街道一少儿编程培训机构}: after 一), or 0 when it names the shop rather than describes it: a describing
   * word ({@link #DESCRIBING}), one of {@link #DESCRIBING_AFTER_PLACE} after the first character,
   * or a place and then {@code 一}: a place's last character ({@link #PLACE_ENDS}), 街道, or a place
   * of the city ({@code 五缘湾一健身房}, {@code 翔安区新店一瑜伽馆}, {@code 软件园二期一外卖餐饮店}).
   */
  private int describingEnd(String outside) {
    int end = 0;
    for (String word : DESCRIBING) {
      int at = outside.lastIndexOf(word);
      end = at >= 0 ? Math.max(end, at + word.length()) : end;
    }
    for (String word : DESCRIBING_AFTER_PLACE) {
      int at = outside.lastIndexOf(word);
      end = at >= 1 ? Math.max(end, at + word.length()) : end;
    }
    for (int i = outside.length() - 2; i >= 1 && end <= i; i--) {
      if (outside.charAt(i) == '一' && endsWithPlace(outside.substring(0, i))) {
        end = i + 1;
      }
    }
    return end;
  }

  /** Whether {@code s} ends with a place: a place's last character, 街道, or a place of the city. */
  private boolean endsWithPlace(String s) {
    if (PLACE_ENDS.indexOf(s.charAt(s.length() - 1)) >= 0 || s.endsWith("街道")) {
      return true;
    }
    for (String place : branchPlaces) {
      if (s.endsWith(place)) {
        return true;
      }
    }
    return false;
  }

  /** Characters of a quoted sign looked for in a text: at most. */
  private static final int MAX_QUOTED = 12;

  private static final String QUOTE_OPEN = "“\"「『";
  private static final String QUOTE_CLOSE = "”\"」』";

  /** Words that give the shop's name before a quoted one in a text: 一家名为“悦海湾”的酒店. */
  private static final List<String> NAMING = List.of("名为", "名叫", "叫做", "店名为", "店名");

  /**
   * The name core of the shop's sign that a filing whose merchant name only describes the shop
   * (12345's work orders: {@code 集美区杏林街道一美容店}, {@code 曾厝垵某海鲜排档}) gives in its text: in brackets
   * after the kind of shop ({@code 一美容店（店名“伊美人”）}, {@code 一食品公司（店铺名“鹭味坊”）}), quoted just before it
   * ({@code 曾厝垵“阿海”海鲜排档}), or quoted after 名为 ({@code 一家名为“悦海湾”的酒店}); null when the name names a
   * shop, has brackets of its own ({@link #nameCore} reads those), or the text gives no sign.
   */
  public String describedSign(String name, String text) {
    if (name == null || text == null) {
      return null;
    }
    String n = Simplified.of(Text.toHalfWidth(Text.nfc(name))).toLowerCase(Locale.ROOT);
    if (withoutBrackets(n) != n) {
      return null;
    }
    int end = describingEnd(n);
    String kind = end > 0 ? lettersAndDigits(n.substring(end)) : "";
    if (kind.length() < 2) {
      return null;
    }
    String t = Simplified.of(Text.toHalfWidth(Text.nfc(text))).toLowerCase(Locale.ROOT);
    for (int at = t.indexOf(kind); at >= 0; at = t.indexOf(kind, at + 1)) {
      String sign = signOf(bracketedAfter(t, at + kind.length()));
      if (sign == null) {
        sign = signOf(quotedBefore(t, at));
      }
      if (sign != null) {
        return sign;
      }
    }
    for (String cue : NAMING) {
      int at = t.indexOf(cue);
      if (at >= 0) {
        String sign = signOf(quotedAfter(t, at + cue.length()));
        if (sign != null) {
          return sign;
        }
      }
    }
    return null;
  }

  /** The name core of a sign found in a text ({@code 店名“伊美人”} gives 伊美人), or null. */
  private String signOf(String found) {
    if (found == null) {
      return null;
    }
    String quoted = quotedAfter(found, 0);
    String named = called(quoted != null ? quoted : found);
    String letters = lettersAndDigits(named);
    if (letters.length() < 2 || namesNoShop(letters, 4)) {
      return null;
    }
    return core(named, true);
  }

  /** The quoted text in {@code s} from {@code from} on, within a few characters, or null. */
  private static String quotedAfter(String s, int from) {
    for (int i = from; i < Math.min(s.length(), from + 6); i++) {
      int pair = QUOTE_OPEN.indexOf(s.charAt(i));
      if (pair >= 0) {
        int close = s.indexOf(QUOTE_CLOSE.charAt(pair), i + 1);
        return close > i + 1 && close - i - 1 <= MAX_QUOTED ? s.substring(i + 1, close) : null;
      }
    }
    return null;
  }

  /**
   * The quoted text that ends just before {@code at} in {@code s} (after an optional 的), or null.
   */
  private static String quotedBefore(String s, int at) {
    int close = at > 0 && s.charAt(at - 1) == '的' ? at - 2 : at - 1;
    if (close < 1) {
      return null;
    }
    int pair = QUOTE_CLOSE.indexOf(s.charAt(close));
    if (pair < 0) {
      return null;
    }
    int open = s.lastIndexOf(QUOTE_OPEN.charAt(pair), close - 1);
    return open >= 0 && close - open - 1 >= 2 && close - open - 1 <= MAX_QUOTED
        ? s.substring(open + 1, close)
        : null;
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

  private String stripPrefixes(String s) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String p : prefixes) {
        if (s.startsWith(p) && s.length() > p.length() && !opensWithOne(s, p.length())) {
          s = s.substring(p.length());
          changed = true;
          break;
        }
      }
    }
    return s;
  }

  /**
   * Whether what follows a place at {@code at} says "one … of a kind" (一家, 一间, 一个: 中山路一家茶叶店,
   * 思明区一家海鲜排档): the place stays in the core, where it makes the name a description of a shop
   * ({@code RecentFilings.describes}) rather than a brand opening with 一家.
   */
  private static boolean opensWithOne(String s, int at) {
    return s.startsWith("一家", at) || s.startsWith("一间", at) || s.startsWith("一个", at);
  }

  /**
   * A scenic area or road that opens a shop's name (曾厝垵阿海海鲜 is 阿海海鲜): only places of three
   * characters or more, since two-character townships open brands too (鹭江海鲜大排档), and only when at
   * least three characters are left.
   */
  private String stripLeadingPlace(String s) {
    for (String place : branchPlaces) {
      if (place.length() >= 3
          && s.startsWith(place)
          && s.length() - place.length() >= 3
          && !opensWithOne(s, place.length())) {
        return s.substring(place.length());
      }
    }
    return s;
  }

  private String stripSuffixes(String s) {
    s = stripUnbracketedBranch(s);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String suffix : SUFFIXES) {
        // Keep at least two characters: a one-character core matches too much.
        if (s.endsWith(suffix)
            && s.length() - suffix.length() >= (REGISTER_WORDS.contains(suffix) ? 3 : 2)
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

  private String stripUnbracketedBranch(String s) {
    if (s.endsWith(BRANCH_COMPANY)) {
      // A company's branch (厦门超燃健身管理有限公司集美分公司) is the company's name up to its legal form,
      // as its shops' branches are the brand (超燃健身集美店): 超燃健身管理有限公司, then stripped.
      int legal = s.lastIndexOf("公司", s.length() - BRANCH_COMPANY.length() - 1);
      if (legal >= 2) {
        return s.substring(0, legal + 2);
      }
    }
    int end =
        s.endsWith(BRANCH_COMPANY)
            ? s.length() - BRANCH_COMPANY.length()
            : s.endsWith("分店") ? s.length() - 2 : s.endsWith("店") ? s.length() - 1 : -1;
    if (end < 0) {
      return s;
    }
    String body = s.substring(0, end);
    for (String place : branchPlaces) {
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

  /**
   * Folded as names are (half-width, lower case), without repeats, longest first: 福建省 must be tried
   * before 福建 and 高崎机场 before 机场, however the file orders them.
   */
  private static List<String> longestFirst(List<String> names) {
    return names.stream()
        .map(n -> Simplified.of(Text.toHalfWidth(Text.nfc(n))).toLowerCase(Locale.ROOT))
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }
}
