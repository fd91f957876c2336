package org.hotline.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shop name core read as a brand and a trade word ({@code 启航} and {@code 英语} in {@code 启航英语},
 * {@code 启航} and {@code 教育} in {@code 启航教育培训学校}), for a storm's spellings: its members write the
 * brand as they saw it and the trade in their own or the register's words ({@code 海韵私房菜}, {@code
 * 海韵酒楼}; {@code 暖冬羽绒}, {@code 暖冬服饰}). Two cores are one shop's spellings when the brands are the
 * same (two characters or more: the trade word is looked for from the third character on) and the
 * trade words are the same, or of one trade where at least one is the trade's generic word ({@code
 * 教育} beside {@code 英语}); two specific words of one trade are two shops ({@code 金鹭英语培训} and {@code
 * 金鹭美术培训}, {@code 阳光健身} and {@code 阳光游泳}). The table is this city's common trade words, not a
 * closed list: a core without one of them is left to the other spelling rules. Stateless.
 */
final class Trades {
  // A trade, then its generic words; a "+" marks where its specific ones begin.
  private static final String[][] FAMILIES = {
    {
      "food", "餐厅", "餐馆", "饭店", "饭馆", "酒楼", "酒家", "食府", "餐饮", "菜馆", "大排档", "排档", "+", "私房菜", "海鲜",
      "火锅", "烧烤", "面馆", "小吃", "料理", "快餐"
    },
    {
      "school", "教育", "培训", "学校", "学堂", "学院", "书院", "课堂", "少儿", "+", "英语", "早教", "编程", "美术", "舞蹈",
      "钢琴", "托管", "跆拳道"
    },
    {"fitness", "体育", "运动", "+", "健身", "游泳", "瑜伽", "拳馆"},
    {"beauty", "美容", "美业", "+", "美发", "美甲", "造型", "美妆"},
    {"clothes", "服饰", "服装", "+", "羽绒", "女装", "男装", "童装", "鞋业", "潮牌"},
    {"travel", "旅行社", "国旅", "旅游", "旅行", "+", "游船", "游艇", "票务"},
    {"digital", "数码", "通讯", "电器", "家电", "+", "手机", "电脑"},
    {"online", "严选", "直播", "优选", "电商", "电子商务"},
    {"furniture", "家居", "家具", "+", "全屋", "定制"},
    {"renovation", "装饰", "装修", "+", "建材"},
    {"lodging", "酒店", "宾馆", "旅馆", "+", "民宿", "客栈", "公寓"},
    {"car", "汽车", "+", "4s", "车行", "租车", "汽修", "二手车"},
    {"pet", "宠物", "萌宠"},
    {"wedding", "婚庆", "婚礼", "+", "婚纱"},
  };
  private static final Map<String, String> FAMILY = new HashMap<>();
  private static final Set<String> GENERIC = new HashSet<>();
  private static final Set<Character> OPENERS = new HashSet<>(); // first characters of trade words
  private static final int LONGEST = 4;

  /** One character for the kind of place, after the trade words: 美容院, 健身房, 海鲜城. */
  private static final String KINDS = "院馆城坊房屋铺吧所部厅园";

  static {
    for (String[] f : FAMILIES) {
      boolean generic = true;
      for (int i = 1; i < f.length; i++) {
        if (f[i].equals("+")) {
          generic = false;
          continue;
        }
        FAMILY.put(f[i], f[0]);
        OPENERS.add(f[i].charAt(0));
        if (generic) {
          GENERIC.add(f[i]);
        }
      }
    }
  }

  private Trades() {}

  /**
   * The reading of a name core: the brand (the core up to the first trade word of the table after
   * its first two characters), then its trade words, each the longest reading ({@code 大排档} before
   * {@code 排档}); the rest of the core must be trade words, with at most one character for the kind
   * of place at the end ({@code 启航英语培训学校}, {@code 颜如玉美容院}), else the name says more than a brand
   * and a trade ({@code 阿海海鲜超市}) and null is returned, as it is for a core with no trade word.
   */
  static String[] brandAndTrade(String core) {
    for (int i = 2; i < core.length(); i++) {
      if (wordAt(core, i) != null) {
        List<String> out = new ArrayList<>();
        out.add(core.substring(0, i));
        return tradeWords(core, i, out) ? out.toArray(new String[0]) : null;
      }
    }
    return null;
  }

  /** Whether {@code core} opens with a trade word of the table ({@code 家电城}, {@code 海鲜排档}). */
  static boolean opensWithTradeWord(String core) {
    return !core.isEmpty() && wordAt(core, 0) != null;
  }

  /** The longest trade word of the table at {@code i}, or null. */
  private static String wordAt(String core, int i) {
    if (!OPENERS.contains(core.charAt(i))) {
      return null;
    }
    for (int len = Math.min(LONGEST, core.length() - i); len >= 2; len--) {
      String w = core.substring(i, i + len);
      if (FAMILY.containsKey(w)) {
        return w;
      }
    }
    return null;
  }

  /** Adds the trade words of {@code core} from {@code i} to {@code out}; false when it has more. */
  private static boolean tradeWords(String core, int i, List<String> out) {
    while (i < core.length()) {
      String word = wordAt(core, i);
      if (word == null) {
        return i == core.length() - 1 && KINDS.indexOf(core.charAt(i)) >= 0;
      }
      out.add(word);
      i += word.length();
    }
    return true;
  }

  /**
   * Whether two name cores are one brand in one trade: the same brand, every trade word of one
   * trade, and the same specific words when both name any ({@code 星光少儿英语} and {@code 星光少儿美术} are
   * two schools; {@code 启航英语} and {@code 启航教育培训学校} one).
   */
  static boolean sameBrandAndTrade(String a, String b) {
    String[] x = brandAndTrade(a);
    String[] y = brandAndTrade(b);
    if (x == null || y == null || !x[0].equals(y[0])) {
      return false;
    }
    String trade = FAMILY.get(x[1]);
    Set<String> specificX = new HashSet<>();
    Set<String> specificY = new HashSet<>();
    return oneTrade(x, trade, specificX)
        && oneTrade(y, trade, specificY)
        && (specificX.isEmpty() || specificY.isEmpty() || specificX.equals(specificY));
  }

  /**
   * Whether every trade word of {@code reading} is of {@code trade}; its specific ones to {@code
   * out}.
   */
  private static boolean oneTrade(String[] reading, String trade, Set<String> out) {
    for (int k = 1; k < reading.length; k++) {
      if (!trade.equals(FAMILY.get(reading[k]))) {
        return false;
      }
      if (!GENERIC.contains(reading[k])) {
        out.add(reading[k]);
      }
    }
    return true;
  }
}
