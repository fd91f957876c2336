package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An aggregate over every open queue item for monitoring (the metrics poll, the status board), read
 * a chunk of the table's blocks at a time, one after another with a pause as long as the chunk
 * took, all in one read-only repeatable-read transaction.
 *
 * <p>During a backlog {@code queue_item} holds hundreds of thousands of open items. One scan of
 * 172,000 took PostgreSQL 84 ms on both cores of the benchmark machine (a parallel scan), every
 * five seconds for each of the two monitors: a stall that every request in flight waited out, which
 * grew with the backlog (BENCHMARKS.md "Overload", the run of 15:36). In chunks, each a TID range
 * scan of {@link #CHUNK_BLOCKS} blocks on one core, with the pauses between, the scan takes at most
 * half of one core: a large backlog makes the snapshot longer, not the requests slower. The one
 * view counts each item once, in the state it had when the snapshot began, however long the chunks
 * take.
 */
public final class OpenItemsScan {
  /**
   * Blocks a chunk reads: 1 MiB, about 10,000 items and 4 ms of one core on the benchmark machine.
   */
  public static final long CHUNK_BLOCKS = 128;

  /**
   * The condition that limits a chunk's query to blocks $2 (from) to $3 (before): a TID range scan
   * (PostgreSQL 14 and later), no index needed.
   */
  public static final String IN_CHUNK =
      "ctid >= format('(%s,0)', $2::bigint)::tid AND ctid < format('(%s,0)', $3::bigint)::tid";

  /**
   * The transaction's first statement: it fixes the view, and then reads how many blocks the table
   * has, so every row version that view can see lies in a block counted.
   */
  static final String BLOCKS =
      "SELECT pg_relation_size('queue_item') / current_setting('block_size')::bigint";

  private OpenItemsScan() {}

  /**
   * Runs {@code chunkSql} (parameters: $1 the at-risk cut-off, $2 and $3 the block range, see
   * {@link #IN_CHUNK}) over the whole table, handing each chunk's rows to {@code rows}, then {@code
   * after} on the same connection and view.
   */
  public static <T> Future<T> run(
      Vertx vertx,
      Pool pool,
      String chunkSql,
      OffsetDateTime atRiskCutoff,
      long chunkBlocks,
      Consumer<RowSet<Row>> rows,
      Function<SqlConnection, Future<T>> after) {
    return pool.withTransaction(
        conn ->
            conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute()
                .compose(v -> conn.query(BLOCKS).execute())
                .compose(
                    b -> {
                      long blocks = b.iterator().next().getLong(0);
                      return new Chunks(vertx, conn, chunkSql, atRiskCutoff, chunkBlocks, rows)
                          .from(0, blocks);
                    })
                .compose(v -> after.apply(conn)));
  }

  /** One scan's chunks, read in turn. */
  private record Chunks(
      Vertx vertx,
      SqlConnection conn,
      String sql,
      OffsetDateTime atRiskCutoff,
      long chunkBlocks,
      Consumer<RowSet<Row>> rows) {
    Future<Void> from(long first, long blocks) {
      if (first >= blocks) {
        return Future.succeededFuture();
      }
      long started = System.nanoTime();
      long next = first + chunkBlocks;
      return conn.preparedQuery(sql)
          .execute(Tuple.of(atRiskCutoff, first, next))
          .compose(
              found -> {
                rows.accept(found);
                if (next >= blocks) {
                  return Future.succeededFuture();
                }
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                return vertx.timer(Math.max(1, tookMs)).compose(t -> from(next, blocks));
              });
    }
  }
}
