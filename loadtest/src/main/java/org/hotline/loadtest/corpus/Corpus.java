package org.hotline.loadtest.corpus;

import java.io.IOException;
import java.io.Writer;

/**
 * A seeded, reproducible stream of filings with their ground truth. Not thread-safe: one generator
 * thread calls {@link #next(double)}.
 */
public final class Corpus {
  private final Scenario scenario;
  private final long seed;

  /** A corpus for {@code scenario}; the same seed gives the same filings. */
  public Corpus(Scenario scenario, long seed) {
    this.scenario = scenario;
    this.seed = seed;
  }

  /**
   * The next filing for an arrival at fraction {@code t} ∈ [0,1] of the run (the profile's position
   * in its compressed week or storm). Same seed and same sequence of t give the same filings.
   */
  public Filing next(double t) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Golden Week's relative arrival rate at {@code t} ∈ [0,1]: seven daily waves peaking morning and
   * evening. Its mean over [0,1] is 1, so the driver multiplies its mean rate by it.
   */
  public static double goldenWeekRate(double t) {
    return 1.0;
  }

  /**
   * The storm's relative arrival rate at {@code t} ∈ [0,1]: background with a burst in the middle.
   * Mean over [0,1] is 1.
   */
  public static double stormRate(double t) {
    return 1.0;
  }

  /**
   * Writes filings with their truth as JSONL, one object a line: {@code seq}, {@code channel},
   * {@code source_id}, {@code body} (as a JSON object), {@code truth}.
   */
  public static void writeJsonl(Iterable<Filing> filings, Writer out) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
