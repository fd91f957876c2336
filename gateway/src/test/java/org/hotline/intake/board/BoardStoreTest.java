package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.hotline.intake.support.OpenItems;
import org.hotline.intake.support.OwnQueueTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The board's queue figures")
class BoardStoreTest extends OwnQueueTest {
  private BoardStore store;

  @BeforeEach
  void store(Vertx vertx) {
    store = new BoardStore(vertx, pool);
  }

  @Test
  @DisplayName("read a block at a time, sum to what one read finds, over many blocks")
  void chunksSum(VertxTestContext ctx) {
    OffsetDateTime cutoff = OffsetDateTime.now().plusHours(6);
    OpenItems.readInChunks(pool, queue, 400, chunk -> store.queues(cutoff, chunk))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertThat(r.blocks()).as("blocks the items lie in").isGreaterThan(1);
                          BoardStore.QueueCounts one = mine(r.oneBlock());
                          BoardStore.QueueCounts whole = mine(r.whole());
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

  private BoardStore.QueueCounts mine(List<BoardStore.QueueCounts> counts) {
    return counts.stream().filter(q -> q.queue().equals(queue)).findFirst().orElseThrow();
  }
}
