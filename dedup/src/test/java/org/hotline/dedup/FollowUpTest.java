package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A filing that says it follows up the person's filing already made: a call to 12315 that could not
 * name the shop, then the web form that names it (set BB); the call centre's summary of a second
 * call that stresses another side of the matter (set BC).
 */
@DisplayName("a follow-up of a filing already made")
class FollowUpTest {
  private static final String CALL = "来电人反映昨晚在美团点了集美学村那家奶茶店的杨枝甘露，喝完上吐下泻，要求处理。";
  private static final String PAGE =
      "昨天打了12315，当时想不起店名，后来翻订单才找到：美团外卖“茶屿日记(集美学村店)”，7月17日晚9点下单，一杯大杯杨枝甘露23元。喝了一半就觉得味道不对，半夜开始拉肚子。";
  private static final String PAGE_ALONE =
      "美团外卖“茶屿日记(集美学村店)”，7月17日晚9点下单，一杯大杯杨枝甘露23元。喝了一半就觉得味道不对，半夜开始拉肚子。";

  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  private record Filing(String merchant, String text, String grievance, String receivedAt) {}

  /** Each filing's verdict, all by one person, in order. */
  private List<DedupVerdict> verdicts(Filing... filings) {
    DedupOptions options = DedupOptions.defaults();
    RecentFilings recent = new RecentFilings(options, fingerprinter::placeOpening);
    List<DedupVerdict> out = new ArrayList<>();
    try (InMemoryDedupIndex index = new InMemoryDedupIndex(options)) {
      for (Filing f : filings) {
        DedupRecord r =
            TestRecords.complaint()
                .phone("13906050002")
                .merchant(f.merchant())
                .content(f.text())
                .amount(null) // what the text states, as a web form left blank
                .occurredOn(LocalDate.of(2026, 7, 17))
                .grievance(f.grievance())
                .at(Instant.parse(f.receivedAt()))
                .build();
        out.add(
            recent
                .decide(index, fingerprinter.fingerprint(r))
                .toCompletableFuture()
                .join()
                .verdict());
      }
    }
    return out;
  }

