package org.hotline.loadtest.corpus;

/**
 * Where a merchant sits.
 *
 * @param name the place as people write it; must decide {@code district} in xiamen.yaml
 * @param district the division code, or {@code "triage"} for places that cannot decide one
 * @param hotspot one of the Golden Week surge areas (中山路, 曾厝垵, 鼓浪屿)
 * @param branch shops name branches after it (xiamen.yaml's branch_places), so "…中山路店" is safe
 */
record Place(String name, String district, boolean hotspot, boolean branch) {
  static final String TRIAGE = "triage";
  static final String TRANSFER = "transfer";

  static final Place[] ALL = {
    new Place("中山路", "350203", true, true),
    new Place("中山路步行街", "350203", true, false),
    new Place("曾厝垵", "350203", true, true),
    new Place("鼓浪屿", "350203", true, true),
    new Place("鼓浪屿内厝澳", "350203", true, false),
    new Place("沙坡尾", "350203", false, true),
    new Place("南普陀", "350203", false, true),
    new Place("厦港街道", "350203", false, false),
    new Place("筼筜街道", "350203", false, false),
    new Place("莲前街道", "350203", false, false),
    new Place("第八市场", "350203", false, false),
    new Place("中华城", "350203", false, true),
    new Place("海沧湾", "350205", false, true),
    new Place("天竺山", "350205", false, true),
    new Place("阿罗海", "350205", false, false),
    new Place("嵩屿街道", "350205", false, false),
    new Place("东孚街道", "350205", false, false),
    new Place("五缘湾", "350206", false, true),
    new Place("东渡", "350206", false, true),
    new Place("国际邮轮中心", "350206", false, false),
    new Place("SM城市广场", "350206", false, false),
    new Place("枋湖", "350206", false, false),
    new Place("殿前街道", "350206", false, false),
    new Place("禾山街道", "350206", false, false),
    new Place("集美学村", "350211", false, true),
    new Place("园博苑", "350211", false, true),
    new Place("龙舟池", "350211", false, false),
    new Place("侨英街道", "350211", false, false),
    new Place("灌口镇", "350211", false, false),
    new Place("后溪镇", "350211", false, false),
    new Place("软件园三期", "350211", false, false),
    new Place("同安影视城", "350212", false, false),
    new Place("北辰山", "350212", false, true),
    new Place("祥平街道", "350212", false, false),
    new Place("西柯街道", "350212", false, false),
    new Place("汀溪镇", "350212", false, false),
    new Place("大嶝岛", "350213", false, true),
    new Place("马巷街道", "350213", false, false),
    new Place("内厝镇", "350213", false, false),
    new Place("刘五店", "350213", false, false),
    new Place("新圩镇", "350213", false, false),
    // Places that span or could mean several districts: routing sends them to triage.
    new Place("软件园一期", TRIAGE, false, false),
    new Place("环岛路", TRIAGE, false, false),
    new Place("万达广场", TRIAGE, false, false),
    new Place("海沧大桥", TRIAGE, false, false),
    new Place("集美大桥", TRIAGE, false, false),
    new Place("翔安隧道", TRIAGE, false, false),
  };

  /** The district's official name, for addresses that spell it out. */
  static String districtName(String code) {
    return switch (code) {
      case "350203" -> "思明区";
      case "350205" -> "海沧区";
      case "350206" -> "湖里区";
      case "350211" -> "集美区";
      case "350212" -> "同安区";
      case "350213" -> "翔安区";
      default -> null;
    };
  }
}
