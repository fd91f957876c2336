package org.hotline.loadtest.cli;

import java.util.function.DoubleUnaryOperator;

/**
 * Connections sized to the rate: by Little's law a pool of {@code peak rate × expected latency}
 * keeps up while the gateway answers within that latency; beyond it requests wait for a connection,
 * and the wait is counted in the dispatch delay.
 */
final class PoolSizing {
  static final int MIN_CONNECTIONS = 4;
  static final int MAX_CONNECTIONS = 1024;
  static final int MIN_WAIT_QUEUE = 1024;

  /** Seconds of peak-rate arrivals allowed to wait for a connection before the driver is out. */
  static final int WAIT_QUEUE_SECONDS = 10;

  private PoolSizing() {}

  /** The profile's highest rate per second, sampled finely enough for daily waves and a storm. */
  static double peakRate(double rate, DoubleUnaryOperator shape) {
    double peak = 0;
    for (int i = 0; i <= 2000; i++) {
      peak = Math.max(peak, shape.applyAsDouble(i / 2000.0));
    }
    return rate * Math.max(1, peak);
  }

  /**
   * @param peakRate more than 0
   * @param expectedLatencySeconds more than 0
   */
  static int connections(double peakRate, double expectedLatencySeconds) {
    long n = (long) Math.ceil(peakRate * expectedLatencySeconds);
    return (int) Math.max(MIN_CONNECTIONS, Math.min(MAX_CONNECTIONS, n));
  }

  static int waitQueue(double peakRate) {
    return (int) Math.max(MIN_WAIT_QUEUE, Math.min(1_000_000, peakRate * WAIT_QUEUE_SECONDS));
  }
}
