package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Rfc3339")
class Rfc3339Test {

  private static String iso(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-10-01T09:30:00+08:00",
    "2026-10-01T09:30:00Z",
    "2026-10-01T09:30:00.5+08:00",
    "2026-10-01T09:30:00.120+08:00",
    "2026-10-01T09:30:00.000000001-05:30",
    "2026-10-01T09:30:00.123456789-00:30",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59.999999999-18:00",
  })
  @DisplayName("writes what ISO_OFFSET_DATE_TIME writes")
  void likeTheFormatter(String given) {
    OffsetDateTime t = OffsetDateTime.parse(given);
    assertThat(Rfc3339.format(t)).isEqualTo(iso(t));
  }

  @Test
  @DisplayName("agrees with ISO_OFFSET_DATE_TIME on 200,000 random times, years and offsets")
  void randomTimes() {
    SplittableRandom random = new SplittableRandom(20261204);
    for (int i = 0; i < 200_000; i++) {
      int nano =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      // Mostly whole minutes, some with seconds (the formatter's own path); mostly four-digit
      // years, some beyond (likewise).
      int offsetSeconds =
          random.nextInt(8) == 0
              ? random.nextInt(-18 * 3600, 18 * 3600 + 1)
              : random.nextInt(-18 * 60, 18 * 60 + 1) * 60;
      int year = random.nextInt(16) == 0 ? random.nextInt(-20_000, 20_000) : random.nextInt(10_000);
      OffsetDateTime t =
          OffsetDateTime.of(
              year,
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              nano,
              ZoneOffset.ofTotalSeconds(offsetSeconds));
      assertThat(Rfc3339.format(t)).as("%s", t).isEqualTo(iso(t));
    }
  }

  /** What {@code date} was: a pattern, then the ISO formatter (strict). */
  private static Optional<LocalDate> dateAsBefore(String s) {
    if (!s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      value = {
        "2026-10-01", "0000-01-01", "9999-12-31", "2024-02-29", "2026-02-29", "2026-02-30",
        "2026-13-01", "2026-00-10", "2026-10-00", "2026-1-01", "2026-10-1", "20261001",
        "2026/10/01", "２０２６-10-01", "2026-10-01T00:00:00Z", "+2026-10-01", "2026-10-01 ", "-"
      },
      ignoreLeadingAndTrailingWhitespace = false)
  @DisplayName("date reads what the pattern and the ISO formatter read, and refuses the rest")
  void dates(String given) {
    assertThat(Rfc3339.date(given)).isEqualTo(dateAsBefore(given));
  }

  @Test
  @DisplayName("date agrees with the pattern and the ISO formatter on 100,000 random strings")
  void randomDates() {
    SplittableRandom random = new SplittableRandom(4);
    String alphabet = "0123456789-0123456789-x١";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      if (random.nextBoolean()) {
        // Mostly well formed: a real or unreal date, now and then a character changed.
        b.append(
            String.format(
                "%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33)));
        if (random.nextInt(4) == 0) {
          b.setCharAt(random.nextInt(10), alphabet.charAt(random.nextInt(alphabet.length())));
        }
      } else {
        int length = 8 + random.nextInt(5);
        for (int k = 0; k < length; k++) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String s = b.toString();
      assertThat(Rfc3339.date(s)).as(s).isEqualTo(dateAsBefore(s));
    }
  }
}
