package org.hotline.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Objectives given with {@code --slo}, e.g. {@code p99=50ms,errors=0.1%}. Latency objectives
 * ({@code p50 p90 p99 p999 p9999 max}) are on the schedule-relative response time and take {@code
 * ms} or {@code s}; {@code errors} is the share of requests that failed or got a non-2xx answer, in
 * {@code %}.
 *
 * @param objectives in the order given; empty when none
 */
public record Slo(List<Objective> objectives) {
  private static final Set<String> LATENCY = Set.of("p50", "p90", "p99", "p999", "p9999", "max");

  /**
   * One objective.
   *
   * @param name {@code p50 … max} or {@code errors}
   * @param limit milliseconds for latency, a percentage 0..100 for errors
   */
  public record Objective(String name, double limit) {
    public boolean isLatency() {
      return LATENCY.contains(name);
    }
  }

  /**
   * One objective's outcome.
   *
   * @param actual milliseconds or percent, as the limit
   */
  public record Check(Objective objective, double actual, boolean met) {}

  public static Slo none() {
    return new Slo(List.of());
  }

  /**
   * Parses {@code p99=50ms,errors=0.1%}.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static Slo parse(String text) {
    List<Objective> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return none();
    }
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("objective '" + part + "' is not name=value");
      }
      String name = kv[0].trim().toLowerCase(Locale.ROOT);
      String value = kv[1].trim().toLowerCase(Locale.ROOT);
      if (name.equals("errors")) {
        out.add(new Objective(name, percent(value, part)));
      } else if (LATENCY.contains(name)) {
        out.add(new Objective(name, millis(value, part)));
      } else {
        throw new IllegalArgumentException(
            "unknown objective '" + name + "': p50, p90, p99, p999, p9999, max or errors");
      }
    }
    return new Slo(List.copyOf(out));
  }

  private static double percent(String value, String part) {
    if (!value.endsWith("%")) {
      throw new IllegalArgumentException("'" + part + "': errors take a percentage, e.g. 0.1%");
    }
    double v = number(value.substring(0, value.length() - 1), part);
    if (v > 100) {
      throw new IllegalArgumentException("'" + part + "': a percentage is at most 100");
    }
    return v;
  }

  private static double millis(String value, String part) {
    if (value.endsWith("ms")) {
      return number(value.substring(0, value.length() - 2), part);
    }
    if (value.endsWith("s")) {
      return number(value.substring(0, value.length() - 1), part) * 1000;
    }
    throw new IllegalArgumentException("'" + part + "': latency takes ms or s, e.g. 50ms");
  }

  private static double number(String s, String part) {
    try {
      double v = Double.parseDouble(s.trim());
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + part + "': not a number 0 or more");
    }
  }

  /**
   * Checks every objective.
   *
   * @param latencyMillis the schedule-relative value for a latency objective's name
   * @param errorPercent the error share, 0..100
   */
  public List<Check> check(
      java.util.function.ToDoubleFunction<String> latencyMillis, double errorPercent) {
    List<Check> out = new ArrayList<>();
    for (Objective o : objectives) {
      double actual = o.isLatency() ? latencyMillis.applyAsDouble(o.name()) : errorPercent;
      out.add(new Check(o, actual, actual <= o.limit()));
    }
    return out;
  }
}
