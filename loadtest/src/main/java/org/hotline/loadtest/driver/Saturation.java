package org.hotline.loadtest.driver;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Whether the generator itself kept up, and if not, why. A saturated generator sends later or fewer
 * requests than the schedule says, so its latency figures describe the generator, not the gateway:
 * the run fails.
 *
 * @param saturated true when any reason below holds
 * @param reasons {@code schedule}, {@code connections} and/or {@code cpu}
 * @param latenessP99Millis p99 of intended time → on the event loop (before any connection wait)
 * @param latenessMaxMillis its maximum
 * @param noConnection requests refused because the pool's wait queue was full
 * @param connections the pool size used
 * @param driverCpuCores CPU of the driver's threads during the measured part, in cores
 * @param busiestThreadCores the busiest driver thread, in cores (1 = pegged)
 * @param processCpuCores the whole JVM, in cores, or -1
 */
public record Saturation(
    boolean saturated,
    List<String> reasons,
    double latenessP99Millis,
    double latenessMaxMillis,
    long noConnection,
    int connections,
    double driverCpuCores,
    double busiestThreadCores,
    double processCpuCores) {

  /** Above this p99 lateness the schedule has slipped (the dispatch-delay bar is 1 ms). */
  public static final double MAX_LATENESS_P99_MILLIS = 5;

  /** A driver thread this busy cannot keep up with a rising rate. */
  public static final double MAX_THREAD_CORES = 0.9;

  /**
   * The judgement of a finished run on this machine: the ticker's lateness, the requests refused
   * for want of a connection, and the CPU the driver's threads used.
   */
  static Saturation of(
      IntervalTicker ticker, Counters counters, int connections, CpuClock.Usage cpu) {
    return judge(
        ticker.lateness(),
        counters.measuredOutcomes().getOrDefault(Outcomes.NO_CONNECTION, 0L),
        connections,
        cpu,
        Runtime.getRuntime().availableProcessors());
  }

  static Saturation judge(
      Histogram lateness, long noConnection, int connections, CpuClock.Usage cpu, int cores) {
    double p99 = lateness.getTotalCount() == 0 ? 0 : lateness.getValueAtPercentile(99) / 1000.0;
    double max = lateness.getTotalCount() == 0 ? 0 : lateness.getMaxValue() / 1000.0;
    List<String> reasons = new ArrayList<>();
    if (p99 > MAX_LATENESS_P99_MILLIS) {
      reasons.add("schedule");
    }
    if (noConnection > 0) {
      reasons.add("connections");
    }
    if (cpu.busiestThread() >= MAX_THREAD_CORES || cpu.driver() >= MAX_THREAD_CORES * cores) {
      reasons.add("cpu");
    }
    return new Saturation(
        !reasons.isEmpty(),
        List.copyOf(reasons),
        p99,
        max,
        noConnection,
        connections,
        cpu.driver(),
        cpu.busiestThread(),
        cpu.process());
  }
}
