package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Similarity of short Chinese text")
class SimilarityTest {
  private static final String MERCHANT = "鹭江海鲜大排档";
  private static final String OPERATOR =
      "来电人反映：其10月2日在鹭江海鲜大排档吃饭，点螃蟹时说按斤卖，结账却按两算，价格翻了十倍。涉及金额1280元。要求退还多收的钱。";
  private static final String CONSUMER =
      "我１０月２号晚上在中山路的鹭江海鲜大排档（中山路店）吃海鲜，螃蟹按两计价却故意说成按斤，账单高得离谱！！花了１２８０块，太气人了！要求退款！";
  private static final String CITIZEN =
      "【12345转办】工单号：XM2025100288。市民反映：其于2025年10月2日在位于厦门市思明区中山路123号的鹭江海鲜大排档吃饭，"
          + "螃蟹报价讲的是一斤的价钱，买单时变成每两的价格。消费金额1280元。诉求：退还多收的钱。";
  private static final String OTHER_MATTER = "来电人反映：其10月9日在鹭江海鲜大排档吃饭，吃了海鲜粥后上吐下泻，去医院挂了急诊。要求赔偿医药费。";

  private static int agreement(String a, String b) {
    return MinHash.agreement(signature(a, 1), 0, signature(b, 2), 0);
  }

  private static long[] signature(String content, long salt) {
    return ContentShingles.signature(content, salt, MERCHANT, "厦门市思明区中山路123号", "中山路123号");
  }

  @Nested
  @DisplayName("MinHash")
  class MinHashes {
    @Test
    @DisplayName("agrees on every slot for equal sets")
    void equal() {
      long[] set = {1, 2, 3, 4, 5};
      assertThat(
              MinHash.agreement(MinHash.signature(set, 5, 0), 0, MinHash.signature(set, 5, 0), 0))
          .isEqualTo(MinHash.SLOTS);
    }

    @Test
    @DisplayName("estimates the Jaccard similarity of larger sets")
    void estimates() {
      long[] a = new long[300];
      long[] b = new long[300];
      for (int i = 0; i < 300; i++) {
        a[i] = i;
        b[i] = i + 150; // 150 shared of 450: J = 1/3
      }
      int agree =
          MinHash.agreement(MinHash.signature(a, 300, 0), 0, MinHash.signature(b, 300, 0), 0);
      assertThat(MinHash.jaccard(agree)).isBetween(1 / 3.0 - 0.15, 1 / 3.0 + 0.15);
    }

    @Test
    @DisplayName("barely agrees on disjoint sets (only 8-bit collisions)")
    void disjoint() {
      long[] a = new long[100];
      long[] b = new long[100];
      for (int i = 0; i < 100; i++) {
        a[i] = i;
        b[i] = 1000 + i;
      }
      assertThat(
              MinHash.agreement(MinHash.signature(a, 100, 0), 0, MinHash.signature(b, 100, 0), 0))
          .isLessThanOrEqualTo(4);
    }

    @Test
    @DisplayName("counts equal bytes like a plain loop")
    void swar() {
      Random random = new Random(42);
      for (int n = 0; n < 10_000; n++) {
        long a = random.nextLong();
        long b =
            random.nextBoolean() ? a ^ (random.nextLong() & random.nextLong()) : random.nextLong();
        int expected = 0;
        for (int i = 0; i < 8; i++) {
          expected += ((a >>> (8 * i)) & 0xFF) == ((b >>> (8 * i)) & 0xFF) ? 1 : 0;
        }
        assertThat(MinHash.equalBytes(a, b)).isEqualTo(expected);
      }
    }

    @Test
    @DisplayName("does not make two empty texts look identical")
    void empty() {
      assertThat(MinHash.agreement(signature("", 1), 0, signature("。。", 2), 0)).isLessThan(8);
    }
  }

  @Nested
  @DisplayName("content shingles")
  class Shingles {
    @Test
    @DisplayName("rank the same matter in other words above another matter at the same shop")
    void paraphrase() {
      int other = agreement(OPERATOR, OTHER_MATTER);
      assertThat(agreement(OPERATOR, CONSUMER)).isGreaterThan(other);
      assertThat(agreement(OPERATOR, CITIZEN)).isGreaterThan(other);
      assertThat(agreement(CONSUMER, CITIZEN)).isGreaterThan(other);
    }

    @Test
    @DisplayName("ignore the channel's boilerplate, digits, dates, the merchant's name and address")
    void boilerplate() {
      assertThat(ContentShingles.tokens("来电人反映：其10月2日在鹭江海鲜大排档吃饭。要求处理。", MERCHANT))
          .isEqualTo(
              ContentShingles.tokens("市民反映：其于2025年10月2日在厦门市思明区中山路123号的吃饭。诉求：处理。", "厦门市思明区中山路123号"));
    }

    @Test
    @DisplayName("do not care whether digits are full-width")
    void fullWidth() {
      assertThat(ContentShingles.tokens("花了１２８０块，螃蟹"))
          .isEqualTo(ContentShingles.tokens("花了1280块，螃蟹"));
    }
  }

  @Nested
  @DisplayName("facts stated in the text")
  class Facts {
    private final java.time.LocalDate received = java.time.LocalDate.of(2025, 10, 3);

