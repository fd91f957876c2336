package org.hotline.loadtest.driver;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The clock of the open model, on its own thread: waits for each arrival's intended time and hands
 * it to the event loop, whether or not earlier requests have answered. Arrivals already due are
 * handed over together, one event-loop task per wake-up rather than one per request. It parks
 * rather than spins: Linux wakes a parked thread within tens of microseconds, well inside the
 * dispatch-delay bound, and spinning would cost a core.
 */
final class Dispatcher implements Runnable {
  private final BlockingQueue<Planned> in;
  private final Context loop;
  private final Sender sender;
  private final Counters counters;
  private final long startNanos;

  Dispatcher(
      BlockingQueue<Planned> in, Context loop, Sender sender, Counters counters, long startNanos) {
    this.in = in;
    this.loop = loop;
    this.sender = sender;
    this.counters = counters;
    this.startNanos = startNanos;
  }

  @Override
  public void run() {
    try {
      Planned next = in.take();
      while (next != Planned.END) {
        long due = startNanos + next.intendedNanos();
        long now;
        while ((now = System.nanoTime()) < due) {
          LockSupport.parkNanos(due - now);
        }
        List<Planned> batch = new ArrayList<>(4);
        batch.add(next);
        // Never block while holding due arrivals: only what is already planned joins the batch.
        next = in.poll();
        while (next != null && next != Planned.END && startNanos + next.intendedNanos() <= now) {
          batch.add(next);
          next = in.poll();
        }
        count(batch);
        loop.runOnContext(v -> batch.forEach(sender::send));
        if (next == null) {
          next = in.take();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void count(List<Planned> batch) {
    counters.intended.add(batch.size());
    // Counted before the hand-over, so the drain never sees zero while a batch is on its way.
    counters.inFlight.addAndGet(batch.size());
    for (Planned p : batch) {
      if (p.measured()) {
        counters.measuredIntended.increment();
      }
    }
  }
}
