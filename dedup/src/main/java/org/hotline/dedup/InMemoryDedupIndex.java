package org.hotline.dedup;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The index of a single node: one {@link BlockState} per blocking key in a {@link
 * ConcurrentHashMap}, each decision made inside {@code compute}, which locks only that key. Bounded
 * by the window: every decision drops its block's entries older than the retention window, measured
 * from the newest {@code received_at} the block has seen, and an emptied block is removed. Blocks
 * that stop receiving filings are cleared by {@link #sweep}, which the owner calls now and then.
 * Stages complete before they are returned.
 */
public final class InMemoryDedupIndex implements DedupIndex {
  private final ConcurrentHashMap<String, BlockState> blocks = new ConcurrentHashMap<>();
  private final LongAdder entries = new LongAdder();
  private final DedupOptions options;

  public InMemoryDedupIndex(DedupOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** An index with the default windows and threshold. */
  public InMemoryDedupIndex() {
    this(DedupOptions.defaults());
  }

  @Override
  public CompletionStage<DedupVerdict> decide(Fingerprint fingerprint) {
    if (!fingerprint.indexable()) {
      return CompletableFuture.completedFuture(DedupVerdict.fresh());
    }
    DedupVerdict[] verdict = new DedupVerdict[1];
    blocks.compute(
        fingerprint.blockingKey(),
        (key, state) -> {
          BlockState s = state == null ? new BlockState() : state;
          int before = s.size();
          verdict[0] = s.decide(fingerprint, options);
          return settle(s, before);
        });
    return CompletableFuture.completedFuture(verdict[0]);
  }

  @Override
  public CompletionStage<Void> forget(Fingerprint fingerprint) {
    if (fingerprint.indexable()) {
      blocks.computeIfPresent(
          fingerprint.blockingKey(),
          (key, s) -> {
            int before = s.size();
            s.forget(fingerprint.id());
            return settle(s, before);
          });
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void restore(Fingerprint fingerprint, UUID clusterId, int clusterSize) {
    if (!fingerprint.indexable()) {
      return;
    }
    blocks.compute(
        fingerprint.blockingKey(),
        (key, state) -> {
          BlockState s = state == null ? new BlockState() : state;
          int before = s.size();
          s.restore(fingerprint, clusterId, clusterSize);
          return settle(s, before);
        });
  }

  /**
   * Drops, in every block, the entries older than the retention window measured from {@code now},
   * and the blocks left empty. Takes each block's lock in turn; meant for a worker thread.
   */
  public void sweep(Instant now) {
    long nowSecond = now.getEpochSecond();
    for (String key : blocks.keySet()) {
      blocks.computeIfPresent(
          key,
          (k, s) -> {
            int before = s.size();
            s.prune(nowSecond, options);
            return settle(s, before);
          });
    }
  }

  @Override
  public long size() {
    return entries.sum();
  }

  /** Blocking keys held, for metrics and tests. */
  public int blocks() {
    return blocks.size();
  }

  @Override
  public String toString() {
    return "InMemoryDedupIndex[blocks=" + blocks.size() + ", entries=" + entries.sum() + "]";
  }

  /** Accounts for the change in entries; an empty block is removed from the map. */
  private BlockState settle(BlockState s, int before) {
    entries.add(s.size() - before);
    return s.size() == 0 ? null : s;
  }
}
