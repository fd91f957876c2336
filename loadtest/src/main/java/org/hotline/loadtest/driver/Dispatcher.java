package org.hotline.loadtest.driver;

import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * The clock of the open model, kept by the driver's event loop itself: it sends every arrival that
 * is due, whether or not earlier requests have answered, then arms the loop's timer for the next
 * one. With the native epoll transport that timer has microsecond resolution, so an arrival leaves
 * within tens of microseconds of its intended time when the loop is free, and no second thread has
 * to wake, hand over and wait for the loop. When the loop is busy reading answers the send waits
 * for it: that is the generator's own lateness, and it is measured, not hidden.
 */
final class Dispatcher {
  /** How soon to look again when the planner has nothing ready: it is then behind the clock. */
  private static final long STARVED_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  private final PlanQueue in;
  private final ContextInternal loop;
  private final EventLoop timer;
  private final Sender sender;
  private final Counters counters;
  private final long startNanos;
  private final Promise<Void> done = Promise.promise();

  Dispatcher(PlanQueue in, ContextInternal loop, Sender sender, Counters counters, long start) {
    this.in = in;
    this.loop = loop;
    this.timer = loop.nettyEventLoop();
    this.sender = sender;
    this.counters = counters;
    this.startNanos = start;
  }

  /** Starts the clock; the future completes once the last arrival has been handed to the sender. */
  Future<Void> start() {
    arm(startNanos - System.nanoTime());
    return done.future();
  }

  private void arm(long delayNanos) {
    timer.schedule(() -> loop.emit(v -> fire()), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  private void fire() {
    long now = System.nanoTime();
    Planned next;
    // The clock is read again after each send, so an arrival that fell due meanwhile goes now
    // rather than one timer round later.
    while ((next = in.peek()) != null
        && startNanos + next.intendedNanos() <= (now = System.nanoTime())) {
      in.poll();
      if (next == Planned.END) {
        done.complete();
        return;
      }
      count(next);
      sender.send(next);
    }
    arm(next == null ? STARVED_NANOS : startNanos + next.intendedNanos() - now);
  }

  private void count(Planned p) {
    counters.intendedAt(p.intendedNanos());
    // Counted before the send, so the drain never sees zero while a request is on its way.
    counters.inFlight.incrementAndGet();
    if (p.measured()) {
      counters.measuredIntended.increment();
    }
  }
}
