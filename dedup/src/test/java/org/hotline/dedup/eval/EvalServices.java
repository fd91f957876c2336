package org.hotline.dedup.eval;

import static org.hotline.dedup.eval.EvalVocabulary.fact;

import java.util.List;
import org.hotline.dedup.eval.EvalVocabulary.Category;
import org.hotline.dedup.eval.EvalVocabulary.Kind;

/**
 * More merchant categories of the evaluation set: shops, hotels, tours, online sellers, garages.
 */
final class EvalServices {
  private EvalServices() {}

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
                      fact(
                          "safety",
                          "买的{g}已经过了保质期",
                          "货架上的{g}是几个月前生产的，早就过期",
                          "回家才发现{g}过期了还在卖",
                          "买回来的{g}一看日期早就过了"),
                      fact("safety", "{g}包装上的日期被改过，实际已经过期", "{g}的生产日期贴了新标签盖住旧的", "{g}日期标签被重新贴过")),
                  List.of("退一赔十", "退款并赔偿", "下架过期商品")),
              new Kind(
                  "price-tag",
                  10,
                  400,
                  List.of("大米", "食用油", "洗衣液", "苹果", "猪肉", "牛肉", "榴莲", "车厘子"),
                  List.of(
                      fact(
                          "price",
                          "{g}货架标价和收银价格不一致，多收了钱",
                          "{g}促销价写着打折，结账还是按原价收",
                          "{g}价签写的是特价，到收银台变成了原价",
                          "{g}标的价格比结账时便宜，被多收了差价")),
                  List.of("退还差价", "按标价结算", "退款")),
              new Kind(
                  "short-weight",
                  20,
                  300,
                  List.of("猪肉", "牛肉", "榴莲", "车厘子", "活虾", "排骨"),
                  List.of(
                      fact("weights", "买的{g}回家一称少了好几两", "超市称的{g}比家里的秤重了三百多克", "{g}回家复秤，分量不够"),
                      fact("weights", "{g}称重时连袋子带水一起算", "称{g}时把泡水的重量也算进去", "{g}带着冰和水一起称重")),
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
                      fact(
                          "quality_return",
                          "新买的{g}用了没几天就开不了机",
                          "{g}买回来一周就无法开机",
                          "{g}突然黑屏，再也开不了机",
                          "{g}拿回家没几天就死活开不起来了"),
                      fact("quality_return", "{g}屏幕经常失灵，自己乱点", "{g}触屏不灵，经常自己乱跳", "{g}屏幕出现乱触，根本没法用"),
                      fact("quality_return", "{g}电池鼓包发烫，很危险", "{g}充电时发烫，电池都鼓起来了", "{g}电池膨胀，后盖被顶开")),
                  List.of("退货退款", "换新", "免费维修")),
              new Kind(
                  "refurbished",
                  1500,
                  9000,
                  List.of("手机", "平板电脑", "笔记本电脑"),
                  List.of(
                      fact(
                          "counterfeit",
                          "买的全新{g}查了序列号发现是翻新机",
                          "{g}激活日期比购买日期还早，是二手当新的卖",
                          "商家把翻新的{g}当全新的卖")),
                  List.of("退一赔三", "退货退款", "赔偿"))),
          false);

  static final Kind HOTEL_CANCEL =
      new Kind(
          "hotel-cancel",
          300,
          3000,
          List.of("大床房", "双床房", "海景房", "家庭房", "亲子房"),
          List.of(
              fact(
                  "not_performed",
                  "国庆期间预订的{g}，入住前商家单方面取消了订单",
                  "提前一个月订好的{g}，临到入住说没房了，要加价才能住",
                  "节前商家以系统出错为由取消{g}订单，让按高价重新订",
                  "订好的{g}到了前台被告知超售，只能另外加钱",
                  "到了前台说{g}没有了，订单被他们作废，让我们自己想办法")),
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
                  List.of(
                      fact("safety", "{g}床单有污渍，卫生间有虫子", "{g}的床单不干净，浴室里爬着虫", "入住的{g}床品脏，还有蟑螂"),
                      fact("safety", "入住的{g}霉味很重，毛巾发黄", "{g}里一股霉味，毛巾都是黄的", "{g}潮湿发霉，浴巾发黄发硬")),
                  List.of("退还房费", "赔偿")),
              new Kind(
                  "deposit",
                  100,
                  1000,
                  List.of("押金"),
                  List.of(
                      fact(
                          "contract",
                          "退房后{g}迟迟不退",
                          "说好退房当天退{g}，一周了还没退",
                          "{g}拖了半个月还没退回来",
                          "退房都半个月了，{g}还压着不还"),
                      fact("contract", "商家以损坏物品为由扣了{g}", "前台说毛巾弄脏了，扣了{g}", "退房时说设施有损坏，{g}不给退")),
                  List.of("退还押金"))),
          false);

  static final Kind FORCED_SHOPPING =
      new Kind(
          "forced-shopping",
          100,
          3000,
          List.of("鼓浪屿一日游", "土楼一日游", "厦门两日游", "环岛游"),
          List.of(
              fact(
                  "forced_trade",
                  "参加{g}被导游带进购物店，不买东西不让走",
                  "{g}行程安排了好几个购物点，导游强迫消费",
                  "报了{g}，导游在车上辱骂不购物的游客",
                  "{g}说好是纯玩团，实际一直被拉去购物",
                  "{g}全程被导游带着进店，谁不掏钱导游就甩脸子不让上车")),
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
                  List.of(
                      fact("price", "买的{g}比官方价格贵了一倍", "{g}被加价倒卖，比官网贵一倍多", "{g}卖的是高价，官方价格只要一半"),
                      fact("not_performed", "网上订的{g}到现场说无效", "付了钱的{g}到了检票口说查不到", "订好的{g}入场时被告知作废")),
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
                  List.of(
                      fact(
                          "not_performed",
                          "网上买的{g}付款后一直不发货",
                          "{g}下单半个月还没发货，客服不回",
                          "{g}拍下后迟迟不发货",
                          "{g}的钱早就付了，店家一直拖着不寄出来"),
                      fact(
                          "not_performed",
                          "{g}显示已签收，实际根本没收到",
                          "物流显示{g}签收了，我根本没拿到",
                          "{g}被显示签收，快递柜里也没有")),
                  List.of("退款", "尽快发货")),
              new Kind(
                  "fake",
                  100,
                  3000,
                  List.of("化妆品", "运动鞋", "茶叶", "白酒"),
                  List.of(
                      fact(
                          "counterfeit",
                          "收到的{g}是假货，和专柜的不一样",
                          "{g}经鉴定是仿冒品",
                          "{g}包装粗糙，怀疑是假冒的",
                          "{g}扫防伪码查不到，跟正品对比差别很大")),
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
                      fact(
                          "contract",
                          "去保养被告知要换{g}，后来发现原来的还能用",
                          "被说{g}坏了必须换，别的店检查说没问题",
                          "保养时被忽悠换了{g}，旧的其实是好的"),
                      fact(
                          "contract",
                          "没经同意就给车换了{g}，还收了高价",
                          "没打招呼就换了{g}，结账时多了一大笔",
                          "{g}没问过我就换了，收费很贵"),
                      fact(
                          "counterfeit",
                          "换的{g}不是原厂件，却按原厂价收费",
                          "{g}用的是副厂件，收的是原厂件的钱",
                          "说是原厂{g}，拆开一看是杂牌")),
                  List.of("退还维修费", "退还差价", "赔偿"))),
          false);
}
