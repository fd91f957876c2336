package org.hotline.dedup;

/**
 * Makes the credit code and the names of one merchant lead to one blocking key. A credit code is
 * given in some filings only (operators look it up, consumers rarely know it), so a key made from
 * each filing alone would put the filings of one matter in different blocks. The first key seen for
 * a merchant becomes its canonical key, and every credit code or name seen together with it becomes
 * an alias of that key. Soft state, like the index: {@link Fingerprinter#learn} rebuilds it from
 * stored fingerprints at start-up. Implementations are thread-safe; a cluster shares one (for
 * example a distributed map with {@code putIfAbsent}).
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

  /** Registers the keys of a stored record as aliases of the blocking key it was given. */
  void learn(String creditKey, String nameKey, String canonicalKey);

  /** Aliases held. */
  long size();

  /** A single-node table holding at most {@code maxEntries} aliases. */
  static MerchantAliases inMemory(int maxEntries) {
    return new InMemoryMerchantAliases(maxEntries);
  }
}
