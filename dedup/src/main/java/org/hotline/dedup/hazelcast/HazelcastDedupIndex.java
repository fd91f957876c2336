package org.hotline.dedup.hazelcast;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryEvictedListener;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.hotline.dedup.BlockState;
import org.hotline.dedup.DedupIndex;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.InMemoryDedupIndex;

/**
 * The dedup index of a gateway cluster: one Hazelcast {@code IMap<String, BlockState>} keyed by
 * {@link Fingerprint#blockingKey()}. Every change is an entry processor that runs on the key's
 * owner partition thread, so two copies of one matter reaching two nodes in the same millisecond
 * are still decided one after the other, and exactly one of them is new.
 *
 * <p>The map should be configured with {@link #mapConfig(String, DedupOptions, int)}: one
 * synchronous backup, a time-to-live of the retention window so that a key nobody has written to
 * for that long goes away whole, and a cap on the blocks each member owns, past which the block
 * written longest ago goes first (Hazelcast's least-recently-used eviction: every decision writes
 * its block). {@link #evictions()} counts the blocks this member evicted. If the member has no
 * configuration for the map name when the index is created, the index adds that configuration
 * dynamically; an existing configuration is respected.
 *
 * <p>Asynchronous results complete on a Hazelcast thread (a partition or response thread).
 * Dependent stages must not block: hop to your own context first, for example with Vert.x {@code
 * Future.fromCompletionStage(stage, context)}.
 *
 * <p>{@link #close()} leaves the Hazelcast instance running: the caller owns it.
 */
public final class HazelcastDedupIndex implements DedupIndex {
  /** The map name used when none is given. */
  public static final String DEFAULT_MAP_NAME = "intake-dedup";

  /**
   * Blocks per member by default, per byte of heap: the single-node index's cap for the same heap
   * ({@link InMemoryDedupIndex#defaultMaxEntries}), divided by this. A member also holds a backup
   * of another's blocks, and a block carries more than one record's entry.
   */
  static final int HEAP_CAP_DIVISOR = 4;

  private final IMap<String, BlockState> map;
  private final WireOptions options;
  private final LongAdder evictions = new LongAdder();

  /** An index over {@value #DEFAULT_MAP_NAME} with the default windows. */
  public HazelcastDedupIndex(HazelcastInstance hazelcast) {
    this(hazelcast, DedupOptions.defaults());
  }

  /** An index over {@value #DEFAULT_MAP_NAME}. */
  public HazelcastDedupIndex(HazelcastInstance hazelcast, DedupOptions options) {
    this(hazelcast, options, DEFAULT_MAP_NAME);
  }

  /**
   * An index over the named map, capped for this JVM's heap ({@link #defaultMaxBlocksPerMember}).
   */
  public HazelcastDedupIndex(HazelcastInstance hazelcast, DedupOptions options, String mapName) {
    this(hazelcast, options, mapName, defaultMaxBlocksPerMember(Runtime.getRuntime().maxMemory()));
  }

  /**
   * An index over the named map.
   *
   * @param hazelcast a member of the cluster (the processors run on members, so their classes must
   *     be on the members' class path); not shut down by {@link #close()}
   * @param options the windows; every node of the cluster must use the same ones
   * @param mapName the map holding the states
   * @param maxBlocksPerMember the cap of {@link #mapConfig(String, DedupOptions, int)}, used when
   *     the member has no configuration for the map yet
   */
  public HazelcastDedupIndex(
      HazelcastInstance hazelcast, DedupOptions options, String mapName, int maxBlocksPerMember) {
    Objects.requireNonNull(hazelcast, "hazelcast");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(mapName, "mapName");
    this.map = Maps.configured(hazelcast, mapConfig(mapName, options, maxBlocksPerMember));
    this.options = WireOptions.of(options);
    map.addLocalEntryListener(
        (EntryEvictedListener<String, BlockState>) evicted -> evictions.increment());
  }

  /** {@link #mapConfig(String, DedupOptions, int)} for {@value #DEFAULT_MAP_NAME}. */
  public static MapConfig mapConfig(DedupOptions options, int maxBlocksPerMember) {
    return mapConfig(DEFAULT_MAP_NAME, options, maxBlocksPerMember);
  }

  /**
   * The default cap for a member with {@code maxHeapBytes} of heap: {@link
   * InMemoryDedupIndex#defaultMaxEntries} over {@value #HEAP_CAP_DIVISOR}, at least {@value
   * InMemoryDedupIndex#MIN_DEFAULT_MAX_ENTRIES}. A 4 GiB heap holds 1,048,576 blocks.
   */
  public static int defaultMaxBlocksPerMember(long maxHeapBytes) {
    return Math.max(
        InMemoryDedupIndex.MIN_DEFAULT_MAX_ENTRIES,
        InMemoryDedupIndex.defaultMaxEntries(maxHeapBytes) / HEAP_CAP_DIVISOR);
  }

  /** Blocks this member evicted to stay within its cap (not those the time-to-live removed). */
  public long evictions() {
    return evictions.sum();
  }

