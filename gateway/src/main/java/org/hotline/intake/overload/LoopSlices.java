package org.hotline.intake.overload;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work over many items done a slice per turn of the event loop, so that one request's bulk does not
 * hold the loop while its other connections wait: a 500-record batch's parsing and judging held it
 * 500-900 ms on a slow machine, and a committed batch's 500 answers 100-300 ms, while the phone
 * centre's single records on the same loop waited (BENCHMARKS.md, "Answers a slice at a time").
 *
 * <p>A slice ends after {@link #PER_TURN} items or {@link #TURN_MILLIS} ms, whichever comes first:
 * the count keeps a warm gateway's slices small, the time keeps them short before the JIT has
 * compiled the work (a cold parse took about 8 ms a record on a slow machine).
 */
public final class LoopSlices {
  private static final Logger LOG = LoggerFactory.getLogger(LoopSlices.class);

  /** Most items a turn: at saturation (batches of about 16) a committed batch goes in one. */
  public static final int PER_TURN = 32;

  /** Longest a slice goes on before the loop's other work gets its turn. */
  public static final long TURN_MILLIS = 5;

  private LoopSlices() {}

  /** {@link #run(int, int, long, IntConsumer, Runnable)} with the default slice. */
  public static void run(int n, IntConsumer action, Runnable done) {
    run(n, PER_TURN, TimeUnit.MILLISECONDS.toNanos(TURN_MILLIS), action, done);
  }

  /**
   * Runs {@code action} on each index of {@code [0, n)} in order, at most {@code perTurn} of them
   * and for about {@code turnNanos} (at least one) in this turn and the rest in later turns of the
   * caller's context, then runs {@code done} once. Without a context (a plain thread) everything
   * runs now. An item whose action throws is logged (the exception's class only: it may carry a
   * record's data) and the others still run, so {@code done} always runs.
   */
  public static void run(int n, int perTurn, long turnNanos, IntConsumer action, Runnable done) {
    if (perTurn < 1 || turnNanos < 0) {
      throw new IllegalArgumentException("a slice needs at least one item and a time >= 0");
    }
    step(Vertx.currentContext(), 0, n, perTurn, turnNanos, action, done);
  }

  private static void step(
      Context context,
      int from,
      int n,
      int perTurn,
      long turnNanos,
      IntConsumer action,
      Runnable done) {
    long started = System.nanoTime();
    for (int i = from; i < n; ) {
      try {
        action.accept(i);
      } catch (RuntimeException bug) {
        LOG.error("item {} of {} failed: {}", i, n, bug.getClass().getName());
      }
      i++;
      if (i < n
          && context != null
          && (i - from >= perTurn || System.nanoTime() - started >= turnNanos)) {
        int next = i;
        context.runOnContext(v -> step(context, next, n, perTurn, turnNanos, action, done));
        return;
      }
    }
    done.run();
  }
}
