package org.hotline.intake.privacy;

import io.vertx.core.json.JsonObject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hotline.intake.store.PgUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-seal job: moves every record whose personal fields are not under the active data key
 * (sealed under an older key after a rotation, or still in clear from before sealing) to it, a
 * chunk per short transaction. Runs on a worker thread over JDBC.
 *
 * <p>Each chunk locks its rows with {@code FOR UPDATE SKIP LOCKED}, so it never waits for a row an
 * operator is deciding, and several nodes running the job share the work. A chunk's rows leave the
 * key they were read by, so the next chunk finds the next rows without a cursor.
 */
public final class Reseal {
  private static final Logger LOG = LoggerFactory.getLogger(Reseal.class);

  /**
   * The distinct keys in use, by a loose index scan of {@code complaint_pii_key_idx}: one index
   * probe per key, however many rows.
   */
  static final String KEYS_IN_USE =
      "WITH RECURSIVE k(id) AS ("
          + " (SELECT pii_key FROM complaint WHERE pii_key IS NOT NULL ORDER BY pii_key LIMIT 1)"
          + " UNION ALL"
          + " SELECT (SELECT pii_key FROM complaint WHERE pii_key > k.id ORDER BY pii_key LIMIT 1)"
          + " FROM k WHERE k.id IS NOT NULL)"
          + " SELECT id FROM k WHERE id IS NOT NULL";

  static final String ANY_UNSEALED =
      "SELECT EXISTS (SELECT 1 FROM complaint WHERE pii_key IS NULL)";

  static final String CHUNK_UNDER_KEY =
      "SELECT id, record::text FROM complaint WHERE pii_key = ? LIMIT ? FOR UPDATE SKIP LOCKED";

  static final String CHUNK_UNSEALED =
      "SELECT id, record::text FROM complaint WHERE pii_key IS NULL LIMIT ? FOR UPDATE SKIP LOCKED";

  static final String UPDATE =
      "UPDATE complaint c SET record = t.record::json, pii_key = ?"
          + " FROM unnest(?::uuid[], ?::text[]) AS t(id, record) WHERE c.id = t.id";

  private final PgUrl url;
  private final RecordSealer sealer;
  private final int batch;

  public Reseal(PgUrl url, RecordSealer sealer, int batch) {
    this.url = url;
    this.sealer = sealer;
    this.batch = batch;
  }

  /**
   * The keys the stored records are sealed under, with null for records not sealed at all. Cheap:
   * an index probe per key.
   */
  public static List<String> keysInUse(Connection c) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(KEYS_IN_USE);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    try (PreparedStatement ps = c.prepareStatement(ANY_UNSEALED);
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && rs.getBoolean(1)) {
        keys.add(null);
      }
    }
    return keys;
  }

  /**
   * Re-seals every record not under the active key, until none is left that is not locked by
   * someone else, or {@code stop} says so. Returns how many records it re-sealed.
   */
  public long run(BooleanSupplier stop) throws SQLException {
    long total = 0;
    try (Connection c = JobConnection.open(url)) {
      List<String> stale = keysInUse(c);
      c.commit();
      stale.remove(sealer.activeKeyId());
      for (String key : stale) {
        int n;
        do {
          n = chunk(c, key);
          c.commit();
          total += n;
        } while (n == batch && !stop.getAsBoolean());
      }
      if (total > 0) {
        LOG.info(
            "re-sealed {} records from data keys {} to {}", total, stale, sealer.activeKeyId());
      }
    }
    return total;
  }

  /** One chunk inside the caller's transaction: up to {@code batch} records of {@code key}. */
  int chunk(Connection c, String key) throws SQLException {
    List<UUID> ids = new ArrayList<>(batch);
    List<String> records = new ArrayList<>(batch);
    try (PreparedStatement ps =
        c.prepareStatement(key == null ? CHUNK_UNSEALED : CHUNK_UNDER_KEY)) {
      int i = 1;
      if (key != null) {
        ps.setString(i++, key);
      }
      ps.setInt(i, batch);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          ids.add(id);
          records.add(sealer.reseal(id, new JsonObject(rs.getString(2))).encode());
        }
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
      Array idArray = c.createArrayOf("uuid", ids.toArray());
      Array recordArray = c.createArrayOf("text", records.toArray());
      ps.setString(1, sealer.activeKeyId());
      ps.setArray(2, idArray);
      ps.setArray(3, recordArray);
      ps.executeUpdate();
    }
    return ids.size();
  }
}
