package org.hotline.loadtest.driver;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;
import org.hotline.loadtest.schedule.Phases;
import org.hotline.loadtest.schedule.Profile;

/**
 * Once a second, on its own thread: takes the interval histograms, writes them to the .hlog (the
 * raw record), adds the measured ones to the run's totals, and prints the progress line. The file
 * I/O is why this is not an event-loop timer.
 */
final class IntervalTicker {
  /** The phase of the seconds after the schedule's end, while the last answers come in. */
  static final String DRAIN = "drain";

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
  private final long drainFromNanos;
  private final LongSupplier clock;
  private long lastElapsed;
  private long lastSecond;

  /**
   * The ticker of a run of {@code s}: its phases and hlog, and the progress line on {@code err}
   * when the run asks for it. A replay has no drain: it ends when its last batch is answered.
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
        s.profile() == Profile.REPLAY ? Long.MAX_VALUE : s.phases().endNanos(),
        startNanos,
        startEpochMillis,
        s.hlog(),
        s.progress() ? new Progress(err) : null,
        System::nanoTime);
  }

  /** The thread that closes each second (and registers with the CPU clock). */
  static java.util.concurrent.ScheduledExecutorService clock() {
    return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "loadtest-ticker"));
  }

  /**
   * @param drainFromNanos from the run's start: seconds after it are the drain (answers still
   *     coming in after the schedule's end), labelled {@code drain}
   * @param startEpochMillis the run's start on the wall clock, the .hlog's base time
   * @param progress null to stay quiet
   * @param clock {@link System#nanoTime} but in tests
   */
  IntervalTicker(
      Recorders recorders,
      Recorder lateness,
      Counters counters,
      Phases phases,
      long drainFromNanos,
      long startNanos,
      long startEpochMillis,
      Path hlog,
      Progress progress,
      LongSupplier clock)
      throws FileNotFoundException {
    this.drainFromNanos = drainFromNanos;
    this.clock = clock;
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

  /**
   * Closes one interval. Called every second, and once more at the end. An interval is labelled
   * with the phase of its middle, so the second in which the schedule ends is still measured; the
   * closing call numbers its part-second after the last one, so no second appears twice.
   */
  synchronized void tick() {
    long elapsed = clock.getAsLong() - startNanos;
    long second = Math.max(lastSecond + 1, Math.round(elapsed / 1e9));
    long middle = (lastElapsed + elapsed) / 2;
    lastElapsed = elapsed;
    lastSecond = second;
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
    String phase = middle >= drainFromNanos ? DRAIN : phases.phaseAt(Math.max(0, middle));
    IntervalRow row =
        new IntervalRow(
            second,
            phase,
            counters.takeIntended(second),
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
