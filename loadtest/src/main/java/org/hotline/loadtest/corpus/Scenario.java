package org.hotline.loadtest.corpus;

/**
 * The traffic mix a {@link Corpus} generates. The driver shapes the arrival rate; the scenario
 * shapes what arrives.
 */
public enum Scenario {
  /** The ordinary daily mix: every channel, every district, some re-filings. */
  STEADY,
  /**
   * The seven days of National Day compressed into the run: scenic-area surges, cross-channel
   * re-filings, group complaints and transport retries. Pair with {@link
   * Corpus#goldenWeekRate(double)}.
   */
  GOLDEN_WEEK,
  /**
   * One merchant, one grievance, hundreds of complainants within a short part of the run, over
   * background traffic. Pair with {@link Corpus#stormRate(double)}.
   */
  STORM,
  /** A 12345 backlog after an outage: a steady-like mix that the driver sends in batches. */
  REPLAY
}
