package org.hotline.dedup.eval;

import static org.hotline.dedup.eval.EvalVocabulary.fact;

import java.util.List;
import org.hotline.dedup.eval.EvalVocabulary.Category;
import org.hotline.dedup.eval.EvalVocabulary.Kind;

/** The merchant categories of the evaluation set and the kinds of matter they draw. */
final class EvalCategories {
  private EvalCategories() {}

  static final Kind OVERCHARGE =
      new Kind(
          "overcharge",
          300,
          3000,
          List.of("螃蟹", "皮皮虾", "鲍鱼", "石斑鱼", "龙虾", "花甲", "生蚝", "蛏子", "红膏蟹", "鱿鱼", "八爪鱼", "海胆"),
          List.of(
              fact(
                  "price",
                  "点{g}时说按斤卖，结账却按两算，价格翻了十倍",
                  "{g}报价讲的是一斤的价钱，买单时变成每两的价格",
                  "服务员口头报价{g}几十元一斤，结账时说是一两的价",
                  "{g}按两计价却故意说成按斤，账单高得离谱",
                  "点{g}时以为是整斤的价，买单才知道单位是两，一桌下来好几千"),
              fact(
                  "weights",
                  "{g}称重时缺斤短两，分量明显不足",
                  "当面称好的{g}和端上桌的分量对不上，怀疑秤做了手脚",
                  "店里的秤不准，{g}少了将近一半",
                  "{g}称重时动了手脚，重量虚报",
                  "{g}端上来一看就不够数，当面再称一次轻了快一半"),
              fact(
                  "price",
                  "菜单上{g}没有标价，结账时价格高得吓人",
                  "点{g}时没有明码标价，买单才知道这么贵",
                  "{g}价格不公示，结账时随意要价",
                  "{g}不标价，结账时店员临时报了个天价",
                  "点{g}时问价服务员含糊其辞，买单时张口就要上千")),
          List.of("退还多收的钱", "退款并赔偿", "退一赔三", "给个合理说法", "按标价重新结算"));

  static final Kind FOOD_SAFETY =
      new Kind(
          "food-safety",
          100,
          900,
          List.of("螃蟹", "生蚝", "花甲", "海鲜粥", "沙茶面", "炒米粉", "海蛎煎", "鱼丸汤"),
          List.of(
              fact(
                  "safety",
                  "吃了{g}后上吐下泻，去医院挂了急诊",
                  "食用{g}后全家腹泻呕吐，怀疑食材不新鲜",
                  "吃完{g}当晚就肚子疼、拉肚子，去了医院",
                  "吃完{g}出现食物中毒症状，到医院输液"),
              fact("safety", "{g}里吃出了头发", "在{g}里发现一根长头发", "端上来的{g}里面有头发"),
              fact("safety", "在{g}里发现一只虫子", "{g}里吃出了虫子", "{g}里有只死虫"),
              fact("safety", "{g}里面有塑料碎片，差点咬到", "{g}里吃出一块硬塑料", "{g}里有塑料片，把牙硌了")),
          List.of("赔偿医药费", "退款并赔偿", "赔偿损失", "道歉并赔偿"));

  static final Kind FEES =
      new Kind(
          "fees",
          20,
          300,
          List.of("茶位费", "纸巾费", "开瓶费", "包间费", "服务费"),
          List.of(
              fact(
                  "price",
                  "结账时多收了{g}，事先没有任何告知",
                  "店家强制收取{g}，点菜时没人提过",
                  "账单上莫名多出一项{g}",
                  "不用也要收{g}，属于强制消费")),
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
              fact(
                  "prepaid",
                  "健身房突然关门停业，老板联系不上，办的{g}还没用完",
                  "门店毫无预告就闭店了，{g}剩下的钱退不回来",
                  "健身房人去楼空，门口贴了停业通知，预付的{g}没法用了",
                  "商家跑路了，办了{g}却再也进不去门",
                  "说是装修暂停营业，之后一直没开门，{g}等于作废",
                  "{g}里的钱还没用完，器材一夜之间被搬空，前台也没人了")),
          List.of("退还剩余费用", "全额退款", "退卡退费", "追回预付款"));

  static final Category GYM =
      new Category(
          "gym",
          List.of("{n}健身", "{n}健身会所", "{n}健身工作室", "{n}运动馆", "{n}健身中心"),
          "健身服务",
          List.of("健身", "办卡", "锻炼", "运动"),
          List.of("之前还一直在推销续卡", "会员群里很多人都是同样遭遇", "打前台电话一直没人接", "合同和收据都在"),
          List.of(
              GYM_CLOSURE,
              new Kind(
                  "gym-refund",
                  1000,
                  6000,
                  List.of("年卡", "私教课", "季卡", "储值卡"),
                  List.of(
                      fact(
                          "prepaid", "办了{g}后因工作调动想退，店里拒绝退费", "工作调到外地，{g}申请退费被拒", "因为搬家想退{g}，商家不同意"),
                      fact(
                          "contract",
                          "想把没用完的{g}退掉，店里要扣一大笔手续费",
                          "{g}退费要扣百分之三十的违约金",
                          "退{g}时被扣了一半的钱当手续费")),
                  List.of("退卡退费", "按剩余课时退款", "解除合同")),
              new Kind(
                  "gym-injury",
                  300,
                  5000,
                  List.of("私教课", "团课", "动感单车课", "拳击课"),
                  List.of(
                      fact("safety", "上{g}时教练指导不当，腰部扭伤", "{g}上教练动作教错了，把腰扭了", "上{g}被教练带着做错动作，腰伤了"),
                      fact("safety", "{g}用的器械有故障，运动时受了伤", "{g}的器械坏了没人修，用的时候受伤", "上{g}时器械突然断裂，人受了伤"),
                      fact(
                          "safety",
                          "{g}期间跑步机突然加速，摔倒受伤",
                          "跑步机突然失控，{g}时摔伤了",
                          "{g}时跑步机速度自己变快，把人甩了下来")),
                  List.of("赔偿医药费", "赔偿误工费", "承担治疗费用"))),
          false);

  static final Kind TRAINING_CLOSURE =
      new Kind(
          "training-closure",
          2000,
          20000,
          List.of("英语课", "钢琴课", "美术课", "编程课", "舞蹈课", "托管班"),
          List.of(
              fact(
                  "prepaid",
                  "培训机构突然停课，预交的{g}学费不退",
                  "机构负责人失联，孩子的{g}上不了了",
                  "{g}上了几节就说要搬校区，之后一直没开课",
                  "机构停业，{g}剩下的课时费没人管",
                  "机构一夜之间搬空了，{g}剩下的课没人上，负责人电话也打不通")),
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
                  List.of(
                      fact("false_advertising", "{g}宣传说包过，没过也不退费", "报{g}时承诺不过全额退，考完没过却不认账"),
                      fact("false_advertising", "报{g}时承诺名师授课，实际是实习生上课", "{g}说是名师教，来上课的却是刚毕业的学生")),
                  List.of("退还学费", "赔偿"))),
          false);

  static final List<Category> ALL =
      List.of(
          SEAFOOD,
          GYM,
          EvalServices.SUPERMARKET,
          EvalServices.ELECTRONICS,
          EvalServices.HOTEL,
          TRAINING,
          EvalServices.TOUR,
          EvalServices.ONLINE,
          EvalServices.CAR);
}
