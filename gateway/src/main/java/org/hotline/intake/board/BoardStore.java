package org.hotline.intake.board;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.intake.queue.OpenItemsScan;

/**
 * The board's three aggregate queries. Each reads counts and times only: no column that could hold
 * personal data is selected.
 *
 * <p>None reads the records themselves: intake per minute comes from the writers' own counts
 * ({@code intake_minute}), active groups from {@code complaint_cluster.last_member_at}, both kept
 * by the transactions that store the records; the time is the server's ({@code now()} at the
 * transaction's start, as {@code created_at}), so nodes' clocks do not matter. The queues' figures
 * read the open items.
 */
public final class BoardStore {
  /** Minutes of intake shown, the current (partial) minute included. */
  public static final int INTAKE_MINUTES = 15;

  /**
   * Per queue: waiting (ready or leased), in handling, the oldest waiting item, at risk and
   * breached over every open item (so no stage is off the clock), stuck, and the handling stage's
   * own pair; in one chunk of the table ({@link OpenItemsScan}), the chunks summed by {@link
   * #queues}.
   */
  static final String QUEUES =
      "SELECT queue, count(*) FILTER (WHERE state IN ('ready', 'leased')),"
          + " count(*) FILTER (WHERE state = 'handling'),"
          + " min(enqueued_at) FILTER (WHERE state IN ('ready', 'leased')),"
          + " coalesce(extract(epoch FROM now() - min(enqueued_at)"
          + "  FILTER (WHERE state IN ('ready', 'leased'))), 0)::bigint,"
          + " count(*) FILTER (WHERE due_at >= now() AND due_at <= $1),"
          + " count(*) FILTER (WHERE due_at < now()),"
          + " count(*) FILTER (WHERE state = 'stuck'),"
          + " count(*) FILTER (WHERE state = 'handling' AND due_at >= now() AND due_at <= $1),"
          + " count(*) FILTER (WHERE state = 'handling' AND due_at < now())"
          + " FROM queue_item WHERE "
          + OpenItemsScan.IN_CHUNK
          + " AND state <> 'done' GROUP BY queue";

  /**
   * Records taken per minute: 0 is the current minute, 14 the earliest. The writers count them as
   * they store them ({@code intake_minute}), so this reads a few rows per minute whatever the rate.
   */
  static final String INTAKE =
      "SELECT (extract(epoch FROM date_trunc('minute', now()) - minute) / 60)::int, sum(records)"
          + " FROM intake_minute"
          + " WHERE minute >= date_trunc('minute', now()) - make_interval(mins => $1) GROUP BY 1";

  /** Per-minute counts are kept for a day, which also bounds what {@link #INTAKE} reads. */
  static final String PRUNE_INTAKE =
      "DELETE FROM intake_minute WHERE minute < now() - interval '1 day'";

  /**
   * Group complaints that took a member within the window, escalated first, then largest (a group
   * an unlink left with one member is no group, DOMAIN.md: different complainants); the counts over
   * all of them ride along on every row. The queue is where most members went, worked out for the
   * groups listed only. Reads {@code complaint_cluster} by {@code last_member_at}, not the window's
   * records (V8__cheap_monitoring.sql).
   */
  static final String GROUPS =
      "WITH listed AS (SELECT k.id, k.size, k.escalated_at IS NOT NULL AS escalated,"
          + "  k.created_at, count(*) OVER () AS active,"
          + "  count(*) FILTER (WHERE k.escalated_at IS NOT NULL) OVER () AS escalated_count"
          + "  FROM complaint_cluster k"
          + "  WHERE k.last_member_at >= now() - make_interval(secs => $1) AND k.size > 1"
          + "  ORDER BY k.escalated_at IS NOT NULL DESC, k.size DESC, k.created_at LIMIT $2)"
          + " SELECT l.size, l.escalated, l.created_at,"
          + "  (SELECT mode() WITHIN GROUP (ORDER BY c.queue) FROM cluster_member m"
          + "   JOIN complaint c ON c.id = m.complaint_id WHERE m.cluster_id = l.id),"
          + "  l.active, l.escalated_count"
          + " FROM listed l ORDER BY l.escalated DESC, l.size DESC, l.created_at";

  private final Vertx vertx;
  private final Pool pool;

