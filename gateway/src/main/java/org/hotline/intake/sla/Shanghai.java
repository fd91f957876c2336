package org.hotline.intake.sla;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The one time zone the statutory periods are counted in. */
final class Shanghai {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The last second of a due day; the contract writes deadlines as {@code T23:59:59+08:00}. */
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private Shanghai() {}

  /** The local date of an instant, whatever offset it was written with. */
  static LocalDate dateOf(OffsetDateTime t) {
    return t.atZoneSameInstant(ZONE).toLocalDate();
  }

  /** The end of {@code day} in Shanghai, written with its +08:00 offset. */
  static OffsetDateTime endOf(LocalDate day) {
    return day.atTime(END_OF_DAY).atZone(ZONE).toOffsetDateTime();
  }
}
