package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One person's two filings of one purchase, whose names of the shop share only a run of two
 * characters: the consumer's page names the place, the call centre the stall (set AZ).
 */
@DisplayName("the same day's purchase under two names that share two characters")
class SameDaySharedPairTest {
  private static final String PAGE =
      "在五缘湾游艇港坐了一趟游艇出海，宣传说“出海1.5小时看日落”，实际开出去40分钟就回来了，船员说天气原因，当天明明晴天。一人２９８元，要求退还一半费用。";
  private static final String CALL = "来电人反映：五缘湾游艇出海项目宣传1.5小时，实际仅40分钟，已网上投诉。要求退还部分费用。";
  private static final String STALL = "来电人反映：在八市水果摊购买芒果两斤，复秤少三两。要求补齐或退款。";

  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  private Kind second(
      String first, String then, String firstText, String thenText, String grievance) {
    DedupRecord a =
        TestRecords.complaint()
            .phone("13906050001")
            .merchant(first)
            .address("湖里区五缘湾")
            .content(firstText)
            .amount("596")
            .occurredOn(LocalDate.of(2026, 5, 1))
            .grievance(grievance)
            .at(Instant.parse("2026-05-01T01:20:00Z"))
            .build();
    DedupRecord b =
        TestRecords.complaint()
            .phone("13906050001")
            .merchant(then)
            .address("五缘湾")
            .content(thenText)
            .amount(null)
            .occurredOn(LocalDate.of(2026, 5, 1))
            .grievance(grievance)
            .at(Instant.parse("2026-05-03T00:20:00Z"))
            .build();
    DedupOptions options = DedupOptions.defaults();
    RecentFilings recent = new RecentFilings(options, fingerprinter::placeOpening);
    try (InMemoryDedupIndex index = new InMemoryDedupIndex(options)) {
      recent.decide(index, fingerprinter.fingerprint(a)).toCompletableFuture().join();
      return recent
          .decide(index, fingerprinter.fingerprint(b))
          .toCompletableFuture()
          .join()
          .verdict()
          .kind();
    }
  }

  @Test
  @DisplayName("五缘湾游艇 and 五缘湾游艇港, the same day and grievance: a re-filing")
  void placeAndTrade() {
    assertThat(second("五缘湾游艇", "五缘湾游艇港", PAGE, CALL, "false_advertising"))
        .isEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("not a run both names end with: two stalls' 水果, the same words, the same day")
  void kindOfShop() {
    assertThat(second("八市老林水果", "阿美水果店", STALL, STALL, "weights")).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("not a run inside the place both open with: 八市入口阿珍水果 and 八市阿明水果档")
  void place() {
    assertThat(second("八市入口阿珍水果", "八市阿明水果档", STALL, STALL, "weights")).isEqualTo(Kind.NEW);
  }
}
