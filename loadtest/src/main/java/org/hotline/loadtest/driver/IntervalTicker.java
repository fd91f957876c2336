package org.hotline.loadtest.driver;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;
import org.hotline.loadtest.schedule.Phases;

/**
 * Once a second, on its own thread: takes the interval histograms, writes them to the .hlog (the
 * raw record), adds the measured ones to the run's totals, and prints the progress line. The file
 * I/O is why this is not an event-loop timer.
 */
final class IntervalTicker {
  private final Recorders recorders;
  private final Recorder lateness;
  private final Counters counters;
  private final Phases phases;
  private final long startNanos;
  private final HistogramLogWriter log;
  private final Progress progress;
  private final Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
  private final Histogram latenessTotal = Recorders.newHistogram();
  private final Histogram soFar = Recorders.newHistogram();
  private final List<IntervalRow> rows = new ArrayList<>();
  private boolean scheduleDone;

  /**
   * @param startEpochMillis the run's start on the wall clock, the .hlog's base time
   * @param progress null to stay quiet
   */
  /**
   * The ticker of a run of {@code s}: its phases and hlog, and the progress line on {@code err}
   * when the run asks for it.
   */
  static IntervalTicker of(
      RunSettings s,
      Recorders recorders,
      Recorder lateness,
      Counters counters,
      long startNanos,
      long startEpochMillis,
      java.io.PrintStream err)
      throws FileNotFoundException {
    return new IntervalTicker(
        recorders,
        lateness,
        counters,
        s.phases(),
        startNanos,
        startEpochMillis,
        s.hlog(),
        s.progress() ? new Progress(err) : null);
  }

  /** The thread that closes each second (and registers with the CPU clock). */
  static java.util.concurrent.ScheduledExecutorService clock() {
    return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "loadtest-ticker"));
  }

  IntervalTicker(
      Recorders recorders,
      Recorder lateness,
      Counters counters,
      Phases phases,
      long startNanos,
      long startEpochMillis,
      Path hlog,
      Progress progress)
      throws FileNotFoundException {
    this.recorders = recorders;
    this.lateness = lateness;
    this.counters = counters;
    this.phases = phases;
    this.startNanos = startNanos;
    this.progress = progress;
    this.log = new HistogramLogWriter(hlog.toFile());
    log.outputComment("intake-loadtest: microseconds; tags response, service, dispatch");
    log.outputLogFormatVersion();
    log.outputStartTime(startEpochMillis);
    log.setBaseTime(startEpochMillis);
    log.outputBaseTime(startEpochMillis);
    log.outputLegend();
    for (Metric m : Metric.values()) {
      totals.put(m, Recorders.newHistogram());
    }
  }

  /** Marks that every arrival has been handed over: later seconds are the drain. */
  synchronized void scheduleDone() {
    scheduleDone = true;
  }

  /** Closes one interval. Called every second, and once more at the end. */
  synchronized void tick() {
    long elapsed = System.nanoTime() - startNanos;
    long second = Math.max(1, Math.round(elapsed / 1e9));
    for (Metric m : Metric.values()) {
      Histogram measured = recorders.measuredInterval(m);
      Histogram warm = recorders.warmupInterval(m);
      measured.setTag(m.tag());
      warm.setTag(m.warmupTag());
      log.outputIntervalHistogram(measured);
      if (warm.getTotalCount() > 0) {
        log.outputIntervalHistogram(warm);
      }
      totals.get(m).add(measured);
      if (m == Metric.RESPONSE) {
        soFar.add(measured);
        soFar.add(warm);
      }
    }
    latenessTotal.add(lateness.getIntervalHistogram());
    String phase =
        scheduleDone
            ? "drain"
            : phases.phaseAt(Math.max(0, elapsed - TimeUnit.MILLISECONDS.toNanos(500)));
    IntervalRow row =
        new IntervalRow(
            second,
            phase,
            counters.intended.sumThenReset(),
            counters.sent.sumThenReset(),
            counters.completed.sumThenReset(),
            counters.inFlight.get(),
            counters.takeIntervalOutcomes());
    rows.add(row);
    if (progress != null) {
      progress.print(row, soFar.getValueAtPercentile(99));
    }
  }

  synchronized void close() {
    log.close();
  }

  synchronized Map<Metric, Histogram> totals() {
    return totals;
  }

  synchronized Histogram lateness() {
    return latenessTotal;
  }

  synchronized List<IntervalRow> rows() {
    return List.copyOf(rows);
  }
}
