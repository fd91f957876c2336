package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-polling claim: claim now, and while the queue is empty wait for its NOTIFY until the
 * wait ends. Every method runs on the event loop of the request that started it, so the state needs
 * no locks.
 *
 * <p>Leases are never stranded. The end of the wait only stops further claims: a claim already in
 * flight answers with what it got. A caller that leaves ({@link #abandon()}) before the answer gets
 * nothing, and whatever a claim in flight leases is handed back at once, without counting an
 * attempt.
 */
public final class ClaimWait {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimWait.class);

  /** Where the wait is. */
  enum State {
    /** No claim in flight: waiting for a NOTIFY or the end of the wait. */
    WAITING,
    /** A claim is in flight. */
    CLAIMING,
    /** A claim is in flight and work was announced meanwhile: claim again if it finds nothing. */
    CLAIMING_WOKEN,
    /** Answered or abandoned: nothing more happens. */
    DONE
  }

  private final Vertx vertx;
  private final Supplier<Future<List<QueueStore.Claimed>>> claim;
  private final Function<List<QueueStore.Claimed>, Future<Void>> release;
  private final Promise<List<QueueStore.Claimed>> answer = Promise.promise();
  private MessageConsumer<String> consumer;
  private MessageConsumer<String> drain;
  private State state = State.WAITING;
  private boolean waitOver;
  private boolean abandoned;
  private long timer = -1;

  /**
   * @param claim one claim attempt on the queue
   * @param release hands leases back to the queue without counting an attempt
   */
  ClaimWait(
      Vertx vertx,
      Supplier<Future<List<QueueStore.Claimed>>> claim,
      Function<List<QueueStore.Claimed>, Future<Void>> release) {
    this.vertx = vertx;
    this.claim = claim;
    this.release = release;
  }

  /**
   * Starts: listens on {@code address} first, so no wake-up falls between the first claim and the
   * wait, then claims.
   *
   * @param waitMillis how long to wait for work when the queue is empty; 0 claims once
   */
  ClaimWait start(String address, long waitMillis) {
    consumer = vertx.eventBus().localConsumer(address, msg -> wake());
    // A drain ends the wait: the caller gets an answer before the server closes its connection.
    drain = vertx.eventBus().localConsumer(QueueNotifier.DRAIN_ADDRESS, msg -> endWait());
    if (waitMillis > 0) {
      timer = vertx.setTimer(waitMillis, id -> endWait());
    } else {
      waitOver = true;
    }
    attempt();
    return this;
  }

  /** What the claim got: leased items, or none when the wait ended empty or was abandoned. */
  public Future<List<QueueStore.Claimed>> result() {
    return answer.future();
  }

  /**
   * The caller left. Before the answer this stops the wait, and the leases of a claim in flight go
   * back to the queue as soon as it returns. After the answer it does nothing: the caller has to
   * hand back what it was answered (see {@link QueueService#release}).
   */
  public void abandon() {
    if (state == State.DONE) {
      return;
    }
    abandoned = true;
    if (state == State.WAITING) {
      finish(List.of());
    }
  }

  /** The wait is over: answer empty now, unless a claim in flight will answer. */
  void endWait() {
    timer = -1;
    waitOver = true;
    if (state == State.WAITING) {
      finish(List.of());
    }
  }

  /** Work was announced on the queue. */
  void wake() {
    switch (state) {
      case WAITING -> attempt();
      case CLAIMING -> state = State.CLAIMING_WOKEN;
      default -> {
        // already woken, or done
      }
    }
  }

  State state() {
    return state;
  }

  private void attempt() {
    state = State.CLAIMING;
    Future<List<QueueStore.Claimed>> claimed;
    try {
      claimed = claim.get();
    } catch (RuntimeException e) {
      claimed = Future.failedFuture(e);
    }
    claimed.onComplete(
        ar -> {
          if (ar.failed()) {
            stop();
            answer.tryFail(ar.cause());
          } else if (abandoned) {
            stop();
            giveBack(ar.result());
          } else if (!ar.result().isEmpty() || waitOver) {
            finish(ar.result());
          } else if (state == State.CLAIMING_WOKEN) {
            attempt();
          } else {
            state = State.WAITING;
          }
        });
  }

  private void giveBack(List<QueueStore.Claimed> items) {
    if (!items.isEmpty()) {
      // Should this fail, the leases still expire and return; that costs an attempt, no more.
      release
          .apply(items)
          .onFailure(
              e -> LOG.warn("leases of a left claim not returned: {}", e.getClass().getName()));
    }
    answer.tryComplete(List.of());
  }

  private void finish(List<QueueStore.Claimed> items) {
    stop();
    answer.tryComplete(items);
  }

  private void stop() {
    state = State.DONE;
    if (consumer != null) {
      consumer.unregister();
    }
    if (drain != null) {
      drain.unregister();
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
