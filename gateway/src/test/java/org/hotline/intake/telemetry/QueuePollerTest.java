package org.hotline.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.hotline.intake.queue.QueueMetricsStore;
import org.hotline.intake.support.OpenItems;
import org.hotline.intake.support.OwnQueueTest;
import org.hotline.metrics.LatestSnapshot;
import org.hotline.metrics.QueueSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The queue gauges' poller")
class QueuePollerTest extends OwnQueueTest {
  private static final long INTERVAL_MS = 60_000;

  /** The poller's clock: moved by hand, so "later" needs no waiting. */
  private final AtomicLong nanos = new AtomicLong(1);

  private final LatestSnapshot latest = new LatestSnapshot();
  private QueuePoller poller;

  @BeforeEach
  void poller(Vertx vertx) {
    poller = pollerOf(new QueueMetricsStore(vertx, pool)::snapshot);
  }

  private QueuePoller pollerOf(BiFunction<OffsetDateTime, Integer, Future<QueueSnapshot>> store) {
    return new QueuePoller(
        store,
        latest,
        () -> OffsetDateTime.now().plusHours(6),
        7,
        nanos::get,
        INTERVAL_MS,
        INTERVAL_MS);
  }

  private void later() {
    nanos.addAndGet(INTERVAL_MS * 1_000_000 + 1);
  }

  private long waiting() {
    return latest.get().queue(queue).waiting();
  }

  /** Ends the test once the poller has polled {@code polls} times and the gauges show {@code n}. */
  private <T> Handler<AsyncResult<T>> pollsAndWaiting(VertxTestContext ctx, long polls, long n) {
    return ctx.succeeding(
        v ->
            ctx.verify(
                () -> {
                  assertThat(poller.polls()).isEqualTo(polls);
                  assertThat(waiting()).isEqualTo(n);
                  ctx.completeNow();
                }));
  }

  private Future<?> twoReady() {
    return OpenItems.store(
        pool,
        queue,
        List.of(new OpenItems.Item("ready", "2 hours"), new OpenItems.Item("ready", "3 hours")));
  }

  @Test
  @DisplayName("polls once at start, then only when asked, at most once an interval")
  void onDemand(Vertx vertx, VertxTestContext ctx) {
    poller
        .start(vertx)
        .compose(v -> twoReady())
        // No reader: no poll, however long it has been.
        .compose(v -> vertx.timer(300))
        .compose(
            v -> {
              later();
              ctx.verify(
                  () -> {
                    assertThat(poller.polls()).as("polls without a reader").isEqualTo(1);
                    assertThat(waiting()).as("before the reader asks").isZero();
                  });
              return poller.refreshed(30_000);
            })
        .compose(
            v -> {
              ctx.verify(
                  () -> {
                    assertThat(poller.polls()).isEqualTo(2);
                    assertThat(waiting()).as("the reader sees the new items").isEqualTo(2);
                  });
              // Within the interval: answered at once with the same snapshot, nothing read.
              return OpenItems.store(pool, queue, List.of(new OpenItems.Item("ready", "1 hour")))
                  .compose(x -> poller.refreshed(30_000));
            })
        .onComplete(pollsAndWaiting(ctx, 2, 2));
  }

  @Test
  @DisplayName("readers asking at once share one poll")
  void shared(Vertx vertx, VertxTestContext ctx) {
    poller
        .start(vertx)
        .compose(v -> twoReady())
        .compose(
            v -> {
              later();
              return Future.all(
                  poller.refreshed(30_000), poller.refreshed(30_000), poller.refreshed(30_000));
            })
        .onComplete(pollsAndWaiting(ctx, 2, 2));
  }

  @Test
  @DisplayName("a reader waits no longer than it said, and is answered with what there is")
  void bounded(Vertx vertx, VertxTestContext ctx) {
    // A database that does not answer.
    QueuePoller stalled =
        pollerOf((cutoff, days) -> vertx.timer(60_000).map(x -> (QueueSnapshot) null));
    stalled.start(vertx);
    long started = System.nanoTime();
    stalled
        .refreshed(200)
        .onComplete(
            ctx.succeeding(
                v ->
                    ctx.verify(
                        () -> {
                          assertThat((System.nanoTime() - started) / 1_000_000)
                              .isBetween(150L, 20_000L);
                          assertThat(stalled.polls())
                              .as("no second poll while one runs")
                              .isEqualTo(1);
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName(
      "a poll with no answer for its stall bound reports the database down, not old figures")
  void stalledIsDown(Vertx vertx, VertxTestContext ctx) {
    // The first poll is answered; then the server hangs: no answer and no error.
    QueueMetricsStore store = new QueueMetricsStore(vertx, pool);
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    QueuePoller stalled =
        pollerOf(
            (cutoff, days) ->
                calls.getAndIncrement() == 0
                    ? store.snapshot(cutoff, days)
                    : vertx.timer(60_000).map(x -> (QueueSnapshot) null));
    stalled
        .start(vertx)
        .compose(
            v -> {
              ctx.verify(() -> assertThat(latest.get().databaseUp()).as("answered").isTrue());
              later();
              return stalled.refreshed(50); // starts the poll that hangs
            })
        .compose(
            v -> {
              ctx.verify(
                  () -> assertThat(latest.get().databaseUp()).as("not yet stalled").isTrue());
              later();
              return stalled.refreshed(50);
            })
        .onComplete(
            ctx.succeeding(
                v ->
                    ctx.verify(
                        () -> {
                          assertThat(latest.get().databaseUp()).isFalse();
                          ctx.completeNow();
                        })));
  }
}
