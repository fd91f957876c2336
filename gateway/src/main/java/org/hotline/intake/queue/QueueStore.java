package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hotline.intake.store.StoredComplaint;

/**
 * The SQL of the district queues: claims with {@code FOR UPDATE SKIP LOCKED} and a lease, decisions
 * that need the lease token, expiry of lost leases, and the per-queue overview.
 */
public final class QueueStore {
  /** The LISTEN/NOTIFY channel on which new or returned work is announced, queue as payload. */
  public static final String CHANNEL = "intake_queue";

  /**
   * Concurrent claimers skip each other's locked rows instead of waiting on them, so eight claimers
   * on one queue each get different items at once.
   */
  static final String CLAIM =
      "WITH picked AS (SELECT complaint_id FROM queue_item"
          + "  WHERE queue = $1 AND state = 'ready' ORDER BY enqueued_at, complaint_id"
          + "  LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + " leased AS (UPDATE queue_item q SET state = 'leased', lease_token = gen_random_uuid(),"
          + "  lease_expires_at = now() + make_interval(secs => $3), attempts = q.attempts + 1"
          + "  FROM picked WHERE q.complaint_id = picked.complaint_id"
          + "  RETURNING q.complaint_id, q.lease_token, q.lease_expires_at, q.enqueued_at)"
          + " SELECT l.complaint_id, l.lease_token, l.lease_expires_at, c.channel, c.source_id,"
          + "  c.type, c.received_at, c.created_at, c.state, c.queue, c.record::text, c.verdict::text"
          + " FROM leased l JOIN complaint c ON c.id = l.complaint_id"
          + " ORDER BY l.enqueued_at, l.complaint_id";

  /**
   * A decision as one statement (atomic on its own, one round trip): release the lease, or put the
   * item in another queue on a transfer; log the decision; set the record's state and deadlines (a
   * decision stops the intake clock and may start another: mediation after acceptance). No row
   * comes back when the lease is lost.
   */
  static final String DECIDE =
      "WITH released AS (UPDATE queue_item SET"
          + "  state = CASE WHEN $6::text IS NULL THEN 'done' ELSE 'ready' END,"
          + "  queue = coalesce($6::text, queue),"
          + "  enqueued_at = CASE WHEN $6::text IS NULL THEN enqueued_at ELSE now() END,"
          + "  attempts = CASE WHEN $6::text IS NULL THEN attempts ELSE 0 END,"
          + "  lease_token = NULL, lease_expires_at = NULL"
          + "  WHERE complaint_id = $1 AND lease_token = $2 AND state = 'leased'"
          + "  AND lease_expires_at > now() RETURNING complaint_id, queue),"
          + " logged AS (INSERT INTO complaint_decision"
          + "  (complaint_id, decision, reason, target, lease_token)"
          + "  SELECT complaint_id, $3, $4, $5, $2 FROM released),"
          + " stated AS (UPDATE complaint c SET state = $7, deadlines = c.deadlines || $8::jsonb"
          + "  FROM released r WHERE c.id = r.complaint_id)"
          + " SELECT queue FROM released";

  /** Lost leases go back to their queue, or are parked as stuck after too many attempts. */
  static final String EXPIRE =
      "UPDATE queue_item SET state = CASE WHEN attempts >= $1 THEN 'stuck' ELSE 'ready' END,"
          + " lease_token = NULL, lease_expires_at = NULL"
          + " WHERE state = 'leased' AND lease_expires_at <= now() RETURNING queue, state";

  static final String NOTIFY = "SELECT pg_notify($1, q) FROM unnest($2::text[]) AS q";

  static final String OVERVIEW =
      "SELECT queue, count(*) FILTER (WHERE state IN ('ready', 'leased')),"
          + " coalesce(extract(epoch FROM now() - min(enqueued_at) FILTER (WHERE state = 'ready')),"
          + " 0)::bigint,"
          + " count(*) FILTER (WHERE state IN ('ready', 'leased') AND due_at >= now()"
          + "  AND due_at <= $1),"
          + " count(*) FILTER (WHERE state IN ('ready', 'leased') AND due_at < now()),"
          + " count(*) FILTER (WHERE state = 'leased'), count(*) FILTER (WHERE state = 'stuck')"
          + " FROM queue_item WHERE state <> 'done' GROUP BY queue ORDER BY queue";

  /** The sweeper: open items' SLA state, from the at-risk cut-off the calendar gives. */
  static final String SWEEP_SLA =
      "UPDATE queue_item SET sla_state = CASE WHEN due_at < now() THEN 'breached'"
          + " WHEN due_at <= $1 THEN 'at_risk' ELSE 'ok' END"
          + " WHERE state IN ('ready', 'leased', 'stuck') AND due_at IS NOT NULL"
          + " AND sla_state IS DISTINCT FROM CASE WHEN due_at < now() THEN 'breached'"
          + " WHEN due_at <= $1 THEN 'at_risk' ELSE 'ok' END";

  private final Pool pool;

  public QueueStore(Pool pool) {
    this.pool = pool;
  }

  /** A claimed item: the record and the lease that lets its holder decide it. */
  public record Claimed(
      StoredComplaint complaint, UUID leaseToken, OffsetDateTime leaseExpiresAt) {}

  public Future<List<Claimed>> claim(String queue, int max, int leaseSeconds) {
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(queue, max, leaseSeconds))
        .map(
            rows -> {
              List<Claimed> items = new ArrayList<>();
              for (Row r : rows) {
                StoredComplaint c =
                    new StoredComplaint(
                        r.getUUID(0),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getOffsetDateTime(6),
                        r.getOffsetDateTime(7),
                        r.getString(8),
                        r.getString(9),
                        new JsonObject(r.getString(10)),
                        new JsonObject(r.getString(11)),
                        null,
                        null);
                items.add(new Claimed(c, r.getUUID(1), r.getOffsetDateTime(2)));
              }
              return items;
            });
  }

