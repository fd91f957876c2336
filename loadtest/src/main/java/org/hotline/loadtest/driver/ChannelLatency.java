package org.hotline.loadtest.driver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Schedule-relative response times of the measured part, per channel, for the report's table. */
final class ChannelLatency {
  private final Map<String, Recorder> byChannel = new ConcurrentHashMap<>();

  /**
   * @param micros response time from the intended send, 0 or more
   */
  void record(String channel, long micros) {
    byChannel
        .computeIfAbsent(
            channel, c -> new Recorder(Recorders.HIGHEST_MICROS, Recorders.SIGNIFICANT_DIGITS))
        .recordValue(Math.min(micros, Recorders.HIGHEST_MICROS));
  }

  /** Everything recorded so far, per channel. Call once, at the end. */
  Map<String, Histogram> totals() {
    Map<String, Histogram> out = new TreeMap<>();
    byChannel.forEach((c, r) -> out.put(c, r.getIntervalHistogram()));
    return out;
  }
}
