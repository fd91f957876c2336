package org.hotline.intake.routing;

import java.util.List;

/**
 * The word pools {@link AddressSetGenerator} builds merchant addresses from. Labels come from how
 * an address is built, never from the router: a line is labelled with a district only when it names
 * that district, one of its townships, or a listed place of it.
 *
 * <p>"Plain" roads and buildings are real-looking names that, by design, carry no configured name,
 * so an address made of them alone is labelled triage. Which district a plain road really lies in
 * does not matter to the label. Risky roads contain a bare township name that the configuration
 * deliberately does not trust (大同路 is in 思明, 大同街道 in 同安).
 */
final class AddressPools {
  /** One district's names. Township forms include the safe bare forms. */
  record DistrictPool(
      String code,
      String full,
      String bare,
      List<String> townships,
      List<String> namedRoads,
      List<String> plainRoads,
      List<String> places) {}

  static final List<DistrictPool> DISTRICTS =
      List.of(
          new DistrictPool(
              "350203",
              "思明区",
              "思明",
              List.of(
                  "厦港街道", "中华街道", "滨海街道", "鹭江街道", "开元街道", "梧村街道", "筼筜街道", "莲前街道", "嘉莲街道", "鼓浪屿街道",
                  "厦港", "梧村", "筼筜", "莲前", "嘉莲", "鼓浪屿"),
              List.of("莲前西路", "莲前东路", "思明南路", "思明北路", "鼓浪屿龙头路"),
              List.of(
                  "湖滨南路", "湖滨北路", "湖滨东路", "厦禾路", "文园路", "禾祥西路", "体育路", "展鸿路", "育秀东路", "将军祠路", "长青路",
                  "湖光路", "斗西路", "镇海路", "公园南路", "文屏路", "演武路", "民族路", "故宫路", "深田路", "东浦路", "莲岳路"),
              List.of(
                  "中山路步行街", "曾厝垵", "厦门大学", "南普陀寺", "沙坡尾", "软件园二期", "环岛南路", "内厝澳码头", "第八市场", "中华城",
                  "白鹭洲", "胡里山炮台")),
          new DistrictPool(
              "350205",
              "海沧区",
              "海沧",
              List.of("海沧街道", "新阳街道", "嵩屿街道", "东孚街道", "嵩屿", "东孚"),
              List.of("海沧大道", "海沧北路"),
              List.of(
                  "沧林东路", "翁角路", "钟林路", "兴港路", "滨湖北路", "霞阳路", "角嵩路", "马青路", "沧虹路", "建港路", "新阳路"),
              List.of("海沧湾公园", "天竺山", "海沧保税港区", "阿罗海城市广场", "新阳工业区", "日月谷温泉")),
          new DistrictPool(
              "350206",
              "湖里区",
              "湖里",
              List.of("湖里街道", "殿前街道", "禾山街道", "江头街道", "金山街道", "殿前", "禾山"),
              List.of("湖里大道", "禾山路"),
              List.of(
                  "嘉禾路", "吕岭路", "金尚路", "云顶北路", "安岭路", "华荣路", "兴湖路", "园山南路", "江头北路", "金山路", "海天路",
                  "枋钟路", "长乐路", "航空路"),
              List.of("五缘湾", "高崎机场", "东渡邮轮码头", "火炬园", "SM城市广场", "枋湖客运站", "钟宅", "象屿保税区", "火炬高新区")),
          new DistrictPool(
              "350211",
              "集美区",
              "集美",
              List.of("集美街道", "侨英街道", "杏林街道", "杏滨街道", "灌口镇", "后溪镇", "侨英", "杏滨", "灌口", "后溪"),
              List.of("集美大道", "杏林湾路", "侨英路", "杏滨路", "灌口中路"),
              List.of("银江路", "乐海路", "嘉庚路", "石鼓路", "天马路", "孙坂南路", "岑东路", "盛光路", "英瑶路", "杏林西路"),
              List.of("集美学村", "园博苑", "软件园三期", "厦门北站", "华侨大学厦门校区")),
          new DistrictPool(
              "350212",
              "同安区",
              "同安",
              List.of(
                  "大同街道", "祥平街道", "新民街道", "西柯街道", "祥和街道", "新美街道", "美林街道", "莲花镇", "洪塘镇", "汀溪镇",
                  "五显镇", "祥平", "西柯", "汀溪"),
              List.of("同安大道"),
              List.of(
                  "环城南路", "环城西路", "城东路", "阳翟路", "凤山路", "梧侣路", "双溪路", "银湖中路", "同集路", "美峰路", "新民大道"),
              List.of("同安影视城", "北辰山", "梅山寺", "竹坝")),
          new DistrictPool(
              "350213",
              "翔安区",
              "翔安",
              List.of(
                  "大嶝街道", "马巷街道", "新店街道", "凤翔街道", "民安街道", "香山街道", "金海街道", "新圩镇", "内厝镇", "大嶝", "马巷",
                  "内厝", "马巷镇"),
              List.of("翔安南路", "翔安北路", "翔安东路", "翔安西路"),
              List.of("民安大道", "舫山南路", "洪钟大道", "窗东路", "金海路", "巷南路", "新店路"),
              List.of("翔安国际机场", "大嶝岛", "厦门大学翔安校区", "刘五店")));

