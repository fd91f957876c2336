package org.hotline.intake.board;

import java.time.LocalDate;
import org.hotline.intake.sla.WorkingCalendar;

/**
 * The board's warning that a holiday calendar is missing: shown once a day within the horizon lies
 * in a year with no official calendar, because deadlines counted into that year are then only
 * provisional (weekends alone). The State Council publishes next year's calendar each November.
 *
 * @param missingYear the first year within the horizon that has no calendar
 * @param coveredUntil the last day covered before it, or null when this year is not covered either
 * @param message what the banner says, for people
 */
public record CalendarBanner(int missingYear, LocalDate coveredUntil, String message) {

  /** The banner for {@code today}, or null when every year within the horizon is covered. */
  public static CalendarBanner check(WorkingCalendar calendar, LocalDate today, int horizonDays) {
    int last = today.plusDays(horizonDays).getYear();
    for (int year = today.getYear(); year <= last; year++) {
      if (!calendar.covers(year)) {
        LocalDate coveredUntil =
            calendar.covers(year - 1) && year > today.getYear()
                ? LocalDate.of(year - 1, 12, 31)
                : null;
        String message =
            year
                + "年节假日安排未加载 · The "
                + year
                + " holiday calendar is not loaded: deadlines that fall in "
                + year
                + " are provisional (weekends only). Add sla/holidays-cn-"
                + year
                + ".json once the State Council publishes it.";
        return new CalendarBanner(year, coveredUntil, message);
      }
    }
    return null;
  }
}
