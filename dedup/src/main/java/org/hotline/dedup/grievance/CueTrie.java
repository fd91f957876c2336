package org.hotline.dedup.grievance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Phrases compiled into a trie whose edges live in one open-addressing table keyed by (node,
 * character): a walk allocates nothing and costs one hash probe per character. Each phrase ends at
 * a node carrying an int payload. Immutable once built; safe to share between threads.
 */
final class CueTrie {
  static final int NONE = Integer.MIN_VALUE;
  static final int ROOT = 0;

  private final long[] edgeKeys; // edgeKey(node, char); 0 marks an empty slot
  private final int[] edgeTargets;
  private final int[] payload; // by node, NONE when no phrase ends there
  private final int mask;

  private CueTrie(long[] edgeKeys, int[] edgeTargets, int[] payload) {
    this.edgeKeys = edgeKeys;
    this.edgeTargets = edgeTargets;
    this.payload = payload;
    this.mask = edgeKeys.length - 1;
  }

  /** The node reached from {@code node} by folded character {@code c}, or -1. */
  int next(int node, char c) {
    long key = edgeKey(node, c);
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = edgeKeys[i];
      if (k == key) {
        return edgeTargets[i];
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  /** The payload of the phrase ending at {@code node}, or {@link #NONE}. */
  int payload(int node) {
    return payload[node];
  }

  private static long edgeKey(int node, char c) {
    return ((long) node << 16 | c) + 1;
  }

  private static int slot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }

  /** Collects phrases; {@link #build} compiles them. Not thread-safe. */
  static final class Builder {
    private final Map<Long, Integer> edges = new HashMap<>();
    private int[] payload = {NONE};
    private int nodes = 1;

    /** Adds a phrase, folded here; a later payload for the same phrase replaces the earlier. */
    Builder add(String phrase, int value) {
      int node = ROOT;
      String folded = Folding.fold(phrase);
      for (int i = 0; i < folded.length(); i++) {
        Integer child = edges.get(edgeKey(node, folded.charAt(i)));
        if (child == null) {
          child = newNode();
          edges.put(edgeKey(node, folded.charAt(i)), child);
        }
        node = child;
      }
      payload[node] = value;
      return this;
    }

    CueTrie build() {
      // At most half full, so that a miss ends within a probe or two.
      int capacity = Integer.highestOneBit(Math.max(2, edges.size())) << 2;
      long[] keys = new long[capacity];
      int[] targets = new int[capacity];
      for (Map.Entry<Long, Integer> e : edges.entrySet()) {
        int i = slot(e.getKey(), capacity - 1);
        while (keys[i] != 0) {
          i = (i + 1) & (capacity - 1);
        }
        keys[i] = e.getKey();
        targets[i] = e.getValue();
      }
      return new CueTrie(keys, targets, Arrays.copyOf(payload, nodes));
    }

    private int newNode() {
      if (nodes == payload.length) {
        payload = Arrays.copyOf(payload, nodes * 2);
        Arrays.fill(payload, nodes, payload.length, NONE);
      }
      return nodes++;
    }
  }
}
