package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Taxonomies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A product's defects show weeks after each buyer's order: the days its buyers give say nothing of
 * the group complaint (set AY's heaters, bought from 12-24 to 01-15, were three groups).
 */
@DisplayName("a product's defects, bought weeks apart")
class UndatedQualityTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  private DedupRecord buyer(String phone, LocalDate bought, String receivedAt) {
    return TestRecords.complaint()
        .phone(phone)
        .merchant("暖途电器专营店")
        .content("在京东暖途电器专营店买的取暖器用了不到一个月就不发热了，联系客服要求退货被拒，要求处理。")
        .amount("499")
        .occurredOn(bought)
        .grievance("quality_return")
        .at(Instant.parse(receivedAt))
        .build();
  }

  private Kind second(DedupOptions options) {
    BlockState state = new BlockState();
    state.decide(
        fingerprinter.fingerprint(
            buyer("13600001111", LocalDate.of(2025, 12, 12), "2026-01-08T02:00:00Z")),
        options);
    return state
        .decide(
            fingerprinter.fingerprint(
                buyer("13600002222", LocalDate.of(2026, 1, 6), "2026-01-09T02:00:00Z")),
            options)
        .kind();
  }

  @Test
  @DisplayName("is one group complaint, the configured taxonomy marking quality_return undated")
  void oneGroup() {
    DedupOptions configured =
        DedupOptions.defaults().withUndated(Taxonomies.xiamen().taxonomy().undated());
    assertThat(second(configured)).isEqualTo(Kind.CLUSTERED);
    assertThat(second(DedupOptions.defaults()))
        .as("control: dated, the orders 25 days apart are two matters")
        .isEqualTo(Kind.NEW);
  }
}
