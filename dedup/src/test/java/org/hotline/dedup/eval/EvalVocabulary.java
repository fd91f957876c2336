package org.hotline.dedup.eval;

import java.util.List;

/**
 * What the evaluation set's complaints are about: categories of merchant, the kinds of matter each
 * draws, the goods and the facts of each kind. A fact has several wordings ({@code {g}} is the
 * goods): two filings of one matter state the same fact in different words, as people do; two
 * matters differ in fact, goods, amount or date.
 */
final class EvalVocabulary {
  private EvalVocabulary() {}

  /** A kind of matter: its goods, its facts (each a list of wordings), requests and amounts. */
  record Kind(
      String name,
      int minYuan,
      int maxYuan,
      List<String> goods,
      List<List<String>> facts,
      List<String> requests) {}

  /** A category of merchant: how its shops are named and what people complain about there. */
  record Category(
      String name,
      List<String> signForms,
      String industry,
      List<String> activities,
      List<String> details,
      List<Kind> kinds,
      boolean online) {}

  static final List<String> TRADE_NAMES =
      List.of(
          "鹭江", "鼓浪", "海韵", "金鹭", "闽南", "嘉禾", "筼筜", "五缘", "乐活", "优客", "海港", "东海", "渔家", "湾仔", "阿勇",
          "阿美", "老船长", "蓝海", "星海", "佳佳", "鑫源", "宏发", "福满", "顺达", "新华", "恒信", "万家", "美佳", "百佳", "永和",
          "如意", "吉祥", "天天", "悦动", "力美", "康体", "型动", "鲸鱼", "翰林", "启航", "博学", "优学", "乐学", "童乐", "爱尚",
          "丽人", "雅致", "海天", "鹭岛", "白鹭", "红树林", "椰风", "南海", "北斗", "华美", "金海岸", "银河", "千禧", "晨光",
          "朝阳", "明珠", "凤凰", "龙腾", "海湾", "沙坡", "厦港", "曾厝", "环岛", "观海", "望海", "听涛", "海悦", "一品", "好运",
          "大福", "小渔村", "阿婆", "老街", "新港");

  static final List<String> PLATFORMS = List.of("淘宝", "天猫", "京东", "拼多多", "抖音", "美团");

  static final Kind OVERCHARGE =
      new Kind(
          "overcharge",
          300,
          3000,
          List.of("螃蟹", "皮皮虾", "鲍鱼", "石斑鱼", "龙虾", "花甲", "生蚝", "蛏子", "红膏蟹", "鱿鱼", "八爪鱼", "海胆"),
          List.of(
              List.of(
                  "点{g}时说按斤卖，结账却按两算，价格翻了十倍",
                  "{g}报价讲的是一斤的价钱，买单时变成每两的价格",
                  "服务员口头报价{g}几十元一斤，结账时说是一两的价",
                  "{g}按两计价却故意说成按斤，账单高得离谱"),
              List.of(
                  "{g}称重时缺斤短两，分量明显不足",
                  "当面称好的{g}和端上桌的分量对不上，怀疑秤做了手脚",
                  "店里的秤不准，{g}少了将近一半",
                  "{g}称重时动了手脚，重量虚报"),
              List.of(
                  "菜单上{g}没有标价，结账时价格高得吓人",
                  "点{g}时没有明码标价，买单才知道这么贵",
                  "{g}价格不公示，结账时随意要价",
                  "{g}不标价，结账时店员临时报了个天价")),
          List.of("退还多收的钱", "退款并赔偿", "退一赔三", "给个合理说法", "按标价重新结算"));

  static final Kind FOOD_SAFETY =
      new Kind(
          "food-safety",
          100,
          900,
          List.of("螃蟹", "生蚝", "花甲", "海鲜粥", "沙茶面", "炒米粉", "海蛎煎", "鱼丸汤"),
          List.of(
              List.of(
                  "吃了{g}后上吐下泻，去医院挂了急诊",
                  "食用{g}后全家腹泻呕吐，怀疑食材不新鲜",
                  "{g}有明显异味，吃完当晚就肚子疼",
                  "吃完{g}出现食物中毒症状，到医院输液"),
              List.of("{g}里吃出了头发", "在{g}里发现一只虫子", "{g}里面有塑料碎片，差点咬到", "端上来的{g}里有一段铁丝")),
          List.of("赔偿医药费", "退款并赔偿", "赔偿损失", "道歉并赔偿"));

