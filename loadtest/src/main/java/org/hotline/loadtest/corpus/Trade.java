package org.hotline.loadtest.corpus;

import java.util.Map;

/**
 * What a merchant does: its names, its goods, the channel category a filing may carry, and which
 * grievances its customers raise how often. Trades outside market regulation carry the department
 * xiamen.yaml's jurisdiction table transfers them to, and their own facts.
 */
enum Trade {
  SEAFOOD(
      true,
      "餐饮服务",
      "price:40,weights:30,safety:12,invoice:8,forced_trade:10",
      new String[] {"海韵", "渔港", "鹭岛", "阿明", "老街", "鑫旺", "海之味", "渔家", "潮汐", "蚝情"},
      new String[] {"海鲜大排档", "海鲜馆", "海鲜排档", "渔村酒家", "海鲜加工店"},
      new String[] {"皮皮虾", "石斑鱼", "花蛤", "龙虾", "青蟹", "鲍鱼", "海蛎"}),
  HOTEL(
      true,
      "住宿服务",
      "false_advertising:35,not_performed:25,price:20,invoice:10,safety:10",
      new String[] {"听涛", "鹭屿", "栖云", "半山", "花间", "海角", "拾光", "慢屿"},
      new String[] {"民宿", "客栈", "精品酒店", "海景酒店", "青年旅舍"},
      new String[] {"海景房", "大床房", "双床房", "家庭套房"}),
  TICKETS(
      true,
      "旅游服务",
      "price:40,not_performed:30,false_advertising:20,other:10",
      new String[] {"畅游", "环岛", "海上", "鹭江", "乐途", "逍遥"},
      new String[] {"票务代售点", "观光车服务部", "旅行社", "游船服务部"},
      new String[] {"船票", "观光车票", "景区门票", "一日游套票"}),
  SOUVENIRS(
      true,
      "零售",
      "counterfeit:25,weights:15,price:25,quality_return:15,forced_trade:20",
      new String[] {"闽南", "古早味", "好味道", "金福", "老字号", "阿嬷"},
      new String[] {"特产店", "馅饼铺", "茶叶店", "珍珠饰品店", "土特产超市"},
      new String[] {"馅饼", "铁观音", "珍珠项链", "鱼丸", "肉松"}),
  FITNESS(
      false,
      "健身服务",
      "prepaid:70,contract:20,false_advertising:10",
      new String[] {"力健", "动能", "型格", "悦动", "超燃", "铁馆"},
      new String[] {"健身会所", "健身房", "瑜伽馆", "搏击俱乐部"},
      new String[] {"私教课", "健身年卡", "瑜伽课"}),
  TRAINING(
      false,
      "教育培训",
      "prepaid:65,contract:20,false_advertising:15",
      new String[] {"启航", "小天才", "博学", "星火", "乐学", "知行"},
      new String[] {"教育", "艺术培训中心", "游泳培训", "编程学堂"},
      new String[] {"美术课", "游泳课程", "编程课", "钢琴课"}),
  BEAUTY(
      false,
      "美容美发",
      "prepaid:55,contract:25,other:10,safety:10",
      new String[] {"丽人", "悦颜", "美度", "雅姿", "名剪"},
      new String[] {"美容院", "美发沙龙", "美甲店", "皮肤管理中心"},
      new String[] {"美容套餐", "烫染", "护理疗程"}),
  ELECTRONICS(
      false,
      "家用电器",
      "quality_return:50,counterfeit:25,invoice:15,false_advertising:10",
      new String[] {"极速", "数码港", "智选", "恒通", "新讯", "易购"},
      new String[] {"手机店", "数码专营店", "电器行", "通讯器材店"},
      new String[] {"手机", "平板电脑", "蓝牙耳机", "空调", "洗衣机"}),
  GROCERY(
      false,
      "食品销售",
      "safety:40,weights:25,price:25,quality_return:10",
      new String[] {"惠民", "家家乐", "鲜丰", "万客来", "邻里", "每日鲜"},
      new String[] {"超市", "生鲜超市", "便利店", "水果店"},
      new String[] {"牛肉", "水果", "大米", "奶粉", "冻虾仁"}),
  RESTAURANT(
      false,
      "餐饮服务",
      "safety:35,price:25,invoice:20,other:20",
      new String[] {"阿婆", "老厦门", "闽味", "巷口", "乌糖", "福记"},
      new String[] {"沙茶面馆", "姜母鸭店", "小吃店", "餐厅", "火锅店"},
      new String[] {"沙茶面", "姜母鸭", "套餐", "土笋冻"}),
  ONLINE(
      false,
      "网络购物",
      "not_performed:40,quality_return:30,false_advertising:20,counterfeit:10",
      new String[] {"潮流", "优品", "尚衣", "居家", "萌宝", "极客"},
      new String[] {"旗舰店", "小店", "专营店", "优选店"},
      new String[] {"连衣裙", "运动鞋", "扫地机器人", "儿童玩具", "护肤品"}),
  PROPERTY(
      "住建",
      "物业",
      new String[] {"鹭城", "金海湾", "嘉园", "滨海花园", "怡景"},
      new String[] {"物业服务有限公司", "物业管理有限公司"},
      Map.of(
          "other",
          new String[] {"小区电梯坏了一个多月，物业公司一直拖着不修", "小区垃圾堆放多日无人清运，物业公司推诿"},
          "price",
          new String[] {"物业公司停车收费标准不公示，乱收停车费", "物业公司擅自上调物业费，业主不知情"})),
  TAXI(
      "交通运输",
      "出租车",
      new String[] {"鹭岛", "特运", "海湾", "嘉禾"},
      new String[] {"出租汽车有限公司", "出租车公司"},
      Map.of(
          "price",
          new String[] {"出租车司机故意绕路，车费比平时多出一倍", "出租车司机不打表，一口价要了很多钱"},
          "other",
          new String[] {"出租车司机拒载，态度很差", "出租车司机途中随意甩客"})),
  BROADBAND(
      "通信管理",
      "宽带",
      new String[] {"城联", "光速", "海峡"},
      new String[] {"宽带营业厅", "网络服务部"},
      Map.of(
          "not_performed",
          new String[] {"办理的宽带一直没有上门安装，客服一拖再拖"},
          "contract",
          new String[] {"宽带套餐到期后被擅自续约并扣费"})),
  COURIER(
      "邮政管理",
      "快递",
      new String[] {"极兔", "迅达", "顺通"},
      new String[] {"快递网点", "速运营业部"},
      Map.of("not_performed", new String[] {"包裹显示已签收，本人根本没拿到", "寄出的包裹一周都没有揽收记录"}));

