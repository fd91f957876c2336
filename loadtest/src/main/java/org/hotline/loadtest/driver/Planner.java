package org.hotline.loadtest.driver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import org.hotline.loadtest.corpus.Corpus;
import org.hotline.loadtest.corpus.Filing;
import org.hotline.loadtest.schedule.Arrivals;
import org.hotline.loadtest.schedule.Phases;

/**
 * Runs on its own thread, ahead of the clock: draws the arrival times and the corpus's filings and
 * encodes the bodies, so that the dispatcher only waits and hands over. The queue's bound keeps it
 * one lookahead ahead at most; if it ever falls behind, the dispatcher's lateness shows it.
 */
final class Planner implements Runnable {
  private final Arrivals arrivals;
  private final Corpus corpus;
  private final Phases phases;
  private final PlanQueue out;
  private volatile RuntimeException failure;

  Planner(Arrivals arrivals, Corpus corpus, Phases phases, PlanQueue out) {
    this.arrivals = arrivals;
    this.corpus = corpus;
    this.phases = phases;
    this.out = out;
  }

  @Override
  public void run() {
    try {
      long at;
      while ((at = arrivals.next()) >= 0) {
        Filing f = corpus.next(phases.fraction(at));
        boolean measured = at >= phases.measureStartNanos();
        Buffer body = encode(f.body());
        // The string is dropped here: only the encoded bytes wait in the queue.
        out.put(new Planned(at, measured, f.withoutBody(), body));
      }
      out.put(Planned.END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The corpus failed: end the schedule so the run stops, and report why.
      failure = e;
      out.putNow(Planned.END);
    }
  }

  /**
   * The body as UTF-8 in one exact allocation, wrapped as the buffer that is sent: {@code
   * Buffer.buffer(String)} made three (a worst-case array, its trimmed copy and the buffer's own
   * copy), and at 5,000/s that garbage set how often the driver paused for a young collection.
   */
  static Buffer encode(String body) {
    ByteBuf bytes = Unpooled.buffer(ByteBufUtil.utf8Bytes(body));
    ByteBufUtil.writeUtf8(bytes, body);
    return BufferInternal.buffer(bytes);
  }

  /** Why planning stopped early, or null. */
  RuntimeException failure() {
    return failure;
  }
}
