package org.hotline.intake.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency keys being written on this node, shared by every event loop. The unique key in
 * PostgreSQL settles idempotency; this map lets a second copy that arrives while the first is still
 * in flight wait for the first to settle ({@link #whenReleased}) instead of on the first one's row
 * lock, and be told so (409) if it settles too late.
 */
public final class InFlightKeys {
  private final ConcurrentHashMap<String, Waiters> keys = new ConcurrentHashMap<>();

  /** True when this request now holds the key; false when another request holds it. */
  boolean claim(String key) {
    return keys.putIfAbsent(key, new Waiters()) == null;
  }

  /** Frees the key, then runs what waits on it, on this thread. */
  void release(String key) {
    Waiters w = keys.remove(key);
    if (w != null) {
      w.release();
    }
  }

  /**
   * Runs {@code then} once {@code key} is released, on the releasing thread; at once, on this one,
   * when nobody holds it.
   */
  void whenReleased(String key, Runnable then) {
    Waiters w = keys.get(key);
    if (w == null || !w.add(then)) {
      then.run();
    }
  }

  /** Keys held right now, for tests and metrics. */
  public int size() {
    return keys.size();
  }

  /** What waits on one held key. */
  private static final class Waiters {
    private List<Runnable> waiting;
    private boolean released;

    /** False when the key was released already: the caller runs it itself. */
    synchronized boolean add(Runnable then) {
      if (released) {
        return false;
      }
      if (waiting == null) {
        waiting = new ArrayList<>(2);
      }
      waiting.add(then);
      return true;
    }

    void release() {
      List<Runnable> run;
      synchronized (this) {
        released = true;
        run = waiting;
        waiting = null;
      }
      if (run != null) {
        run.forEach(Runnable::run);
      }
    }
  }
}
