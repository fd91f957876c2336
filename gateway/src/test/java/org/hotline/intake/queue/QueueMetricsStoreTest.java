package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import org.hotline.intake.support.OpenItems;
import org.hotline.intake.support.OwnQueueTest;
import org.hotline.metrics.QueueSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The queue SQL behind the metrics")
class QueueMetricsStoreTest extends OwnQueueTest {
  private QueueMetricsStore store;

  @BeforeEach
  void store(Vertx vertx) {
    store = new QueueMetricsStore(vertx, pool);
  }

  private Future<?> items() {
    return OpenItems.store(
        pool,
        queue,
        List.of(
            new OpenItems.Item("ready", "-1 hour"),
            new OpenItems.Item("ready", "2 hours"),
            new OpenItems.Item("leased", "3 days"),
            new OpenItems.Item("stuck", "4 days"),
            new OpenItems.Item("done", "-2 days")));
  }

  @ParameterizedTest(name = "read {0} blocks at a time")
  @ValueSource(longs = {OpenItemsScan.CHUNK_BLOCKS, 1})
  @DisplayName("a snapshot counts open items by state, and at risk and breached by deadline name")
  void snapshot(long chunkBlocks, VertxTestContext ctx) {
    OffsetDateTime cutoff = OffsetDateTime.now().plusHours(6);
    items()
        .compose(v -> store.snapshot(cutoff, 7, chunkBlocks))
        .onComplete(
            ctx.succeeding(
                s ->
                    ctx.verify(
                        () -> {
                          QueueSnapshot.Queue q = s.queue(queue);
                          assertThat(q.waiting()).isEqualTo(2);
                          assertThat(q.leased()).isEqualTo(1);
                          assertThat(q.stuck()).isEqualTo(1);
                          assertThat(q.handling()).isZero();
                          assertThat(q.oldestAgeSeconds()).isBetween(590L, 3600L);
                          assertThat(q.breached())
                              .containsExactlyEntriesOf(java.util.Map.of("accept_by", 1L));
                          assertThat(q.atRisk())
                              .containsExactlyEntriesOf(java.util.Map.of("accept_by", 1L));
                          assertThat(s.databaseUp()).isTrue();
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("a queue whose only items are leased is as old as they are, not fresh")
  void leasedCountsForTheOldest(VertxTestContext ctx) {
    OpenItems.store(pool, queue, List.of(new OpenItems.Item("leased", "3 days")))
        .compose(v -> store.snapshot(OffsetDateTime.now().plusHours(6), 7))
        .onComplete(
            ctx.succeeding(
                s ->
                    ctx.verify(
                        () -> {
                          QueueSnapshot.Queue q = s.queue(queue);
                          assertThat(q.waiting()).isZero();
                          assertThat(q.leased()).isEqualTo(1);
                          assertThat(q.oldestAgeSeconds()).isBetween(590L, 3600L);
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("read a block at a time, a snapshot sums to what one read finds, over many blocks")
  void chunksSum(VertxTestContext ctx) {
    OffsetDateTime cutoff = OffsetDateTime.now().plusHours(6);
    OpenItems.readInChunks(pool, queue, 400, chunk -> store.snapshot(cutoff, 7, chunk))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertThat(r.blocks()).as("blocks the items lie in").isGreaterThan(1);
                          QueueSnapshot.Queue one = r.oneBlock().queue(queue);
                          QueueSnapshot.Queue whole = r.whole().queue(queue);
                          assertThat(one.waiting()).isEqualTo(300);
                          assertThat(one.leased()).isEqualTo(100);
                          assertThat(one.breached())
                              .containsExactlyEntriesOf(java.util.Map.of("accept_by", 400L));
                          assertThat(one)
                              .usingRecursiveComparison()
                              .ignoringFields("oldestAgeSeconds")
                              .isEqualTo(whole);
                          assertThat(one.oldestAgeSeconds())
                              .isBetween(whole.oldestAgeSeconds() - 2, whole.oldestAgeSeconds());
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("the sweep reports an item turning breached once, by queue and deadline")
  void sweepCountsOnce(VertxTestContext ctx) {
    items()
        .compose(v -> store.sweep())
        .compose(first -> store.sweep().map(second -> List.of(first, second)))
        .onComplete(
            ctx.succeeding(
                sweeps ->
                    ctx.verify(
                        () -> {
                          assertThat(sweeps.get(0))
                              .filteredOn(b -> b.queue().equals(queue))
                              .containsExactly(new QueueMetricsStore.Breach(queue, "accept_by", 1));
                          assertThat(sweeps.get(1)).noneMatch(b -> b.queue().equals(queue));
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("a sweep in chunks changes every stale item and counts each breach once")
  void sweepInChunks(VertxTestContext ctx) {
    List<OpenItems.Item> late = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      late.add(new OpenItems.Item(i % 2 == 0 ? "ready" : "leased", "-1 hour"));
    }
    OpenItems.store(pool, queue, late)
        .compose(v -> store.sweep(2))
        .compose(first -> store.sweep(2).map(second -> List.of(first, second)))
        .compose(
            sweeps ->
                pool.preparedQuery(
                        "SELECT count(*) FROM queue_item WHERE queue = $1 AND sla_state = 'breached'")
                    .execute(Tuple.of(queue))
                    .map(rows -> List.of(sweeps, rows.iterator().next().getLong(0))))
        .onComplete(
            ctx.succeeding(
                result ->
                    ctx.verify(
                        () -> {
                          @SuppressWarnings("unchecked")
                          List<List<QueueMetricsStore.Breach>> sweeps =
                              (List<List<QueueMetricsStore.Breach>>) result.get(0);
                          assertThat(sweeps.get(0))
                              .filteredOn(b -> b.queue().equals(queue))
                              .containsExactly(new QueueMetricsStore.Breach(queue, "accept_by", 5));
                          assertThat(sweeps.get(1)).noneMatch(b -> b.queue().equals(queue));
                          assertThat(result.get(1)).isEqualTo(5L);
                          ctx.completeNow();
                        })));
  }
}
