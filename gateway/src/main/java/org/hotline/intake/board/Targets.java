package org.hotline.intake.board;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.hotline.intake.board.BoardStore.QueueCounts;
import org.hotline.intake.sla.WorkingCalendar;

/**
 * Judges a queue's figures against the board's targets. Pure: {@code now} is passed in.
 *
 * <ul>
 *   <li>waiting: amber above {@code waiting_amber}, red above {@code waiting_red};
 *   <li>in handling: its own items' {@code mediate_by}: amber when any is at risk, red when any is
 *       breached;
 *   <li>oldest waiting: amber past {@code oldest_amber}, red once waiting longer than {@code
 *       oldest_red_working_days} working days (a weekend does not turn Monday's board red);
 *   <li>at risk: target 0, amber otherwise; breached: target 0, red otherwise;
 *   <li>stuck: target 0, amber from one, red from {@code stuck_red}.
 * </ul>
 */
public final class Targets {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final BoardOptions options;
  private final WorkingCalendar calendar;

  public Targets(BoardOptions options, WorkingCalendar calendar) {
    this.options = options;
    this.calendar = calendar;
  }

  /** A queue's row: its figures, each judged. */
  public record Judged(
      Cell waiting, Cell handling, Cell oldest, Cell atRisk, Cell breached, Cell stuck) {
    /** The row's colour: its worst cell. */
    public Status status() {
      return waiting
          .status()
          .worst(handling.status())
          .worst(oldest.status())
          .worst(atRisk.status())
          .worst(breached.status())
          .worst(stuck.status());
    }
  }

  public Judged judge(QueueCounts q, OffsetDateTime now) {
    Status waiting =
        q.waiting() > options.waitingRed()
            ? Status.RED
            : q.waiting() > options.waitingAmber() ? Status.AMBER : Status.GREEN;
    Status handling =
        q.handlingBreached() > 0
            ? Status.RED
            : q.handlingAtRisk() > 0 ? Status.AMBER : Status.GREEN;
    Status stuck =
        q.stuck() >= options.stuckRed() ? Status.RED : q.stuck() > 0 ? Status.AMBER : Status.GREEN;
    return new Judged(
        new Cell(q.waiting(), "≤ " + options.waitingAmber(), waiting),
        new Cell(q.handling(), "on time", handling),
        new Cell(q.oldestAgeSeconds(), "≤ " + hours(options.oldestAmber()), oldest(q, now)),
        new Cell(q.atRisk(), "0", q.atRisk() > 0 ? Status.AMBER : Status.GREEN),
        new Cell(q.breached(), "0", q.breached() > 0 ? Status.RED : Status.GREEN),
        new Cell(q.stuck(), "0", stuck));
  }

  private Status oldest(QueueCounts q, OffsetDateTime now) {
    if (q.oldestWaiting() == null) {
      return Status.GREEN;
    }
    if (q.oldestWaiting().isBefore(redBefore(now))) {
      return Status.RED;
    }
    return Duration.ofSeconds(q.oldestAgeSeconds()).compareTo(options.oldestAmber()) > 0
        ? Status.AMBER
        : Status.GREEN;
  }

  /**
   * Items enqueued before this have waited longer than the red limit: the same time of day, that
   * many working days back (on Monday, the Friday before).
   */
  OffsetDateTime redBefore(OffsetDateTime now) {
    var local = now.atZoneSameInstant(CHINA);
    LocalDate day = local.toLocalDate();
    for (int counted = 0; counted < options.oldestRedWorkingDays(); ) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return local.with(day).toOffsetDateTime();
  }

  private static String hours(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
  }
}
