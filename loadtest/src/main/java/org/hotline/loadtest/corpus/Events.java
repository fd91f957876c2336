package org.hotline.loadtest.corpus;

/**
 * A group complaint written into the scenario: from {@code from} to {@code to} in t, a share of
 * arrivals are new complainants against one merchant with one grievance.
 *
 * @param shop the merchant
 * @param grievance the one grievance all members share
 * @param from start of the window in t
 * @param to end of the window in t
 * @param share fraction of arrivals inside the window that join it; negative means "the storm's
 *     share at t" ({@link Rates#stormShare(double)})
 */
record Events(Shop shop, String grievance, double from, double to, double share) {

  double shareAt(double t) {
    if (t < from || t >= to) {
      return 0;
    }
    return share < 0 ? Rates.stormShare(t) : share;
  }
}
