package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hotline.intake.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements of one group-commit batch and its transaction: one INSERT for all complaint rows,
 * one look-up for rows that already existed, one upsert for the groups and one insert for group
 * memberships. Each is a single statement over arrays, whatever the batch size, and they go out
 * pipelined in two round trips.
 */
final class BatchInsert {
  private static final Logger LOG = LoggerFactory.getLogger(BatchInsert.class);

  /** The LISTEN/NOTIFY channel on which new work is announced, with the queue as payload. */
  static final String QUEUE_CHANNEL = "intake_queue";

  static final String INSERT_COMPLAINTS =
      "INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at, queue,"
          + " record, verdict, blocking_key, fingerprint, duplicate_of, cluster_id, grievance,"
          + " pii_key)"
          + " SELECT id, channel, source_id, content_hash, type, received_at, queue,"
          + " record::jsonb, verdict::jsonb, blocking_key, fingerprint, duplicate_of, cluster_id,"
          + " grievance, pii_key"
          + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::text[],"
          + " $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bytea[],"
          + " $12::uuid[], $13::uuid[], $14::text[], $15::text[])"
          + " AS t(id, channel, source_id, content_hash, type, received_at, queue, record, verdict,"
          + " blocking_key, fingerprint, duplicate_of, cluster_id, grievance, pii_key)"
          + " ON CONFLICT (channel, source_id) DO NOTHING RETURNING id";

  static final String SELECT_EXISTING =
      "SELECT c.channel, c.source_id, c.content_hash, c.verdict::text FROM complaint c"
          + " JOIN unnest($1::text[], $2::text[]) AS k(channel, source_id)"
          + " ON c.channel = k.channel AND c.source_id = k.source_id";

  /** Which link targets this transaction sees: committed before it, or inserted by it. */
  static final String SELECT_COMMITTED = "SELECT id FROM complaint WHERE id = ANY($1::uuid[])";

  static final String UNLINK =
      "UPDATE complaint c SET verdict = t.verdict::jsonb, queue = t.queue, duplicate_of = NULL,"
          + " cluster_id = NULL FROM unnest($1::uuid[], $2::text[], $3::text[])"
          + " AS t(id, verdict, queue) WHERE c.id = t.id";

  /** Sizes only grow: a batch that saw a smaller size than a concurrent one must not shrink it. */
  static final String UPSERT_CLUSTERS =
      "INSERT INTO complaint_cluster (id, blocking_key, size, escalated_at, last_member_at)"
          + " SELECT id, blocking_key, size, CASE WHEN escalated THEN now() END, now()"
          + " FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bool[])"
          + " AS t(id, blocking_key, size, escalated)"
          + " ON CONFLICT (id) DO UPDATE SET size = GREATEST(complaint_cluster.size, EXCLUDED.size),"
          + " escalated_at = COALESCE(complaint_cluster.escalated_at, EXCLUDED.escalated_at),"
          + " last_member_at = EXCLUDED.last_member_at";

  static final String INSERT_MEMBERS =
      "INSERT INTO cluster_member (cluster_id, complaint_id)"
          + " SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING";

  /**
   * What follows the stored records, in one statement: their queue items, the records counted in
   * the board's per-minute intake ({@code intake_minute}: one row per minute and backend, so
   * concurrent writers never wait on each other's row), and a NOTIFY per queue that got work.
   * NOTIFY is transactional: claimers are woken only once the batch has committed.
   */
  static final String AFTER_INSERT =
      "WITH items AS (INSERT INTO queue_item (complaint_id, queue, due_at, due_deadline)"
          + "  SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[])"
          + "  RETURNING queue),"
          + " counted AS (INSERT INTO intake_minute (minute, backend, records)"
          + "  SELECT date_trunc('minute', now()), pg_backend_pid(), $5 WHERE $5 > 0"
          + "  ON CONFLICT (minute, backend) DO UPDATE"
          + "  SET records = intake_minute.records + EXCLUDED.records)"
          + " SELECT pg_notify('"
          + QUEUE_CHANNEL
          + "', q.queue) FROM (SELECT DISTINCT queue FROM items) q";

  private BatchInsert() {}

  /**
   * Runs the batch's transaction on {@code conn} in two round trips, pipelined: BEGIN, the INSERT
   * and the look-up of link targets go out together; once their answers are in, the demotions, the
   * groups, the queue entries, the NOTIFY, the look-up of conflicting rows and COMMIT go out
   * together. A statement sees what the earlier ones of its transaction wrote, so the look-up of
   * targets finds rows inserted by this very batch. The future succeeds only when every statement
   * and the COMMIT did; on any failure the transaction is rolled back before the connection is
   * given back (a COMMIT in a failed transaction only rolls back).
   */
  static Future<Map<String, WriteResult>> run(SqlConnection conn, List<PendingRecord> batch) {
    Future<?> begin = conn.query("BEGIN").execute();
    Future<RowSet<Row>> insert =
        conn.preparedQuery(INSERT_COMPLAINTS).execute(complaintArrays(batch));
    Future<Set<UUID>> visible = visibleTargets(conn, batch);
    return Future.all(begin, insert, visible)
        .compose(v -> finish(conn, batch, inserted(insert.result()), visible.result()))
        .recover(e -> conn.query("ROLLBACK").execute().transform(r -> Future.failedFuture(e)));
  }

