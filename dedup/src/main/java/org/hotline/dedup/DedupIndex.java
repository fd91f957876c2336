package org.hotline.dedup;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Candidates for duplicate and group detection, partitioned by {@link Fingerprint#blockingKey()} so
 * that every candidate of a record lives under one key and the decision is one atomic step per key.
 * Soft state: rebuilt from the database at start-up with {@link #restore}.
 */
public interface DedupIndex extends AutoCloseable {
  /**
   * Atomically compares the fingerprint with the candidates under its blocking key, records it
   * (unless it is a duplicate) and returns the verdict. Non-blocking for the in-memory index. A
   * fingerprint without a blocking key ({@link Fingerprint#indexable()} false: no merchant and no
   * identity) can match nothing: it is {@link DedupVerdict.Kind#NEW} and is not held.
   */
  CompletionStage<DedupVerdict> decide(Fingerprint fingerprint);

  /** Undoes {@link #decide} for a record that was not committed after all. */
  CompletionStage<Void> forget(Fingerprint fingerprint);

  /**
   * Puts back a committed record at start-up. Restore the records that were not duplicates (a
   * duplicate is never a candidate), oldest first, and call {@link Fingerprinter#learn} with each
   * so that new filings find the same blocks.
   *
   * @param clusterId the group it belongs to, or null
   * @param clusterSize the group's stored size (0 when clusterId is null)
   */
  void restore(Fingerprint fingerprint, UUID clusterId, int clusterSize);

  /** Records held, for metrics and tests. */
  long size();

  @Override
  default void close() {}
}
