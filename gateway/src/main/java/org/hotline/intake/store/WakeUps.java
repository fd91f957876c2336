package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Intake's wake-ups of the queues, for the whole gateway: at most one NOTIFY transaction per
 * interval, whatever the number of writers and batches. Each wake-up is a transaction of its own
 * after a COMMIT ({@link BatchInsert#NOTIFY_AFTER_COMMIT}); at saturation nearly every batch queues
 * work, so a wake-up per batch made the server commit twice a batch. A claimer waits up to {@code
 * wait_seconds} anyway, so the interval only delays its wake-up by at most that much.
 *
 * <p>A batch asks {@link #withCommit} what to notify in the write that carries its COMMIT: when the
 * interval since the last wake-up has passed, its own queues and those still waiting go out right
 * after that COMMIT, pipelined, as before. Otherwise its queues wait, but only once its COMMIT has
 * succeeded ({@link #committed}): a queue is never announced before its work is committed, since a
 * claimer woken too early finds nothing and would then wait out its {@code wait_seconds}. Waiting
 * queues leave with the next batch's wake-up or, if none comes, on a timer at the interval's end.
 *
 * <p>Writers on different event loops share it; its state is guarded by its monitor, taken once or
 * twice a batch.
 */
final class WakeUps {
  /** Least time between two wake-up transactions of the gateway. */
  static final long INTERVAL_MS = 25;

  private static final String[] NONE = new String[0];

  private final Vertx vertx;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Function<String[], Future<Void>> send;

  /** Queues whose work is committed and not yet announced; guarded by this. */
  private final Set<String> waiting = new TreeSet<>();

  private long lastSent;
  private boolean sentOnce;
  private boolean timerArmed;

  /**
   * @param vertx for the timer that sends waiting queues when no batch does
   * @param intervalMs {@code >= 0}: least time between two wake-ups ({@code 0}: each batch's own)
   * @param nanoClock monotonic nanoseconds ({@link System#nanoTime} but in tests)
   * @param send the wake-up of the queues given, on a connection of its own; its failure is the
   *     sender's to report
   */
  WakeUps(
      Vertx vertx, long intervalMs, LongSupplier nanoClock, Function<String[], Future<Void>> send) {
    if (intervalMs < 0) {
      throw new IllegalArgumentException("wake-up interval must not be negative");
    }
    this.vertx = vertx;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
    this.nanoClock = nanoClock;
    this.send = send;
  }

  /**
   * The queues to notify right after the COMMIT of a batch that gave work to {@code queues}, in the
   * same write: its own and those waiting, when the interval has passed; else none, and the caller
   * hands its queues to {@link #committed} once its COMMIT has succeeded.
   */
  synchronized String[] withCommit(String[] queues) {
    if (queues.length == 0 && waiting.isEmpty()) {
      return NONE;
    }
    if (sentOnce && nanoClock.getAsLong() - lastSent < intervalNanos) {
      return NONE;
    }
    Collections.addAll(waiting, queues);
    return take();
  }

  /**
   * After the COMMIT of a batch whose {@code queues} {@link #withCommit} did not take: they wait
   * for the next wake-up, and a timer makes sure there is one by the interval's end.
   */
  void committed(String[] queues) {
    if (queues.length == 0) {
      return;
    }
    long delayNanos;
    synchronized (this) {
      Collections.addAll(waiting, queues);
      if (timerArmed) {
        return;
      }
      timerArmed = true;
      delayNanos = lastSent + intervalNanos - nanoClock.getAsLong();
    }
    // Vert.x timers count whole milliseconds, at least one: rounded up, never early.
    long delayMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos + 999_999));
    vertx.setTimer(delayMs, id -> sendWaiting());
  }

  /**
   * Sends whatever waits now, without waiting for the interval's end: at a stop, once the writers
   * are drained and before the pool closes, so that no committed work is left unannounced and the
   * timer finds nothing to send on a closed pool. Completes when that wake-up has been sent (at
   * once when nothing waits).
   */
  Future<Void> flush() {
    String[] queues = take();
    return queues == null ? Future.succeededFuture() : send.apply(queues);
  }

  /** The timer's wake-up: whatever is still waiting when it fires, if a batch did not take it. */
  private void sendWaiting() {
    synchronized (this) {
      timerArmed = false;
    }
    flush();
  }

  /** The waiting queues, now counted as sent; null when none wait. */
  private synchronized String[] take() {
    if (waiting.isEmpty()) {
      return null;
    }
    String[] queues = waiting.toArray(String[]::new);
    waiting.clear();
    sentOnce = true;
    lastSent = nanoClock.getAsLong();
    return queues;
  }
}
