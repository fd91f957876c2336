package org.hotline.dedup;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The index of a single node: one {@link BlockState} per blocking key in a {@link
 * ConcurrentHashMap}, each decision made inside {@code compute}, which locks only that key. Bounded
 * twice:
 *
 * <ul>
 *   <li>by the window: every decision drops its block's entries older than the retention window,
 *       measured from the newest {@code received_at} the block has seen, and an emptied block is
 *       removed; blocks that stop receiving filings are cleared by {@link #sweep}, which the owner
 *       calls now and then;
 *   <li>by a cap on entries, for when the window times the rate is more than the heap can hold (a
 *       long replay): the entries are kept in the order they were indexed ({@link IndexOrder}), and
 *       once {@code maxEntries} newer ones have been indexed after an entry it is evicted, oldest
 *       first, and counted ({@link #evictions}). An evicted record can no longer be found as the
 *       original of a duplicate or a member of a group: memory is bounded at the price of recall on
 *       the oldest records, and the count says how often that price was paid.
 * </ul>
 *
 * <p>Stages complete before they are returned.
 */
public final class InMemoryDedupIndex implements DedupIndex {
  /**
   * Bytes an entry is budgeted at when the cap is derived from the heap: about 176 measured for the
   * row, block and map (dedup/BENCHMARKS.md) plus 20 for its {@link IndexOrder} slot, rounded up to
   * the bar of 256.
   */
  public static final long BYTES_PER_ENTRY = 256;

  /** The share of the heap the default cap lets the index take: a quarter. */
  public static final int HEAP_SHARE_DIVISOR = 4;

  /** The least default cap, for very small heaps. */
  public static final int MIN_DEFAULT_MAX_ENTRIES = 10_000;

  /** The largest cap: the most slots one array can hold. */
  public static final int MAX_ENTRIES_LIMIT = Integer.MAX_VALUE - 8;

  /**
   * The entries of one blocking key, with the key ({@link IndexOrder} finds the block again by it):
   * the state itself rather than a holder of one, one object fewer a key for the collector to mark.
   * A block that left the map is told apart by identity: the map holds another for its key, or
   * none.
   */
  static final class Block extends BlockState {
    final String key;

    Block(String key) {
      this.key = key;
    }
  }

  private final ConcurrentHashMap<String, Block> blocks = new ConcurrentHashMap<>();
  private final LongAdder entries = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final IndexOrder order;
  private final DedupOptions options;

  /**
   * @param maxEntries {@code 1..}{@link #MAX_ENTRIES_LIMIT}: the most entries held, see {@link
   *     #defaultMaxEntries}
   */
  public InMemoryDedupIndex(DedupOptions options, int maxEntries) {
    this.options = Objects.requireNonNull(options, "options");
    if (maxEntries < 1 || maxEntries > MAX_ENTRIES_LIMIT) {
      throw new IllegalArgumentException("maxEntries must be 1.." + MAX_ENTRIES_LIMIT);
    }
    this.order = new IndexOrder(maxEntries);
  }

  /** An index capped at {@link #defaultMaxEntries} for this JVM's heap. */
  public InMemoryDedupIndex(DedupOptions options) {
    this(options, defaultMaxEntries(Runtime.getRuntime().maxMemory()));
  }

  /** An index with the default windows, threshold and cap. */
  public InMemoryDedupIndex() {
    this(DedupOptions.defaults());
  }

  /**
   * The default cap for a heap of {@code maxHeapBytes}: a quarter of it at {@value
   * #BYTES_PER_ENTRY} bytes an entry, at least {@value #MIN_DEFAULT_MAX_ENTRIES}. A 1 GiB heap
   * holds 1,048,576 entries, a 4 GiB heap 4,194,304.
   */
  public static int defaultMaxEntries(long maxHeapBytes) {
    long n = maxHeapBytes / HEAP_SHARE_DIVISOR / BYTES_PER_ENTRY;
    return (int) Math.max(MIN_DEFAULT_MAX_ENTRIES, Math.min(MAX_ENTRIES_LIMIT, n));
  }

  @Override
  public CompletionStage<DedupVerdict> decide(Fingerprint fingerprint) {
    if (!fingerprint.indexable()) {
      return CompletableFuture.completedFuture(DedupVerdict.fresh());
    }
    DedupVerdict[] verdict = new DedupVerdict[1];
    Block block =
        update(fingerprint.blockingKey(), s -> verdict[0] = s.decide(fingerprint, options));
    if (verdict[0].kind() != DedupVerdict.Kind.DUPLICATE) {
      indexed(block, fingerprint.id());
    }
    return CompletableFuture.completedFuture(verdict[0]);
  }

  @Override
  public CompletionStage<Void> forget(Fingerprint fingerprint) {
    if (fingerprint.indexable()) {
      blocks.computeIfPresent(
          fingerprint.blockingKey(),
          (key, b) -> {
            int before = b.size();
            b.forget(fingerprint.id());
            return settle(b, before);
          });
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void restore(Fingerprint fingerprint, UUID clusterId, int clusterSize) {
    if (!fingerprint.indexable()) {
      return;
    }
    boolean[] added = new boolean[1];
    Block block =
        update(
            fingerprint.blockingKey(),
            s -> {
              int before = s.size();
              s.restore(fingerprint, clusterId, clusterSize);
              added[0] = s.size() > before;
            });
    if (added[0]) {
      indexed(block, fingerprint.id());
    }
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
          (k, b) -> {
            int before = b.size();
            b.prune(nowSecond, options);
            return settle(b, before);
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

  /** The most entries held. */
  public int maxEntries() {
    return order.capacity();
  }

  /** Entries evicted by the cap since start (not those the window passed), for a counter. */
  public long evictions() {
    return evictions.sum();
  }

  @Override
  public String toString() {
    return "InMemoryDedupIndex[blocks="
        + blocks.size()
        + ", entries="
        + entries.sum()
        + ", maxEntries="
        + order.capacity()
        + ", evictions="
        + evictions.sum()
        + "]";
  }

  /**
   * Applies {@code change} to the block of {@code key} (created when missing) under that key's
   * lock.
   *
   * @return the block, or null when the change left it empty
   */
  private Block update(String key, Consumer<BlockState> change) {
    return blocks.compute(
        key,
        (k, held) -> {
          Block b = held == null ? new Block(k) : held;
          int before = b.size();
          change.accept(b);
          return settle(b, before);
        });
  }

  /**
   * Notes a new entry as the newest and, when that fills the cap, evicts the oldest. Outside the
   * block's lock: the evicted entry is under another key, and two keys are never locked at once.
   */
  private void indexed(Block block, UUID id) {
    IndexOrder.Slot oldest = order.append(block, id);
    if (oldest == null) {
      return;
    }
    boolean[] evicted = new boolean[1];
    blocks.computeIfPresent(
        oldest.block().key,
        (key, b) -> {
          if (b != oldest.block()) {
            return b; // that block left the map, and its entries with it
          }
          int before = b.size();
          evicted[0] = b.evict(oldest.id());
          return settle(b, before);
        });
    if (evicted[0]) {
      evictions.increment();
    }
  }

  /**
   * Accounts for the change in entries; an empty block is removed from the map and lets go of its
   * rows, since {@link IndexOrder} slots may still point at it.
   */
  private Block settle(Block b, int before) {
    entries.add(b.size() - before);
    if (b.size() == 0) {
      b.release();
      return null;
    }
    return b;
  }
}