  @Test
  @DisplayName("every follow-up word is found in one pass over the text, full-width digits too")
  void wordsFound() {
    for (String w : ContentFacts.FOLLOWS_UP) {
      assertThat(ContentFacts.followsUp(ContentTokens.normalise("来电人反映，" + w + "，要求处理。")))
          .as(w)
          .isTrue();
    }
    assertThat(ContentFacts.followsUp(ContentTokens.normalise("昨天打了１２３１５，补充店名"))).isTrue();
    assertThat(ContentFacts.followsUp(ContentTokens.normalise(PAGE_ALONE))).isFalse();
    assertThat(ContentFacts.followsUp(ContentTokens.normalise("之前已经投诉过他们乱收费，现在发现连货都是假的")))
        .as("已经投诉过 tells of the other matter it was")
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "市民反映：该机构停课闭店，此前已向12315反映。诉求：退还剩余学费。",
        "来电人反映：商家仍未处理，此前已通过12345反映，要求退款。",
        "之前12345已经反映过：直播间买的外套开线起球，退货被拒。",
        "肉松吃出硬塑料，前天已经打电话反映了，要求十倍赔偿。",
        "做了一次完全没效果，已经打电话投诉过，希望尽快处理。",
        "只给改期不给退，之前电话投诉了，再次要求退款。"
      })
  @DisplayName("a channel the matter was complained of through before (set BR, BS, BQ)")
  void complainedBefore(String text) {
    assertThat(ContentFacts.followsUp(ContentTokens.normalise(text))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"已电话联系商家，商家拒绝退款。", "来电人电话投诉称商家多收费用。", "商家电话一直打不通，要求处理。", "网上的评价说这家店经常缺斤少两。"})
  @DisplayName("not a call to the shop, this call itself, or what others wrote online")
  void notComplainedBefore(String text) {
    assertThat(ContentFacts.followsUp(ContentTokens.normalise(text))).isFalse();
  }

  @Test
  @DisplayName("a matter complained of apart from the one complained of before is another matter")
  void apart() {
    assertThat(
            ContentFacts.announcesAnotherMatter(
                ContentTokens.normalise("钱的事我已经打电话反映了，这里单独投诉他们骂人推人，要求道歉。")))
        .isTrue();
  }

  @Test
  @DisplayName(
      "a follow-up nine days on, as 12345's restatements come (set BV); not after two weeks")
  void nineDaysOn() {
    Filing order =
        new Filing(
            "嘉园物业",
            "市民反映：其所在小区物业公司收取装修押金5000元，装修结束已三个月拒不退还。诉求：督促物业公司退还押金。",
            "contract",
            "2026-03-16T02:00:00Z");
    String call = "来电人反映：其小区物业拒绝退还装修押金5000元，此前已向12345反映。要求退还押金。";
    List<DedupVerdict> v =
        verdicts(order, new Filing("嘉园小区物业", call, "quality_return", "2026-03-25T06:00:00Z"));
    assertThat(v.get(1).kind()).isEqualTo(Kind.DUPLICATE);
    List<DedupVerdict> late =
        verdicts(order, new Filing("嘉园小区物业", call, "quality_return", "2026-04-01T06:00:00Z"));
    assertThat(late.get(1).kind()).isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("the web form naming the shop the call could not is the call's re-filing")
  void namesTheShopLater() {
    List<DedupVerdict> v =
        verdicts(
            new Filing("奶茶店(名称不详)", CALL, "safety", "2026-07-18T02:00:00Z"),
            new Filing("茶屿日记(集美学村店)", PAGE, "safety", "2026-07-19T03:00:00Z"));
    assertThat(v.get(1).kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(
            verdicts(
                    new Filing("奶茶店(名称不详)", CALL, "safety", "2026-07-18T02:00:00Z"),
                    new Filing("茶屿日记(集美学村店)", PAGE_ALONE, "safety", "2026-07-19T03:00:00Z"))
                .get(1)
                .kind())
        .as("control: without saying it follows up, two names share nothing")
        .isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("the call centre's note of the web form, the tag's price beside the bill")
  void tagAndBill() {
    List<DedupVerdict> v =
        verdicts(
            new Filing(
                "鹭岛手信",
                "曾厝垵的鹭岛手信店，馅饼礼盒价签写“38元”，收银说38元是一斤的价格，一盒按斤算要60多，故意误导消费者！要求退款。",
                "price",
                "2026-10-05T11:55:00Z"),
            new Filing(
                "曾厝垵手信店",
                "来电人反映在曾厝垵鹭岛手信店购买馅饼礼盒，价签标“38元”实际按斤计价，5盒收320元，商家拒绝退款。已网上投诉。要求处理。",
                "price",
                "2026-10-06T06:50:00Z"));
    assertThat(v.get(1).kind()).isEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("a second call stressing another side of the matter, read as another grievance")
  void anotherSide() {
    List<DedupVerdict> v =
        verdicts(
            new Filing(
                "鹭美电器（湖里店）",
                "来电人反映：9.28在鹭美电器湖里店购买空调一台4299元，约定10.2上门安装，至今未安装。要求尽快安装或退款。",
                "not_performed",
                "2026-10-03T02:00:00Z"),
            new Filing(
                "鹭美电器",
                "来电人反映此前来电投诉的空调安装问题：商家仍未安装，着重反映商家客服态度差、多次挂断电话。要求处理。",
                "quality_return",
                "2026-10-06T02:00:00Z"));
    assertThat(v.get(1).kind()).isEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("not which of two matters at one shop, when its grievance is neither's")
  void twoMattersThere() {
    List<DedupVerdict> v =
        verdicts(
            new Filing(
                "悦颜美容会所",
                "来电人反映曾在悦颜美容会所体验护理，之后个人信息被泄露，频繁收到推销电话。",
                "personal_info",
                "2026-09-30T02:00:00Z"),
            new Filing(
                "悦颜美容会所",
                "来电人反映在悦颜美容会所做面部护理，美容师称必须加购1280元的疗程才能继续。",
                "forced_trade",
                "2026-10-02T02:00:00Z"),
            new Filing(
                "悦颜美容", "昨天打了12315，补充一下：悦颜美容的店员态度很差，还骂人。", "dignity", "2026-10-03T02:00:00Z"));
    assertThat(v.get(2).kind()).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("not when it tells of another purchase: 又去买了")
  void anotherPurchase() {
    List<DedupVerdict> v =
        verdicts(
            new Filing(
                "阿强海鲜摊",
                "来电人反映：在东渡海鲜市场阿强海鲜摊购买基围虾3斤，回家复秤只有2斤3两，要求退差价。",
                "weights",
                "2026-07-18T02:00:00Z"),
            new Filing(
                "东渡市场阿强海鲜",
                "又被阿强海鲜坑了！上次买虾少秤打了电话，今天又去买了一条石斑，说3斤2两，回来一称2斤5两。",
                "weights",
                "2026-07-19T02:00:00Z"));
    assertThat(v.get(1).kind()).isNotEqualTo(Kind.DUPLICATE);
  }
}
