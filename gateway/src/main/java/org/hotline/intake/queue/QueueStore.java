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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hotline.intake.privacy.RecordSealer;
import org.hotline.intake.store.StoredComplaint;

/**
 * The SQL of the district queues' work: claims with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * leases handed back or expired, stuck items listed and requeued, the SLA sweep and the per-queue
 * overview. Decisions are in {@link DecisionStore}, verdict corrections in {@link CorrectionStore}.
 */
public final class QueueStore {
  /** The LISTEN/NOTIFY channel on which new or returned work is announced, queue as payload. */
  public static final String CHANNEL = "intake_queue";

  /** The complaint columns an operator sees of a queued item, after the item's own columns. */
  static final String COMPLAINT_COLUMNS =
      " c.channel, c.source_id, c.type, c.received_at, c.created_at, c.state, c.queue,"
          + " c.record::text, c.verdict::text,"
          + org.hotline.intake.store.ComplaintStore.LINK_COLUMNS;

  /**
   * Concurrent claimers skip each other's locked rows instead of waiting on them, so eight claimers
   * on one queue each get different items at once.
   */
  static final String CLAIM =
      "WITH picked AS (SELECT complaint_id FROM queue_item"
          + "  WHERE queue = $1 AND state = 'ready'"
          + "  ORDER BY due_at NULLS LAST, enqueued_at, complaint_id"
          + "  LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + " leased AS (UPDATE queue_item q SET state = 'leased', lease_token = gen_random_uuid(),"
          + "  lease_expires_at = now() + make_interval(secs => $3), attempts = q.attempts + 1"
          + "  FROM picked WHERE q.complaint_id = picked.complaint_id"
          + "  RETURNING q.complaint_id, q.lease_token, q.lease_expires_at, q.due_at, q.enqueued_at)"
          + " SELECT l.complaint_id, l.lease_token, l.lease_expires_at,"
          + COMPLAINT_COLUMNS
          + " FROM leased l JOIN complaint c ON c.id = l.complaint_id"
          + " ORDER BY l.due_at NULLS LAST, l.enqueued_at, l.complaint_id";

  /**
   * Leases nobody received go back at once, and the claim that took them does not count as an
   * attempt. The NOTIFY wakes the queue's other claimers when the statement commits.
   */
  static final String RELEASE =
      "WITH back AS (UPDATE queue_item q SET state = 'ready', lease_token = NULL,"
          + "  lease_expires_at = NULL, attempts = greatest(q.attempts - 1, 0)"
          + "  FROM unnest($1::uuid[], $2::uuid[]) AS t(id, token)"
          + "  WHERE q.complaint_id = t.id AND q.lease_token = t.token AND q.state = 'leased'"
          + "  RETURNING q.queue)"
          + " SELECT pg_notify('"
          + CHANNEL
          + "', queue) FROM (SELECT DISTINCT queue FROM back) b";

  /** Lost leases go back to their queue, or are parked as stuck after too many attempts. */
  static final String EXPIRE =
      "UPDATE queue_item SET state = CASE WHEN attempts >= $1 THEN 'stuck' ELSE 'ready' END,"
          + " lease_token = NULL, lease_expires_at = NULL"
          + " WHERE state = 'leased' AND lease_expires_at <= now() RETURNING queue, state";

  static final String NOTIFY = "SELECT pg_notify($1, q) FROM unnest($2::text[]) AS q";

  /**
   * Per queue: waiting (ready or leased), the oldest of them (a leased item is not decided yet: a
   * queue whose every item is held by a lease is not fresh), and in handling (accepted, until
   * closed). At risk and breached count every open item, handling and stuck ones included, so no
   * stage of the work is off the clock; the handling stage also has its own pair.
   */
  static final String OVERVIEW =
      "SELECT queue, count(*) FILTER (WHERE state IN ('ready', 'leased')),"
          + " coalesce(extract(epoch FROM now()"
          + " - min(enqueued_at) FILTER (WHERE state IN ('ready', 'leased'))),"
          + " 0)::bigint,"
          + " count(*) FILTER (WHERE due_at >= now() AND due_at <= $1),"
          + " count(*) FILTER (WHERE due_at < now()),"
          + " count(*) FILTER (WHERE state = 'leased'), count(*) FILTER (WHERE state = 'stuck'),"
          + " count(*) FILTER (WHERE state = 'handling'),"
          + " count(*) FILTER (WHERE state = 'handling' AND due_at >= now() AND due_at <= $1),"
          + " count(*) FILTER (WHERE state = 'handling' AND due_at < now())"
          + " FROM queue_item WHERE state <> 'done' GROUP BY queue ORDER BY queue";

  /**
   * Open items past their due time not yet marked breached. Only the breach is stored: it is what
   * the sweep counts, once per item and deadline. Whether an item is at risk is read from its
   * {@code due_at} by whoever asks (the overview, the metrics, the board); until 2026-12-02 the
   * sweep stored that too, which nothing read, and every item received on a working day shares the
   * same end-of-day due time, so one sweep rewrote tens of thousands of rows at once (47,786 in one
   * minute of a benchmark), their WAL competing with intake's commits (BENCHMARKS.md, "What else
   * runs during an open-model step after a backlog").
   */
  private static final String SLA_STALE =
      "state IN ('ready', 'leased', 'stuck', 'handling') AND due_at < now()"
          + " AND sla_state <> 'breached'";

  /**
   * The sweeper's first step: up to $1 items to mark breached, found without locking anything.
   * Claims take items {@code FOR UPDATE SKIP LOCKED}, so an item the sweeper holds locked is passed
   * over by a claim running meanwhile; a single {@code UPDATE} over the whole queue held each item
   * it changed until its scan of every open item ended.
   */
  static final String SLA_CHANGING =
      "SELECT complaint_id FROM queue_item WHERE " + SLA_STALE + " LIMIT $1";

  /**
   * The second step: those items by key, the state checked again (another node may have swept them
   * meanwhile, and then this changes nothing, so each change is made and counted once).
   */
  static final String SLA_CHANGE =
      "UPDATE queue_item SET sla_state = 'breached' WHERE complaint_id = ANY($1::uuid[]) AND "
          + SLA_STALE
          + " RETURNING queue, sla_state, due_deadline";

  /** Items changed per {@link #SLA_CHANGE}: each statement's locks are held briefly. */
  static final int SLA_SWEEP_CHUNK = 1_000;

  /** Chunks one sweep runs at most; what is left waits for the next sweep. */
  static final int SLA_SWEEP_MAX_CHUNKS = 1_000;

  static final String STUCK =
      "SELECT q.complaint_id, q.attempts, q.enqueued_at,"
          + COMPLAINT_COLUMNS
          + " FROM queue_item q JOIN complaint c ON c.id = q.complaint_id"
          + " WHERE q.queue = $1 AND q.state = 'stuck' ORDER BY q.enqueued_at, q.complaint_id"
          + " LIMIT $2";

  /**
   * A stuck item back in its queue with a clean slate; it keeps its place (its enqueued_at). The
   * item's own row is locked and its state tested in one statement: a requeue that waited for
   * another's lock sees the state that one left (ready, or leased by a claim since) and changes
   * nothing. Locking the record's row and reading the item through a join would test the item as it
   * was before the wait, so two requeues at once each put it back, the second over a lease just
   * handed out. Answers the queue and the attempts it had, or no row.
   */
  static final String REQUEUE =
      "WITH stuck AS (SELECT complaint_id, queue, attempts FROM queue_item"
          + "  WHERE complaint_id = $1 AND state = 'stuck' FOR UPDATE)"
          + " UPDATE queue_item q SET state = 'ready', attempts = 0, lease_token = NULL,"
          + " lease_expires_at = NULL FROM stuck WHERE q.complaint_id = stuck.complaint_id"
          + " RETURNING stuck.queue, stuck.attempts";

  static final String RECORD_EXISTS = "SELECT 1 FROM complaint WHERE id = $1";

  static final String RECORD_CORRECTION =
      "INSERT INTO complaint_correction (complaint_id, action, actor, reason, before, after)"
          + " VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb)";

  private final Pool pool;
  private final RecordSealer sealer;

  /**
   * @param sealer opens the sealed fields of the records that claims and stuck lists read
   */
  public QueueStore(Pool pool, RecordSealer sealer) {
    this.pool = pool;
    this.sealer = sealer;
  }

  /** A claimed item: the record and the lease that lets its holder decide it. */
  public record Claimed(
      StoredComplaint complaint, UUID leaseToken, OffsetDateTime leaseExpiresAt) {}

  /** An item parked after too many lost leases. */
  public record Stuck(StoredComplaint complaint, int attempts, OffsetDateTime enqueuedAt) {}

  public Future<List<Claimed>> claim(String queue, int max, int leaseSeconds) {
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(queue, max, leaseSeconds))
        .map(
            rows -> {
              List<Claimed> items = new ArrayList<>();
              for (Row r : rows) {
                items.add(new Claimed(complaintOf(r, 3), r.getUUID(1), r.getOffsetDateTime(2)));
              }
              return items;
            });
  }

