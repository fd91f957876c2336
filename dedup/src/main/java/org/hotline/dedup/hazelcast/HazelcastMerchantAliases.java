package org.hotline.dedup.hazelcast;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.MerchantAliases;

/**
 * The merchant alias table of a gateway cluster: one Hazelcast {@code IMap<String, String>} from a
 * merchant key ({@code cc:…}, {@code n:…}) to its canonical blocking key, shared by every node, so
 * that a merchant known by its credit code on node A and by its shop name on node B lands under one
 * key of the {@link HazelcastDedupIndex}. Plain strings on the wire and in the map.
 *
 * <p>The rules are those of the in-memory table: the first mapping of an alias wins cluster-wide,
 * because every registration is a put-if-absent run on the alias's owner ({@link AliasProcessor}).
 * Two keys of one filing live on two partitions, so one filing's registration is not atomic; two
 * nodes racing on a merchant's first two filings still agree, because each step reads what the
 * owner holds rather than a local copy.
 *
 * <p>Trade-off: {@link #canonicalAsync} costs one or two round trips to the owners of the keys per
 * filing, on top of the index's own, and never blocks; between them the caller's executor (its
 * Vert.x context) makes the next call, since Hazelcast forbids remote calls from its own threads.
 * There is no near cache: a local copy would answer without a round trip but could send the first
 * filings after another node's first mapping to a second block, which is the bug this table exists
 * to prevent. {@link #canonical} and {@link #learn} block, for start-up and tests only; an event
 * loop uses {@link Fingerprinter#fingerprintAsync}.
 *
 * <p>Bounded like the in-memory table: configure the map with {@link #mapConfig(String,
 * DedupOptions)} (least-recently-used eviction above a size per member, and an alias unused for
 * twice the retention window expires). An evicted alias is learned again by the next filing that
 * gives it together with another key.
 */
public final class HazelcastMerchantAliases implements MerchantAliases {
  /** The map name used when none is given. */
  public static final String DEFAULT_MAP_NAME = "intake-merchant-aliases";

  /** Aliases each member holds at most before evicting the least recently used. */
  public static final int DEFAULT_MAX_ENTRIES_PER_MEMBER = Fingerprinter.DEFAULT_MAX_ALIASES;

  private final IMap<String, String> map;

  /** A table over {@value #DEFAULT_MAP_NAME} with the default windows. */
  public HazelcastMerchantAliases(HazelcastInstance hazelcast) {
    this(hazelcast, DedupOptions.defaults(), DEFAULT_MAP_NAME);
  }

  /**
   * A table over the named map. If the member has no configuration for it yet, {@link
   * #mapConfig(String, DedupOptions)} is added; an existing configuration is respected.
   *
   * @param hazelcast a member of the cluster; not shut down by this table
   * @param options the windows that bound an alias's idle time
   * @param mapName the map holding the aliases
   */
  public HazelcastMerchantAliases(
      HazelcastInstance hazelcast, DedupOptions options, String mapName) {
    Objects.requireNonNull(hazelcast, "hazelcast");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(mapName, "mapName");
    this.map = Maps.configured(hazelcast, mapConfig(mapName, options));
  }

  /** {@link #mapConfig(String, DedupOptions)} for {@value #DEFAULT_MAP_NAME}. */
  public static MapConfig mapConfig(DedupOptions options) {
    return mapConfig(DEFAULT_MAP_NAME, options);
  }

  /**
   * The configuration the gateway registers before the member starts.
   *
   * <ul>
   *   <li>Least-recently-used eviction above {@value #DEFAULT_MAX_ENTRIES_PER_MEMBER} entries per
   *       member: the bound of the in-memory table, per node.
   *   <li>Max idle = twice {@link DedupOptions#retention()}: an alias nobody has used for that long
   *       leads to a block whose records under that name are all past the window.
   *   <li>One synchronous backup, so losing a member loses no aliases.
   * </ul>
   */
  public static MapConfig mapConfig(String mapName, DedupOptions options) {
    return new MapConfig(mapName)
        .setBackupCount(1)
        .setAsyncBackupCount(0)
        .setInMemoryFormat(InMemoryFormat.BINARY)
        .setMaxIdleSeconds(HazelcastDedupIndex.ttlSeconds(options.retention().multipliedBy(2)))
        .setEvictionConfig(
            new EvictionConfig()
                .setEvictionPolicy(EvictionPolicy.LRU)
                .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                .setSize(DEFAULT_MAX_ENTRIES_PER_MEMBER));
  }

