package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.hotline.intake.board.BoardStore.QueueCounts;
import org.hotline.intake.sla.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the board's targets")
class TargetsTest {
  private static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();
  private static final Targets TARGETS = new Targets(BoardOptions.defaults(), CALENDAR);

  /** Monday 2026-11-30, 10:00 in Xiamen. */
  private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-11-30T10:00:00+08:00");

  private static QueueCounts waiting(long n, OffsetDateTime oldest, OffsetDateTime now) {
    long age = oldest == null ? 0 : now.toEpochSecond() - oldest.toEpochSecond();
    return new QueueCounts("350203", n, 0, oldest, age, 0, 0, 0, 0, 0);
  }

  @Nested
  @DisplayName("oldest waiting item")
  class Oldest {
    @Test
    @DisplayName("is green up to 4 hours, amber past them")
    void amber() {
      assertThat(TARGETS.judge(waiting(1, MONDAY.minusHours(4), MONDAY), MONDAY).oldest().status())
          .isEqualTo(Status.GREEN);
      assertThat(TARGETS.judge(waiting(1, MONDAY.minusHours(5), MONDAY), MONDAY).oldest().status())
          .isEqualTo(Status.AMBER);
    }

    @Test
    @DisplayName("turns red after one working day: on Monday, the weekend does not count")
    void red() {
      OffsetDateTime fridayAfternoon = MONDAY.minusDays(2).minusHours(20); // Friday 14:00
      OffsetDateTime fridayMorning = MONDAY.minusDays(3).minusHours(1); // Friday 09:00
      assertThat(TARGETS.judge(waiting(1, fridayAfternoon, MONDAY), MONDAY).oldest().status())
          .isEqualTo(Status.AMBER);
      assertThat(TARGETS.judge(waiting(1, fridayMorning, MONDAY), MONDAY).oldest().status())
          .isEqualTo(Status.RED);
    }

    @Test
    @DisplayName("skips holidays: after National Day, 30 September is one working day back")
    void holidays() {
      OffsetDateTime thursday = OffsetDateTime.parse("2026-10-08T10:00:00+08:00");
      assertThat(TARGETS.redBefore(thursday))
          .isEqualTo(OffsetDateTime.parse("2026-09-30T10:00:00+08:00"));
    }
  }

  @Test
  @DisplayName("any breach is red, anything at risk amber, and the row takes its worst cell")
  void counts() {
    Targets.Judged j =
        TARGETS.judge(new QueueCounts("350206", 3, 0, null, 0, 1, 1, 0, 0, 0), MONDAY);
    assertThat(j.atRisk().status()).isEqualTo(Status.AMBER);
    assertThat(j.breached().status()).isEqualTo(Status.RED);
    assertThat(j.waiting().status()).isEqualTo(Status.GREEN);
    assertThat(j.status()).isEqualTo(Status.RED);
  }

  @Test
  @DisplayName("one stuck item is amber, three are red; waiting past 100 amber, past 300 red")
  void thresholds() {
    assertThat(stuck(1)).isEqualTo(Status.AMBER);
    assertThat(stuck(3)).isEqualTo(Status.RED);
    assertThat(TARGETS.judge(waiting(101, MONDAY, MONDAY), MONDAY).waiting().status())
        .isEqualTo(Status.AMBER);
    assertThat(TARGETS.judge(waiting(301, MONDAY, MONDAY), MONDAY).waiting().status())
        .isEqualTo(Status.RED);
  }

  private static Status stuck(long n) {
    return TARGETS
        .judge(new QueueCounts("350211", 0, 0, null, 0, 0, 0, n, 0, 0), MONDAY)
        .stuck()
        .status();
  }
}
