package org.hotline.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SlaClock")
class SlaClockTest {

  static final WorkingCalendar CAL = WorkingCalendar.bundled();

  static Deadline due(String day) {
    return new Deadline("accept_by", OffsetDateTime.parse(day + "T23:59:59+08:00"), false);
  }

  static OffsetDateTime at(String t) {
    return OffsetDateTime.parse(t);
  }

  @Nested
  @DisplayName("breached")
  class Breached {
    @Test
    @DisplayName("not at the last second of the due day, but just past it")
    void boundary() {
      Deadline d = due("2026-10-15");
      assertThat(SlaClock.breached(d, at("2026-10-15T23:59:59+08:00"))).isFalse();
      assertThat(SlaClock.breached(d, at("2026-10-15T23:59:59.001+08:00"))).isTrue();
      assertThat(SlaClock.breached(d, at("2026-10-16T00:00:00+08:00"))).isTrue();
    }

    @Test
    @DisplayName("compares instants, so a UTC clock agrees with Shanghai")
    void utcClock() {
      Deadline d = due("2026-10-15");
      assertThat(SlaClock.breached(d, at("2026-10-15T15:59:59Z"))).isFalse();
      assertThat(SlaClock.breached(d, at("2026-10-15T16:00:00Z"))).isTrue();
    }
  }

  @Nested
  @DisplayName("at risk: due on or before the next working day after today")
  class AtRisk {
    @Test
    @DisplayName("on a Wednesday, a deadline due today or Thursday is at risk, Friday is not")
    void ordinaryWeek() {
      OffsetDateTime now = at("2026-10-14T10:00:00+08:00");
      assertThat(SlaClock.atRisk(due("2026-10-14"), now, CAL)).isTrue();
      assertThat(SlaClock.atRisk(due("2026-10-15"), now, CAL)).isTrue();
      assertThat(SlaClock.atRisk(due("2026-10-16"), now, CAL)).isFalse();
    }

    @Test
    @DisplayName("before Golden Week the next working day is 2026-10-08, so that is the limit")
    void acrossHoliday() {
      OffsetDateTime now = at("2026-09-30T09:00:00+08:00");
      assertThat(SlaClock.atRisk(due("2026-10-08"), now, CAL)).isTrue();
      assertThat(SlaClock.atRisk(due("2026-10-09"), now, CAL)).isFalse();
    }

    @Test
    @DisplayName("on a Friday before a make-up Saturday, Monday is not yet at risk")
    void makeUpSaturday() {
      OffsetDateTime now = at("2026-10-09T09:00:00+08:00");
      assertThat(SlaClock.atRisk(due("2026-10-10"), now, CAL)).isTrue();
      assertThat(SlaClock.atRisk(due("2026-10-12"), now, CAL)).isFalse();
    }

    @Test
    @DisplayName("today is taken in Shanghai: 16:30 UTC on Wednesday is already Thursday")
    void shanghaiToday() {
      OffsetDateTime now = at("2026-10-14T16:30:00Z");
      assertThat(SlaClock.atRisk(due("2026-10-16"), now, CAL)).isTrue();
    }

    @Test
    @DisplayName("a breached deadline is reported as breached, not at risk")
    void breachedIsNotAtRisk() {
      assertThat(SlaClock.atRisk(due("2026-10-13"), at("2026-10-14T10:00:00+08:00"), CAL))
          .isFalse();
    }

    @Test
    @DisplayName("the cut-off the sweeper uses is the end of the next working day")
    void cutoff() {
      assertThat(SlaClock.atRiskCutoff(at("2026-09-30T09:00:00+08:00"), CAL))
          .isEqualTo(at("2026-10-08T23:59:59+08:00"));
    }
  }
}