  static final Kind FEES =
      new Kind(
          "fees",
          20,
          300,
          List.of("茶位费", "纸巾费", "开瓶费", "包间费", "服务费"),
          List.of(
              List.of(
                  "结账时多收了{g}，事先没有任何告知", "店家强制收取{g}，点菜时没人提过", "账单上莫名多出一项{g}", "不用也要收{g}，属于强制消费")),
          List.of("退还{g}", "退款", "取消不合理收费"));

  static final Category SEAFOOD =
      new Category(
          "seafood",
          List.of("{n}海鲜大排档", "{n}海鲜酒楼", "{n}海鲜馆", "{n}渔家海鲜", "{n}海鲜城"),
          "餐饮管理",
          List.of("用餐", "吃饭", "吃海鲜", "就餐", "吃夜宵"),
          List.of("找老板理论，对方态度很恶劣", "店员还威胁说不付钱不让走", "当场报了警", "同桌的朋友都可以作证", "拍了照片和小票"),
          List.of(OVERCHARGE, FOOD_SAFETY, FEES),
          false);

  static final Kind GYM_CLOSURE =
      new Kind(
          "gym-closure",
          1000,
          8000,
          List.of("年卡", "私教课", "次卡", "季卡", "储值卡", "游泳年卡"),
          List.of(
              List.of(
                  "健身房突然关门停业，老板联系不上，办的{g}还没用完",
                  "门店毫无预告就闭店了，{g}剩下的钱退不回来",
                  "健身房人去楼空，门口贴了停业通知，预付的{g}没法用了",
                  "商家跑路了，办了{g}却再也进不去门",
                  "说是装修暂停营业，之后一直没开门，{g}等于作废")),
          List.of("退还剩余费用", "全额退款", "退卡退费", "追回预付款"));

  static final Kind GYM_REFUND =
      new Kind(
          "gym-refund",
          1000,
          6000,
          List.of("年卡", "私教课", "季卡", "储值卡"),
          List.of(
              List.of(
                  "办了{g}后因工作调动想退，店里拒绝退费",
                  "{g}合同写着概不退款，申请退卡被拒",
                  "想把没用完的{g}退掉，店里要扣一大笔手续费",
                  "办{g}时承诺七天无理由退，现在不给退")),
          List.of("退卡退费", "按剩余课时退款", "解除合同"));

  static final Kind GYM_INJURY =
      new Kind(
          "gym-injury",
          300,
          5000,
          List.of("私教课", "团课", "动感单车课", "拳击课"),
          List.of(
              List.of(
                  "上{g}时教练指导不当，腰部扭伤",
                  "{g}用的器械有故障，运动时受了伤",
                  "在{g}上被教练强行拉伸，韧带拉伤",
                  "{g}期间跑步机突然加速，摔倒受伤")),
          List.of("赔偿医药费", "赔偿误工费", "承担治疗费用"));

  static final Category GYM =
      new Category(
          "gym",
          List.of("{n}健身", "{n}健身会所", "{n}健身工作室", "{n}运动馆", "{n}健身中心"),
          "健身服务",
          List.of("健身", "办卡", "锻炼", "运动"),
          List.of("之前还一直在推销续卡", "会员群里很多人都是同样遭遇", "打前台电话一直没人接", "合同和收据都在"),
          List.of(GYM_CLOSURE, GYM_REFUND, GYM_INJURY),
          false);

  static final Category SUPERMARKET =
      new Category(
          "supermarket",
          List.of("{n}超市", "{n}便利店", "{n}生鲜超市", "{n}购物广场"),
          "商贸",
          List.of("购物", "买东西", "买菜"),
          List.of("小票还留着", "找收银员理论，说系统就是这个价", "店长说只能退货不能赔偿", "拍了货架的照片"),
          List.of(
              new Kind(
                  "expired",
                  5,
                  120,
                  List.of("牛奶", "面包", "酸奶", "火腿肠", "饼干", "速冻水饺", "月饼", "鸡蛋", "豆腐", "果汁"),
                  List.of(
                      List.of(
                          "买的{g}已经过了保质期",
                          "货架上的{g}是几个月前生产的，早就过期",
                          "回家才发现{g}过期了还在卖",
                          "{g}包装上的日期被改过，实际已经过期")),
                  List.of("退一赔十", "退款并赔偿", "下架过期商品")),
              new Kind(
                  "price-tag",
                  10,
                  400,
                  List.of("大米", "食用油", "洗衣液", "苹果", "猪肉", "牛肉", "榴莲", "车厘子"),
                  List.of(
                      List.of(
                          "{g}货架标价和收银价格不一致，多收了钱",
                          "{g}促销价写着打折，结账还是按原价收",
                          "{g}价签写的是会员价，结账不给优惠",
                          "{g}标的特价，到收银台变成了原价")),
                  List.of("退还差价", "按标价结算", "退款")),
              new Kind(
                  "short-weight",
                  20,
                  300,
                  List.of("猪肉", "牛肉", "榴莲", "车厘子", "活虾", "排骨"),
                  List.of(List.of("买的{g}回家一称少了好几两", "{g}称重时连袋子带水一起算", "超市称的{g}比家里的秤重了三百多克")),
                  List.of("退还差价", "赔偿", "检查电子秤"))),
          false);