  /** Buildings and shops that name no district, township or listed place. */
  static final List<String> BUILDINGS =
      List.of(
          "国贸大厦", "建发大厦", "财富中心", "金融中心", "阳光城", "中骏世界城", "保利中心", "恒兴大厦", "邮电大厦", "银行中心", "世茂海峡大厦",
          "华润万家", "永辉超市", "大润发", "美食城", "海鲜酒楼", "商贸城", "创业大厦", "明发商业广场", "宝龙一城", "融信大厦", "海西金融广场");

  /** Units after the street number. */
  static final List<String> UNITS =
      List.of(
          "", "", "", "101室", "1楼", "二楼", "店面", "一层商铺", "B1层12号铺", "3层305", "之一", "(近公交站)", "C栋8楼",
          "1号店", "负一楼");

  /** Roads whose bare township name is not trusted, with no district: triage. */
  static final List<String> RISKY_ROADS =
      List.of(
          "大同路", "金山路", "江头北路", "新店路", "中华路", "开元路", "鹭江道", "新阳路", "洪塘路", "五显路", "民安大道", "新民大道",
          "金海路", "香山路", "凤翔路", "滨海西大道", "莲花北路");

  /** Places that span or could mean several districts. */
  static final List<String> AMBIGUOUS =
      List.of(
          "海沧大桥", "软件园", "环岛路", "集美大桥", "厦门大桥", "杏林大桥", "翔安隧道", "机场", "火车站", "高铁站", "万达广场", "莲花路口",
          "大同路口", "滨海西大道");

  /** Addresses in other cities, some with names that are also ours (中山路, 新店镇, 莲花). */
  static final List<String> OTHER_CITIES =
      List.of(
          "泉州市丰泽区东海街道",
          "泉州市鲤城区中山路",
          "漳州市龙海区角美镇",
          "福州市鼓楼区五四路",
          "福州市晋安区新店镇",
          "北京市朝阳区建国路",
          "上海市浦东新区陆家嘴环路",
          "广东省深圳市南山区",
          "杭州市余杭区文一西路",
          "晋江市陈埭镇",
          "石狮市宝盖镇",
          "南安市水头镇",
          "龙岩市新罗区",
          "漳州市芗城区",
          "漳州开发区招商大道",
          "长泰区武安镇",
          "莆田市城厢区",
          "宁德市蕉城区",
          "江西省南昌市红谷滩区",
          "浙江省温州市鹿城区",
          "山西省大同市平城区",
          "泉州晋江池店镇",
          "漳州角美万达广场",
          "福建省泉州市惠安县",
          "安溪县城厢镇",
          "广州市天河区");

  /** What may open an address before the district. */
  static final List<String> PREFIXES =
      List.of("", "", "厦门市", "厦门市", "厦门市", "福建省厦门市", "厦门", "福建厦门", "中国福建省厦门市");

  private AddressPools() {}
}
