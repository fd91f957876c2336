package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.impl.SqlClientInternal;
import java.util.List;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("a batch's statements sent together")
class BatchInsertTest {
  private Pool pool;

  @BeforeEach
  void pool(Vertx vertx) {
    pool = SharedDatabase.pool(vertx);
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    pool.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName(
      "the pool's connections can group statements into one write (else every batch pays a flush a"
          + " statement again)")
  void pooledConnectionsGroup(VertxTestContext ctx) {
    pool.getConnection()
        .onComplete(
            ctx.succeeding(
                conn -> {
                  ctx.verify(() -> assertThat(conn).isInstanceOf(SqlClientInternal.class));
                  conn.close().onComplete(ctx.succeedingThenComplete());
                }));
  }

  @Test
  @DisplayName(
      "statements sent together run in a transaction in the order issued, each future with its own"
          + " answer")
  void inOrderEachItsOwn(VertxTestContext ctx) {
    pool.withConnection(
            conn -> {
              List<Future<?>> sent =
                  BatchInsert.together(
                      conn,
                      c ->
                          List.of(
                              c.query("BEGIN").execute(),
                              c.query("CREATE TEMP TABLE t (n int) ON COMMIT DROP").execute(),
                              c.preparedQuery("INSERT INTO t VALUES ($1), ($2) RETURNING n")
                                  .execute(Tuple.of(1, 2)),
                              c.query("SELECT sum(n)::int FROM t").execute(),
                              c.query("COMMIT").execute()));
              return Future.all(sent).map(v -> sent);
            })
        .onComplete(
            ctx.succeeding(
                sent ->
                    ctx.verify(
                        () -> {
                          assertThat(sent).hasSize(5);
                          assertThat(values(sent.get(2))).containsExactly(1, 2);
                          assertThat(values(sent.get(3))).containsExactly(3);
                          ctx.completeNow();
                        })));
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> values(Future<?> statement) {
    RowSet<Row> rows = (RowSet<Row>) statement.result();
    return rows.stream().map(r -> r.getInteger(0)).toList();
  }
}
