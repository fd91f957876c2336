package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hotline.intake.sla.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the missing-calendar banner")
class CalendarBannerTest {
  private static final WorkingCalendar BUNDLED = WorkingCalendar.bundled();

  @Test
  @DisplayName("shows on 2026-12-01: 2027 has no calendar and deadlines already reach into it")
  void december() {
    CalendarBanner b = CalendarBanner.check(BUNDLED, LocalDate.of(2026, 12, 1), 60);
    assertThat(b).isNotNull();
    assertThat(b.missingYear()).isEqualTo(2027);
    assertThat(b.coveredUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(b.message()).contains("2027", "holidays-cn-2027.json");
  }

  @Test
  @DisplayName("stays away in the middle of a covered year")
  void summer() {
    assertThat(CalendarBanner.check(BUNDLED, LocalDate.of(2026, 6, 1), 60)).isNull();
  }

  @Test
  @DisplayName("names this year when even this year is not covered")
  void thisYear() {
    CalendarBanner b = CalendarBanner.check(BUNDLED, LocalDate.of(2027, 3, 1), 60);
    assertThat(b.missingYear()).isEqualTo(2027);
    assertThat(b.coveredUntil()).isNull();
  }
}
