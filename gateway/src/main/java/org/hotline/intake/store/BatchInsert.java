package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.impl.SqlClientInternal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hotline.intake.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements of one group-commit batch and its transaction: one INSERT for all complaint rows,
 * a look-up of which link targets are there when the batch has any, one statement for everything
 * that follows the rows (groups, memberships, queue items, the intake count, NOTIFY), and a look-up
 * for rows that already existed when there are any. Each is a single statement over arrays,
 * whatever the batch size, and they go out pipelined in two round trips.
 *
 * <p>Four statements a batch with BEGIN and COMMIT (five with link targets), where there were
 * seven: each statement costs the database a bind, a plan, an executor and an answer, and the
 * client an encoding and a decoding, whatever rows it carries (BENCHMARKS.md, "Three statements
 * fewer a batch").
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
          + " record::json, verdict::json, blocking_key, fingerprint, duplicate_of, cluster_id,"
          + " grievance, pii_key"
          + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::text[],"
          + " $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bytea[],"
          + " $12::uuid[], $13::uuid[], $14::text[], $15::text[])"
          + " AS t(id, channel, source_id, content_hash, type, received_at, queue, record, verdict,"
          + " blocking_key, fingerprint, duplicate_of, cluster_id, grievance, pii_key)"
          + " ON CONFLICT (channel, source_id) DO NOTHING RETURNING id";

  /**
   * Which link targets of a batch ({@code $1}) are there: committed, or inserted by this
   * transaction's {@link #INSERT_COMPLAINTS} just before it (a later statement of the same
   * transaction sees them). Sent only when the batch has targets, in the same write as the INSERT
   * (IntakeService submits a record only once its targets have committed or are in the same batch).
   *
   * <p>A statement of its own rather than a part of the INSERT: with the look-up inside it, the
   * INSERT's plan depended on the targets' array, so PostgreSQL planned it afresh for every batch
   * (about 0.2 ms a batch, a tenth of its CPU a record); alone, the INSERT's plan is the same for
   * every batch, and the server keeps one (BENCHMARKS.md, "One plan for the INSERT"). Sent in this
   * form for more than 64 targets, else with a fixed number of places ({@link #lookUpTargets}).
   */
  static final String TARGETS_PRESENT = "SELECT id FROM complaint WHERE id = ANY($1::uuid[])";

  /**
   * {@link #TARGETS_PRESENT} for at most {@code n} targets, as {@code id IN ($1, …, $n)}, the
   * unused places holding the last target again (a row is returned once however often its id is
   * given): the server sees {@code n} ids in every call, so a plan made for no particular ids costs
   * what one made for the call's ids does, and it keeps one instead of planning the look-up for
   * every batch ({@code id = ANY($1)} over an array whose length only the call tells was planned
   * afresh each time: 0.1 ms in nine batches of ten; null in the unused places made the calls' own
   * plans look cheaper again). One statement each for up to 4, 16 and 64 targets; more go through
   * {@link #TARGETS_PRESENT}.
   */
  static String targetsPresent(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> "$" + i + "::uuid")
        .collect(Collectors.joining(", ", "SELECT id FROM complaint WHERE id IN (", ")"));
  }

  /** The places of the fixed-size look-ups, smallest first. */
  private static final int[] TARGET_PLACES = {4, 16, 64};

  private static final String[] TARGETS_PRESENT_FIXED =
      Arrays.stream(TARGET_PLACES).mapToObj(BatchInsert::targetsPresent).toArray(String[]::new);

  /** The look-up of {@code targets} and its parameters: the smallest fixed size that holds them. */
  static Future<RowSet<Row>> lookUpTargets(SqlClient c, UUID[] targets) {
    for (int i = 0; i < TARGET_PLACES.length; i++) {
      if (targets.length <= TARGET_PLACES[i]) {
        Tuple params = Tuple.tuple();
        for (int k = 0; k < TARGET_PLACES[i]; k++) {
          params.addUUID(targets[Math.min(k, targets.length - 1)]);
        }
        return c.preparedQuery(TARGETS_PRESENT_FIXED[i]).execute(params);
      }
    }
    return c.preparedQuery(TARGETS_PRESENT).execute(Tuple.tuple().addArrayOfUUID(targets));
  }

  static final String SELECT_EXISTING =
      "SELECT c.channel, c.source_id, c.content_hash, c.verdict::text FROM complaint c"
          + " JOIN unnest($1::text[], $2::text[]) AS k(channel, source_id)"
          + " ON c.channel = k.channel AND c.source_id = k.source_id";

  static final String UNLINK =
      "UPDATE complaint c SET verdict = t.verdict::json, queue = t.queue, duplicate_of = NULL,"
          + " cluster_id = NULL FROM unnest($1::uuid[], $2::text[], $3::text[])"
          + " AS t(id, verdict, queue) WHERE c.id = t.id";

  /**
   * What follows the stored records, in one statement: the groups' upsert (sizes only grow: a batch
   * that saw a smaller size than a concurrent one must not shrink it), the group memberships, the
   * queue items, the records counted in the board's per-minute intake ({@code intake_minute}: one
   * row per minute and backend, so concurrent writers never wait on each other's row). The
   * memberships' foreign keys are checked at the end of the statement, when the groups it inserts
   * are there. The queues' wake-up is not here but in {@link #NOTIFY_AFTER_COMMIT}.
   */
  static final String AFTER_BATCH =
      "WITH clusters AS (INSERT INTO complaint_cluster"
          + "  (id, blocking_key, size, escalated_at, last_member_at)"
          + "  SELECT id, blocking_key, size, CASE WHEN escalated THEN now() END, now()"
          + "  FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bool[])"
          + "  AS t(id, blocking_key, size, escalated)"
          + "  ON CONFLICT (id) DO UPDATE SET size = GREATEST(complaint_cluster.size, EXCLUDED.size),"
          + "  escalated_at = COALESCE(complaint_cluster.escalated_at, EXCLUDED.escalated_at),"
          + "  last_member_at = EXCLUDED.last_member_at),"
          + " members AS (INSERT INTO cluster_member (cluster_id, complaint_id)"
          + "  SELECT * FROM unnest($5::uuid[], $6::uuid[]) ON CONFLICT DO NOTHING),"
          + " items AS (INSERT INTO queue_item (complaint_id, queue, due_at, due_deadline)"
          + "  SELECT * FROM unnest($7::uuid[], $8::text[], $9::timestamptz[], $10::text[])),"
          + " counted AS (INSERT INTO intake_minute (minute, backend, records)"
          + "  SELECT date_trunc('minute', now()), pg_backend_pid(), $11 WHERE $11 > 0"
          + "  ON CONFLICT (minute, backend) DO UPDATE"
          + "  SET records = intake_minute.records + EXCLUDED.records)"
          + " SELECT 1";

  /**
   * The NOTIFY of each queue a batch gave work, sent in the same write as the batch's COMMIT and
   * run after it as a transaction of its own, which does not wait for its commit to reach the disk.
   * A NOTIFY in the batch's own transaction took PostgreSQL's one notification lock from before its
   * commit until its commit was flushed, so the commits of every writer followed one another
   * through the disk instead of sharing a flush (with {@code log_lock_waits}, commits waited up to
   * 200 ms for it). After COMMIT, a claimer woken still finds the work; a wake-up lost in a crash
   * only leaves a claimer waiting until its {@code wait_seconds} end, when it claims again. Not
   * every batch sends one: {@link WakeUps} sends at most one per interval for the whole gateway.
   */
  static final String NOTIFY_AFTER_COMMIT =
      "SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, q)"
          + " FROM unnest($2::text[]) AS q";

  private BatchInsert() {}

  /**
   * Runs the batch's transaction on {@code conn} in two round trips, pipelined: BEGIN, the INSERT
   * and the look-up of link targets (when there are any) go out together, in one write; once their
   * answers are in, the demotions, the statement that follows the records, the look-up of
   * conflicting rows and COMMIT go out together, in one write. The future succeeds only when every
   * statement and the COMMIT did; on any failure the transaction is rolled back before the
   * connection is given back (a COMMIT in a failed transaction only rolls back).
   */
  static Future<Map<String, WriteResult>> run(
      SqlConnection conn, List<PendingRecord> batch, WakeUps wakeUps) {
    Set<UUID> targets = new HashSet<>();
    batch.forEach(r -> targets.addAll(r.linkTargets()));
    // Each verdict's JSON, built and encoded once: stored now, answered after COMMIT.
    JsonObject[] verdicts = new JsonObject[batch.size()];
    String[] encoded = new String[batch.size()];
    for (int i = 0; i < verdicts.length; i++) {
      verdicts[i] = batch.get(i).verdict().toJson();
      encoded[i] = verdicts[i].encode();
    }
    Tuple params = complaintArrays(batch, encoded);
    UUID[] targetIds = targets.toArray(UUID[]::new);
    List<Future<?>> sent =
        together(
            conn,
            c -> {
              List<Future<?>> first = new ArrayList<>(3);
              first.add(c.query("BEGIN").execute());
              first.add(c.preparedQuery(INSERT_COMPLAINTS).execute(params));
              if (targetIds.length > 0) {
                first.add(lookUpTargets(c, targetIds));
              }
              return first;
            });
    @SuppressWarnings("unchecked")
    Future<RowSet<Row>> insert = (Future<RowSet<Row>>) sent.get(1);
    return Future.all(sent)
        .compose(
            v -> {
              Set<UUID> inserted = new HashSet<>();
              for (Row row : insert.result()) {
                inserted.add(row.getUUID(0));
              }
              Set<UUID> visible = new HashSet<>();
              if (targetIds.length > 0) {
                @SuppressWarnings("unchecked")
                RowSet<Row> present = (RowSet<Row>) sent.get(2).result();
                for (Row row : present) {
                  visible.add(row.getUUID(0));
                }
              }
              return finish(conn, batch, verdicts, encoded, inserted, visible, wakeUps);
            })
        .recover(e -> conn.query("ROLLBACK").execute().transform(r -> Future.failedFuture(e)));
  }

  /** The second round trip: everything that depends on what the INSERT stored, then COMMIT. */
  private static Future<Map<String, WriteResult>> finish(
      SqlConnection conn,
      List<PendingRecord> batch,
      JsonObject[] verdicts,
      String[] encoded,
      Set<UUID> inserted,
      Set<UUID> visible,
      WakeUps wakeUps) {
    List<PendingRecord> conflicts = new ArrayList<>();
    List<PendingRecord> confirmed = new ArrayList<>();
    List<PendingRecord> demoted = new ArrayList<>();
    List<String> demotedVerdicts = new ArrayList<>();
    Map<String, WriteResult> results = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      PendingRecord r = batch.get(i);
      if (!inserted.contains(r.id())) {
        conflicts.add(r);
      } else if (visible.containsAll(r.linkTargets())) {
        confirmed.add(r);
        results.put(r.key(), new WriteResult.Stored(verdicts[i], encoded[i]));
      } else {
        // A duplicate is never queued, so a link to a record that failed to commit would lose the
        // complaint; demoted, it is queued on its own and answered as such.
        PendingRecord d = r.demoted();
        JsonObject verdict = d.verdict().toJson();
        String text = verdict.encode();
        confirmed.add(d);
        demoted.add(d);
        demotedVerdicts.add(text);
        results.put(d.key(), new WriteResult.Stored(verdict, text));
      }
    }
    List<Future<?>> statements =
        together(
            conn,
            c -> {
              List<Future<?>> sent = new ArrayList<>();
              if (!demoted.isEmpty()) {
                sent.add(unlink(c, demoted, demotedVerdicts));
              }
              sent.add(afterBatch(c, confirmed));
              if (!conflicts.isEmpty()) {
                sent.add(lookupExisting(c, conflicts, results));
              }
              Future<?> commit = c.query("COMMIT").execute();
              sent.add(commit);
              String[] queues = queuesWithWork(confirmed);
              String[] now = wakeUps.withCommit(queues);
              if (now.length > 0) {
                sent.add(notifyQueues(c, now));
              } else if (queues.length > 0) {
                commit.onSuccess(v -> wakeUps.committed(queues));
              }
              return sent;
            });
    return Future.all(statements).map(results);
  }

  /**
   * Demotes {@code demoted} to accepted records, each with its verdict's text in {@code verdicts}.
   */
  private static Future<Void> unlink(
      SqlClient conn, List<PendingRecord> demoted, List<String> verdicts) {
    LOG.warn(
        "{} records linked to records that were not committed; stored as accepted instead",
        demoted.size());
    return conn.preparedQuery(UNLINK)
        .execute(
            Tuple.tuple()
                .addArrayOfUUID(demoted.stream().map(PendingRecord::id).toArray(UUID[]::new))
                .addArrayOfString(verdicts.toArray(String[]::new))
                .addArrayOfString(
                    demoted.stream().map(r -> r.verdict().queue()).toArray(String[]::new)))
        .mapEmpty();
  }

  /**
   * Issues the statements {@code block} makes on {@code conn} as one write to the server, where the
   * client can group them: each flush is a system call in the gateway and a wake-up of the server's
   * backend, and a batch's round trip carries two to four statements. Vert.x's pooled connections
   * group through {@link SqlClientInternal} (not public API; {@code BatchInsertTest} checks that
   * the pool's connections still offer it); any other client sends them one by one, as before.
   * Either way each statement's future is its own, and the order is the order of issue.
   */
  static List<Future<?>> together(SqlConnection conn, Function<SqlClient, List<Future<?>>> block) {
    if (conn instanceof SqlClientInternal grouping) {
      List<List<Future<?>>> sent = new ArrayList<>(1);
      grouping.group(c -> sent.add(block.apply(c)));
      return sent.get(0);
    }
    return block.apply(conn);
  }

  private static Tuple complaintArrays(List<PendingRecord> batch, String[] verdictJson) {
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
      verdicts[i] = verdictJson[i];
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
   * {@link #AFTER_BATCH} for the records this transaction stored (each a new row, so they are also
   * the intake count): their groups and memberships, and the queue entries of those queued.
   */
  private static Future<Void> afterBatch(SqlClient conn, List<PendingRecord> stored) {
    if (stored.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple params = Tuple.tuple();
    addGroups(params, stored);
    addQueueItems(params, stored);
    return conn.preparedQuery(AFTER_BATCH).execute(params.addInteger(stored.size())).mapEmpty();
  }

  /** The queues, each once, that {@link #AFTER_BATCH} gives an item for {@code stored}. */
  private static String[] queuesWithWork(List<PendingRecord> stored) {
    return stored.stream()
        .map(r -> r.verdict().queue())
        .filter(Objects::nonNull)
        .distinct()
        .toArray(String[]::new);
  }

  /**
   * {@link #NOTIFY_AFTER_COMMIT} on {@code conn}, after a batch's COMMIT or on its own for queues
   * that waited ({@link WakeUps}): its failure is logged and the batch's result stands, since the
   * records committed before it ran (and after a failed COMMIT a wake-up finds nothing new).
   */
  static Future<Void> notifyQueues(SqlClient conn, String[] queues) {
    return conn.preparedQuery(NOTIFY_AFTER_COMMIT)
        .execute(Tuple.of(QUEUE_CHANNEL).addArrayOfString(queues))
        .<Void>mapEmpty()
        .recover(
            e -> {
              LOG.warn("the wake-up of {} queues failed: {}", queues.length, e.toString());
              return Future.succeededFuture();
            });
  }

  /**
   * {@code $1..$6} of {@link #AFTER_BATCH}: one upsert row per group (a statement may not touch a
   * row twice), in id order, with the size of its largest record; then the memberships.
   */
  private static void addGroups(Tuple params, List<PendingRecord> stored) {
    TreeMap<UUID, PendingRecord> largest = new TreeMap<>();
    Set<UUID> escalated = new HashSet<>();
    TreeMap<String, UUID[]> members = new TreeMap<>();
    for (PendingRecord r : stored) {
      UUID cluster = r.verdict().clusterId();
      // A duplicate carries its original's group but is no member of its own; one that brought its
      // matter into a group (RecentFilings' stand-in) stores its original's and its peers'
      // memberships.
      boolean duplicate = r.verdict().duplicateOf() != null;
      if (cluster == null || (duplicate && r.joinedWith().isEmpty())) {
        continue;
      }
      largest.merge(
          cluster, r, (a, b) -> a.verdict().clusterSize() >= b.verdict().clusterSize() ? a : b);
      if (r.escalated()) {
        escalated.add(cluster);
      }
      if (!duplicate) {
        members.put(cluster + "/" + r.id(), new UUID[] {cluster, r.id()});
      }
      for (UUID earlier : r.joinedWith()) {
        members.put(cluster + "/" + earlier, new UUID[] {cluster, earlier});
      }
    }
    params
        .addArrayOfUUID(largest.keySet().toArray(UUID[]::new))
        .addArrayOfString(
            largest.values().stream().map(PendingRecord::blockingKey).toArray(String[]::new))
        .addArrayOfInteger(
            largest.values().stream().map(r -> r.verdict().clusterSize()).toArray(Integer[]::new))
        .addArrayOfBoolean(
            largest.keySet().stream().map(escalated::contains).toArray(Boolean[]::new))
        .addArrayOfUUID(members.values().stream().map(m -> m[0]).toArray(UUID[]::new))
        .addArrayOfUUID(members.values().stream().map(m -> m[1]).toArray(UUID[]::new));
  }

  /** {@code $7..$10} of {@link #AFTER_BATCH}: the queue entries of the records queued. */
  private static void addQueueItems(Tuple params, List<PendingRecord> stored) {
    List<PendingRecord> queued = stored.stream().filter(r -> r.verdict().queue() != null).toList();
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
    params
        .addArrayOfUUID(ids)
        .addArrayOfString(queues)
        .addArrayOfOffsetDateTime(due)
        .addArrayOfString(dueNames);
  }

  private static Future<Map<String, WriteResult>> lookupExisting(
      SqlClient conn, List<PendingRecord> conflicts, Map<String, WriteResult> results) {
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
