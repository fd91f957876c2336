package org.hotline.loadtest.corpus;

/**
 * How often each kind of filing occurs in a scenario.
 *
 * @param retry transport retries of a recent filing (same channel, source_id, body)
 * @param refile re-filings of an earlier matter by the same person (true duplicates)
 * @param otherGrievance the same person and merchant with another grievance (a new matter)
 * @param hotspots share of new matters at the scenic hotspots
 */
record Mix(double retry, double refile, double otherGrievance, double hotspots) {
  static Mix of(Scenario s) {
    return switch (s) {
      case STEADY -> new Mix(0.015, 0.10, 0.03, 0.15);
      case GOLDEN_WEEK -> new Mix(0.02, 0.17, 0.04, 0.45);
      case STORM -> new Mix(0.015, 0.08, 0.02, 0.20);
      case REPLAY -> new Mix(0.01, 0.12, 0.03, 0.15);
    };
  }
}
