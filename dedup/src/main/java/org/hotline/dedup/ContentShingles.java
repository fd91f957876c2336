package org.hotline.dedup;

import java.util.Arrays;

/**
 * The words that tell one matter from another ({@link ContentTokens}), as a set of character and
 * character-bigram hashes, and its MinHash signature.
 */
final class ContentShingles {
  private static final long BIGRAM_SALT = 0x51ED270B9A3F1C27L;

  private ContentShingles() {}

  /**
   * The MinHash signature of {@code content} once {@code known} strings (merchant name, address…)
   * are cut out of it.
   */
  static long[] signature(String content, long emptySalt, String... known) {
    int[] tokens = tokens(content, known);
    long[] shingles = shingles(tokens);
    int n = distinct(shingles);
    return MinHash.signature(shingles, n, emptySalt);
  }

  /** The text reduced to its meaningful characters, one code point each. */
  static int[] tokens(String content, String... known) {
    return ContentTokens.of(content, known);
  }

  /**
   * Characters and character bigrams. Bigrams alone miss paraphrase (短两 and 按两 share nothing);
   * characters alone make every complaint about money look alike; both together rank the same
   * matter in other words above another matter in the same words.
   */
  private static long[] shingles(int[] t) {
    int bigrams = Math.max(0, t.length - 1);
    long[] out = new long[t.length + bigrams];
    for (int i = 0; i < t.length; i++) {
      out[i] = MinHash.mix(t[i]);
    }
    for (int i = 0; i < bigrams; i++) {
      out[t.length + i] = MinHash.mix((((long) t[i]) << 32 | t[i + 1]) ^ BIGRAM_SALT);
    }
    return out;
  }

  /** Sorts and removes repeats in place; returns the number of distinct values. */
  private static int distinct(long[] a) {
    Arrays.sort(a);
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (n == 0 || a[i] != a[n - 1]) {
        a[n++] = a[i];
      }
    }
    return n;
  }
}