    @Test
    @DisplayName("give the largest amount, in any width, with 万 and thousands separators")
    void amounts() {
      assertThat(ContentFacts.amountCents("花了1280元")).isEqualTo(128_000);
      assertThat(ContentFacts.amountCents("付了１２８０块钱")).isEqualTo(128_000);
      assertThat(ContentFacts.amountCents("共1,280元")).isEqualTo(128_000);
      assertThat(ContentFacts.amountCents("预付3.5万元")).isEqualTo(3_500_000);
      assertThat(ContentFacts.amountCents("报价198元一斤，共消费1280元")).isEqualTo(128_000);
      assertThat(ContentFacts.amountCents("花了400多元")).isEqualTo(40_000);
      assertThat(ContentFacts.amountCents("没说多少钱")).isEqualTo(Fingerprint.UNKNOWN_AMOUNT);
      // A price a ticket, a night, a person, a lesson is no amount paid (set X: 两张收了三百，官方船票才35元一张).
      assertThat(ContentFacts.amountCents("两张收了三百，后来才知道官方船票才35元一张"))
          .isEqualTo(Fingerprint.UNKNOWN_AMOUNT);
      assertThat(ContentFacts.amountCents("说好398元一晚，前台收了888元")).isEqualTo(88_800);
      assertThat(ContentFacts.amountCents("私教课300元每节")).isEqualTo(Fingerprint.UNKNOWN_AMOUNT);
    }

    @Test
    @DisplayName("skip numbers with three decimals or more, which are no amounts (found by Jazzer)")
    void numbersWithManyDecimals() {
      assertThat(ContentFacts.amountCents("店在24.4306,118.1386附近"))
          .isEqualTo(Fingerprint.UNKNOWN_AMOUNT);
      assertThat(ContentFacts.amountCents("称重1.275斤，收了1.250元"))
          .isEqualTo(Fingerprint.UNKNOWN_AMOUNT);
      assertThat(ContentFacts.amountCents("3.14159元，又付了88元")).isEqualTo(8_800);
    }

    @Test
    @DisplayName("list the text's distinct amounts in its order, at most four")
    void amountsInOrder() {
      assertThat(ContentFacts.amountsOfNormalised("押金交了3000，租金1750元，扣了我800块，只退回了2200元，又扣800元"))
          .containsExactly(175_000, 80_000, 220_000);
      assertThat(ContentFacts.amountsOfNormalised("已付款3万元，诉求退还约2.2万元"))
          .containsExactly(
              ContentFacts.amountCentsOfNormalised("3万元"),
              ContentFacts.amountCentsOfNormalised("2.2万元"));
      assertThat(ContentFacts.amountsOfNormalised("1元2元3元4元5元")).hasSize(4);
      assertThat(ContentFacts.amountsOfNormalised(null)).isEmpty();
    }

    @Test
    @DisplayName("give the date of the facts in the usual shapes, in the year before receipt")
    void dates() {
      int oct2 = (int) java.time.LocalDate.of(2025, 10, 2).toEpochDay();
      assertThat(ContentFacts.epochDay("其10月2日在", received)).isEqualTo(oct2);
      assertThat(ContentFacts.epochDay("其于2025年10月2日在", received)).isEqualTo(oct2);
      assertThat(ContentFacts.epochDay("我１０.２在", received)).isEqualTo(oct2);
      assertThat(ContentFacts.epochDay("12月30日在", java.time.LocalDate.of(2026, 1, 2)))
          .isEqualTo((int) java.time.LocalDate.of(2025, 12, 30).toEpochDay());
      assertThat(ContentFacts.epochDay("花了10.5元", received)).isEqualTo(Fingerprint.UNKNOWN_DAY);
      assertThat(ContentFacts.epochDay("前几天在", received)).isEqualTo(Fingerprint.UNKNOWN_DAY);
    }

    @Test
    @DisplayName(
        "read a day soon after receipt as one to come (a booking for the holiday), not last year's,"
            + " and take the text's next date")
    void daysToCome() {
      java.time.LocalDate april22 = java.time.LocalDate.of(2026, 4, 22);
      assertThat(ContentFacts.epochDay("预订5月1日至3日的房间，商家取消订单", april22))
          .isEqualTo(Fingerprint.UNKNOWN_DAY);
      assertThat(ContentFacts.epochDay("预订5月1日的房间，4月20日被告知取消", april22))
          .isEqualTo((int) java.time.LocalDate.of(2026, 4, 20).toEpochDay());
      assertThat(ContentFacts.epochDay("9月30日的事", april22))
          .as("five months ahead is last year's")
          .isEqualTo((int) java.time.LocalDate.of(2025, 9, 30).toEpochDay());
    }

    @Test
    @DisplayName("read a promise's last day (11月3日前发货) as no date of the facts, and take the next")
    void deadlines() {
      java.time.LocalDate nov16 = java.time.LocalDate.of(2026, 11, 16);
      assertThat(ContentFacts.epochDay("商家承诺11月3日前发货，至今未发货", nov16))
          .isEqualTo(Fingerprint.UNKNOWN_DAY);
      assertThat(ContentFacts.epochDay("说好11月3号前发货，10月21日付的定金", nov16))
          .isEqualTo((int) java.time.LocalDate.of(2026, 10, 21).toEpochDay());
      assertThat(ContentFacts.epochDay("11月7日前往门店，发现已关门", nov16))
          .as("the day they went")
          .isEqualTo((int) java.time.LocalDate.of(2026, 11, 7).toEpochDay());
    }
  }
}