  static final Category ELECTRONICS =
      new Category(
          "electronics",
          List.of("{n}通讯", "{n}手机店", "{n}数码", "{n}电器", "{n}手机专卖店"),
          "电子科技",
          List.of("买手机", "购物", "买东西"),
          List.of("去店里几次都推给厂家", "发票和包装盒都在", "店员态度很差", "售后电话打不通"),
          List.of(
              new Kind(
                  "quality",
                  200,
                  8000,
                  List.of("手机", "平板电脑", "蓝牙耳机", "笔记本电脑", "智能手表", "充电宝"),
                  List.of(
                      List.of(
                          "新买的{g}用了没几天就开不了机",
                          "{g}屏幕经常失灵，自己乱点",
                          "{g}电池鼓包发烫，很危险",
                          "{g}频繁死机重启，修了几次都没好")),
                  List.of("退货退款", "换新", "免费维修")),
              new Kind(
                  "refurbished",
                  1500,
                  9000,
                  List.of("手机", "平板电脑", "笔记本电脑"),
                  List.of(
                      List.of("买的全新{g}查了序列号发现是翻新机", "{g}激活日期比购买日期还早，是二手当新的卖", "商家把拆封过的{g}当全新的卖")),
                  List.of("退一赔三", "退货退款", "赔偿"))),
          false);

  static final Kind HOTEL_CANCEL =
      new Kind(
          "hotel-cancel",
          300,
          3000,
          List.of("大床房", "双床房", "海景房", "家庭房", "亲子房"),
          List.of(
              List.of(
                  "国庆期间预订的{g}，入住前商家单方面取消了订单",
                  "提前一个月订好的{g}，临到入住说没房了，要加价才能住",
                  "节前商家以系统出错为由取消{g}订单，让按高价重新订",
                  "订好的{g}到了前台被告知超售，只能另外加钱")),
          List.of("赔偿差价", "按原价安排入住", "赔偿损失", "退还房费"));

  static final Category HOTEL =
      new Category(
          "hotel",
          List.of("{n}酒店", "{n}民宿", "{n}客栈", "{n}精品酒店", "{n}度假酒店"),
          "酒店管理",
          List.of("住宿", "订房", "入住"),
          List.of("带着老人孩子大半夜找房", "订单截图都保存了", "前台推说是平台的问题", "周边酒店全都满房"),
          List.of(
              HOTEL_CANCEL,
              new Kind(
                  "hygiene",
                  200,
                  1500,
                  List.of("大床房", "双床房", "海景房"),
                  List.of(List.of("{g}床单有污渍，卫生间有虫子", "入住的{g}霉味很重，毛巾发黄", "{g}里有用过的牙刷没换")),
                  List.of("退还房费", "赔偿")),
              new Kind(
                  "deposit",
                  100,
                  1000,
                  List.of("押金"),
                  List.of(List.of("退房后{g}迟迟不退", "商家以损坏物品为由扣了{g}", "说好退房当天退{g}，一周了还没退")),
                  List.of("退还押金"))),
          false);

  static final Kind TRAINING_CLOSURE =
      new Kind(
          "training-closure",
          2000,
          20000,
          List.of("英语课", "钢琴课", "美术课", "编程课", "舞蹈课", "托管班"),
          List.of(
              List.of(
                  "培训机构突然停课，预交的{g}学费不退",
                  "机构负责人失联，孩子的{g}上不了了",
                  "{g}上了几节就说要搬校区，之后一直没开课",
                  "机构停业，{g}剩下的课时费没人管")),
          List.of("退还剩余学费", "全额退费"));

  static final Category TRAINING =
      new Category(
          "training",
          List.of("{n}教育", "{n}培训学校", "{n}艺术培训", "{n}英语"),
          "教育咨询",
          List.of("报名", "给孩子报班", "报课"),
          List.of("家长群里几十个家长都联系不上老师", "交费记录都在", "前台说总部在处理"),
          List.of(
              TRAINING_CLOSURE,
              new Kind(
                  "false-ad",
                  2000,
                  10000,
                  List.of("英语课", "编程课", "钢琴课"),
                  List.of(List.of("{g}宣传说包过，没过也不退费", "报{g}时承诺名师授课，实际是实习生上课")),
                  List.of("退还学费", "赔偿"))),
          false);

