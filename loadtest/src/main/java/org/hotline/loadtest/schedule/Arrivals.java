package org.hotline.loadtest.schedule;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The intended send times of an open model, independent of how the target answers. Poisson arrivals
 * (exponential gaps) by default, or evenly spaced ones. The rate varies with the profile's shape;
 * each gap is drawn at the rate in force when it starts, which is exact for a constant rate and
 * close enough for shapes that change over seconds, not milliseconds.
 */
public final class Arrivals {
  /** Below this the gaps would be minutes long; the ramp's first instants use it instead. */
  static final double MIN_RATE = 0.5;

  private final Phases phases;
  private final DoubleUnaryOperator shape;
  private final double rate;
  private final boolean poisson;
  private final SplittableRandom random;
  private long next;

  /**
   * @param phases the timeline
   * @param shape the profile's relative rate at a fraction 0..1 of the measured part (mean 1)
   * @param rate the mean arrival rate per second, more than 0
   * @param poisson true for exponential gaps, false for even ones
   * @param seed any value; the same seed gives the same schedule
   */
  public Arrivals(
      Phases phases, DoubleUnaryOperator shape, double rate, boolean poisson, long seed) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be more than 0, got " + rate);
    }
    this.phases = phases;
    this.shape = shape;
    this.rate = rate;
    this.poisson = poisson;
    this.random = new SplittableRandom(seed);
  }

  /** The rate per second intended at {@code nanos} from the run's start. */
  public double rateAt(long nanos) {
    return Math.max(
        MIN_RATE, rate * phases.rampFactor(nanos) * shape.applyAsDouble(phases.fraction(nanos)));
  }

  /**
   * The next intended send time in nanoseconds from the run's start, or -1 when the run is over.
   */
  public long next() {
    double perSecond = rateAt(next);
    double gapSeconds = poisson ? -Math.log(1 - random.nextDouble()) / perSecond : 1 / perSecond;
    next += (long) (gapSeconds * 1e9);
    return next < phases.endNanos() ? next : -1;
  }
}
