package org.hotline.loadtest.corpus;

/**
 * Relative arrival rates of the shaped profiles, each with mean 1 over t ∈ [0,1], so the driver
 * multiplies its mean rate by them.
 */
final class Rates {
  static final int DAYS = 7;

  /** The storm's window in t and the background rate outside it. */
  static final double STORM_FROM = 0.35;

  static final double STORM_TO = 0.55;
  static final double STORM_BACKGROUND = 0.5;
  // Mean 1: background over the whole run plus the burst over the window.
  static final double STORM_PEAK =
      (1 - STORM_BACKGROUND * (1 - (STORM_TO - STORM_FROM))) / (STORM_TO - STORM_FROM);

  private static final double[] DAY_WEIGHT = {1.25, 1.2, 1.1, 1.0, 0.95, 0.85, 0.75};
  private static final double GOLDEN_WEEK_MEAN = meanOfRawGoldenWeek();

  private Rates() {}

  static double goldenWeek(double t) {
    return rawGoldenWeek(t) / GOLDEN_WEEK_MEAN;
  }

  static double storm(double t) {
    return t >= STORM_FROM && t < STORM_TO ? STORM_PEAK : STORM_BACKGROUND;
  }

  /** Within the storm window, the share of arrivals that belong to the storm. */
  static double stormShare(double t) {
    return t >= STORM_FROM && t < STORM_TO ? (STORM_PEAK - STORM_BACKGROUND) / STORM_PEAK : 0;
  }

  /** The day of the week, 0..6, at t. */
  static int day(double t) {
    return Math.min(DAYS - 1, Math.max(0, (int) (t * DAYS)));
  }

  /** The hour of the day at t, 0 ≤ h < 24. */
  static double hour(double t) {
    double days = clamp(t) * DAYS;
    return (days - Math.floor(days)) * 24;
  }

  /**
   * A quiet night, a morning wave peaking at 10:00 and a broader evening one at 20:00; the first
   * holiday days are the busiest.
   */
  private static double rawGoldenWeek(double t) {
    double h = hour(t);
    double morning = 1.6 * Math.exp(-sq(h - 10) / (2 * sq(1.6)));
    double evening = 1.2 * Math.exp(-sq(h - 20) / (2 * sq(2.0)));
    return DAY_WEIGHT[day(clamp(t))] * (0.15 + morning + evening);
  }

  private static double meanOfRawGoldenWeek() {
    int steps = 7 * 24 * 60;
    double sum = 0;
    for (int i = 0; i < steps; i++) {
      sum += rawGoldenWeek((i + 0.5) / steps);
    }
    return sum / steps;
  }

  private static double clamp(double t) {
    return t < 0 ? 0 : t > 1 ? Math.nextDown(1.0) : t;
  }

  private static double sq(double x) {
    return x * x;
  }
}
