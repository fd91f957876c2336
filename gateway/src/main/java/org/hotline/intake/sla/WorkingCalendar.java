package org.hotline.intake.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * China's working days: Monday to Friday, minus the official days off, plus the make-up working
 * weekends (调休), as published by the State Council each November and loaded from holiday-cn files.
 *
 * <p>For a year with no loaded file the weekend rule is the only thing left to go on; every result
 * that depends on such a year says so through {@link DayResult#provisional()}, so the caller can
 * flag the deadline instead of presenting a guess as fact. Instances are immutable and thread-safe.
 */
public final class WorkingCalendar {

  /** The classpath folder and name pattern of the bundled files. */
  static final String RESOURCE_PATTERN = "sla/holidays-cn-%d.json";

  /**
   * The years probed on the classpath. A folder inside a fat jar cannot be listed, and probing lets
   * operations add next year's file without also editing an index.
   */
  static final int FIRST_PROBED_YEAR = 2000;

  static final int LAST_PROBED_YEAR = 2100;

  /** The largest count accepted, a guard against a policy typo looping over centuries. */
  public static final int MAX_DAYS = 3660;

  private final Map<LocalDate, Boolean> offDays;
  private final SortedSet<Integer> years;

  private WorkingCalendar(Map<LocalDate, Boolean> offDays, SortedSet<Integer> years) {
    this.offDays = Collections.unmodifiableMap(offDays);
    this.years = Collections.unmodifiableSortedSet(years);
  }

  /**
   * A date reached by counting, and whether it rests on a year with no loaded calendar.
   *
   * @param date the resulting Asia/Shanghai date
   * @param provisional true when any day examined on the way lies in an uncovered year
   */
  public record DayResult(LocalDate date, boolean provisional) {}

  /**
   * The calendar bundled with the gateway ({@code sla/holidays-cn-YYYY.json} on the classpath).
   *
   * @throws IllegalStateException when no file is bundled
   * @throws IllegalArgumentException when a bundled file is invalid
   */
  public static WorkingCalendar bundled() {
    ClassLoader loader = WorkingCalendar.class.getClassLoader();
    List<HolidayFile> files = new ArrayList<>();
    for (int year = FIRST_PROBED_YEAR; year <= LAST_PROBED_YEAR; year++) {
      String name = String.format(RESOURCE_PATTERN, year);
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in != null) {
          files.add(HolidayFile.parse(name, in));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled " + name, e);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no bundled holiday calendar found under sla/");
    }
    return of(files);
  }

  /**
   * A calendar from holiday-cn files, one per year. Each file is validated: a "year" that matches
   * its dates, no duplicate dates, make-up working days only on weekends, at least one day off.
   * Streams are read but not closed.
   *
   * @throws IllegalArgumentException naming the file (by its position, from 1) and the entry at
   *     fault
   */
  public static WorkingCalendar load(List<InputStream> files) throws IOException {
    List<HolidayFile> parsed = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      parsed.add(HolidayFile.parse("file " + (i + 1), files.get(i)));
    }
    return of(parsed);
  }

  static WorkingCalendar of(List<HolidayFile> files) {
    Map<LocalDate, Boolean> offDays = new HashMap<>();
    Map<LocalDate, String> source = new HashMap<>();
    SortedSet<Integer> years = new TreeSet<>();
    for (HolidayFile f : files) {
      if (!years.add(f.year())) {
        throw new IllegalArgumentException(
            "holiday calendar " + f.label() + ": year " + f.year() + " is loaded twice");
      }
      for (Map.Entry<LocalDate, Boolean> e : f.days().entrySet()) {
        // Two years' files may both list a day across New Year; they must agree on it.
        Boolean before = offDays.putIfAbsent(e.getKey(), e.getValue());
        if (before != null && !before.equals(e.getValue())) {
          throw new IllegalArgumentException(
              "holiday calendar "
                  + f.label()
                  + ": "
                  + e.getKey()
                  + " contradicts "
                  + source.get(e.getKey())
                  + " (isOffDay "
                  + e.getValue()
                  + " vs "
                  + before
                  + ")");
        }
        source.putIfAbsent(e.getKey(), f.label());
      }
    }
    return new WorkingCalendar(offDays, years);
  }

  /** Whether an official calendar for {@code year} is loaded. */
  public boolean covers(int year) {
    return years.contains(year);
  }

  /** The years with a loaded calendar, ascending. */
  public SortedSet<Integer> coveredYears() {
    return years;
  }

  /**
   * Whether {@code d} is a working day. In a year with no loaded calendar this falls back to the
   * weekend rule; callers that need to know use {@link #covers(int)} or the counting methods, which
   * report it.
   */
  public boolean isWorkingDay(LocalDate d) {
    Boolean off = offDays.get(d);
    return off != null ? !off : !HolidayFile.isWeekend(d);
  }

  /**
   * The {@code n}th working day after {@code start}: day 1 is the first working day after it, the
   * start day itself never counts.
   *
   * @param n 1..{@link #MAX_DAYS}
   */
  public DayResult addWorkingDays(LocalDate start, int n) {
    checkCount(n);
    LocalDate d = start;
    boolean provisional = false;
    int counted = 0;
    while (counted < n) {
      d = d.plusDays(1);
      provisional |= !covers(d.getYear());
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return new DayResult(d, provisional);
  }

  /**
   * {@code start} plus {@code n} calendar days, moved to the next working day when that day is a
   * day off. Only the end day and the days it is moved over decide the result, so only they can
   * make it provisional.
   *
   * @param n 1..{@link #MAX_DAYS}
   */
  public DayResult addCalendarDaysRolled(LocalDate start, int n) {
    checkCount(n);
    LocalDate d = start.plusDays(n);
    boolean provisional = !covers(d.getYear());
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
      provisional |= !covers(d.getYear());
    }
    return new DayResult(d, provisional);
  }

  /** The first working day after {@code day}. */
  public LocalDate nextWorkingDay(LocalDate day) {
    return addWorkingDays(day, 1).date();
  }

  private static void checkCount(int n) {
    if (n < 1 || n > MAX_DAYS) {
      throw new IllegalArgumentException("day count must be 1.." + MAX_DAYS + ", got " + n);
    }
  }
}