  static final Kind FORCED_SHOPPING =
      new Kind(
          "forced-shopping",
          100,
          3000,
          List.of("鼓浪屿一日游", "土楼一日游", "厦门两日游", "环岛游"),
          List.of(
              List.of(
                  "参加{g}被导游带进购物店，不买东西不让走",
                  "{g}行程安排了好几个购物点，导游强迫消费",
                  "报了{g}，导游在车上辱骂不购物的游客",
                  "{g}说好是纯玩团，实际一直被拉去购物")),
          List.of("退还团费", "赔偿", "退还购物款"));

  static final Category TOUR =
      new Category(
          "tour",
          List.of("{n}旅行社", "{n}国际旅行社", "{n}旅游", "{n}票务"),
          "旅游服务",
          List.of("报团", "旅游", "买票"),
          List.of("同团的游客都很气愤", "导游的工号拍下来了", "合同上写的是无购物"),
          List.of(
              FORCED_SHOPPING,
              new Kind(
                  "ticket",
                  50,
                  600,
                  List.of("鼓浪屿船票", "景区门票", "演出门票"),
                  List.of(List.of("买的{g}比官方价格贵了一倍", "网上订的{g}到现场说无效", "{g}被加价倒卖，付了钱不出票")),
                  List.of("退款", "退还差价"))),
          false);

  static final Category ONLINE =
      new Category(
          "online",
          List.of("{n}旗舰店", "{n}专营店", "{n}官方旗舰店", "{n}小店"),
          "电子商务",
          List.of("网购", "下单", "买东西"),
          List.of("客服一直是自动回复", "聊天记录截图了", "平台介入也没用"),
          List.of(
              new Kind(
                  "not-delivered",
                  50,
                  3000,
                  List.of("衣服", "运动鞋", "化妆品", "茶叶", "空气炸锅", "儿童玩具"),
                  List.of(List.of("网上买的{g}付款后一直不发货", "{g}显示已签收，实际根本没收到", "{g}下单半个月还没发货，客服不回")),
                  List.of("退款", "尽快发货")),
              new Kind(
                  "fake",
                  100,
                  3000,
                  List.of("化妆品", "运动鞋", "茶叶", "白酒"),
                  List.of(List.of("收到的{g}是假货，和专柜的不一样", "{g}经鉴定是仿冒品", "{g}包装粗糙，怀疑是假冒的")),
                  List.of("假一赔十", "退一赔三", "退款"))),
          true);

  static final Category CAR =
      new Category(
          "car",
          List.of("{n}汽车维修", "{n}汽修厂", "{n}汽车服务", "{n}汽车美容"),
          "汽车服务",
          List.of("保养", "修车", "做保养"),
          List.of("维修单上没有写明", "换下来的旧件不给看", "事后打电话也不认账"),
          List.of(
              new Kind(
                  "over-repair",
                  300,
                  5000,
                  List.of("刹车片", "轮胎", "变速箱油", "火花塞", "电瓶"),
                  List.of(
                      List.of(
                          "去保养被告知要换{g}，后来发现原来的还能用", "没经同意就给车换了{g}，还收了高价", "换的{g}不是原厂件，却按原厂价收费")),
                  List.of("退还维修费", "退还差价", "赔偿"))),
          false);

  static final List<Category> CATEGORIES =
      List.of(SEAFOOD, GYM, SUPERMARKET, ELECTRONICS, HOTEL, TRAINING, TOUR, ONLINE, CAR);

  /** Places of Xiamen where shops are: district, road or area, and a landmark for addresses. */
  static final List<String[]> PLACES =
      List.of(
          new String[] {"思明区", "中山路", "中山路店"},
          new String[] {"思明区", "曾厝垵", "曾厝垵店"},
          new String[] {"思明区", "鼓浪屿龙头路", "鼓浪屿店"},
          new String[] {"思明区", "沙坡尾", "沙坡尾店"},
          new String[] {"思明区", "湖滨南路", "湖滨南路店"},
          new String[] {"湖里区", "五缘湾", "五缘湾店"},
          new String[] {"湖里区", "江头北路", "江头店"},
          new String[] {"湖里区", "万达广场", "万达店"},
          new String[] {"集美区", "集美学村", "集美学村店"},
          new String[] {"海沧区", "海沧大道", "海沧店"},
          new String[] {"同安区", "环城南路", "同安店"},
          new String[] {"翔安区", "马巷", "马巷店"});
}
