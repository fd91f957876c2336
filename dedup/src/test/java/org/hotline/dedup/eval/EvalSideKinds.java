package org.hotline.dedup.eval;

import static org.hotline.dedup.eval.EvalVocabulary.fact;

import java.util.List;
import java.util.Map;
import org.hotline.dedup.eval.EvalVocabulary.Category;
import org.hotline.dedup.eval.EvalVocabulary.Kind;

/**
 * Grievances that can follow any purchase ({@code {g}} is whatever was bought): a refused invoice,
 * a broken promise, an insult while disputing, a defective product. They make the negatives the
 * held-out Golden Week set taught: the same person, merchant, goods and days, another grievance;
 * other people's other grievances at a storm merchant. Also the category field channels send.
 */
final class EvalSideKinds {
  private EvalSideKinds() {}

  static final Kind INVOICE =
      new Kind(
          "invoice",
          50,
          3000,
          List.of(),
          List.of(
              fact(
                  "invoice",
                  "消费{g}后要求开具发票，店家推说开不了",
                  "买{g}付完款想开张发票报销，老板说开票要另外加钱",
                  "付了{g}的钱，要张正规票据都不给，只写了张白条",
                  "{g}结账后索要发票，店员称发票用完了让改天再来",
                  "为{g}付的钱要个凭证，对方说小店没有这个")),
          List.of("开具发票", "补开发票", "依法处理"));

  static final Kind BROKEN_PROMISE =
      new Kind(
          "broken-promise",
          50,
          3000,
          List.of(),
          List.of(
              fact(
                  "false_advertising",
                  "店门口海报上宣传的{g}和实际拿到的完全是两回事",
                  "{g}宣传单上写的优惠，付款时店家不认",
                  "店员介绍{g}时夸得天花乱坠，实物根本不是那么回事",
                  "{g}跟网上的图片和介绍差太远了")),
          List.of("按宣传兑现", "退款", "赔偿"));

  static final Kind INSULT =
      new Kind(
          "insult",
          50,
          3000,
          List.of(),
          List.of(
              fact(
                  "dignity",
                  "因为{g}的事去找店家沟通，被店员当众辱骂",
                  "对{g}提出疑问，老板出言不逊还动手推人",
                  "去问{g}的事，店员冷嘲热讽说没钱就别来",
                  "为{g}的事理论了几句，被老板骂得很难听")),
          List.of("赔礼道歉", "处理涉事店员", "给个说法"));

  static final Kind DEFECT =
      new Kind(
          "defect",
          20,
          3000,
          List.of(),
          List.of(
              fact(
                  "quality_return",
                  "买的{g}质量很差，没用几天就坏了，店里不给换",
                  "{g}有明显的质量问题，要求退货被拒绝",
                  "{g}拿回去才发现是坏的，店家推说不是他们的问题")),
          List.of("退货", "换货", "退款"));

  /** Categories that sell things that can be defective. */
  private static final List<String> PRODUCTS = List.of("supermarket", "electronics", "online");

  /** The category field a channel may send for a merchant of each category (its trade). */
  static final Map<String, String> TRADE_FIELD =
      Map.of(
          "seafood", "餐饮服务",
          "gym", "健身服务",
          "supermarket", "食品",
          "electronics", "通讯器材",
          "hotel", "住宿服务",
          "training", "教育培训",
          "tour", "旅游服务",
          "online", "网络购物",
          "car", "汽车维修");

  /** The category field an operator may pick for each grievance. */
  static final Map<String, String> GRIEVANCE_FIELD =
      Map.ofEntries(
          Map.entry("price", "价格"),
          Map.entry("weights", "计量"),
          Map.entry("quality_return", "质量"),
          Map.entry("prepaid", "预付卡"),
          Map.entry("not_performed", "未履约"),
          Map.entry("false_advertising", "虚假宣传"),
          Map.entry("invoice", "发票"),
          Map.entry("safety", "食品安全"),
          Map.entry("counterfeit", "假冒伪劣"),
          Map.entry("contract", "合同"),
          Map.entry("forced_trade", "强制交易"),
          Map.entry("dignity", "人格尊严"));

  /** The side grievances that fit a merchant of {@code category}. */
  static List<Kind> of(Category category) {
    return PRODUCTS.contains(category.name())
        ? List.of(INVOICE, BROKEN_PROMISE, INSULT, DEFECT)
        : List.of(INVOICE, BROKEN_PROMISE, INSULT);
  }

  /** Whether a matter's goods were bought, so that another grievance can be about them. */
  static boolean isPurchase(String goods) {
    return !goods.equals("押金"); // a hotel's deposit is held, not bought
  }
}
