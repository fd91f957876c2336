package org.hotline.intake.board;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The board's three aggregate queries. Each reads counts and times only: no column that could hold
 * personal data is selected.
 *
 * <p>Recent records are found through the primary key: ids are UUID version 7, whose first 48 bits
 * are the millisecond they were made, so {@code id >= lowerBound(t)} is a range scan of the newest
 * index pages, without an index on {@code created_at} (and without a migration). {@code created_at}
 * (when the gateway took the record, unlike {@code received_at}, which a sender may backdate) then
 * decides exactly; the lower bound keeps a margin for clocks that differ between nodes and server.
 */
public final class BoardStore {
  /** How far the id bound reaches before the exact time filter, for clock differences. */
  static final Duration CLOCK_MARGIN = Duration.ofMinutes(15);

  /** Minutes of intake shown, the current (partial) minute included. */
  public static final int INTAKE_MINUTES = 15;

  /**
   * Per queue: waiting (ready or leased), in handling, the oldest waiting item, at risk and
   * breached over every open item (so no stage is off the clock), stuck, and the handling stage's
   * own pair.
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
          + " FROM queue_item WHERE state <> 'done' GROUP BY queue";

  /** Records taken per minute: 0 is the current minute, 14 the earliest. */
  static final String INTAKE =
      "SELECT (extract(epoch FROM date_trunc('minute', now()) - date_trunc('minute', created_at))"
          + " / 60)::int, count(*) FROM complaint"
          + " WHERE id >= $1 AND created_at >= date_trunc('minute', now()) - make_interval(mins => $2)"
          + " GROUP BY 1";

  /**
   * Group complaints with a member taken within the window, escalated first, then largest; the
   * counts over all of them ride along on every row. The queue is where most members went.
   */
  static final String GROUPS =
      "WITH recent AS (SELECT DISTINCT m.cluster_id FROM complaint c"
          + "  JOIN cluster_member m ON m.complaint_id = c.id"
          + "  WHERE c.id >= $1 AND c.created_at >= now() - make_interval(secs => $2))"
          + " SELECT k.size, k.escalated_at IS NOT NULL, k.created_at,"
          + "  (SELECT mode() WITHIN GROUP (ORDER BY c.queue) FROM cluster_member m"
          + "   JOIN complaint c ON c.id = m.complaint_id WHERE m.cluster_id = k.id),"
          + "  count(*) OVER (), count(*) FILTER (WHERE k.escalated_at IS NOT NULL) OVER ()"
          + " FROM recent r JOIN complaint_cluster k ON k.id = r.cluster_id"
          + " ORDER BY k.escalated_at IS NOT NULL DESC, k.size DESC, k.created_at LIMIT $3";

  private final Pool pool;

  public BoardStore(Pool pool) {
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
      long handlingBreached) {}

  /** A group complaint in progress: no merchant, no complainant, only where and how many. */
  public record Group(String queue, int size, boolean escalated, OffsetDateTime since) {}

  /** The groups active within the window: all counted, the first few listed. */
  public record Groups(long active, long escalated, List<Group> shown) {}

  /** Open work per queue, for queues that have any. */
  public Future<List<QueueCounts>> queues(OffsetDateTime atRiskCutoff) {
    return pool.preparedQuery(QUEUES)
        .execute(Tuple.of(atRiskCutoff))
        .map(
            rows -> {
              List<QueueCounts> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
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
                        r.getLong(9)));
              }
              return out;
            });
  }

  /** Records taken in each of the last {@value #INTAKE_MINUTES} minutes, earliest first. */
  public Future<long[]> intakePerMinute(Instant now) {
    Instant from = now.minus(Duration.ofMinutes(INTAKE_MINUTES)).minus(CLOCK_MARGIN);
    return pool.preparedQuery(INTAKE)
        .execute(Tuple.of(lowerBound(from), INTAKE_MINUTES - 1))
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

  /** Group complaints with a member taken within {@code window}; at most {@code shown} listed. */
  public Future<Groups> groups(Instant now, Duration window, int shown) {
    Instant from = now.minus(window).minus(CLOCK_MARGIN);
    // One row at least, even when none is to be listed: the counts ride on the rows.
    return pool.preparedQuery(GROUPS)
        .execute(Tuple.of(lowerBound(from), window.toSeconds(), Math.max(1, shown)))
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

  /** The smallest version 7 id made at or after {@code t}. */
  static UUID lowerBound(Instant t) {
    return new UUID(t.toEpochMilli() << 16, 0L);
  }
}
