package org.hotline.intake.sla;

import java.time.LocalDate;

/**
 * One configured period: a deadline's name and how far it lies from its start day.
 *
 * @param name the published key, e.g. {@code accept_by}
 * @param days how many days, 1..{@link WorkingCalendar#MAX_DAYS}
 * @param workingDays true to count working days; false to count calendar days and move an end that
 *     falls on a day off to the next working day
 */
record DeadlineRule(String name, int days, boolean workingDays) {

  /** The due day for a period starting on {@code start} (day 1 is the day after it). */
  WorkingCalendar.DayResult dueFrom(WorkingCalendar cal, LocalDate start) {
    return workingDays ? cal.addWorkingDays(start, days) : cal.addCalendarDaysRolled(start, days);
  }
}
