package org.hotline.intake.board;

import java.time.Duration;

/**
 * The status board's refresh period and the targets its colours are judged against (YAML {@code
 * board:}, read strictly by the configuration reader). At risk and breached have no setting: their
 * target is always zero.
 *
 * @param refreshInterval pause between the end of one snapshot and the start of the next; 100 ms to
 *     10 min
 * @param oldestAmber the oldest waiting item turns a row amber once older than this; at least 1 min
 * @param oldestRedWorkingDays ...and red once waiting longer than this many working days; 1..30
 * @param waitingAmber amber above this many items waiting; at least 1
 * @param waitingRed red above this many items waiting; at least {@code waitingAmber}
 * @param stuckRed any stuck item is amber, this many or more are red; at least 1
 * @param calendarHorizonDays the banner shows once a day this far ahead lies in a year with no
 *     official holiday calendar: the longest statutory period (60 calendar days of mediation) is
 *     then already counted on a guessed calendar; 1..366
 * @param groupsShown most group complaints listed one by one (all are counted); 0..100
 */
public record BoardOptions(
    Duration refreshInterval,
    Duration oldestAmber,
    int oldestRedWorkingDays,
    int waitingAmber,
    int waitingRed,
    int stuckRed,
    int calendarHorizonDays,
    int groupsShown) {
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_OLDEST_AMBER = Duration.ofHours(4);
  public static final int DEFAULT_OLDEST_RED_WORKING_DAYS = 1;
  public static final int DEFAULT_WAITING_AMBER = 100;
  public static final int DEFAULT_WAITING_RED = 300;
  public static final int DEFAULT_STUCK_RED = 3;
  public static final int DEFAULT_CALENDAR_HORIZON_DAYS = 60;
  public static final int DEFAULT_GROUPS_SHOWN = 8;

  public BoardOptions {
    check(
        refreshInterval.compareTo(Duration.ofMillis(100)) >= 0
            && refreshInterval.compareTo(Duration.ofMinutes(10)) <= 0,
        "board.refresh_ms must be 100..600000");
    check(oldestAmber.compareTo(Duration.ofMinutes(1)) >= 0, "board.oldest_amber_minutes >= 1");
    check(
        oldestRedWorkingDays >= 1 && oldestRedWorkingDays <= 30,
        "board.oldest_red_working_days must be 1..30");
    check(
        waitingAmber >= 1 && waitingRed >= waitingAmber,
        "board: 1 <= waiting_amber <= waiting_red");
    check(stuckRed >= 1, "board.stuck_red must be at least 1");
    check(
        calendarHorizonDays >= 1 && calendarHorizonDays <= 366,
        "board.calendar_horizon_days must be 1..366");
    check(groupsShown >= 0 && groupsShown <= 100, "board.groups_shown must be 0..100");
  }

  public static BoardOptions defaults() {
    return new BoardOptions(
        DEFAULT_REFRESH_INTERVAL,
        DEFAULT_OLDEST_AMBER,
        DEFAULT_OLDEST_RED_WORKING_DAYS,
        DEFAULT_WAITING_AMBER,
        DEFAULT_WAITING_RED,
        DEFAULT_STUCK_RED,
        DEFAULT_CALENDAR_HORIZON_DAYS,
        DEFAULT_GROUPS_SHOWN);
  }

  /** A copy refreshed every {@code interval}: tests use a short one. */
  public BoardOptions withRefreshInterval(Duration interval) {
    return new BoardOptions(
        interval,
        oldestAmber,
        oldestRedWorkingDays,
        waitingAmber,
        waitingRed,
        stuckRed,
        calendarHorizonDays,
        groupsShown);
  }

  /** A copy whose banner looks {@code days} ahead. */
  public BoardOptions withCalendarHorizonDays(int days) {
    return new BoardOptions(
        refreshInterval,
        oldestAmber,
        oldestRedWorkingDays,
        waitingAmber,
        waitingRed,
        stuckRed,
        days,
        groupsShown);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
