package org.hotline.intake.verdict;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers computed once per key and kept, for values the hot path asks for again and again (a day's
 * deadlines, their parsed times); the whole memo is dropped when it reaches its size, since the
 * keys that repeat are today's. Safe on any thread: two threads may compute the same answer at
 * once, and either is kept (the computations must be pure).
 */
public final class Memo<K, V> {
  private final Map<K, V> answers = new ConcurrentHashMap<>();
  private final int maxSize;

  /**
   * @param maxSize {@code >= 1}: past this many answers the memo starts again
   */
  public Memo(int maxSize) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("a memo needs room for one answer");
    }
    this.maxSize = maxSize;
  }

  /** The answer for {@code key}, computed by {@code compute} the first time it is asked for. */
  public V get(K key, Function<K, V> compute) {
    V known = answers.get(key);
    if (known != null) {
      return known;
    }
    V computed = compute.apply(key);
    if (answers.size() >= maxSize) {
      answers.clear();
    }
    answers.put(key, computed);
    return computed;
  }

  /** How many answers are kept. */
  int size() {
    return answers.size();
  }
}
