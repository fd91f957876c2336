package org.hotline.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hotline.intake.sla.WorkingCalendar.DayResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("WorkingCalendar")
class WorkingCalendarTest {

  static final WorkingCalendar CAL = WorkingCalendar.bundled();

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Nested
  @DisplayName("the worked checks of DOMAIN.md")
  class WorkedChecks {
    @ParameterizedTest(name = "7 working days after {0} is {1}")
    @CsvSource({"2025-09-30, 2025-10-16", "2026-09-30, 2026-10-15", "2026-02-13, 2026-03-02"})
    @DisplayName("7 working days after receipt")
    void sevenWorkingDays(LocalDate received, LocalDate due) {
      assertThat(CAL.addWorkingDays(received, 7)).isEqualTo(new DayResult(due, false));
    }

    @Test
    @DisplayName(
        "60 calendar days after 2026-08-03 land on the holiday 2026-10-02 and move to 2026-10-08")
    void sixtyCalendarDays() {
      assertThat(CAL.addCalendarDaysRolled(d("2026-08-03"), 60))
          .isEqualTo(new DayResult(d("2026-10-08"), false));
    }
  }

  @Nested
  @DisplayName("working days")
  class WorkingDays {
    @Test
    @DisplayName("are Monday to Friday, minus official days off, plus make-up weekends")
    void whichDays() {
      assertThat(CAL.isWorkingDay(d("2026-10-14"))).as("a plain Wednesday").isTrue();
      assertThat(CAL.isWorkingDay(d("2026-10-17"))).as("a plain Saturday").isFalse();
      assertThat(CAL.isWorkingDay(d("2026-10-01"))).as("National Day, a Thursday").isFalse();
      assertThat(CAL.isWorkingDay(d("2026-10-10"))).as("a make-up Saturday").isTrue();
      assertThat(CAL.isWorkingDay(d("2025-09-28"))).as("a make-up Sunday").isTrue();
    }

    @Test
    @DisplayName("day 1 is the next working day after the start, never the start itself")
    void dayOneIsAfterStart() {
      assertThat(CAL.addWorkingDays(d("2026-03-05"), 1).date()).isEqualTo(d("2026-03-06"));
      assertThat(CAL.addWorkingDays(d("2026-03-06"), 1).date()).isEqualTo(d("2026-03-09"));
      assertThat(CAL.addWorkingDays(d("2026-10-03"), 1).date())
          .as("from inside a holiday")
          .isEqualTo(d("2026-10-08"));
    }

    @Test
    @DisplayName("a make-up Sunday before a holiday counts as a working day")
    void makeUpSundayCounts() {
      assertThat(CAL.addWorkingDays(d("2025-09-26"), 1).date()).isEqualTo(d("2025-09-28"));
      assertThat(CAL.addWorkingDays(d("2025-09-26"), 2).date()).isEqualTo(d("2025-09-29"));
    }

    @Test
    @DisplayName("counting runs across New Year when both years are loaded, to a make-up Sunday")
    void acrossNewYear() {
      assertThat(CAL.addWorkingDays(d("2025-12-31"), 1))
          .isEqualTo(new DayResult(d("2026-01-04"), false));
    }

    @Test
    @DisplayName("a count below 1 is refused")
    void countBelowOne() {
      assertThatThrownBy(() -> CAL.addWorkingDays(d("2026-03-05"), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1..3660, got 0");
    }
  }

  @Nested
  @DisplayName("calendar days, rolled to a working day")
  class CalendarDays {
    @Test
    @DisplayName("an end on a working day stays")
    void workingEndStays() {
      assertThat(CAL.addCalendarDaysRolled(d("2026-03-02"), 2).date()).isEqualTo(d("2026-03-04"));
    }

    @Test
    @DisplayName("an end on a plain weekend moves to Monday")
    void weekendMoves() {
      assertThat(CAL.addCalendarDaysRolled(d("2026-04-15"), 60).date()).isEqualTo(d("2026-06-15"));
    }

    @Test
    @DisplayName("an end on a make-up Saturday stays, since it is a working day")
    void makeUpSaturdayStays() {
      assertThat(CAL.addCalendarDaysRolled(d("2026-08-11"), 60).date()).isEqualTo(d("2026-10-10"));
    }
  }

  @Nested
  @DisplayName("years without a calendar")
  class Uncovered {
    @Test
    @DisplayName("the bundled calendar covers 2025 and 2026 only")
    void bundledYears() {
      assertThat(CAL.coveredYears()).containsExactly(2025, 2026);
      assertThat(CAL.covers(2027)).isFalse();
    }

    @Test
    @DisplayName("a count reaching into 2027 uses the weekend rule and is provisional")
    void workingDaysInto2027() {
      assertThat(CAL.addWorkingDays(d("2026-12-28"), 7))
          .isEqualTo(new DayResult(d("2027-01-06"), true));
    }

    @Test
    @DisplayName("a count that stays in 2026 is not provisional")
    void staysIn2026() {
      assertThat(CAL.addWorkingDays(d("2026-12-18"), 7))
          .isEqualTo(new DayResult(d("2026-12-29"), false));
    }

    @Test
    @DisplayName("a calendar-day period ending in 2027 is rolled by weekends and provisional")
    void calendarDaysInto2027() {
      assertThat(CAL.addCalendarDaysRolled(d("2026-12-01"), 40))
          .isEqualTo(new DayResult(d("2027-01-11"), true));
    }

    @Test
    @DisplayName("a day in an uncovered year is judged by the weekend rule")
    void weekendRule() {
      assertThat(CAL.isWorkingDay(d("2027-01-01"))).isTrue();
      assertThat(CAL.isWorkingDay(d("2027-01-02"))).isFalse();
    }
  }
}