  /** A handler's decision on a leased item. */
  public record Decision(
      UUID complaintId, UUID leaseToken, String decision, String reason, String target) {}

  /**
   * Applies a decision. Empty when the lease is lost (expired, or decided already): the caller
   * answers 409. {@code requeueTo} (a transfer to another queue) puts the item there and wakes that
   * queue's claimers.
   */
  public Future<Optional<String>> decide(
      Decision d, String newState, String requeueTo, JsonObject newDeadlines) {
    Tuple args =
        Tuple.tuple()
            .addUUID(d.complaintId())
            .addUUID(d.leaseToken())
            .addString(d.decision())
            .addString(d.reason())
            .addString(d.target())
            .addString(requeueTo)
            .addString(newState)
            .addString(newDeadlines.encode());
    return pool.preparedQuery(DECIDE)
        .execute(args)
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture(Optional.<String>empty());
              }
              String queue = rows.iterator().next().getString(0);
              if (requeueTo == null) {
                return Future.succeededFuture(Optional.of(queue));
              }
              return pool.preparedQuery("SELECT pg_notify($1, $2)")
                  .execute(Tuple.of(CHANNEL, requeueTo))
                  .map(v -> Optional.of(queue));
            });
  }

  /** What one expiry pass did. */
  public record Expired(int returned, int parked) {}

  /** Returns lost leases to their queues (waking their claimers); parks items leased too often. */
  public Future<Expired> expireLeases(int maxAttempts) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(EXPIRE)
                .execute(Tuple.of(maxAttempts))
                .compose(
                    rows -> {
                      int parked = 0;
                      java.util.Set<String> woken = new java.util.TreeSet<>();
                      for (Row r : rows) {
                        if ("stuck".equals(r.getString(1))) {
                          parked++;
                        } else {
                          woken.add(r.getString(0));
                        }
                      }
                      Expired result =
                          new Expired(woken.isEmpty() ? 0 : rows.size() - parked, parked);
                      if (woken.isEmpty()) {
                        return Future.succeededFuture(result);
                      }
                      return conn.preparedQuery(NOTIFY)
                          .execute(Tuple.of(CHANNEL).addArrayOfString(woken.toArray(new String[0])))
                          .map(v -> result);
                    }));
  }

  /** One row per queue: depth, oldest age, at risk, breached, leased, stuck. */
  public Future<JsonArray> overview(OffsetDateTime atRiskCutoff) {
    return pool.preparedQuery(OVERVIEW)
        .execute(Tuple.of(atRiskCutoff))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              for (Row r : rows) {
                out.add(
                    new JsonObject()
                        .put("queue", r.getString(0))
                        .put("depth", r.getLong(1))
                        .put("oldest_age_seconds", r.getLong(2))
                        .put("at_risk", r.getLong(3))
                        .put("breached", r.getLong(4))
                        .put("leased", r.getLong(5))
                        .put("stuck", r.getLong(6)));
              }
              return out;
            });
  }

  /** Marks open items at risk or breached. Returns how many changed. */
  public Future<Integer> sweepSla(OffsetDateTime atRiskCutoff) {
    return pool.preparedQuery(SWEEP_SLA).execute(Tuple.of(atRiskCutoff)).map(r -> r.rowCount());
  }
}
