package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hotline.intake.privacy.RecordSealer;

/** The SQL of the complaint table: batch insert, and reads. */
public final class ComplaintStore {
  static final String SELECT_BY_ID =
      "SELECT c.id, c.channel, c.source_id, c.type, c.received_at, c.created_at, c.state, c.queue,"
          + " c.record::text, c.verdict::text,"
          + " (SELECT coalesce(json_agg(d.id ORDER BY d.received_at, d.id), '[]')"
          + "  FROM complaint d WHERE d.duplicate_of = c.id)::text,"
          + " (SELECT json_build_object('id', g.id, 'size', g.size,"
          + "   'escalated', g.escalated_at IS NOT NULL, 'escalated_at', g.escalated_at)"
          + "  FROM cluster_member m JOIN complaint_cluster g ON g.id = m.cluster_id"
          + "  WHERE m.complaint_id = c.id LIMIT 1)::text"
          + " FROM complaint c WHERE c.id = $1";

  /** One row per unmasked read: who (an operator key's fingerprint) read which record, when. */
  static final String AUDIT_READ = "INSERT INTO pii_access (complaint_id, actor) VALUES ($1, $2)";

  private final Pool pool;
  private final RecordSealer sealer;

  /**
   * @param sealer opens the sealed fields of the records read back
   */
  public ComplaintStore(Pool pool, RecordSealer sealer) {
    this.pool = pool;
    this.sealer = sealer;
  }

  public Pool pool() {
    return pool;
  }

  /**
   * Inserts a batch in one transaction and tells, per record key, how it ended. The future
   * completes only after COMMIT.
   */
  public Future<Map<String, WriteResult>> insertBatch(List<PendingRecord> batch) {
    return pool.withTransaction(conn -> BatchInsert.run(conn, batch))
        .recover(DatabaseUnavailableException::translate);
  }

  /** Succeeds when the database answers a trivial query. */
  public Future<Void> ping() {
    return pool.query("SELECT 1")
        .execute()
        .<Void>mapEmpty()
        .recover(DatabaseUnavailableException::translate);
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
                    : pool.preparedQuery(AUDIT_READ)
                        .execute(Tuple.of(id, actor))
                        .map(found)
                        .recover(DatabaseUnavailableException::translate));
  }

  /** The stored record with its sealed fields opened, or empty. */
  public Future<Optional<StoredComplaint>> findById(UUID id) {
    return pool.preparedQuery(SELECT_BY_ID)
        .execute(Tuple.of(id))
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
                      r.getString(11) == null ? null : new JsonObject(r.getString(11))));
            })
        .recover(DatabaseUnavailableException::translate);
  }
}