  /** Hands leases back to their queues without counting an attempt, and wakes those queues. */
  public Future<Void> release(List<Claimed> items) {
    UUID[] ids = items.stream().map(c -> c.complaint().id()).toArray(UUID[]::new);
    UUID[] tokens = items.stream().map(Claimed::leaseToken).toArray(UUID[]::new);
    return pool.preparedQuery(RELEASE)
        .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfUUID(tokens))
        .mapEmpty();
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
                      Set<String> woken = new TreeSet<>();
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

  /** The overview's row of a queue with no open item. */
  static JsonObject emptyRow(String queue) {
    JsonObject row = new JsonObject().put("queue", queue);
    for (String count :
        List.of(
            "depth",
            "oldest_age_seconds",
            "at_risk",
            "breached",
            "leased",
            "stuck",
            "handling",
            "handling_at_risk",
            "handling_breached")) {
      row.put(count, 0L);
    }
    return row;
  }

  /** One row per queue: waiting, in handling, oldest age, at risk, breached, leased, stuck. */
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
                        .put("stuck", r.getLong(6))
                        .put("handling", r.getLong(7))
                        .put("handling_at_risk", r.getLong(8))
                        .put("handling_breached", r.getLong(9)));
              }
              return out;
            });
  }

  /** Marks open items past due as breached. Returns how many changed. */
  public Future<Integer> sweepSla() {
    return sweepSla(pool, SLA_SWEEP_CHUNK).map(List::size);
  }

  /**
   * The SLA sweep in chunks of {@code chunk} items: each found without a lock, then changed by key.
   * Returns each changed item's queue, new state and deadline name.
   */
  static Future<List<Row>> sweepSla(Pool pool, int chunk) {
    List<Row> changed = new ArrayList<>();
    return sweepChunk(pool, chunk, changed, 0).map(v -> changed);
  }

  private static Future<Void> sweepChunk(Pool pool, int chunk, List<Row> changed, int done) {
    return pool.preparedQuery(SLA_CHANGING)
        .execute(Tuple.of(chunk))
        .compose(
            found -> {
              List<UUID> ids = new ArrayList<>(found.size());
              found.forEach(r -> ids.add(r.getUUID(0)));
              if (ids.isEmpty()) {
                return Future.succeededFuture();
              }
              return pool.preparedQuery(SLA_CHANGE)
                  .execute(Tuple.of((Object) ids.toArray(UUID[]::new)))
                  .compose(
                      rows -> {
                        rows.forEach(changed::add);
                        return ids.size() < chunk || done + 1 >= SLA_SWEEP_MAX_CHUNKS
                            ? Future.succeededFuture()
                            : sweepChunk(pool, chunk, changed, done + 1);
                      });
            });
  }

  /** A queue's stuck items, oldest first. */
  public Future<List<Stuck>> stuck(String queue, int limit) {
    return pool.preparedQuery(STUCK)
        .execute(Tuple.of(queue, limit))
        .map(
            rows -> {
              List<Stuck> items = new ArrayList<>();
              for (Row r : rows) {
                items.add(new Stuck(complaintOf(r, 3), r.getInteger(1), r.getOffsetDateTime(2)));
              }
              return items;
            });
  }

  /**
   * Puts a stuck item back in its queue, attempts reset, and records who did it and why, in one
   * transaction. Fails with {@link QueueException} when there is no such record or it is not stuck.
   *
   * @return the queue it went back to
   */
  public Future<String> requeue(UUID id, String actor, String reason) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(REQUEUE)
                .execute(Tuple.of(id))
                .compose(
                    rows -> {
                      if (rows.size() == 0) {
                        return conn.preparedQuery(RECORD_EXISTS)
                            .execute(Tuple.of(id))
                            .compose(
                                found ->
                                    Future.failedFuture(
                                        found.size() == 0
                                            ? QueueException.notFound()
                                            : new QueueException(
                                                QueueException.Reason.NOT_STUCK,
                                                "this record is not stuck: only stuck items are"
                                                    + " requeued")));
                      }
                      Row r = rows.iterator().next();
                      String queue = r.getString(0);
                      JsonObject before =
                          new JsonObject()
                              .put("state", "stuck")
                              .put("queue", queue)
                              .put("attempts", r.getInteger(1));
                      JsonObject after =
                          new JsonObject()
                              .put("state", "ready")
                              .put("queue", queue)
                              .put("attempts", 0);
                      return conn.preparedQuery(RECORD_CORRECTION)
                          .execute(correction(id, "requeue", actor, reason, before, after))
                          .compose(
                              v ->
                                  conn.preparedQuery(NOTIFY)
                                      .execute(
                                          Tuple.of(CHANNEL).addArrayOfString(new String[] {queue})))
                          .map(v -> queue);
                    }));
  }

  static Tuple correction(
      UUID id, String action, String actor, String reason, JsonObject before, JsonObject after) {
    return Tuple.of(id, action, actor, reason, before.encode(), after.encode());
  }

  /**
   * The record of a row whose complaint columns ({@link #COMPLAINT_COLUMNS}) start at {@code i},
   * its sealed fields opened and its links read, as a handler holding it needs them (an escalated
   * group above all). A claimed or stuck item is one no decision has ended, so its verdict's
   * deadlines are the ones in force.
   */
  private StoredComplaint complaintOf(Row r, int i) {
    UUID id = r.getUUID(0);
    JsonObject verdict = new JsonObject(r.getString(i + 8));
    return new StoredComplaint(
        id,
        r.getString(i),
        r.getString(i + 1),
        r.getString(i + 2),
        r.getOffsetDateTime(i + 3),
        r.getOffsetDateTime(i + 4),
        r.getString(i + 5),
        r.getString(i + 6),
        sealer.open(id, new JsonObject(r.getString(i + 7))),
        verdict,
        new io.vertx.core.json.JsonArray(r.getString(i + 9)),
        r.getString(i + 10) == null ? null : new JsonObject(r.getString(i + 10)),
        verdict.getJsonObject("deadlines", new JsonObject()));
  }
}