  final boolean scenic;
  final String category;
  final String department;
  final String[] grievances;
  final int[] weights;
  final int totalWeight;
  final String[] prefixes;
  final String[] suffixes;
  final String[] goods;
  final Map<String, String[]> ownFacts;

  Trade(
      boolean scenic,
      String category,
      String mix,
      String[] prefixes,
      String[] suffixes,
      String[] goods) {
    this.scenic = scenic;
    this.category = category;
    this.department = null;
    this.prefixes = prefixes;
    this.suffixes = suffixes;
    this.goods = goods;
    this.ownFacts = Map.of();
    String[] parts = mix.split(",");
    this.grievances = new String[parts.length];
    this.weights = new int[parts.length];
    int total = 0;
    for (int i = 0; i < parts.length; i++) {
      int colon = parts[i].indexOf(':');
      grievances[i] = parts[i].substring(0, colon);
      weights[i] = Integer.parseInt(parts[i].substring(colon + 1));
      total += weights[i];
    }
    this.totalWeight = total;
  }

  Trade(
      String department,
      String category,
      String[] prefixes,
      String[] suffixes,
      Map<String, String[]> ownFacts) {
    this.scenic = false;
    this.category = category;
    this.department = department;
    this.prefixes = prefixes;
    this.suffixes = suffixes;
    this.goods = new String[] {""};
    // Sorted so that a seed gives the same grievances whatever Map.of's iteration order is.
    this.grievances = ownFacts.keySet().stream().sorted().toArray(String[]::new);
    this.weights = new int[grievances.length];
    java.util.Arrays.fill(weights, 1);
    this.totalWeight = grievances.length;
    this.ownFacts = ownFacts;
  }

  /** A grievance drawn by this trade's weights. */
  String grievance(java.util.SplittableRandom rng) {
    int r = rng.nextInt(totalWeight);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return grievances[i];
      }
    }
    return grievances[grievances.length - 1];
  }

  /** A grievance of this trade other than {@code not}, or null when it has only one. */
  String otherGrievance(java.util.SplittableRandom rng, String not) {
    if (grievances.length < 2) {
      return null;
    }
    String g;
    do {
      g = grievance(rng);
    } while (g.equals(not));
    return g;
  }
}