  @Override
  public CompletionStage<String> canonicalAsync(
      String creditKey, String nameKey, Executor executor) {
    Objects.requireNonNull(executor, "executor");
    if (creditKey == null) {
      return nameKey == null ? completed(null) : register(nameKey, nameKey, executor);
    }
    CompletionStage<String> viaName =
        nameKey == null ? completed(null) : on(executor, map.getAsync(nameKey));
    return viaName.thenCompose(
        name -> {
          if (name == null) {
            return register(creditKey, creditKey, executor)
                .thenCompose(
                    code -> nameKey == null ? completed(code) : register(nameKey, code, executor));
          }
          return register(creditKey, name, executor)
              .thenCompose(
                  code ->
                      code.equals(name)
                          ? completed(name)
                          : preferName(creditKey, code, name, executor));
        });
  }

  /** Blocks; the follow-up calls are made on the calling thread while it waits. */
  @Override
  public String canonical(String creditKey, String nameKey) {
    CallerRuns caller = new CallerRuns();
    return caller.await(canonicalAsync(creditKey, nameKey, caller));
  }

  /** Blocks until both aliases are on their owners; for the start-up rebuild. */
  @Override
  public void learn(String creditKey, String nameKey, String canonicalKey) {
    if (canonicalKey == null) {
      return;
    }
    CallerRuns caller = new CallerRuns();
    CompletionStage<String> code =
        creditKey == null ? completed(null) : register(creditKey, canonicalKey, caller);
    CompletionStage<String> name =
        nameKey == null ? completed(null) : register(nameKey, canonicalKey, caller);
    caller.await(code.thenCombine(name, (c, n) -> null));
  }

  @Override
  public boolean shared() {
    return true;
  }

  /** Aliases held in the whole cluster. */
  @Override
  public long size() {
    return map.size();
  }

  /** The name of the map holding the aliases. */
  public String mapName() {
    return map.getName();
  }

  @Override
  public String toString() {
    return "HazelcastMerchantAliases[" + map.getName() + "]";
  }

  /** The alias's key on its owner: the existing one if any, else {@code proposed}, now set. */
  private CompletionStage<String> register(String alias, String proposed, Executor executor) {
    return on(executor, map.submitToKey(alias, AliasProcessor.putIfAbsent(proposed)));
  }

  /**
   * The code came first with its registered name, the shop name on its own: two blocks for one
   * merchant. The shop name's block wins from now on, because most filings (consumers, 12345) use
   * the shop name; the code's block keeps what it has but gets no more. Answers the name's block
   * whether or not another node changed the code's alias first.
   */
  private CompletionStage<String> preferName(
      String creditKey, String viaCode, String viaName, Executor executor) {
    return on(executor, map.submitToKey(creditKey, AliasProcessor.replace(viaCode, viaName)))
        .thenApply(ignored -> viaName);
  }

  private static CompletionStage<String> completed(String value) {
    return CompletableFuture.completedFuture(value);
  }

  /**
   * A plain future completed on {@code executor}: the next call must not be made from the Hazelcast
   * thread that completed this one, and Hazelcast would otherwise run dependent stages on the
   * common fork-join pool.
   */
  private static <T> CompletableFuture<T> on(Executor executor, CompletionStage<T> hazelcast) {
    CompletableFuture<T> result = new CompletableFuture<>();
    hazelcast.whenCompleteAsync(
        (value, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(value);
          }
        },
        executor);
    return result;
  }

  /**
   * An executor whose tasks run on the thread that waits for the result: for the blocking calls.
   */
  private static final class CallerRuns implements Executor {
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    <T> T await(CompletionStage<T> stage) {
      CompletableFuture<T> result = stage.toCompletableFuture();
      result.whenComplete((v, e) -> tasks.add(() -> {}));
      try {
        while (!result.isDone()) {
          tasks.take().run();
        }
        return result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the alias table", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
      }
    }
  }
}
