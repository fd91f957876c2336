package org.hotline.dedup;

import java.util.UUID;

/**
 * The entries of an {@link InMemoryDedupIndex} in the order they were indexed, oldest first, at
 * most {@code capacity} of them: a ring of parallel arrays (a block reference and the record id's
 * two longs, 20 bytes a slot with compressed references), grown by doubling up to the capacity.
 *
 * <p>A slot whose entry has since left its block (the window passed it, or its record was
 * forgotten) stays until it reaches the head; it then goes without evicting anything. So the ring
 * bounds the index: an entry leaves at the latest when {@code capacity} newer ones have been
 * indexed after it. One lock; every call does constant work, and the caller evicts outside it.
 */
final class IndexOrder {
  private static final int INITIAL = 1024;

  /** The oldest slot, taken off the ring to make room. */
  record Slot(InMemoryDedupIndex.Block block, UUID id) {}

  private final int capacity;
  private InMemoryDedupIndex.Block[] blocks;
  private long[] high;
  private long[] low;
  private int head;
  private int size;

  /**
   * @param capacity {@code 1..Integer.MAX_VALUE - 8}: the most slots held
   */
  IndexOrder(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    int initial = Math.min(capacity, INITIAL);
    blocks = new InMemoryDedupIndex.Block[initial];
    high = new long[initial];
    low = new long[initial];
  }

  /**
   * Appends an entry as the newest; when the ring is at capacity, first takes the oldest off.
   *
   * @return the slot taken off to make room, or null
   */
  synchronized Slot append(InMemoryDedupIndex.Block block, UUID id) {
    Slot oldest = null;
    if (size == capacity) {
      oldest = new Slot(blocks[head], new UUID(high[head], low[head]));
      blocks[head] = null;
      head = (head + 1) % blocks.length;
      size--;
    } else if (size == blocks.length) {
      grow();
    }
    int tail = (head + size) % blocks.length;
    blocks[tail] = block;
    high[tail] = id.getMostSignificantBits();
    low[tail] = id.getLeastSignificantBits();
    size++;
    return oldest;
  }

  synchronized int size() {
    return size;
  }

  int capacity() {
    return capacity;
  }

  /** Doubles the arrays (up to the capacity), unrolling the ring so the head is at 0. */
  private void grow() {
    int length = (int) Math.min(capacity, 2L * blocks.length);
    blocks = unroll(blocks, length);
    high = unroll(high, length);
    low = unroll(low, length);
    head = 0;
  }

  private InMemoryDedupIndex.Block[] unroll(InMemoryDedupIndex.Block[] a, int length) {
    InMemoryDedupIndex.Block[] b = new InMemoryDedupIndex.Block[length];
    System.arraycopy(a, head, b, 0, a.length - head);
    System.arraycopy(a, 0, b, a.length - head, head);
    return b;
  }

  private long[] unroll(long[] a, int length) {
    long[] b = new long[length];
    System.arraycopy(a, head, b, 0, a.length - head);
    System.arraycopy(a, 0, b, a.length - head, head);
    return b;
  }
}
