package org.hotline.loadtest.driver;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/** The one-line-a-second progress report on stderr. */
final class Progress {
  private final PrintStream err;

  Progress(PrintStream err) {
    this.err = err;
  }

  /**
   * @param row the second just finished
   * @param p99Micros schedule-relative p99 of everything answered so far
   */
  void print(IntervalRow row, long p99Micros) {
    Map<String, Long> errors =
        row.outcomes().entrySet().stream()
            .filter(e -> Outcomes.isError(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<String, Long> refused =
        row.outcomes().entrySet().stream()
            .filter(e -> e.getKey().startsWith(Outcomes.THROTTLED))
            .collect(
                Collectors.toMap(
                    e -> e.getKey().substring(Outcomes.THROTTLED.length()), Map.Entry::getValue));
    err.printf(
        "%4ds %-7s intended %5d/s  sent %5d/s  completed %5d/s  in flight %5d  p99 %8.1f ms"
            + "  errors %s%s%n",
        row.second(),
        row.phase(),
        row.intended(),
        row.sent(),
        row.completed(),
        row.inFlight(),
        p99Micros / 1000.0,
        errors.isEmpty() ? "none" : errors.toString(),
        refused.isEmpty() ? "" : "  refused and sent again " + refused);
  }
}
