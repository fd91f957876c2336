package org.hotline.loadtest.report;

import java.nio.file.Path;

/** The files of a run directory. {@code report} rebuilds the HTML from the first three. */
public record RunFiles(Path dir) {
  public Path summary() {
    return dir.resolve("summary.json");
  }

  /** One row per second: rates, in flight, outcomes, phase. */
  public Path intervals() {
    return dir.resolve("intervals.json");
  }

  /** The raw HdrHistogram interval log, microseconds, tagged per metric. */
  public Path hlog() {
    return dir.resolve("latency.hlog");
  }

  public Path report() {
    return dir.resolve("report.html");
  }
}
