package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.intake.privacy.RecordSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQL of the complaint table: batch insert, and reads. */
public final class ComplaintStore {
  private static final Logger LOG = LoggerFactory.getLogger(ComplaintStore.class);

  /** Group-district reads that failed since start, for the log's back-off. */
  private final AtomicLong groupReadFailures = new AtomicLong();

  /**
   * The deadlines now in force, by the record's state: a record no decision has ended is due by its
   * verdict's (intake's, or its correction's); an accepted one by what the acceptance set ({@code
   * mediate_by}, kept in {@code complaint.deadlines}); a rejected, closed or transferred one by
   * none.
   */
  static final String DEADLINES_IN_FORCE =
      " (CASE c.state WHEN 'new' THEN coalesce((c.verdict -> 'deadlines')::jsonb, '{}'::jsonb)"
          + " WHEN 'accepted' THEN c.deadlines ELSE '{}'::jsonb END)::text";

  /**
   * A record's links as JSON text, for {@code complaint c}: its duplicates' ids, and its group
   * ({@code id, size, escalated, escalated_at}) or null; {@code escalated_at} at +08:00 to the
   * second, as the gateway writes its own times in operator views.
   *
   * <p>A record in two groups (its group merged into another through a later member: both
   * memberships are kept) links the one it is in now, the larger (set AH: a tyre shop's group of
   * five, escalated, whose two absorbed members still showed their group of two). A duplicate links
   * the group its original is in now: one more filing of a member's matter, also when the group
   * formed after it (a founder's re-filing).
   */
  public static final String LINK_COLUMNS =
      " (SELECT coalesce(json_agg(d.id ORDER BY d.received_at, d.id), '[]')"
          + "  FROM complaint d WHERE d.duplicate_of = c.id)::text,"
          + " (SELECT json_build_object('id', g.id, 'size', g.size,"
          + "   'escalated', g.escalated_at IS NOT NULL, 'escalated_at',"
          + "   to_char(g.escalated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
          + "   || '+08:00')"
          + "  FROM cluster_member m JOIN complaint_cluster g ON g.id = m.cluster_id"
          + "  WHERE m.complaint_id = coalesce(c.duplicate_of, c.id)"
          + "  ORDER BY g.size DESC, g.last_member_at DESC LIMIT 1)::text";

  static final String SELECT_BY_ID =
      "SELECT c.id, c.channel, c.source_id, c.type, c.received_at, c.created_at, c.state, c.queue,"
          + " c.record::text, c.verdict::text,"
          + LINK_COLUMNS
          + ","
          + DEADLINES_IN_FORCE
          + " FROM complaint c WHERE c.id = $1";

  /** A group's newest stored members whose queues decide an unplaced member's district. */
  static final int GROUP_DISTRICT_VOTERS = 32;

  /**
   * The district queues a group's complaints are in now, at most two: its {@value
   * #GROUP_DISTRICT_VOTERS} newest stored members (ids are time-ordered; the primary key's index
   * gives them without reading the rest) and the records that join the group with the one being
   * judged. Where they are now, not where intake sent them: a member a bureau sent back to triage
   * ("not our shop") no longer votes. Each id is looked up by the primary key, so that a storm of
   * thousands, in a table of millions, costs each of its unplaced members the same few index reads
   * as a storm of five: written as {@code id = ANY($2) OR id IN (members)}, the query scanned the
   * whole table, which at saturation cost PostgreSQL four to five times its CPU a request.
   */
  static final String GROUP_DISTRICTS =
      "SELECT DISTINCT c.queue FROM"
          + " (SELECT unnest($2::uuid[]) AS id"
          + "  UNION ALL (SELECT m.complaint_id FROM cluster_member m WHERE m.cluster_id = $1"
          + "   ORDER BY m.complaint_id DESC LIMIT "
          + GROUP_DISTRICT_VOTERS
          + ")) v JOIN complaint c ON c.id = v.id"
          + " WHERE c.type = 'complaint' AND c.queue ~ '^[0-9]{6}$' LIMIT 2";

  /** One row per unmasked read: who (an operator key's fingerprint) read which record, when. */
  static final String AUDIT_READ = "INSERT INTO pii_access (complaint_id, actor) VALUES ($1, $2)";

  private final Pool pool;
  private final ResponseDeadline deadline;
  private final ResponseDeadline reads;
  private final RecordSealer sealer;
  private final WakeUps wakeUps;

