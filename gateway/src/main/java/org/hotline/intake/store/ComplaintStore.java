package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The SQL of the complaint table: batch insert, and reads. */
public final class ComplaintStore {
  /**
   * One statement for the whole batch: arrays in, one row per new record out. Rows whose (channel,
   * source_id) already exists are skipped and looked up afterwards in the same transaction.
   */
  static final String INSERT_BATCH =
      "INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at, queue,"
          + " record, verdict)"
          + " SELECT id, channel, source_id, content_hash, type, received_at, queue,"
          + " record::jsonb, verdict::jsonb"
          + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::text[],"
          + " $6::timestamptz[], $7::text[], $8::text[], $9::text[])"
          + " AS t(id, channel, source_id, content_hash, type, received_at, queue, record, verdict)"
          + " ON CONFLICT (channel, source_id) DO NOTHING RETURNING id";

  static final String SELECT_EXISTING =
      "SELECT c.channel, c.source_id, c.content_hash, c.verdict::text FROM complaint c"
          + " JOIN unnest($1::text[], $2::text[]) AS k(channel, source_id)"
          + " ON c.channel = k.channel AND c.source_id = k.source_id";

  static final String SELECT_BY_ID =
      "SELECT id, channel, source_id, type, received_at, created_at, state, queue,"
          + " record::text, verdict::text FROM complaint WHERE id = $1";

  private final Pool pool;

  public ComplaintStore(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  /**
   * Inserts a batch in one transaction and tells, per record key, how it ended. The future
   * completes only after COMMIT.
   */
  public Future<Map<String, WriteResult>> insertBatch(List<PendingRecord> batch) {
    return pool.withTransaction(conn -> insert(conn, batch));
  }

  private Future<Map<String, WriteResult>> insert(SqlConnection conn, List<PendingRecord> batch) {
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
    }
    Tuple args =
        Tuple.tuple()
            .addArrayOfUUID(ids)
            .addArrayOfString(channels)
            .addArrayOfString(sourceIds)
            .addArrayOfBuffer(hashes)
            .addArrayOfString(types)
            .addArrayOfOffsetDateTime(received)
            .addArrayOfString(queues)
            .addArrayOfString(records)
            .addArrayOfString(verdicts);
    return conn.preparedQuery(INSERT_BATCH)
        .execute(args)
        .compose(
            rows -> {
              Set<UUID> inserted = new HashSet<>();
              for (Row row : rows) {
                inserted.add(row.getUUID(0));
              }
              Map<String, WriteResult> results = new HashMap<>();
              List<PendingRecord> conflicts = new ArrayList<>();
              for (PendingRecord r : batch) {
                if (inserted.contains(r.id())) {
                  results.put(r.key(), new WriteResult.Stored(r.verdict().toJson()));
                } else {
                  conflicts.add(r);
                }
              }
              if (conflicts.isEmpty()) {
                return Future.succeededFuture(results);
              }
              return lookupExisting(conn, conflicts, results);
            });
  }

  private Future<Map<String, WriteResult>> lookupExisting(
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

  /** The stored record, or empty. */
  public Future<Optional<StoredComplaint>> findById(UUID id) {
    return pool.preparedQuery(SELECT_BY_ID)
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              return Optional.of(
                  new StoredComplaint(
                      r.getUUID(0),
                      r.getString(1),
                      r.getString(2),
                      r.getString(3),
                      r.getOffsetDateTime(4),
                      r.getOffsetDateTime(5),
                      r.getString(6),
                      r.getString(7),
                      new JsonObject(r.getString(8)),
                      new JsonObject(r.getString(9))));
            });
  }
}