  private static Set<UUID> inserted(RowSet<Row> rows) {
    Set<UUID> inserted = new HashSet<>();
    for (Row row : rows) {
      inserted.add(row.getUUID(0));
    }
    return inserted;
  }

  /** The batch's link targets that this transaction sees: committed before it, or its own rows. */
  private static Future<Set<UUID>> visibleTargets(SqlConnection conn, List<PendingRecord> batch) {
    Set<UUID> targets = new HashSet<>();
    batch.forEach(r -> targets.addAll(r.linkTargets()));
    if (targets.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return conn.preparedQuery(SELECT_COMMITTED)
        .execute(Tuple.tuple().addArrayOfUUID(targets.toArray(UUID[]::new)))
        .map(
            rows -> {
              Set<UUID> committed = new HashSet<>();
              rows.forEach(row -> committed.add(row.getUUID(0)));
              return committed;
            });
  }

  /** The second round trip: everything that depends on what the INSERT stored, then COMMIT. */
  private static Future<Map<String, WriteResult>> finish(
      SqlConnection conn, List<PendingRecord> batch, Set<UUID> inserted, Set<UUID> visible) {
    List<PendingRecord> conflicts = new ArrayList<>();
    List<PendingRecord> confirmed = new ArrayList<>();
    List<PendingRecord> demoted = new ArrayList<>();
    for (PendingRecord r : batch) {
      if (!inserted.contains(r.id())) {
        conflicts.add(r);
      } else if (visible.containsAll(r.linkTargets())) {
        confirmed.add(r);
      } else {
        // A duplicate is never queued, so a link to a record that failed to commit would lose the
        // complaint; demoted, it is queued on its own and answered as such.
        PendingRecord d = r.demoted();
        confirmed.add(d);
        demoted.add(d);
      }
    }
    Map<String, WriteResult> results = new HashMap<>();
    confirmed.forEach(r -> results.put(r.key(), new WriteResult.Stored(r.verdict().toJson())));
    List<Future<?>> statements = new ArrayList<>();
    if (!demoted.isEmpty()) {
      statements.add(unlink(conn, demoted));
    }
    statements.add(storeClusters(conn, confirmed));
    statements.add(afterInsert(conn, confirmed, inserted.size()));
    if (!conflicts.isEmpty()) {
      statements.add(lookupExisting(conn, conflicts, results));
    }
    statements.add(conn.query("COMMIT").execute());
    return Future.all(statements).map(results);
  }

  private static Future<Void> unlink(SqlConnection conn, List<PendingRecord> demoted) {
    LOG.warn(
        "{} records linked to records that were not committed; stored as accepted instead",
        demoted.size());
    return conn.preparedQuery(UNLINK)
        .execute(
            Tuple.tuple()
                .addArrayOfUUID(demoted.stream().map(PendingRecord::id).toArray(UUID[]::new))
                .addArrayOfString(
                    demoted.stream().map(r -> r.verdict().toJson().encode()).toArray(String[]::new))
                .addArrayOfString(
                    demoted.stream().map(r -> r.verdict().queue()).toArray(String[]::new)))
        .mapEmpty();
  }

  private static Tuple complaintArrays(List<PendingRecord> batch) {
    int n = batch.size();
    UUID[] ids = new UUID[n];
    String[] channels = new String[n];
    String[] sourceIds = new String[n];
    Buffer[] hashes = new Buffer[n];
    String[] types = new String[n];
    OffsetDateTime[] received = new OffsetDateTime[n];
    String[] queues = new String[n];
    String[] records = new String[n];
    String[] verdicts = new String[n];
    String[] blockingKeys = new String[n];
    Buffer[] fingerprints = new Buffer[n];
    UUID[] duplicateOf = new UUID[n];
    UUID[] clusterIds = new UUID[n];
    String[] grievances = new String[n];
    String[] piiKeys = new String[n];
    for (int i = 0; i < n; i++) {
      PendingRecord r = batch.get(i);
      ids[i] = r.id();
      channels[i] = r.channel();
      sourceIds[i] = r.sourceId();
      hashes[i] = Buffer.buffer(r.contentHash());
      types[i] = r.type();
      received[i] = r.receivedAt();
      queues[i] = r.verdict().queue();
      records[i] = r.record();
      verdicts[i] = r.verdict().toJson().encode();
      blockingKeys[i] = r.blockingKey();
      fingerprints[i] = r.fingerprint() == null ? null : Buffer.buffer(r.fingerprint());
      duplicateOf[i] = r.verdict().duplicateOf();
      clusterIds[i] = r.verdict().clusterId();
      grievances[i] = r.verdict().grievance();
      piiKeys[i] = r.piiKey();
    }
    return Tuple.tuple()
        .addArrayOfUUID(ids)
        .addArrayOfString(channels)
        .addArrayOfString(sourceIds)
        .addArrayOfBuffer(hashes)
        .addArrayOfString(types)
        .addArrayOfOffsetDateTime(received)
        .addArrayOfString(queues)
        .addArrayOfString(records)
        .addArrayOfString(verdicts)
        .addArrayOfString(blockingKeys)
        .addArrayOfBuffer(fingerprints)
        .addArrayOfUUID(duplicateOf)
        .addArrayOfUUID(clusterIds)
        .addArrayOfString(grievances)
        .addArrayOfString(piiKeys);
  }

  /**
   * Queue entries for the stored records that are queued (a duplicate is not), the intake count of
   * the {@code inserted} new rows, and the queues' NOTIFY: {@link #AFTER_INSERT}.
   */
  private static Future<Void> afterInsert(
      SqlConnection conn, List<PendingRecord> stored, int inserted) {
    List<PendingRecord> queued = stored.stream().filter(r -> r.verdict().queue() != null).toList();
    if (queued.isEmpty() && inserted == 0) {
      return Future.succeededFuture();
    }
    int n = queued.size();
    UUID[] ids = new UUID[n];
    String[] queues = new String[n];
    OffsetDateTime[] due = new OffsetDateTime[n];
    String[] dueNames = new String[n];
    for (int i = 0; i < n; i++) {
      PendingRecord r = queued.get(i);
      ids[i] = r.id();
      queues[i] = r.verdict().queue();
      Verdict.Due d = r.verdict().nearestDue();
      due[i] = Verdict.Due.atOf(d);
      dueNames[i] = Verdict.Due.nameOf(d);
    }
    return conn.preparedQuery(AFTER_INSERT)
        .execute(
            Tuple.tuple()
                .addArrayOfUUID(ids)
                .addArrayOfString(queues)
                .addArrayOfOffsetDateTime(due)
                .addArrayOfString(dueNames)
                .addInteger(inserted))
        .mapEmpty();
  }

  /** One upsert row per group (a statement may not touch a row twice), in id order. */
  private static Future<Void> storeClusters(SqlConnection conn, List<PendingRecord> stored) {
    TreeMap<UUID, PendingRecord> largest = new TreeMap<>();
    TreeMap<String, UUID[]> members = new TreeMap<>();
    for (PendingRecord r : stored) {
      UUID cluster = r.verdict().clusterId();
      if (cluster == null) {
        continue;
      }
      largest.merge(
          cluster, r, (a, b) -> a.verdict().clusterSize() >= b.verdict().clusterSize() ? a : b);
      members.put(cluster + "/" + r.id(), new UUID[] {cluster, r.id()});
      for (UUID earlier : r.joinedWith()) {
        members.put(cluster + "/" + earlier, new UUID[] {cluster, earlier});
      }
    }
    if (largest.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = largest.size();
    UUID[] ids = new UUID[n];
    String[] keys = new String[n];
    Integer[] sizes = new Integer[n];
    Boolean[] escalated = new Boolean[n];
    int i = 0;
    for (var e : largest.entrySet()) {
      ids[i] = e.getKey();
      keys[i] = e.getValue().blockingKey();
      sizes[i] = e.getValue().verdict().clusterSize();
      escalated[i] =
          stored.stream()
              .anyMatch(r -> e.getKey().equals(r.verdict().clusterId()) && r.escalated());
      i++;
    }
    UUID[] memberClusters = members.values().stream().map(m -> m[0]).toArray(UUID[]::new);
    UUID[] memberIds = members.values().stream().map(m -> m[1]).toArray(UUID[]::new);
    // Pipelined: the memberships follow the upsert in the same transaction, so they see it.
    Future<?> clusters =
        conn.preparedQuery(UPSERT_CLUSTERS)
            .execute(
                Tuple.tuple()
                    .addArrayOfUUID(ids)
                    .addArrayOfString(keys)
                    .addArrayOfInteger(sizes)
                    .addArrayOfBoolean(escalated));
    Future<?> memberships =
        conn.preparedQuery(INSERT_MEMBERS)
            .execute(Tuple.tuple().addArrayOfUUID(memberClusters).addArrayOfUUID(memberIds));
    return Future.all(clusters, memberships).mapEmpty();
  }

  private static Future<Map<String, WriteResult>> lookupExisting(
      SqlConnection conn, List<PendingRecord> conflicts, Map<String, WriteResult> results) {
    String[] channels = conflicts.stream().map(PendingRecord::channel).toArray(String[]::new);
    String[] sourceIds = conflicts.stream().map(PendingRecord::sourceId).toArray(String[]::new);
    return conn.preparedQuery(SELECT_EXISTING)
        .execute(Tuple.tuple().addArrayOfString(channels).addArrayOfString(sourceIds))
        .map(
            rows -> {
              for (Row row : rows) {
                String key = PendingRecord.idempotencyKey(row.getString(0), row.getString(1));
                results.put(
                    key,
                    new WriteResult.Existing(
                        row.getBuffer(2).getBytes(), new JsonObject(row.getString(3))));
              }
              return results;
            });
  }
}
