package org.hotline.intake.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dictionary of names found in text by leftmost-longest matching, built once from configuration
 * and then only read. Longest match is what keeps 软件园二期 from being read as the ambiguous 软件园, and
 * 海沧大桥 from being read as the district 海沧. A scan costs O(text length × longest name) with no
 * allocation beyond its matches, which is cheaper than any regular expression per call.
 *
 * <p>Not thread-safe while being built; safe to share once built and published through a final
 * field.
 *
 * @param <V> what a name stands for
 */
final class NameTrie<V> {
  /** One name found in a text: {@code text.substring(start, end)} is the name. */
  record Match<V>(int start, int end, V value) {}

  /**
   * Children in sorted parallel arrays, found by binary search: no boxing of {@code char} and no
   * hashing on the hot path, and most nodes have one child.
   */
  private static final class Node<V> {
    private char[] keys = new char[0];
    private Node<V>[] kids = newArray(0);
    private V value;

    Node<V> child(char c) {
      int i = Arrays.binarySearch(keys, c);
      return i < 0 ? null : kids[i];
    }

    Node<V> childOrAdd(char c) {
      int i = Arrays.binarySearch(keys, c);
      if (i >= 0) {
        return kids[i];
      }
      int at = -i - 1;
      Node<V> n = new Node<>();
      char[] k = new char[keys.length + 1];
      Node<V>[] v = newArray(kids.length + 1);
      System.arraycopy(keys, 0, k, 0, at);
      System.arraycopy(kids, 0, v, 0, at);
      k[at] = c;
      v[at] = n;
      System.arraycopy(keys, at, k, at + 1, keys.length - at);
      System.arraycopy(kids, at, v, at + 1, kids.length - at);
      keys = k;
      kids = v;
      return n;
    }

    @SuppressWarnings("unchecked")
    private static <V> Node<V>[] newArray(int n) {
      return (Node<V>[]) new Node<?>[n];
    }
  }

  private final Node<V> root = new Node<>();
  private int size;

  /** Adds {@code name}; returns the value it replaced, or null. The name must be folded already. */
  V put(String name, V value) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty name");
    }
    Node<V> n = root;
    for (int i = 0; i < name.length(); i++) {
      n = n.childOrAdd(name.charAt(i));
    }
    V old = n.value;
    n.value = value;
    if (old == null) {
      size++;
    }
    return old;
  }

  /** The value of exactly {@code name}, or null. */
  V get(String name) {
    Node<V> n = root;
    for (int i = 0; i < name.length() && n != null; i++) {
      n = n.child(name.charAt(i));
    }
    return n == null ? null : n.value;
  }

  int size() {
    return size;
  }

  /** The longest name starting at {@code from}, or null. */
  Match<V> longestAt(String text, int from) {
    Node<V> n = root;
    V best = null;
    int end = from;
    for (int i = from; i < text.length(); i++) {
      n = n.child(text.charAt(i));
      if (n == null) {
        break;
      }
      if (n.value != null) {
        best = n.value;
        end = i + 1;
      }
    }
    return best == null ? null : new Match<>(from, end, best);
  }

  /**
   * Every name in {@code text}, left to right, not overlapping: at each position the longest name
   * wins and the scan resumes after it.
   */
  List<Match<V>> scan(String text) {
    List<Match<V>> found = new ArrayList<>(4);
    int i = 0;
    while (i < text.length()) {
      Match<V> m = longestAt(text, i);
      if (m == null) {
        i++;
      } else {
        found.add(m);
        i = m.end();
      }
    }
    return found;
  }
}
