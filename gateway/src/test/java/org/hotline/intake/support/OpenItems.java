package org.hotline.intake.support;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import org.hotline.intake.queue.OpenItemsScan;

/** Queue items stored straight into the shared database, for the monitoring queries' tests. */
public final class OpenItems {
  private OpenItems() {}

  /**
   * A stored record in {@code $2}'s queue, state $3, due $4 from now on its accept_by deadline,
   * whose name the item keeps as the writers store it; enqueued ten minutes ago.
   */
  private static final String INSERT =
      "WITH d AS (SELECT now() + $4::interval AS due),"
          + " c AS (INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at,"
          + " queue, record, verdict) SELECT $1, 'metrics', $1::text, '\\x00', 'complaint', now(), $2,"
          + " '{}', jsonb_build_object('deadlines', jsonb_build_object('accept_by', d.due::text,"
          + " 'accept_by_provisional', 'true')) FROM d RETURNING id)"
          + " INSERT INTO queue_item (complaint_id, queue, state, due_at, due_deadline, enqueued_at)"
          + " SELECT c.id, $2, $3, d.due, 'accept_by', now() - interval '10 minutes' FROM c, d";

  /** One item of {@link #store}: its state, and when it is due from now (an interval). */
  public record Item(String state, String dueIn) {}

  /** Stores {@code items} in {@code queue}. */
  public static Future<?> store(Pool pool, String queue, List<Item> items) {
    List<Tuple> rows = new ArrayList<>(items.size());
    for (Item i : items) {
      rows.add(Tuple.of(UUID.randomUUID(), queue, i.state(), i.dueIn()));
    }
    return pool.preparedQuery(INSERT).executeBatch(rows);
  }

  /**
   * {@code n} items in {@code queue}, due an hour ago (breached), every fourth leased and the rest
   * ready: enough rows to fill several of the table's blocks.
   */
  public static Future<?> many(Pool pool, String queue, int n) {
    List<Item> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(new Item(i % 4 == 0 ? "leased" : "ready", "-1 hour"));
    }
    return store(pool, queue, items);
  }

  /**
   * Removes {@code queue}'s items, so that a test of its own queue leaves no work that the board's
   * or the metrics' tests would count.
   */
  public static Future<?> remove(Pool pool, String queue) {
    return pool.preparedQuery("DELETE FROM queue_item WHERE queue = $1").execute(Tuple.of(queue));
  }

  /** How many of the table's blocks {@code queue}'s items lie in. */
  public static Future<Long> blocks(Pool pool, String queue) {
    return pool.preparedQuery(
            "SELECT count(DISTINCT (ctid::text::point)[0])::bigint FROM queue_item WHERE queue = $1")
        .execute(Tuple.of(queue))
        .map(r -> r.iterator().next().getLong(0));
  }

  /** What {@link #readInChunks} found: the blocks the items lie in, and the two reads. */
  public record Reads<T>(long blocks, T oneBlock, T whole) {}

  /**
   * Stores {@link #many} items in {@code queue}, then reads them with {@code read} (given the
   * blocks a chunk reads) one block at a time and in the scan's own chunks.
   */
  public static <T> Future<Reads<T>> readInChunks(
      Pool pool, String queue, int n, LongFunction<Future<T>> read) {
    return many(pool, queue, n)
        .compose(v -> blocks(pool, queue))
        .compose(
            blocks ->
                read.apply(1)
                    .compose(
                        one ->
                            read.apply(OpenItemsScan.CHUNK_BLOCKS)
                                .map(whole -> new Reads<>(blocks, one, whole))));
  }
}
