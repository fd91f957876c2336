package org.hotline.intake.sla;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

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

  /** Beijing time: the offset every deadline is written with. */
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  /**
   * The end of {@code day} in Shanghai, written with +08:00 whatever the zone's history says (it
   * had +08:05:43 before 1901 and +09:00 in the summers of 1986-1991; RFC 3339 allows no seconds in
   * an offset, and the contract writes every deadline as {@code T23:59:59+08:00}).
   */
  static OffsetDateTime endOf(LocalDate day) {
    return day.atTime(END_OF_DAY).atOffset(BEIJING);
  }
}