  public BoardStore(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** One queue's open work. {@code oldestWaiting} is null when nothing waits. */
  public record QueueCounts(
      String queue,
      long waiting,
      long handling,
      OffsetDateTime oldestWaiting,
      long oldestAgeSeconds,
      long atRisk,
      long breached,
      long stuck,
      long handlingAtRisk,
      long handlingBreached) {
    /** Two chunks' counts of one queue: the counts summed, the oldest of the two kept. */
    QueueCounts plus(QueueCounts o) {
      boolean mine =
          o.oldestWaiting == null
              || (oldestWaiting != null && !oldestWaiting.isAfter(o.oldestWaiting));
      return new QueueCounts(
          queue,
          waiting + o.waiting,
          handling + o.handling,
          mine ? oldestWaiting : o.oldestWaiting,
          Math.max(oldestAgeSeconds, o.oldestAgeSeconds),
          atRisk + o.atRisk,
          breached + o.breached,
          stuck + o.stuck,
          handlingAtRisk + o.handlingAtRisk,
          handlingBreached + o.handlingBreached);
    }
  }

  /** A group complaint in progress: no merchant, no complainant, only where and how many. */
  public record Group(String queue, int size, boolean escalated, OffsetDateTime since) {}

  /** The groups active within the window: all counted, the first few listed. */
  public record Groups(long active, long escalated, List<Group> shown) {}

  /** Open work per queue, for queues that have any, in queue order ({@link OpenItemsScan}). */
  public Future<List<QueueCounts>> queues(OffsetDateTime atRiskCutoff) {
    return queues(atRiskCutoff, OpenItemsScan.CHUNK_BLOCKS);
  }

  Future<List<QueueCounts>> queues(OffsetDateTime atRiskCutoff, long chunkBlocks) {
    Map<String, QueueCounts> byQueue = new TreeMap<>();
    return OpenItemsScan.run(
        vertx,
        pool,
        QUEUES,
        atRiskCutoff,
        chunkBlocks,
        rows -> {
          for (Row r : rows) {
            byQueue.merge(
                r.getString(0),
                new QueueCounts(
                    r.getString(0),
                    r.getLong(1),
                    r.getLong(2),
                    r.getOffsetDateTime(3),
                    r.getLong(4),
                    r.getLong(5),
                    r.getLong(6),
                    r.getLong(7),
                    r.getLong(8),
                    r.getLong(9)),
                QueueCounts::plus);
          }
        },
        conn -> Future.succeededFuture(new ArrayList<>(byQueue.values())));
  }

  /** Records taken in each of the last {@value #INTAKE_MINUTES} minutes, earliest first. */
  public Future<long[]> intakePerMinute() {
    return pool.preparedQuery(INTAKE)
        .execute(Tuple.of(INTAKE_MINUTES - 1))
        .map(
            rows -> {
              long[] perMinute = new long[INTAKE_MINUTES];
              for (Row r : rows) {
                int ago = r.getInteger(0);
                if (ago >= 0 && ago < INTAKE_MINUTES) {
                  perMinute[INTAKE_MINUTES - 1 - ago] = r.getLong(1);
                }
              }
              return perMinute;
            });
  }

  /** Deletes per-minute intake counts older than a day. */
  public Future<Void> pruneIntake() {
    return pool.query(PRUNE_INTAKE).execute().mapEmpty();
  }

  /** Group complaints with a member taken within {@code window}; at most {@code shown} listed. */
  public Future<Groups> groups(Duration window, int shown) {
    // One row at least, even when none is to be listed: the counts ride on the rows.
    return pool.preparedQuery(GROUPS)
        .execute(Tuple.of(window.toSeconds(), Math.max(1, shown)))
        .map(
            rows -> {
              long active = 0;
              long escalated = 0;
              List<Group> list = new ArrayList<>();
              for (Row r : rows) {
                active = r.getLong(4);
                escalated = r.getLong(5);
                if (list.size() < shown) {
                  list.add(
                      new Group(
                          r.getString(3),
                          r.getInteger(0),
                          r.getBoolean(1),
                          r.getOffsetDateTime(2)));
                }
              }
              return new Groups(active, escalated, List.copyOf(list));
            });
  }
}
