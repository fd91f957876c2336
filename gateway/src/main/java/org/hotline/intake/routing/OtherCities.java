package org.hotline.intake.routing;

import java.util.List;
import org.hotline.intake.routing.Gazetteer.Entry;
import org.hotline.intake.routing.Gazetteer.Kind;
import org.hotline.intake.routing.NameTrie.Match;

/**
 * Tells an address in another city. Names of our own places occur all over the country (泉州 has a
 * 中山路, 福州 a 新店镇, 山西 a 大同市), so an address must be recognised as foreign before its names are
 * trusted; otherwise "鲤城区中山路" would go to 思明.
 *
 * <p>Two signals: a configured name of another place used as an administrative unit (泉州市, 龙海区),
 * opening the address (泉州丰泽…, but not 北京路) or alone in brackets (中山路步行街（泉州）); and any short Chinese
 * name opening the address followed by an administrative level (大同市, 呼和浩特市, 惠安县, 鲤城区) that is not
 * one of ours and is not an ordinary word that happens to end the same way (永辉超市, 工业区, 阳光小区).
 */
final class OtherCities {
  /** Characters after a configured name that make it an administrative unit: 泉州市, 龙海区, 角美镇. */
  private static final String ADMIN_SUFFIXES = "省市县区镇乡州";

  /** Characters after a name that make it a street named after a place: 北京路, 台湾街. */
  private static final String STREET_SUFFIXES = "路街巷道大";

  /** Levels that open an address of another city: 广东省, 大同市, 惠安县; 区 is handled apart. */
  private static final String LEVELS = "省市县";

  /** Characters before 市 that make a market, not a city: 超市, 夜市, 菜市, 门市, 城市… */
  private static final String MARKET_PREFIXES = "超夜菜门集早城花股鱼黑街墟";

  /**
   * Endings of a name before 区 that make a zone, not a district: 园区, 小区, 景区… Not 城 (鲤城区, 芗城区 and
   * 鹿城区 are districts) nor 东/西 (河西区): a zone read as a district only costs a triage.
   */
  private static final String ZONE_ENDINGS = "园小社校厂港片郊期辖学分特";

  /** Words before 区 that make a zone, not a district: 工业区, 开发区, 保税区… */
  private static final List<String> ZONE_WORDS =
      List.of(
          "工业", "开发", "保税", "商业", "风景", "住宅", "生活", "办公", "试验", "示范", "自贸", "管理", "高新", "产业", "物流",
          "旅游", "经济", "科技", "营业", "服务", "停车", "美食", "展览", "居民", "居住", "别墅", "度假", "商务", "金融", "文化",
          "创意", "保护", "核心", "中心", "宿舍", "安置", "免税", "教学", "功能", "行政");

  private OtherCities() {}

  /**
   * True when the folded address {@code s}, with the names {@code found} in it and its own text
   * starting at {@code start} (after 中国, 福建省, 厦门市 and the like), is in another city.
   */
  static boolean named(String s, List<Match<Entry>> found, int start) {
    for (Match<Entry> m : found) {
      if (m.value().kind() != Kind.OUTSIDE) {
        continue;
      }
      char next = m.end() < s.length() ? s.charAt(m.end()) : 0;
      char before = m.start() > 0 ? s.charAt(m.start() - 1) : 0;
      if (ADMIN_SUFFIXES.indexOf(next) >= 0
          || (m.start() == start && STREET_SUFFIXES.indexOf(next) < 0)
          // Alone in brackets, the city the address is in: 中山路步行街（泉州）. (泉州店) is a shop's name.
          || (before == '(' && next == ')')) {
        return true;
      }
    }
    return opensWithUnknownUnit(s, found, start);
  }

  /** A 2–4 character name (2–3 before 区) and a level at the start of the address. */
  private static boolean opensWithUnknownUnit(String s, List<Match<Entry>> found, int start) {
    for (int k = 2; k <= 4 && start + k < s.length(); k++) {
      int at = start + k;
      char c = s.charAt(at);
      boolean district = c == '区' && k <= 3;
      if (LEVELS.indexOf(c) < 0 && !district) {
        continue;
      }
      String name = s.substring(start, at);
      if (!allHan(name) || ourNameIn(found, start, at)) {
        return false;
      }
      if (c == '市') {
        return !market(s, at);
      }
      return !district || !zone(name);
    }
    return false;
  }

  private static boolean market(String s, int at) {
    return MARKET_PREFIXES.indexOf(s.charAt(at - 1)) >= 0
        || (at + 1 < s.length() && s.charAt(at + 1) == '场');
  }

  private static boolean zone(String name) {
    if (ZONE_ENDINGS.indexOf(name.charAt(name.length() - 1)) >= 0) {
      return true;
    }
    for (String w : ZONE_WORDS) {
      if (name.endsWith(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allHan(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (Character.UnicodeScript.of(name.charAt(i)) != Character.UnicodeScript.HAN) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when one of our own names overlaps {@code [from, to)}: 集美市场 and 湖里市民中心 are in town.
   * Ambiguous names do not count: 大同市 is a city in Shanxi.
   */
  private static boolean ourNameIn(List<Match<Entry>> found, int from, int to) {
    for (Match<Entry> m : found) {
      Kind k = m.value().kind();
      if ((k.definite() || k == Kind.CITY) && m.start() < to && m.end() > from) {
        return true;
      }
    }
    return false;
  }
}
