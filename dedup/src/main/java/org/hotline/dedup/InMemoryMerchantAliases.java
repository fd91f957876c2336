package org.hotline.dedup;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/** {@link MerchantAliases} in a {@link ConcurrentHashMap}, for a single node. */
final class InMemoryMerchantAliases implements MerchantAliases {
  private final ConcurrentHashMap<String, String> aliases = new ConcurrentHashMap<>();
  private final int maxEntries;

  InMemoryMerchantAliases(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public String canonical(String creditKey, String nameKey) {
    if (creditKey == null) {
      return nameKey == null ? null : register(nameKey, nameKey);
    }
    String viaName = nameKey == null ? null : aliases.get(nameKey);
    if (viaName == null) {
      String canonical = register(creditKey, creditKey);
      return nameKey == null ? canonical : register(nameKey, canonical);
    }
    String viaCode = aliases.putIfAbsent(creditKey, viaName);
    if (viaCode != null && !viaCode.equals(viaName)) {
      // The code came first with its registered name, the shop name on its own: two blocks for
      // one merchant. The shop name's block wins from now on, because most filings (consumers,
      // 12345) use the shop name; the code's block keeps what it has but gets no more.
      aliases.replace(creditKey, viaCode, viaName);
    }
    return viaName;
  }

  @Override
  public void learn(String creditKey, String nameKey, String canonicalKey) {
    if (canonicalKey == null) {
      return;
    }
    if (creditKey != null) {
      register(creditKey, canonicalKey);
    }
    if (nameKey != null) {
      register(nameKey, canonicalKey);
    }
  }

  @Override
  public long size() {
    return aliases.size();
  }

  @Override
  public String toString() {
    return "InMemoryMerchantAliases[size=" + aliases.size() + "]";
  }

  /** The alias's key: the existing one if any, else {@code proposed}, now registered. */
  private String register(String alias, String proposed) {
    String existing = aliases.putIfAbsent(alias, proposed);
    if (existing == null && aliases.size() > maxEntries) {
      evictSome();
    }
    return existing != null ? existing : proposed;
  }

  /**
   * Over the bound, drops about a tenth of the aliases. They are soft state: a dropped alias is
   * learned again by the next filing that gives the key together with another.
   */
  private void evictSome() {
    int toDrop = Math.max(1, maxEntries / 10);
    Iterator<String> it = aliases.keySet().iterator();
    while (toDrop-- > 0 && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
