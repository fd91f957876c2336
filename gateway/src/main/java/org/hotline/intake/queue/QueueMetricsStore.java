package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.metrics.QueueSnapshot;

/**
 * The queue SQL behind the metrics: one snapshot of every open item's queue, state and clock, and
 * the SLA sweep with its newly breached items counted.
 *
 * <p>An item's {@code due_at} is its nearest open deadline and {@code due_deadline} that deadline's
 * name, both written with the item (V8__cheap_monitoring.sql): a poll reads {@code queue_item}
 * alone, with no look-up in the records.
 */
public final class QueueMetricsStore {
  /**
   * Open items by queue, state and (for those at risk or breached) deadline, in the table's blocks
   * $2 (from) to $3 (before): one chunk of a snapshot.
   */
  static final String SNAPSHOT_CHUNK =
      "SELECT queue, state, CASE WHEN due_at <= $1 THEN due_deadline END, count(*),"
          + " coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::bigint,"
          + " count(*) FILTER (WHERE due_at >= now() AND due_at <= $1),"
          + " count(*) FILTER (WHERE due_at < now())"
          + " FROM queue_item WHERE ctid >= format('(%s,0)', $2::bigint)::tid"
          + " AND ctid < format('(%s,0)', $3::bigint)::tid AND state <> 'done' GROUP BY 1, 2, 3";

  /**
   * The snapshot's first statement: it fixes the transaction's view, and then reads how many blocks
   * the table has, so every row version that view can see lies in a block counted.
   */
  static final String BLOCKS =
      "SELECT pg_relation_size('queue_item') / current_setting('block_size')::bigint";

  /**
   * Blocks a chunk reads: 1 MiB, about 10,000 items and 4 ms of one core. During a backlog the
   * table holds hundreds of thousands of open items, and a single scan of them took PostgreSQL 84
   * ms on both cores of the benchmark machine (a parallel scan) every poll: a stall every five
   * seconds that every request in flight waited out (BENCHMARKS.md "Overload").
   */
  static final long CHUNK_BLOCKS = 128;

  /** Group complaints formed within the clustering window: those that can still grow. */
  static final String GROUPS_ACTIVE =
      "SELECT count(*) FROM complaint_cluster WHERE created_at > now() - make_interval(days => $1)";

  private final Vertx vertx;
  private final Pool pool;

  public QueueMetricsStore(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** Items that turned breached in one sweep. */
  public record Breach(String queue, String deadline, long count) {}

  /**
   * Every queue's open work and clocks, and the active groups: read in chunks of {@link
   * #CHUNK_BLOCKS} blocks, one after another with a pause as long as the chunk took, all in one
   * read-only repeatable-read transaction. The one view counts each item once, in the state it had
   * when the snapshot began, however long the chunks take; the pauses keep the scan to half of one
   * core, so a large backlog makes the snapshot longer, not the requests in flight slower.
   */
  public Future<QueueSnapshot> snapshot(OffsetDateTime atRiskCutoff, int clusterWindowDays) {
    return snapshot(atRiskCutoff, clusterWindowDays, CHUNK_BLOCKS);
  }

  Future<QueueSnapshot> snapshot(
      OffsetDateTime atRiskCutoff, int clusterWindowDays, long chunkBlocks) {
    Map<String, Builder> queues = new HashMap<>();
    return pool.withTransaction(
        conn ->
            conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute()
                .compose(v -> conn.query(BLOCKS).execute())
                .compose(
                    b ->
                        chunks(
                            conn,
                            atRiskCutoff,
                            0,
                            b.iterator().next().getLong(0),
                            chunkBlocks,
                            queues))
                .compose(
                    v -> conn.preparedQuery(GROUPS_ACTIVE).execute(Tuple.of(clusterWindowDays)))
                .map(g -> snapshotOf(queues, g.iterator().next().getLong(0))));
  }

  /** Reads blocks {@code from} to {@code blocks} a chunk at a time into {@code queues}. */
  private Future<Void> chunks(
      SqlConnection conn,
      OffsetDateTime atRiskCutoff,
      long from,
      long blocks,
      long chunkBlocks,
      Map<String, Builder> queues) {
    if (from >= blocks) {
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    return conn.preparedQuery(SNAPSHOT_CHUNK)
        .execute(Tuple.of(atRiskCutoff, from, from + chunkBlocks))
        .compose(
            rows -> {
              for (Row r : rows) {
                queues.computeIfAbsent(r.getString(0), k -> new Builder()).add(r);
              }
              long next = from + chunkBlocks;
              if (next >= blocks) {
                return Future.succeededFuture();
              }
              long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
              return vertx
                  .timer(Math.max(1, tookMs))
                  .compose(t -> chunks(conn, atRiskCutoff, next, blocks, chunkBlocks, queues));
            });
  }

  private static QueueSnapshot snapshotOf(Map<String, Builder> queues, long groupsActive) {
    Map<String, QueueSnapshot.Queue> out = new HashMap<>();
    queues.forEach((k, b) -> out.put(k, b.build()));
    return new QueueSnapshot(out, groupsActive, true);
  }

  /** One queue's rows, summed over deadlines. */
  private static final class Builder {
    long waiting;
    long leased;
    long handling;
    long stuck;
    long oldest;
    final Map<String, Long> atRisk = new HashMap<>();
    final Map<String, Long> breached = new HashMap<>();

    void add(Row r) {
      String state = r.getString(1);
      long n = r.getLong(3);
      switch (state) {
        case "ready" -> {
          waiting += n;
          oldest = Math.max(oldest, r.getLong(4));
        }
        case "leased" -> leased += n;
        case "handling" -> handling += n;
        case "stuck" -> stuck += n;
        default -> {}
      }
      String deadline = r.getString(2);
      if (deadline != null) {
        atRisk.merge(deadline, r.getLong(5), Long::sum);
        breached.merge(deadline, r.getLong(6), Long::sum);
      }
    }

    QueueSnapshot.Queue build() {
      return new QueueSnapshot.Queue(waiting, leased, handling, stuck, oldest, atRisk, breached);
    }
  }

  /**
   * Marks open items at risk or breached ({@link QueueStore#sweepSla}); returns those that turned
   * breached now, by queue and deadline. Each item's change is made once, whichever node sweeps, so
   * each breach is counted once.
   */
  public Future<List<Breach>> sweep(OffsetDateTime atRiskCutoff) {
    return sweep(atRiskCutoff, QueueStore.SLA_SWEEP_CHUNK);
  }

  Future<List<Breach>> sweep(OffsetDateTime atRiskCutoff, int chunk) {
    return QueueStore.sweepSla(pool, atRiskCutoff, chunk).map(QueueMetricsStore::breaches);
  }

  /** A queue and deadline name: what breaches are counted by. */
  private record Where(String queue, String deadline) {}

  private static List<Breach> breaches(List<Row> changed) {
    Map<Where, Long> counts = new LinkedHashMap<>();
    for (Row r : changed) {
      if ("breached".equals(r.getString(1))) {
        String deadline = r.getString(2);
        counts.merge(
            new Where(r.getString(0), deadline == null ? "none" : deadline), 1L, Long::sum);
      }
    }
    List<Breach> out = new ArrayList<>(counts.size());
    counts.forEach((w, n) -> out.add(new Breach(w.queue(), w.deadline(), n)));
    return out;
  }
}
