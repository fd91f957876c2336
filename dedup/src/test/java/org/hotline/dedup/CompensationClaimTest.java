package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Set BS's re-filings: a buyer's first filing gives what was paid (699 yuan for fake trainers), the
 * re-filing what the law lets them claim (退一赔三，共2097; 十倍赔偿680元 for food), and the two amounts are
 * one matter's.
 */
@DisplayName("a compensation claimed in a re-filing, compared as the price")
class CompensationClaimTest {
  private static long claimed(String text, long yuan) {
    return ContentFacts.priceClaimedFor(ContentTokens.normalise(text), yuan * 100);
  }

  @Test
  @DisplayName("the price a claim stands for when the text claims the amount as a multiple")
  void price() {
    assertThat(claimed("之前打了12315，现在要求退一赔三，共2097。", 2097)).isEqualTo(699_00);
    assertThat(claimed("要求退款489并按法律三倍赔偿1467元。", 1467)).isEqualTo(489_00);
    assertThat(claimed("诉求：退一赔三，共计9597元。", 9597)).isEqualTo(3199_00);
    assertThat(claimed("商家不理人，要求十倍赔偿680元。", 680)).isEqualTo(68_00);
    assertThat(claimed("要求退一赔三，共计2800元。", 2800)).as("four times: the price back").isEqualTo(700_00);
  }

  @Test
  @DisplayName(
      "none for a price, a claim without a multiple, or a claim the multiple does not divide")
  void none() {
    assertThat(claimed("花了699元，要求退一赔三。", 699)).as("what was paid").isNegative();
    assertThat(claimed("共消费699元，要求三倍赔偿。", 699)).as("what was paid").isNegative();
    assertThat(claimed("要求退款并赔偿，共1308元。", 1308)).as("no multiple named").isNegative();
    assertThat(claimed("要求三倍赔偿1001元。", 1001)).as("no whole price").isNegative();
    assertThat(claimed("要求三倍赔偿2097元。", 2098)).as("not the amount stated").isNegative();
    assertThat(ContentFacts.priceClaimedFor(null, 2097_00)).isNegative();
  }

  @Test
  @DisplayName("twice the price with the refund: 按价款赔偿，共538 after 269 (set BT)")
  void twice() {
    assertThat(claimed("诉求：退货退款并按价款赔偿，共538元。", 538)).isEqualTo(269_00);
    assertThat(claimed("要求双倍返还定金共8560元。", 8560)).isEqualTo(4280_00);
  }

  private static boolean notThePrice(String text, long yuan) {
    return ContentFacts.notThePrice(ContentTokens.normalise(text), yuan * 100);
  }

  @Test
  @DisplayName("a compensation or what is left is no price: compared as unknown (set BT)")
  void noPrice() {
    assertThat(notThePrice("我要求赔偿医疗费和误工费共3000元。", 3000)).isTrue();
    assertThat(notThePrice("诉求：依法赔偿1000元（法定最低赔偿）并查处。", 1000)).isTrue();
    assertThat(notThePrice("到现在只退了一半，还有1990元没退。", 1990)).isTrue();
    assertThat(notThePrice("卡内余额5100元，该店于3月1日停业。", 5100)).isTrue();
    assertThat(notThePrice("团费3980元，要求退款并赔偿损失。", 3980)).as("the price, then 赔").isFalse();
    assertThat(notThePrice("花了12980元，退款19800元。", 1980)).as("not the amount as a number").isFalse();
  }

  @Test
  @DisplayName("the re-filing that claims three times the price is compared by the price")
  void refiling() {
    Fingerprinter fingerprinter = new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
    DedupRecord first =
        TestRecords.complaint()
            .phone("14253580602")
            .merchant("厦门骏达运动用品有限公司")
            .content("来电人反映在淘宝厦门骏达运动用品有限公司店铺购买耐克运动鞋一双，699元，经鉴定为假冒产品，商家地址翔安马巷。要求退一赔三。")
            .amount("699")
            .grievance("counterfeit")
            .at(TestRecords.T0)
            .build();
    DedupRecord again =
        TestRecords.complaint()
            .phone("+86 14253580602")
            .merchant("骏达运动专营店")
            .content("淘宝骏达运动专营店买的耐克跑鞋是假的，得物鉴定结果都出来了，商家死不承认。之前打了12315，现在要求退一赔三，共2097。")
            .amount("2097")
            .grievance("counterfeit")
            .at(TestRecords.T0.plus(Duration.ofDays(7)))
            .build();

    assertThat(fingerprinter.fingerprint(again).amountCents())
        .isEqualTo(fingerprinter.fingerprint(first).amountCents())
        .isEqualTo(699_00);
    assertThat(again.amount()).as("the record keeps what was claimed").isEqualByComparingTo("2097");
  }
}
