package org.hotline.loadtest.driver;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-over from the planner thread to the event loop. The loop only polls: it never takes a
 * lock and never wakes the planner, so a send can not wait behind the planner holding a lock or pay
 * for a wake-up. A bounded blocking queue did both on every arrival, five thousand context switches
 * a second at 5,000/s. Instead the planner, once it is a full lookahead ahead, sleeps in slices
 * until the loop has taken half, then tops the queue up in one burst.
 */
final class PlanQueue {
  /** How long the planner sleeps between looks when it is far enough ahead. */
  private static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final ConcurrentLinkedQueue<Planned> items = new ConcurrentLinkedQueue<>();
  private final int capacity;

  /** Written by the loop only. */
  private final AtomicLong taken = new AtomicLong();

  /** Read and written by the planner only. */
  private long put;

  PlanQueue(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2");
    }
    this.capacity = capacity;
  }

  /** Planner side: adds {@code p}, first sleeping until at most half the lookahead is queued. */
  void put(Planned p) throws InterruptedException {
    if (put - taken.get() >= capacity) {
      while (put - taken.get() > capacity / 2) {
        LockSupport.parkNanos(this, NAP_NANOS);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    }
    items.offer(p);
    put++;
  }

  /** Planner side, on failure: adds {@code p} at once, past the bound. */
  void putNow(Planned p) {
    items.offer(p);
    put++;
  }

  /** Loop side: the next planned arrival without taking it, or null when none is ready. */
  Planned peek() {
    return items.peek();
  }

  /** Loop side: takes the next planned arrival, or returns null when none is ready. */
  Planned poll() {
    Planned p = items.poll();
    if (p != null) {
      taken.lazySet(taken.get() + 1);
    }
    return p;
  }
}
