package org.hotline.loadtest.corpus;

import java.util.List;

/** Scores the gateway's verdicts against the corpus's ground truth. */
public final class Scorer {
  private Scorer() {}

  /**
   * Scores {@code observed} (any order, some filings may be missing) against {@code filings}.
   *
   * @param filings the corpus as sent, in any order
   * @param observed one verdict per answered filing, matched by seq
   */
  public static Scores score(List<Filing> filings, List<Observed> observed) {
    throw new UnsupportedOperationException("not yet");
  }
}
