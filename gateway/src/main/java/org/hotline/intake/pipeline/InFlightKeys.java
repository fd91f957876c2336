package org.hotline.intake.pipeline;

import io.vertx.core.Future;
import java.util.List;

/**
 * The idempotency keys being written on this node, shared by every event loop. The unique key in
 * PostgreSQL settles idempotency; this set lets a second copy that arrives while the first is still
 * in flight wait for the first to settle ({@link #released}) instead of on the first one's row
 * lock, and be told so (409) if it settles too late.
 */
public final class InFlightKeys {
  private final Settling<String> keys = new Settling<>();

  /** True when this request now holds the key; false when another request holds it. */
  boolean claim(String key) {
    return keys.begin(key);
  }

  void release(String key) {
    keys.settle(key);
  }

  /** Completes, on the caller's context, once nobody holds {@code key}. Never fails. */
  Future<Void> released(String key) {
    return keys.settled(List.of(key));
  }

  /** Keys held right now, for tests and metrics. */
  public int size() {
    return keys.size();
  }
}
