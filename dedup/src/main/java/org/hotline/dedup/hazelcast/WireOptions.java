package org.hotline.dedup.hazelcast;

import java.io.Serializable;
import java.time.Duration;
import org.hotline.dedup.DedupOptions;

/**
 * {@link DedupOptions} as the entry processors carry them to the key's owner: the record itself is
 * not {@link Serializable}, and the library should not force it to be.
 */
record WireOptions(Duration duplicateWindow, Duration clusterWindow, int escalationThreshold)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static WireOptions of(DedupOptions options) {
    return new WireOptions(
        options.duplicateWindow(), options.clusterWindow(), options.escalationThreshold());
  }

  DedupOptions toOptions() {
    return new DedupOptions(duplicateWindow, clusterWindow, escalationThreshold);
  }
}
