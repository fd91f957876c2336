package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hotline.intake.support.OpenItems;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The board's queue figures")
class BoardStoreTest {
  private Pool pool;
  private BoardStore store;

  /** A queue of this test's own, so other tests' items on the shared database do not count. */
  private final String queue = "b" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void pool(Vertx vertx) {
    pool = SharedDatabase.pool(vertx);
    store = new BoardStore(vertx, pool);
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    OpenItems.remove(pool, queue)
        .eventually(() -> pool.close())
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("read a block at a time, sum to what one read finds, over many blocks")
  void chunksSum(VertxTestContext ctx) {
    OffsetDateTime cutoff = OffsetDateTime.now().plusHours(6);
    OpenItems.many(pool, queue, 400)
        .compose(v -> OpenItems.blocks(pool, queue))
        .compose(
            blocks ->
                store
                    .queues(cutoff, 1)
                    .compose(one -> store.queues(cutoff).map(whole -> List.of(blocks, one, whole))))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertThat((Long) r.get(0))
                              .as("blocks the items lie in")
                              .isGreaterThan(1);
                          BoardStore.QueueCounts one = mine(r.get(1));
                          BoardStore.QueueCounts whole = mine(r.get(2));
                          assertThat(one.waiting()).isEqualTo(400);
                          assertThat(one.breached()).isEqualTo(400);
                          assertThat(one.handling()).isZero();
                          assertThat(one.oldestWaiting()).isNotNull();
                          assertThat(one)
                              .usingRecursiveComparison()
                              .ignoringFields("oldestAgeSeconds")
                              .isEqualTo(whole);
                          ctx.completeNow();
                        })));
  }

  private BoardStore.QueueCounts mine(Object counts) {
    @SuppressWarnings("unchecked")
    List<BoardStore.QueueCounts> list = (List<BoardStore.QueueCounts>) counts;
    return list.stream().filter(q -> q.queue().equals(queue)).findFirst().orElseThrow();
  }
}
