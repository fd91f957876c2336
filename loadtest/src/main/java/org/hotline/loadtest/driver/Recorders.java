package org.hotline.loadtest.driver;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Wait-free recording of the three metrics, split by whether the request belongs to the measured
 * part. Written from the event loop, read once a second by the interval ticker.
 */
final class Recorders {
  /** One hour in microseconds: anything slower is clamped, and counted as a timeout anyway. */
  static final long HIGHEST_MICROS = 3_600_000_000L;

  static final int SIGNIFICANT_DIGITS = 3;

  private final Map<Metric, Recorder> measured = new EnumMap<>(Metric.class);
  private final Map<Metric, Recorder> warmup = new EnumMap<>(Metric.class);

  Recorders() {
    for (Metric m : Metric.values()) {
      measured.put(m, new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS));
      warmup.put(m, new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS));
    }
  }

  static Histogram newHistogram() {
    return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
  }

  /**
   * Records one request's times.
   *
   * @param isMeasured whether its intended send time lies in the measured part
   * @param dispatchMicros 0 or more
   * @param serviceMicros 0 or more
   */
  void record(boolean isMeasured, long dispatchMicros, long serviceMicros) {
    Map<Metric, Recorder> into = isMeasured ? measured : warmup;
    into.get(Metric.DISPATCH).recordValue(clamp(dispatchMicros));
    into.get(Metric.SERVICE).recordValue(clamp(serviceMicros));
    into.get(Metric.RESPONSE).recordValue(clamp(dispatchMicros + serviceMicros));
  }

  /**
   * Records a request that got no answer.
   *
   * @param isMeasured whether its intended send time lies in the measured part
   * @param dispatchMicros 0 or more when it was sent; -1 when it never got a connection, and then
   *     it waited to send its whole time, with no service time
   * @param responseMicros from the intended send to the give-up, at least the timeout, 0 or more
   */
  void recordUnanswered(boolean isMeasured, long dispatchMicros, long responseMicros) {
    Map<Metric, Recorder> into = isMeasured ? measured : warmup;
    into.get(Metric.RESPONSE).recordValue(clamp(responseMicros));
    if (dispatchMicros < 0) {
      into.get(Metric.DISPATCH).recordValue(clamp(responseMicros));
    } else {
      into.get(Metric.DISPATCH).recordValue(clamp(dispatchMicros));
      into.get(Metric.SERVICE).recordValue(clamp(responseMicros - dispatchMicros));
    }
  }

  /**
   * Records a closed-model round trip (replay) with HdrHistogram's coordinated-omission correction:
   * while one batch was slow, the batches that would have been sent in the meantime are filled in.
   *
   * @param micros the round trip, 0 or more
   * @param expectedIntervalMicros the interval between batches at the intended rate, more than 0
   */
  void recordClosed(long micros, long expectedIntervalMicros) {
    measured
        .get(Metric.RESPONSE)
        .recordValueWithExpectedInterval(clamp(micros), expectedIntervalMicros);
    measured.get(Metric.SERVICE).recordValue(clamp(micros));
    measured.get(Metric.DISPATCH).recordValue(0);
  }

  /** The measured interval histogram of {@code m} since the last call; the recorder restarts. */
  Histogram measuredInterval(Metric m) {
    return measured.get(m).getIntervalHistogram();
  }

  /** The same for ramp and warm-up requests. */
  Histogram warmupInterval(Metric m) {
    return warmup.get(m).getIntervalHistogram();
  }

  private static long clamp(long micros) {
    return Math.max(0, Math.min(HIGHEST_MICROS, micros));
  }
}
