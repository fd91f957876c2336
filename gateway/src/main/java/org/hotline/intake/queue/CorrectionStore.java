package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import org.hotline.intake.verdict.Verdict;

/**
 * The SQL of verdict corrections, each in one transaction with its record in {@code
 * complaint_correction}: a duplicate unlinked into an accepted, queued record, or a record taken
 * out of its group. The record's row is locked first, so two corrections of one record never
 * interleave.
 */
final class CorrectionStore {
  static final String LOCK =
      "SELECT c.type, c.channel, c.received_at, c.duplicate_of, c.record::text, c.verdict::text,"
          + " (SELECT m.cluster_id FROM cluster_member m WHERE m.complaint_id = c.id"
          + "  ORDER BY m.cluster_id LIMIT 1), c.fingerprint"
          + " FROM complaint c WHERE c.id = $1 FOR UPDATE";

  static final String UNLINK =
      "UPDATE complaint SET duplicate_of = NULL, cluster_id = NULL, state = 'new', queue = $2,"
          + " district = $3, verdict = $4::text::json WHERE id = $1";

  static final String ENQUEUE =
      "INSERT INTO queue_item (complaint_id, queue, due_at, due_deadline) VALUES ($1, $2, $3, $4)"
          + " ON CONFLICT (complaint_id) DO UPDATE SET queue = EXCLUDED.queue, state = 'ready',"
          + " due_at = EXCLUDED.due_at, due_deadline = EXCLUDED.due_deadline,"
          + " enqueued_at = now(), attempts = 0, lease_token = NULL, lease_expires_at = NULL";

  /** Membership goes; the group's size follows. Returns the group's new size. */
  static final String UNGROUP =
      "WITH gone AS (DELETE FROM cluster_member WHERE complaint_id = $1 AND cluster_id = $2"
          + "  RETURNING cluster_id)"
          + " UPDATE complaint_cluster g SET size = greatest(g.size - 1, 0) FROM gone"
          + " WHERE g.id = gone.cluster_id RETURNING g.size";

  static final String UNGROUP_RECORD =
      "UPDATE complaint SET cluster_id = NULL, verdict = (verdict::jsonb"
          + " || '{\"cluster_id\": null, \"cluster_size\": null}'::jsonb)::json WHERE id = $1";

  private final Pool pool;

  CorrectionStore(Pool pool) {
    this.pool = pool;
  }

  /** A record whose verdict is being corrected, as read under its row lock. */
  record Linked(
      UUID id, String type, String channel, OffsetDateTime receivedAt, JsonObject record) {}

  /**
   * Where an unlinked duplicate goes: its verdict as accepted, routed, with its own deadlines.
   *
   * @param verdict the corrected verdict (status, queue, district, transfer_to, deadlines)
   * @param due its nearest deadline, the queue item's due time and name; null when none
   */
  record Relinked(JsonObject verdict, Verdict.Due due) {}

  /**
   * What a correction changed; {@code fingerprint}, an unlinked duplicate's stored dedup
   * fingerprint (null for a record taken out of its group, or none stored).
   */
  record Corrected(String action, JsonObject before, JsonObject after, byte[] fingerprint) {}

  /**
   * Unlinks a duplicate (and queues it where {@code relink} says), or else takes the record out of
   * its group. Fails with {@link QueueException} for an unknown id or nothing to unlink.
   */
  Future<Corrected> unlink(
      UUID id, String actor, String reason, Function<Linked, Relinked> relink) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(LOCK)
                .execute(Tuple.of(id))
                .compose(
                    rows -> {
                      if (rows.size() == 0) {
                        return Future.failedFuture(QueueException.notFound());
                      }
                      Row r = rows.iterator().next();
                      Future<Corrected> done;
                      if (r.getUUID(3) != null) {
                        Linked linked =
                            new Linked(
                                id,
                                r.getString(0),
                                r.getString(1),
                                r.getOffsetDateTime(2),
                                new JsonObject(r.getString(4)));
                        byte[] fingerprint = bytes(r.getBuffer(7));
                        done =
                            unlinkDuplicate(
                                    conn,
                                    linked,
                                    r.getUUID(3),
                                    new JsonObject(r.getString(5)),
                                    relink)
                                .map(
                                    c ->
                                        new Corrected(
                                            c.action(), c.before(), c.after(), fingerprint));
                      } else if (r.getUUID(6) != null) {
                        done = ungroup(conn, id, r.getUUID(6));
                      } else {
                        return Future.failedFuture(
                            new QueueException(
                                QueueException.Reason.NOTHING_TO_UNLINK,
                                "this record is neither a duplicate nor in a group"));
                      }
                      return done.compose(
                          c ->
                              conn.preparedQuery(QueueStore.RECORD_CORRECTION)
                                  .execute(
                                      QueueStore.correction(
                                          id, c.action(), actor, reason, c.before(), c.after()))
                                  .map(v -> c));
                    }));
  }

  private static byte[] bytes(io.vertx.core.buffer.Buffer b) {
    return b == null ? null : b.getBytes();
  }

  private static Future<Corrected> unlinkDuplicate(
      SqlConnection conn,
      Linked linked,
      UUID original,
      JsonObject verdict,
      Function<Linked, Relinked> relink) {
    Relinked to = relink.apply(linked);
    JsonObject corrected = verdict.copy().mergeIn(to.verdict());
    String queue = corrected.getString("queue");
    JsonObject before =
        new JsonObject().put("status", "duplicate").put("duplicate_of", original.toString());
    JsonObject after = to.verdict().copy();
    return conn.preparedQuery(UNLINK)
        .execute(Tuple.of(linked.id(), queue, corrected.getString("district"), corrected.encode()))
        .compose(
            v ->
                conn.preparedQuery(ENQUEUE)
                    .execute(
                        Tuple.of(
                            linked.id(),
                            queue,
                            Verdict.Due.atOf(to.due()),
                            Verdict.Due.nameOf(to.due()))))
        .compose(
            v ->
                conn.preparedQuery("SELECT pg_notify($1, $2)")
                    .execute(Tuple.of(QueueStore.CHANNEL, queue)))
        .map(v -> new Corrected("unlink", before, after, null));
  }

  private static Future<Corrected> ungroup(SqlConnection conn, UUID id, UUID cluster) {
    return conn.preparedQuery(UNGROUP)
        .execute(Tuple.of(id, cluster))
        .compose(
            rows -> {
              int size = rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
              JsonObject before =
                  new JsonObject()
                      .put("cluster_id", cluster.toString())
                      .put("cluster_size", size + 1);
              JsonObject after =
                  new JsonObject()
                      .putNull("cluster_id")
                      .put("left_cluster_id", cluster.toString())
                      .put("left_cluster_size", size);
              return conn.preparedQuery(UNGROUP_RECORD)
                  .execute(Tuple.of(id))
                  .map(v -> new Corrected("ungroup", before, after, null));
            });
  }
}
