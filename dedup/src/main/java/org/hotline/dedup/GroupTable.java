package org.hotline.dedup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.UUID;

/**
 * The group complaints of one block: id and size of each, in one primitive array. A block rarely
 * holds more than a few groups, so lookups are linear. Not thread-safe: owned by a {@link
 * BlockState}.
 */
final class GroupTable implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int STRIDE = 3; // id high bits, id low bits, size

  private long[] data = new long[0];
  private int count;

  int count() {
    return count;
  }

  /** Adds a group and returns its index. */
  int add(UUID id, int size) {
    if ((count + 1) * STRIDE > data.length) {
      data = Arrays.copyOf(data, Math.max(STRIDE, data.length * 2));
    }
    int base = count * STRIDE;
    data[base] = id.getMostSignificantBits();
    data[base + 1] = id.getLeastSignificantBits();
    data[base + 2] = size;
    return count++;
  }

  /** The index of group {@code id}, or -1. */
  int find(UUID id) {
    long hi = id.getMostSignificantBits();
    long lo = id.getLeastSignificantBits();
    for (int g = 0; g < count; g++) {
      if (data[g * STRIDE] == hi && data[g * STRIDE + 1] == lo) {
        return g;
      }
    }
    return -1;
  }

  UUID id(int g) {
    return new UUID(data[g * STRIDE], data[g * STRIDE + 1]);
  }

  int size(int g) {
    return (int) data[g * STRIDE + 2];
  }

  void setSize(int g, int size) {
    data[g * STRIDE + 2] = size;
  }

  /**
   * Keeps only the groups marked used, in order.
   *
   * @return the new index of each old index (-1 for a dropped group)
   */
  int[] retain(boolean[] used) {
    int[] remap = new int[count];
    int n = 0;
    for (int g = 0; g < count; g++) {
      if (used[g]) {
        System.arraycopy(data, g * STRIDE, data, n * STRIDE, STRIDE);
        remap[g] = n++;
      } else {
        remap[g] = -1;
      }
    }
    count = n;
    data = Arrays.copyOf(data, n * STRIDE);
    return remap;
  }

  /** A group id that is the same wherever it is computed (primary or backup of a partition). */
  static UUID derivedId(UUID first, UUID second) {
    long hi =
        MinHash.mix(first.getMostSignificantBits() ^ MinHash.mix(second.getLeastSignificantBits()));
    long lo = MinHash.mix(first.getLeastSignificantBits() + 31 * second.getMostSignificantBits());
    hi = (hi & ~0xF000L) | 0x4000L; // version 4 layout
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(hi, lo);
  }
}
