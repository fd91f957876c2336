package org.hotline.intake.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency keys being written on this node, shared by every event loop. The unique key in
 * PostgreSQL settles idempotency; this set only lets a second copy that arrives while the first is
 * still in flight be told so (409) instead of waiting on the first one's row lock.
 */
public final class InFlightKeys {
  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  /** True when this request now holds the key; false when another request holds it. */
  boolean claim(String key) {
    return keys.add(key);
  }

  void release(String key) {
    keys.remove(key);
  }

  /** Keys held right now, for tests and metrics. */
  public int size() {
    return keys.size();
  }
}
