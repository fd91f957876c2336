package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("the SLA sweeper")
class SlaSweepTest {
  private Pool pool;

  @BeforeEach
  void pool(Vertx vertx) {
    pool = SharedDatabase.pool(vertx);
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    pool.close().onComplete(ctx.succeedingThenComplete());
  }

  private static final String INSERT =
      "WITH c AS (INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at,"
          + " queue, record, verdict) VALUES ($1, 'sweep', $1::text, '\\x00', 'inquiry', now(),"
          + " 'sweep', '{}', '{}') RETURNING id)"
          + " INSERT INTO queue_item (complaint_id, queue, due_at) SELECT id, 'sweep', now() + $2::interval FROM c";

  @Test
  @DisplayName("marks accepted items in handling by their mediate_by too")
  void marksHandling(VertxTestContext ctx) {
    UUID late = UUID.randomUUID();
    QueueStore store = new QueueStore(pool, SharedDatabase.sealer());
    pool.preparedQuery(INSERT)
        .execute(Tuple.of(late, "-1 hour"))
        .compose(
            v ->
                pool.preparedQuery(
                        "UPDATE queue_item SET state = 'handling' WHERE complaint_id = $1")
                    .execute(Tuple.of(late)))
        .compose(v -> store.sweepSla())
        .compose(
            v ->
                pool.preparedQuery("SELECT sla_state FROM queue_item WHERE complaint_id = $1")
                    .execute(Tuple.of(late)))
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows.iterator().next().getString(0)).isEqualTo("breached");
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName(
      "marks open items breached when past due, and rewrites none that is only at risk (read from"
          + " its due time by whoever asks)")
  void marks(VertxTestContext ctx) {
    UUID late = UUID.randomUUID();
    UUID soon = UUID.randomUUID();
    UUID fine = UUID.randomUUID();
    QueueStore store = new QueueStore(pool, SharedDatabase.sealer());
    pool.preparedQuery(INSERT)
        .executeBatch(
            List.of(Tuple.of(late, "-1 hour"), Tuple.of(soon, "2 hours"), Tuple.of(fine, "3 days")))
        .compose(v -> store.sweepSla())
        .compose(
            changed ->
                pool.preparedQuery(
                        "SELECT complaint_id, sla_state FROM queue_item WHERE complaint_id = ANY($1)")
                    .execute(Tuple.of(new UUID[] {late, soon, fine}))
                    .map(
                        rows -> {
                          java.util.Map<UUID, String> states = new java.util.HashMap<>();
                          rows.forEach(r -> states.put(r.getUUID(0), r.getString(1)));
                          return states;
                        }))
        .onComplete(
            ctx.succeeding(
                states ->
                    ctx.verify(
                        () -> {
                          assertThat(states)
                              .containsEntry(late, "breached")
                              .containsEntry(soon, "ok")
                              .containsEntry(fine, "ok");
                          ctx.completeNow();
                        })));
  }
}
