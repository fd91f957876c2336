package org.hotline.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Loading holiday files")
class HolidayFileValidationTest {

  static InputStream resource(String name) {
    InputStream in = HolidayFileValidationTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A one-year file with the given day entries, written as JSON objects. */
  static InputStream year(int year, String... days) {
    return json("{\"year\": " + year + ", \"days\": [" + String.join(",", days) + "]}");
  }

  static String day(String date, boolean off) {
    return "{\"name\": \"x\", \"date\": \"" + date + "\", \"isOffDay\": " + off + "}";
  }

  static WorkingCalendar load(InputStream... files) throws IOException {
    return WorkingCalendar.load(new ArrayList<>(List.of(files)));
  }

  @Nested
  @DisplayName("valid files")
  class Valid {
    @Test
    @DisplayName("the official 2025 and 2026 files load and cover their years")
    void officialFiles() throws IOException {
      WorkingCalendar cal =
          load(resource("sla/holidays-cn-2025.json"), resource("sla/holidays-cn-2026.json"));
      assertThat(cal.coveredYears()).containsExactly(2025, 2026);
      assertThat(cal.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
    }

    @Test
    @DisplayName("a make-up day just before New Year belongs to the next year's file (as in 2012)")
    void dayAcrossNewYear() throws IOException {
      WorkingCalendar cal = load(year(2012, day("2011-12-31", false), day("2012-01-02", true)));
      assertThat(cal.isWorkingDay(LocalDate.parse("2011-12-31"))).isTrue();
      assertThat(cal.covers(2011)).isFalse();
    }
  }

  @Nested
  @DisplayName("invalid files are refused with a message naming the file and the entry")
  class Invalid {
    @Test
    @DisplayName("malformed JSON")
    void malformed() {
      assertThatThrownBy(() -> load(resource("sla/malformed.json")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("holiday calendar file 1: not valid JSON")
          .hasMessageContaining("line 5");
    }

    @Test
    @DisplayName("a duplicate date")
    void duplicateDate() {
      assertThatThrownBy(() -> load(resource("sla/duplicate-date.json")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("holiday calendar file 1 days[2]: duplicate date 2026-10-01");
    }

    @Test
    @DisplayName("a duplicate key")
    void duplicateKey() {
      assertThatThrownBy(() -> load(json("{\"year\": 2026, \"year\": 2027, \"days\": []}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not valid JSON")
          .hasMessageContaining("Duplicate field 'year'");
    }

    @Test
    @DisplayName("the error names the second file when the second file is at fault")
    void namesTheFile() {
      assertThatThrownBy(() -> load(year(2026, day("2026-10-01", true)), json("{\"days\": []}")))
          .hasMessage("holiday calendar file 2: \"year\" must be an integer");
    }

    @Test
    @DisplayName("a date outside the declared year")
    void wrongYear() {
      assertThatThrownBy(() -> load(year(2026, day("2025-10-01", true))))
          .hasMessage(
              "holiday calendar file 1 days[0]: date 2025-10-01 does not belong to the file's year"
                  + " 2026");
    }

    @Test
    @DisplayName("a make-up working day on a weekday")
    void makeUpOnWeekday() {
      assertThatThrownBy(() -> load(year(2026, day("2026-10-01", true), day("2026-10-09", false))))
          .hasMessageContaining("days[1]")
          .hasMessageContaining("2026-10-09 is a FRIDAY")
          .hasMessageContaining("only a weekend can be one");
    }

    @Test
    @DisplayName("a missing isOffDay or a date that is not a date")
    void badEntry() {
      assertThatThrownBy(() -> load(year(2026, "{\"date\": \"2026-10-01\"}")))
          .hasMessage(
              "holiday calendar file 1 days[0] (2026-10-01): \"isOffDay\" must be true or false");
      assertThatThrownBy(() -> load(year(2026, day("2026-02-30", true))))
          .hasMessage(
              "holiday calendar file 1 days[0]: \"date\" is not a date yyyy-MM-dd: \"2026-02-30\"");
    }

    @Test
    @DisplayName("a file without a single day off")
    void noDayOff() {
      assertThatThrownBy(() -> load(year(2026)))
          .hasMessage(
              "holiday calendar file 1: no day off listed for 2026; refusing an empty calendar");
    }

    @Test
    @DisplayName("the same year loaded twice")
    void sameYearTwice() {
      assertThatThrownBy(
              () -> load(year(2026, day("2026-10-01", true)), year(2026, day("2026-10-02", true))))
          .hasMessage("holiday calendar file 2: year 2026 is loaded twice");
    }

    @Test
    @DisplayName("two files that disagree about a day across New Year")
    void contradiction() {
      assertThatThrownBy(
              () ->
                  load(
                      year(2026, day("2026-10-01", true), day("2027-01-02", true)),
                      year(2027, day("2027-01-01", true), day("2027-01-02", false))))
          .hasMessageContaining("file 2: 2027-01-02 contradicts file 1");
    }
  }
}