  /**
   * @param pool the writers' pool: batches and the readiness ping
   * @param deadline bounds every exchange on {@code pool}, so a hung database answers 503
   * @param reads bounds the exchanges of operator reads ({@link #findById}), on a pool of their
   *     own, so they never take a writer's connection nor wait behind one
   * @param sealer opens the sealed fields of the records read back
   */
  public ComplaintStore(
      Pool pool, ResponseDeadline deadline, ResponseDeadline reads, RecordSealer sealer) {
    this.pool = pool;
    this.deadline = deadline;
    this.reads = reads;
    this.sealer = sealer;
    this.wakeUps =
        new WakeUps(
            deadline.vertx(),
            WakeUps.INTERVAL_MS,
            System::nanoTime,
            queues -> BatchInsert.notifyQueues(pool, queues));
  }

  /** One pool for everything: for a store assembled by hand. */
  public ComplaintStore(Pool pool, ResponseDeadline deadline, RecordSealer sealer) {
    this(pool, deadline, deadline, sealer);
  }

  public Pool pool() {
    return pool;
  }

  /**
   * Inserts a batch in one transaction and tells, per record key, how it ended. The future
   * completes only after COMMIT, and fails with {@link DatabaseUnavailableException} when the
   * database does not answer within the deadline. The transaction is driven by {@link BatchInsert}
   * itself rather than {@code withTransaction}, whose BEGIN and COMMIT each cost a round trip of
   * their own.
   */
  public Future<Map<String, WriteResult>> insertBatch(List<PendingRecord> batch) {
    return deadline.onConnection(conn -> BatchInsert.run(conn, batch, wakeUps));
  }

  /**
   * Sends the queue wake-ups still waiting for their interval ({@link WakeUps}) now: called at a
   * stop, after the writers have drained and before the pool closes.
   */
  public Future<Void> flushWakeUps() {
    return wakeUps.flush();
  }

  /** Succeeds when the database answers a trivial query within the deadline. */
  public Future<Void> ping() {
    return deadline.onConnection(conn -> conn.query("SELECT 1").execute()).mapEmpty();
  }

  /**
   * The stored record, or empty, after recording in {@code pii_access} that {@code actor} read it
   * unmasked. The audit row commits before the future completes: no unmasked record leaves without
   * its audit, and an audit that fails fails the read.
   */
  public Future<Optional<StoredComplaint>> findAudited(UUID id, String actor) {
    return findById(id)
        .compose(
            found ->
                found.isEmpty()
                    ? Future.succeededFuture(found)
                    : reads
                        .onConnection(
                            conn -> conn.preparedQuery(AUDIT_READ).execute(Tuple.of(id, actor)))
                        .map(found));
  }

  /** Group-district reads that failed since start (their members went to triage). */
  public long groupDistrictFailures() {
    return groupReadFailures.get();
  }

  /**
   * The district a group's members were routed to when they agree on one, else null; null too when
   * the database does not answer, since the record is then better in triage than refused.
   */
  public Future<String> groupDistrict(UUID group, Collection<UUID> members) {
    return reads
        .onConnection(
            conn ->
                conn.preparedQuery(GROUP_DISTRICTS)
                    .execute(
                        Tuple.tuple().addUUID(group).addArrayOfUUID(members.toArray(new UUID[0]))))
        .map(rows -> rows.size() == 1 ? rows.iterator().next().getString(0) : null)
        .otherwise(
            failure -> {
              long n = groupReadFailures.incrementAndGet();
              if (Long.bitCount(n) == 1) { // the 1st, 2nd, 4th…: an outage must not flood the log
                LOG.warn(
                    "a group's district could not be read ({}); its unplaced member goes to"
                        + " triage ({} so far)",
                    failure.getClass().getName(),
                    n);
              }
              return null;
            });
  }

  /** The stored record with its sealed fields opened, or empty. */
  public Future<Optional<StoredComplaint>> findById(UUID id) {
    return reads
        .onConnection(conn -> conn.preparedQuery(SELECT_BY_ID).execute(Tuple.of(id)))
        .<Optional<StoredComplaint>>map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              UUID found = r.getUUID(0);
              return Optional.of(
                  new StoredComplaint(
                      found,
                      r.getString(1),
                      r.getString(2),
                      r.getString(3),
                      r.getOffsetDateTime(4),
                      r.getOffsetDateTime(5),
                      r.getString(6),
                      r.getString(7),
                      sealer.open(found, new JsonObject(r.getString(8))),
                      new JsonObject(r.getString(9)),
                      new JsonArray(r.getString(10)),
                      r.getString(11) == null ? null : new JsonObject(r.getString(11)),
                      new JsonObject(r.getString(12))));
            });
  }
}
