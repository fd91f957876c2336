package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.hotline.intake.verdict.Verdict;

/**
 * The SQL of handlers' decisions: on a leased item with its lease token, or closing one in
 * handling.
 */
final class DecisionStore {
  /**
   * A decision on a leased item as one statement (atomic on its own, one round trip): end the lease
   * and move the item (to handling on accept, to another queue on a transfer, out otherwise); log
   * the decision; set the record's state, deadlines, queue and district. No row comes back when the
   * lease is lost.
   */
  static final String DECIDE_LEASED =
      "WITH released AS (UPDATE queue_item SET state = $6,"
          + "  queue = coalesce($7::text, queue),"
          + "  enqueued_at = CASE WHEN $7::text IS NULL THEN enqueued_at ELSE now() END,"
          + "  attempts = CASE WHEN $7::text IS NULL THEN attempts ELSE 0 END,"
          // $13 '' (NO_DUE): the item has no deadline any more.
          + "  due_at = CASE WHEN $13::text = '' THEN NULL ELSE coalesce($10::timestamptz, due_at)"
          + "  END,"
          + "  due_deadline = CASE WHEN $13::text = '' THEN NULL"
          + "  ELSE coalesce($13::text, due_deadline) END,"
          + "  sla_state = CASE WHEN $10::timestamptz IS NULL AND $13::text IS DISTINCT FROM ''"
          + "  THEN sla_state ELSE 'ok' END,"
          + "  lease_token = NULL, lease_expires_at = NULL"
          + "  WHERE complaint_id = $1 AND lease_token = $2 AND state = 'leased'"
          + "  AND lease_expires_at > now() RETURNING complaint_id, queue),"
          + " logged AS (INSERT INTO complaint_decision"
          + "  (complaint_id, decision, reason, target, lease_token)"
          + "  SELECT complaint_id, $3, $4, $5, $2 FROM released),"
          + " stated AS (UPDATE complaint c SET state = $8, deadlines = c.deadlines || $9::text::jsonb,"
          + "  queue = coalesce($11::text, c.queue), district = coalesce($12::text, c.district)"
          + "  FROM released r WHERE c.id = r.complaint_id)"
          + " SELECT r.queue, (SELECT (c.verdict -> 'deadlines')::text FROM complaint c"
          + "  WHERE c.id = r.complaint_id) FROM released r";

  /** {@code close} of an accepted record in handling: no lease, the acceptance ended the claim. */
  static final String CLOSE_HANDLING =
      "WITH closed AS (UPDATE queue_item SET state = 'done'"
          + "  WHERE complaint_id = $1 AND state = 'handling' RETURNING complaint_id, queue),"
          + " logged AS (INSERT INTO complaint_decision (complaint_id, decision, reason)"
          + "  SELECT complaint_id, 'close', $2 FROM closed),"
          + " stated AS (UPDATE complaint c SET state = 'closed' FROM closed r"
          + "  WHERE c.id = r.complaint_id)"
          + " SELECT queue FROM closed";

  static final String RECEIVED_AT = "SELECT received_at FROM complaint WHERE id = $1";

  /**
   * What an acceptance depends on: when the record was received, its type, its intake deadlines.
   */
  static final String ACCEPTING =
      "SELECT received_at, type, (verdict -> 'deadlines')::text FROM complaint WHERE id = $1";

  /**
   * A record about to be accepted.
   *
   * @param deadlines its verdict's deadlines (those of intake, or of its correction)
   */
  record Accepting(OffsetDateTime receivedAt, String type, JsonObject deadlines) {}

  private final Pool pool;

  DecisionStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * What a decision does to the item and the record.
   *
   * @param itemState the queue item's next state: handling, ready (moved) or done
   * @param moveTo the queue the item moves to, or null when it stays
   * @param recordState the record's next state
   * @param deadlines deadlines the decision starts, merged into the record's
   * @param due the item's new deadline, name and time (mediate_by on accept), null to keep it, or
   *     {@link #NO_DUE} for none
   * @param recordQueue the record's new queue, or null to keep it
   * @param district the record's new district, or null to keep it
   */
  /** An {@link Effect#due} that leaves the item without a deadline. */
  static final Verdict.Due NO_DUE = new Verdict.Due("", null);

  record Effect(
      String itemState,
      String moveTo,
      String recordState,
      JsonObject deadlines,
      Verdict.Due due,
      String recordQueue,
      String district) {}

  /** The record an acceptance is about; empty when there is no such record. */
  Future<Optional<Accepting>> accepting(UUID id) {
    return pool.preparedQuery(ACCEPTING)
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              String deadlines = r.getString(2);
              return Optional.of(
                  new Accepting(
                      r.getOffsetDateTime(0),
                      r.getString(1),
                      deadlines == null ? new JsonObject() : new JsonObject(deadlines)));
            });
  }

  /** When the record was received; empty when there is no such record. */
  Future<Optional<OffsetDateTime>> receivedAt(UUID id) {
    return pool.preparedQuery(RECEIVED_AT)
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getOffsetDateTime(0)));
  }

  /**
   * Applies a decision on a leased item and wakes the queue it moved to. Succeeds with the record's
   * verdict deadlines (those of its intake, or of its correction); fails with {@link
   * QueueException} when the lease is lost or there is no such record.
   */
  Future<JsonObject> decideLeased(QueueService.Decision d, Effect e) {
    Tuple args =
        Tuple.tuple()
            .addUUID(d.complaintId())
            .addUUID(d.leaseToken())
            .addString(d.decision())
            .addString(d.reason())
            .addString(d.target())
            .addString(e.itemState())
            .addString(e.moveTo())
            .addString(e.recordState())
            .addString(e.deadlines().encode())
            .addOffsetDateTime(Verdict.Due.atOf(e.due()))
            .addString(e.recordQueue())
            .addString(e.district())
            .addString(Verdict.Due.nameOf(e.due()));
    return pool.preparedQuery(DECIDE_LEASED)
        .execute(args)
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return refusal(d.complaintId(), lost());
              }
              String deadlines = rows.iterator().next().getString(1);
              JsonObject verdictDeadlines =
                  deadlines == null ? new JsonObject() : new JsonObject(deadlines);
              return notify(e.moveTo()).map(v -> verdictDeadlines);
            });
  }

  /** Closes a record in handling. Fails with {@link QueueException} when it is not in handling. */
  Future<Void> closeHandling(UUID id, String reason) {
    return pool.preparedQuery(CLOSE_HANDLING)
        .execute(Tuple.of(id, reason))
        .compose(
            rows ->
                rows.size() == 0
                    ? refusal(
                        id,
                        new QueueException(
                            QueueException.Reason.NOT_IN_HANDLING,
                            "this record is not in handling: decide a claimed item with its"
                                + " lease_token"))
                    : Future.succeededFuture());
  }

  private Future<Void> notify(String queue) {
    if (queue == null) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("SELECT pg_notify($1, $2)")
        .execute(Tuple.of(QueueStore.CHANNEL, queue))
        .mapEmpty();
  }

  /** 404 when the record does not exist, else the given refusal. */
  private <T> Future<T> refusal(UUID id, QueueException otherwise) {
    return receivedAt(id)
        .compose(
            found ->
                Future.failedFuture(found.isPresent() ? otherwise : QueueException.notFound()));
  }

  private static QueueException lost() {
    return new QueueException(
        QueueException.Reason.LEASE_LOST,
        "this lease expired or was already used; claim the item again");
  }
}