  /** Blocks this member owns (backups of other members' blocks not counted). */
  public long localBlocks() {
    return map.getLocalMapStats().getOwnedEntryCount();
  }

  /**
   * The configuration the gateway registers in its Hazelcast {@code Config} (with {@code
   * config.addMapConfig(...)}) before the member starts.
   *
   * <ul>
   *   <li>Time-to-live = {@link DedupOptions#retention()}, rounded up to whole seconds. Every
   *       decision writes the key and restarts the clock, so a key expires only after a whole
   *       retention window without a new record, when all its entries are past the window anyway.
   *   <li>One synchronous backup, so losing one member loses no decisions.
   *   <li>{@code OBJECT} in-memory format: the entry processors are the only access path, and this
   *       spares a deserialisation and a serialisation of the whole state on every decision.
   *   <li>At most {@code maxBlocksPerMember} blocks owned by each member: past it, the block
   *       written longest ago is evicted (least recently used; every decision writes its block, so
   *       it is the block whose newest record is oldest). Its records are then judged new if filed
   *       again. Hazelcast enforces the cap per partition, so a member evicts a little before it
   *       holds the whole cap.
   * </ul>
   */
  public static MapConfig mapConfig(String mapName, DedupOptions options, int maxBlocksPerMember) {
    if (maxBlocksPerMember < 1) {
      throw new IllegalArgumentException("maxBlocksPerMember must be 1 or more");
    }
    return new MapConfig(mapName)
        .setBackupCount(1)
        .setAsyncBackupCount(0)
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setTimeToLiveSeconds(ttlSeconds(options.retention()))
        .setEvictionConfig(
            new EvictionConfig()
                .setEvictionPolicy(EvictionPolicy.LRU)
                .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                .setSize(maxBlocksPerMember));
  }

  static int ttlSeconds(Duration retention) {
    // Zero would mean "never expires" to Hazelcast; one second is the shortest real lifetime.
    long seconds = retention.getSeconds() + (retention.getNano() > 0 ? 1 : 0);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
  }

  @Override
  public CompletionStage<DedupVerdict> decide(Fingerprint fingerprint) {
    if (!fingerprint.indexable()) {
      // Neither merchant nor identity: nothing can match it, and nothing is held.
      return CompletableFuture.completedFuture(DedupVerdict.fresh());
    }
    DecideProcessor processor = new DecideProcessor(fingerprint.toBytes(), options);
    return relay(map.submitToKey(fingerprint.blockingKey(), processor), VerdictCodec::decode);
  }

  @Override
  public CompletionStage<Void> forget(Fingerprint fingerprint) {
    if (!fingerprint.indexable()) {
      return CompletableFuture.completedFuture(null);
    }
    ForgetProcessor processor = new ForgetProcessor(fingerprint.id());
    return relay(map.submitToKey(fingerprint.blockingKey(), processor), v -> null);
  }

  /** Blocks until the owner of the key has the record back; meant for start-up. */
  @Override
  public void restore(Fingerprint fingerprint, UUID clusterId, int clusterSize) {
    if (!fingerprint.indexable()) {
      return;
    }
    map.executeOnKey(
        fingerprint.blockingKey(), restoreProcessor(fingerprint, clusterId, clusterSize));
  }

  /**
   * {@link #restore} without waiting, so a start-up rebuild can keep a bounded number of restores
   * in flight instead of paying one round trip per record.
   */
  public CompletionStage<Void> restoreAsync(
      Fingerprint fingerprint, UUID clusterId, int clusterSize) {
    if (!fingerprint.indexable()) {
      return CompletableFuture.completedFuture(null);
    }
    return relay(
        map.submitToKey(
            fingerprint.blockingKey(), restoreProcessor(fingerprint, clusterId, clusterSize)),
        v -> null);
  }

  private static RestoreProcessor restoreProcessor(
      Fingerprint fingerprint, UUID clusterId, int clusterSize) {
    return new RestoreProcessor(fingerprint.toBytes(), clusterId, clusterSize);
  }

  /**
   * Records held in the whole cluster: the sum of {@link BlockState#size()} over all keys, by a
   * distributed aggregation in which each member sums its own entries. It blocks and touches every
   * key, so call it for metrics and tests, not per request. Entries past the window under a key
   * that has had no decision since still count until that key is decided again or expires.
   */
  @Override
  public long size() {
    return map.aggregate(new RecordCountAggregator());
  }

  /** The name of the map holding the states. */
  public String mapName() {
    return map.getName();
  }

  /** Blocking keys held in the whole cluster (cheap: Hazelcast's own count). */
  public int keyCount() {
    return map.size();
  }

  private static <T, R> CompletionStage<R> relay(
      CompletionStage<T> hazelcast, Function<T, R> convert) {
    // Hazelcast runs non-async dependent stages on the common fork-join pool (one thread on a
    // two-core machine). Converting on the completing thread and handing out a plain future lets
    // the caller hop straight to its own context.
    CompletableFuture<R> result = new CompletableFuture<>();
    hazelcast.whenCompleteAsync(
        (value, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
            return;
          }
          try {
            result.complete(convert.apply(value));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        },
        Runnable::run);
    return result;
  }
}
