package org.hotline.dedup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Makes the credit code and the names of one merchant lead to one blocking key. A credit code is
 * given in some filings only (operators look it up, consumers rarely know it), so a key made from
 * each filing alone would put the filings of one matter in different blocks. The first key seen for
 * a merchant becomes its canonical key, and every credit code or name seen together with it becomes
 * an alias of that key. Soft state, like the index: {@link Fingerprinter#learn} rebuilds it from
 * stored fingerprints at start-up. Implementations are thread-safe; a cluster shares one ({@code
 * HazelcastMerchantAliases}), otherwise two nodes would give one merchant two blocking keys.
 *
 * <p>{@link #canonical} and {@link #learn} may block on a shared table: an event loop calls {@link
 * #canonicalAsync} (through {@link Fingerprinter#fingerprintAsync}) instead.
 */
public interface MerchantAliases {
  /**
   * The blocking key of the merchant that these keys identify, registering them as aliases.
   *
   * @param creditKey {@code cc:…} or null
   * @param nameKey {@code n:…} or null
   * @return the canonical key, or null when both are null
   */
  String canonical(String creditKey, String nameKey);

  /**
   * {@link #canonical} without blocking.
   *
   * @param executor where the follow-up calls of a shared table are made and where its stage
   *     completes (for a Vert.x caller, its own context): Hazelcast forbids remote calls from its
   *     own threads. A table in local memory answers at once, on the calling thread, and ignores
   *     it.
   */
  default CompletionStage<String> canonicalAsync(
      String creditKey, String nameKey, Executor executor) {
    return CompletableFuture.completedFuture(canonical(creditKey, nameKey));
  }

  /**
   * Whether other nodes see the same table. A shared table is rebuilt at start-up by one node only
   * (the one that finds the cluster's index empty); a table of one node's own by every node.
   */
  default boolean shared() {
    return false;
  }

  /** Registers the keys of a stored record as aliases of the blocking key it was given. */
  void learn(String creditKey, String nameKey, String canonicalKey);

  /** Aliases held. */
  long size();

  /** A single-node table holding at most {@code maxEntries} aliases. */
  static MerchantAliases inMemory(int maxEntries) {
    return new InMemoryMerchantAliases(maxEntries);
  }
}
