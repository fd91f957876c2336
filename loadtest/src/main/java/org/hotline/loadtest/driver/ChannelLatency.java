package org.hotline.loadtest.driver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Schedule-relative response times and service times of the measured part, per channel, for the
 * report's table.
 */
final class ChannelLatency {
  private final Map<String, Recorder> byChannel = new ConcurrentHashMap<>();
  private final Map<String, Recorder> serviceByChannel = new ConcurrentHashMap<>();

  /**
   * @param micros response time from the intended send, 0 or more
   * @param serviceMicros service time from the actual send, 0 or more; -1 when it was never sent
   */
  void record(String channel, long micros, long serviceMicros) {
    recorder(byChannel, channel).recordValue(Math.min(micros, Recorders.HIGHEST_MICROS));
    if (serviceMicros >= 0) {
      recorder(serviceByChannel, channel)
          .recordValue(Math.min(serviceMicros, Recorders.HIGHEST_MICROS));
    }
  }

  private static Recorder recorder(Map<String, Recorder> map, String channel) {
    return map.computeIfAbsent(
        channel, c -> new Recorder(Recorders.HIGHEST_MICROS, Recorders.SIGNIFICANT_DIGITS));
  }

  /** Response times recorded so far, per channel. Call once, at the end. */
  Map<String, Histogram> totals() {
    return totals(byChannel);
  }

  /** Service times recorded so far, per channel. Call once, at the end. */
  Map<String, Histogram> serviceTotals() {
    return totals(serviceByChannel);
  }

  private static Map<String, Histogram> totals(Map<String, Recorder> map) {
    Map<String, Histogram> out = new TreeMap<>();
    map.forEach((c, r) -> out.put(c, r.getIntervalHistogram()));
    return out;
  }
}
