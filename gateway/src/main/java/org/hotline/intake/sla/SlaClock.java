package org.hotline.intake.sla;

import java.time.OffsetDateTime;

/**
 * The sweeper's view of a deadline: breached once its due day is over, at risk while it is due
 * within one working day. Stateless; {@code now} is always passed in so tests can step time.
 */
public final class SlaClock {

  private SlaClock() {}

  /**
   * The latest due time that counts as at risk at {@code now}: the end of the first working day
   * after today (Asia/Shanghai). A deadline due today, or on any day off before that working day,
   * is also within it. The queue sweeper compares stored due times against this one value.
   */
  public static OffsetDateTime atRiskCutoff(OffsetDateTime now, WorkingCalendar cal) {
    return Shanghai.endOf(cal.nextWorkingDay(Shanghai.dateOf(now)));
  }

  /**
   * Whether {@code d} is due within one working day (due date on or before the next working day
   * after today) and not yet breached; a breached deadline is reported as breached only, so the two
   * counts never overlap.
   */
  public static boolean atRisk(Deadline d, OffsetDateTime now, WorkingCalendar cal) {
    return !breached(d, now) && !d.dueAt().isAfter(atRiskCutoff(now, cal));
  }

  /** Whether {@code now} is past the deadline's due time. */
  public static boolean breached(Deadline d, OffsetDateTime now) {
    return now.isAfter(d.dueAt());
  }
}
