package org.hotline.loadtest.driver;

import io.vertx.core.buffer.Buffer;
import org.hotline.loadtest.corpus.Filing;

/**
 * One arrival, prepared ahead of its time by the planner.
 *
 * @param intendedNanos intended send time, nanoseconds from the run's start
 * @param measured whether it falls in the measured part
 * @param filing the filing (its body may be dropped once encoded)
 * @param body the encoded request body
 */
record Planned(long intendedNanos, boolean measured, Filing filing, Buffer body) {
  /** Marks the end of the schedule. */
  static final Planned END = new Planned(-1, false, null, null);
}
