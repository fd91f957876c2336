package org.hotline.dedup;

/**
 * b-bit MinHash signatures: {@value #SLOTS} hash functions, of each minimum only the low 8 bits,
 * packed eight to a {@code long}. Two sets agree on a slot with probability J + (1 - J)/256, J
 * their Jaccard similarity, so the share of equal slots estimates J. Comparing two signatures is
 * {@value #WORDS} XORs and bit counts, without allocation.
 */
public final class MinHash {
  /** Hash functions per signature. */
  public static final int SLOTS = 64;

  /** {@code long}s per signature. */
  public static final int WORDS = SLOTS / 8;

  private static final long[] SEEDS = new long[SLOTS];
  private static final long LOW_7 = 0x7F7F7F7F7F7F7F7FL;

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < SLOTS; i++) {
      s += 0x9E3779B97F4A7C15L;
      SEEDS[i] = mix(s);
    }
  }

  private MinHash() {}

  /**
   * The signature of a set of 64-bit element hashes ({@code count} of them in {@code elements}).
   * Repeated elements do not change it, so the caller need not remove them. An empty set gets a
   * signature derived from {@code emptySalt}, so that two empty texts do not look identical.
   */
  public static long[] signature(long[] elements, int count, long emptySalt) {
    long[] mins = new long[SLOTS];
    java.util.Arrays.fill(mins, Long.MAX_VALUE);
    for (int i = 0; count == 0 && i < SLOTS; i++) {
      mins[i] = mix(emptySalt ^ SEEDS[i]);
    }
    // One independent hash function per slot (the seeded finaliser). Cheaper schemes (a
    // multiply-add per slot) measured visibly worse agreement estimates on short texts. The slot
    // loop is written without branches or calls so that C2 vectorises it: with AVX-512 (64-bit
    // lane multiply) eight slots per instruction, which made the whole fingerprint about 2x faster
    // than the loop with mix() and an if, with the same result bit for bit. Without AVX-512 the
    // gain is smaller.
    long[] seeds = SEEDS;
    for (int e = 0; e < count; e++) {
      long h = elements[e];
      for (int i = 0; i < SLOTS; i++) {
        long z = h ^ seeds[i];
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        long v = (z ^ (z >>> 33)) >>> 1; // mix(h ^ seed), non-negative
        long m = mins[i];
        // min(m, v) without a branch: both are non-negative, so v - m cannot overflow.
        mins[i] = m ^ ((v ^ m) & ((v - m) >> 63));
      }
    }
    long[] packed = new long[WORDS];
    for (int i = 0; i < SLOTS; i++) {
      packed[i >>> 3] |= (mins[i] & 0xFFL) << ((i & 7) << 3);
    }
    return packed;
  }

  /** Slots on which two signatures agree, 0..{@value #SLOTS}. */
  public static int agreement(long[] a, int aOffset, long[] b, int bOffset) {
    int n = 0;
    for (int i = 0; i < WORDS; i++) {
      n += equalBytes(a[aOffset + i], b[bOffset + i]);
    }
    return n;
  }

  /** The Jaccard similarity that {@code agreement} equal slots estimate, corrected for b bits. */
  public static double jaccard(int agreement) {
    double raw = agreement / (double) SLOTS;
    return Math.max(0.0, (raw - 1.0 / 256) / (1.0 - 1.0 / 256));
  }

  /** SWAR: the number of zero bytes of {@code a ^ b}. */
  static int equalBytes(long a, long b) {
    long x = a ^ b;
    long t = (x & LOW_7) + LOW_7; // high bit set where the low 7 bits are not all zero
    t = ~(t | x | LOW_7); // high bit set exactly where the byte is zero
    return Long.bitCount(t);
  }

  /** The MurmurHash3 finaliser: a cheap, well-mixed 64-bit permutation. */
  static long mix(long z) {
    z ^= z >>> 33;
    z *= 0xFF51AFD7ED558CCDL;
    z ^= z >>> 33;
    z *= 0xC4CEB9FE1A85EC53L;
    z ^= z >>> 33;
    return z;
  }
}
