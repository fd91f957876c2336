package org.hotline.intake.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DedupService.occurredOn")
class OccurredOnTest {
  @Test
  @DisplayName("reads the date of a validated occurred_at, date or date-time, as LocalDate.parse")
  void likeParse() {
    SplittableRandom random = new SplittableRandom(10);
    for (int i = 0; i < 20_000; i++) {
      LocalDate day = LocalDate.ofEpochDay(random.nextLong(-700_000, 2_900_000)); // 0003..9909
      String date = day.toString();
      assertThat(DedupService.occurredOn(date)).isEqualTo(LocalDate.parse(date));
      String dateTime = date + "T09:30:00+08:00";
      assertThat(DedupService.occurredOn(dateTime)).isEqualTo(day);
    }
    assertThat(DedupService.occurredOn(null)).isNull();
    assertThat(DedupService.occurredOn("2026-10")).isNull();
  }
}
