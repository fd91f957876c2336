package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * Open items by queue, state and (for those at risk or breached) deadline, in one chunk of the
   * table ({@link OpenItemsScan}).
   */
  static final String SNAPSHOT_CHUNK =
      "SELECT queue, state, CASE WHEN due_at <= $1 THEN due_deadline END, count(*),"
          + " coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::bigint,"
          + " count(*) FILTER (WHERE due_at >= now() AND due_at <= $1),"
          + " count(*) FILTER (WHERE due_at < now())"
          + " FROM queue_item WHERE "
          + OpenItemsScan.IN_CHUNK
          + " AND state <> 'done' GROUP BY 1, 2, 3";

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

  /** Every queue's open work and clocks, and the active groups ({@link OpenItemsScan}). */
  public Future<QueueSnapshot> snapshot(OffsetDateTime atRiskCutoff, int clusterWindowDays) {
    return snapshot(atRiskCutoff, clusterWindowDays, OpenItemsScan.CHUNK_BLOCKS);
  }

  Future<QueueSnapshot> snapshot(
      OffsetDateTime atRiskCutoff, int clusterWindowDays, long chunkBlocks) {
    Map<String, Builder> queues = new HashMap<>();
    return OpenItemsScan.run(
        vertx,
        pool,
        SNAPSHOT_CHUNK,
        atRiskCutoff,
        chunkBlocks,
        rows -> {
          for (Row r : rows) {
            queues.computeIfAbsent(r.getString(0), k -> new Builder()).add(r);
          }
        },
        conn ->
            conn.preparedQuery(GROUPS_ACTIVE)
                .execute(Tuple.of(clusterWindowDays))
                .map(g -> snapshotOf(queues, g.iterator().next().getLong(0))));
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
        case "leased" -> {
          leased += n;
          // Not decided yet: the oldest waiting item is the oldest ready or leased one, as the
          // overview and the board count it.
          oldest = Math.max(oldest, r.getLong(4));
        }
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
   * Marks open items past due as breached ({@link QueueStore#sweepSla}); returns those that turned
   * breached now, by queue and deadline. Each item's change is made once, whichever node sweeps, so
   * each breach is counted once.
   */
  public Future<List<Breach>> sweep() {
    return sweep(QueueStore.SLA_SWEEP_CHUNK);
  }

  Future<List<Breach>> sweep(int chunk) {
    return QueueStore.sweepSla(pool, chunk).map(QueueMetricsStore::breaches);
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
