package org.hotline.dedup;

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
    return signatureOfNormalised(
        content == null ? null : ContentTokens.normalise(content), emptySalt, known);
  }

  /** {@link #signature} of a text already {@link ContentTokens#normalise normalised}. */
  static long[] signatureOfNormalised(String text, long emptySalt, String... known) {
    int[] tokens = ContentTokens.ofNormalised(text, known);
    long[] shingles = shingles(tokens);
    // A minimum does not care about repeats, so the shingles need no sorting or de-duplication.
    return MinHash.signature(shingles, shingles.length, emptySalt);
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
}
