package org.hotline.loadtest.corpus;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The words of a complaint: what happened, per grievance, in several paraphrases, and how each
 * channel frames it. Facts are written without a pronoun so that an operator's third-person note, a
 * consumer's first-person post and a 12345 work order can all carry them.
 *
 * <p>In a fact, {@code {g}} is the goods and {@code {a}} the amount in yuan; a part in square
 * brackets is dropped when the filing does not mention the amount, as operators often don't. Facts
 * avoid the jurisdiction keywords of xiamen.yaml (物业费, 拒载, 已起诉…) and the strong cues of other
 * grievances, so that the truth grievance is the one the text supports.
 */
final class Wording {
  static final String[] GRIEVANCES = {
    "price", "weights", "quality_return", "prepaid", "not_performed", "false_advertising",
    "invoice", "safety", "counterfeit", "contract", "forced_trade", "other"
  };

  private static final Map<String, String[]> FACTS =
      Map.ofEntries(
          Map.entry(
              "price",
              new String[] {
                "点的{g}没有明码标价，结账时按斤另算[，一共{a}元]，明显多收费",
                "菜单上看不到价格，买单时老板张口就要[{a}元]，属于宰客",
                "店内标价与结账金额不一致，{g}实际收费高出不少[，多付了{a}元]",
                "结账时被临时加价，{g}的价格比询价时翻了一倍",
                "被额外收取茶位费和餐具费，事先没有任何告知[，合计{a}元]"
              }),
          Map.entry(
              "weights",
              new String[] {
                "买的{g}拿到公平秤复秤，少了将近二两",
                "{g}称重时连袋带水一起称，分量明显不足",
                "商家的秤有问题，{g}标称一斤实际只有七两多",
                "缺斤短两，{g}到家复称少了半斤[，按{a}元付的款]"
              }),
          Map.entry(
              "quality_return",
              new String[] {
                "购买的{g}用了没几天就坏了，要求退换被商家拒绝",
                "{g}存在质量问题，商家不予退换，一直推脱",
                "{g}出现故障，送修两次都没修好，商家拒绝退货",
                "七天无理由退货期内申请退货，商家不同意[，货款{a}元]"
              }),
          Map.entry(
              "prepaid",
              new String[] {
                "在该店办了会员卡[并充值{a}元]，现在门店已闭店，卡内余额退不出来",
                "预付的课时费[{a}元]还没用完，商家突然停业，老板联系不上",
                "店铺人去楼空，储值卡[里剩余的{a}元]无法使用",
                "充值后不到两个月商家就跑路了，剩余[{a}元]预付款无人处理"
              }),
          Map.entry(
              "not_performed",
              new String[] {
                "付款后商家迟迟不发货，催了多次也没有回复",
                "预订的{g}临近使用时被商家单方面取消订单，也没有任何说法",
                "已付款[{a}元]，商家未按约定提供服务，一直没有下文",
                "{g}显示已签收，但根本没有收到"
              }),
          Map.entry(
              "false_advertising",
              new String[] {
                "{g}与宣传不符，广告上写的赠送项目根本没有",
                "网页上的图片和实际的{g}完全不一样，货不对板",
                "商家宣称{g}是纯手工制作，实际是流水线产品，虚假宣传",
                "直播间承诺的效果和赠品都没有兑现，夸大宣传"
              }),
          Map.entry(
              "invoice",
              new String[] {
                "消费[{a}元]后索要发票，商家拒绝开具", "要求开发票，店家说要加税点才给开", "结账后商家只给收据，不给开发票", "多次索取发票，商家一直推说开不了票"
              }),
          Map.entry(
              "safety",
              new String[] {
                "吃了店里的{g}后上吐下泻，去医院诊断为急性肠胃炎",
                "买回的{g}已经变质发臭，包装上的日期疑似被改过",
                "{g}里发现了异物，店员只说换一份",
                "店内地面湿滑没有任何提示，摔倒受伤"
              }),
          Map.entry(
              "counterfeit",
              new String[] {"购买的{g}经品牌方鉴定为假货", "{g}是高仿货，包装做得和正品一模一样", "所谓的{g}不是正品，防伪码查询无记录"}),
          Map.entry(
              "contract",
              new String[] {
                "商家收了[{a}元]押金，现在以各种理由拒不退还", "合同里有概不退换的霸王条款，商家据此拒绝处理", "未经同意擅自增加项目并扣了费用[{a}元]"
              }),
          Map.entry(
              "forced_trade",
              new String[] {"店员强制推销{g}，不买不放人", "就餐时被要求必须点店内指定酒水", "导游带进购物店，不购物就不开车"}),
          Map.entry("other", new String[] {"店员服务态度恶劣，问话爱答不理", "店家拒绝收取现金，老人无法付款", "店员态度很差，还甩脸色"}));

  static final String[] REQUESTS = {
    "要求退款", "要求商家赔偿损失", "请求依法处理", "希望相关部门调查处理", "要求退一赔三", "要求商家道歉并全额退款", "请求协调解决"
  };

  static final String[] PHONE_OPENERS = {"来电人反映：", "来电人反映，", "消费者来电反映：", "来电人称："};
  static final String[] PHONE_REQUESTS = {"诉求：", "来电人诉求：", "要求："};

  static final String[] WEB_OPENERS = {"我", "本人", "你好，我", "投诉！我"};
  static final String[] WEB_FEELINGS =
      Noise.withTypos(
          new String[] {
            "真的太气人了！",
            "这样的商家怎么还能继续营业？",
            "已经和商家沟通过好几次都没用。",
            "出来旅游碰到这种事心情全没了。",
            "希望你们管一管！",
            "在这里消费真的让人寒心。",
            "消费者的权益谁来保障？"
          });

  static final String[] HOTLINE_OPENERS = {"市民反映：", "市民来电反映：", "市民反映，"};
  static final String[] HOTLINE_CLOSINGS = {"请相关部门核实处理。", "请市场监管部门依法处理。", "请核实并回复市民。"};

  private Wording() {}

  /** The paraphrases of a grievance, or a trade's own facts when it has them. */
  static String[] facts(Trade trade, String grievance) {
    String[] own = trade.ownFacts.get(grievance);
    return own != null ? own : FACTS.get(grievance);
  }

  /**
   * Appends one paraphrase of the fact, filling the goods and, when {@code amount} is non-null, the
   * amount; bracketed parts go when it is null.
   */
  static void fact(StringBuilder sb, String template, String goods, String amount) {
    boolean skipping = false;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '[') {
        skipping = amount == null;
      } else if (c == ']') {
        skipping = false;
      } else if (skipping) {
        continue;
      } else if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
        sb.append(template.charAt(i + 1) == 'g' ? goods : amount == null ? "" : amount);
        i += 2;
      } else {
        sb.append(c);
      }
    }
  }

  static String pick(SplittableRandom rng, String[] options) {
    return options[rng.nextInt(options.length)];
  }
}
