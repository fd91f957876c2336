package org.hotline.loadtest.schedule;

import java.util.concurrent.TimeUnit;

/**
 * A run's timeline: a ramp, then a warm-up, then the measured part. Figures of requests whose
 * intended send time falls in the ramp or the warm-up are kept out of the results: the JIT, the
 * connection pool and the gateway's caches are still settling there.
 *
 * @param rampSeconds 0 or more: the rate rises linearly to the profile's rate
 * @param warmupSeconds 0 or more: the profile's starting rate, not measured
 * @param durationSeconds 1 or more: the measured part, over which the profile's shape runs
 */
public record Phases(long rampSeconds, long warmupSeconds, long durationSeconds) {
  public static final String RAMP = "ramp";
  public static final String WARMUP = "warmup";
  public static final String MEASURE = "measure";

  public Phases {
    if (rampSeconds < 0 || warmupSeconds < 0) {
      throw new IllegalArgumentException("ramp and warm-up must be 0 or more seconds");
    }
    if (durationSeconds < 1) {
      throw new IllegalArgumentException("duration must be at least 1 s");
    }
  }

  /** Nanoseconds from the run's start at which measuring begins. */
  public long measureStartNanos() {
    return TimeUnit.SECONDS.toNanos(rampSeconds + warmupSeconds);
  }

  /** Nanoseconds from the run's start at which the last arrival may be scheduled. */
  public long endNanos() {
    return TimeUnit.SECONDS.toNanos(rampSeconds + warmupSeconds + durationSeconds);
  }

  /** The phase of an instant, {@code nanos} from the run's start. */
  public String phaseAt(long nanos) {
    if (nanos < TimeUnit.SECONDS.toNanos(rampSeconds)) {
      return RAMP;
    }
    return nanos < measureStartNanos() ? WARMUP : MEASURE;
  }

  /** The fraction 0..1 of the measured part reached at {@code nanos}; 0 before it starts. */
  public double fraction(long nanos) {
    long into = nanos - measureStartNanos();
    if (into <= 0) {
      return 0;
    }
    return Math.min(1.0, into / (double) TimeUnit.SECONDS.toNanos(durationSeconds));
  }

  /** How much of the profile's rate applies at {@code nanos}: rising through the ramp, then 1. */
  public double rampFactor(long nanos) {
    long rampNanos = TimeUnit.SECONDS.toNanos(rampSeconds);
    if (nanos >= rampNanos) {
      return 1;
    }
    return Math.max(0.02, nanos / (double) rampNanos);
  }
}
