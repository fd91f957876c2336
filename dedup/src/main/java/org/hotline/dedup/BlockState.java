package org.hotline.dedup;

import java.io.Serializable;
import java.util.UUID;

/**
 * Everything the index holds under one blocking key, and the one decision made there. Both index
 * implementations keep one of these per key and call {@link #decide} atomically: the in-memory
 * index inside {@code ConcurrentHashMap.compute}, the Hazelcast index inside an {@code
 * EntryProcessor} on the key's owner.
 *
 * <p>SKELETON: the dedup-core work implements it; the signatures are the contract.
 */
public final class BlockState implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Compares with the held entries, records the fingerprint unless it is a duplicate. */
  public DedupVerdict decide(Fingerprint fingerprint, DedupOptions options) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Removes the entry of a record that was not committed. */
  public void forget(UUID id) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Puts back a committed record at start-up. */
  public void restore(Fingerprint fingerprint, UUID clusterId, int clusterSize) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Drops entries older than the retention window, measured from {@code nowEpochSecond}. */
  public void prune(long nowEpochSecond, DedupOptions options) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Entries held. */
  public int size() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
