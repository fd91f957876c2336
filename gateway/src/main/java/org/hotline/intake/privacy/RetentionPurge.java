package org.hotline.intake.privacy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hotline.intake.store.PgUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention purge: deletes records received longer ago than the retention, with their queue
 * entries, decisions, corrections and group memberships, a chunk per short transaction, oldest
 * first; then groups left with no member. Runs on a worker thread over JDBC.
 *
 * <p>It never holds up intake. Intake only inserts new rows, and reads old ones only as link
 * targets of dedup, which never reaches back past its windows (the retention is at least those).
 * Each chunk locks only the old rows it deletes, skipping any that someone else has locked.
 *
 * <p>Open work is kept whatever its age: a record whose queue entry is not {@code done} (waiting,
 * leased, stuck or in handling) is purged only once it is closed. The audit of unmasked reads
 * ({@code pii_access}) is kept: it holds no personal data, and it is the proof of who read what.
 */
public final class RetentionPurge {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

  static final String CHUNK =
      "SELECT c.id FROM complaint c WHERE c.received_at < ?"
          + " AND NOT EXISTS (SELECT 1 FROM queue_item q"
          + "   WHERE q.complaint_id = c.id AND q.state <> 'done')"
          + " ORDER BY c.received_at LIMIT ? FOR UPDATE OF c SKIP LOCKED";

  /** Children first: the foreign keys point at complaint. */
  static final List<String> DELETES =
      List.of(
          "DELETE FROM queue_item WHERE complaint_id = ANY(?)",
          "DELETE FROM queue_item_done WHERE complaint_id = ANY(?)",
          "DELETE FROM complaint_decision WHERE complaint_id = ANY(?)",
          "DELETE FROM complaint_correction WHERE complaint_id = ANY(?)",
          "DELETE FROM cluster_member WHERE complaint_id = ANY(?)",
          "DELETE FROM complaint WHERE id = ANY(?)");

  static final String EMPTY_GROUPS =
      "DELETE FROM complaint_cluster WHERE id IN (SELECT g.id FROM complaint_cluster g"
          + " WHERE g.created_at < ?"
          + " AND NOT EXISTS (SELECT 1 FROM cluster_member m WHERE m.cluster_id = g.id)"
          + " LIMIT ? FOR UPDATE SKIP LOCKED)";

  private final PgUrl url;
  private final Duration retention;
  private final int batch;
  private final Clock clock;

  public RetentionPurge(PgUrl url, Duration retention, int batch, Clock clock) {
    this.url = url;
    this.retention = retention;
    this.batch = batch;
    this.clock = clock;
  }

  /** Records received before this are due for deletion. */
  public Instant cutoff() {
    return clock.instant().minus(retention);
  }

  /** Purges chunk by chunk until nothing is due or {@code stop} says so. Returns the count. */
  public long run(BooleanSupplier stop) throws SQLException {
    Timestamp cutoff = Timestamp.from(cutoff());
    long total = 0;
    try (Connection c = JobConnection.open(url)) {
      int n;
      do {
        n = chunk(c, cutoff, batch);
        c.commit();
        total += n;
      } while (n == batch && !stop.getAsBoolean());
      int groups;
      do {
        groups = emptyGroups(c, cutoff, batch);
        c.commit();
      } while (groups == batch && !stop.getAsBoolean());
    }
    if (total > 0) {
      LOG.info("retention purge deleted {} records received before {}", total, cutoff.toInstant());
    }
    return total;
  }

  /**
   * One chunk inside the caller's transaction: deletes up to {@code limit} due records and what
   * hangs on them. Returns how many records.
   */
  public static int chunk(Connection c, Timestamp cutoff, int limit) throws SQLException {
    List<UUID> ids = new ArrayList<>(limit);
    try (PreparedStatement ps = c.prepareStatement(CHUNK)) {
      ps.setTimestamp(1, cutoff);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    Array idArray = c.createArrayOf("uuid", ids.toArray());
    for (String delete : DELETES) {
      try (PreparedStatement ps = c.prepareStatement(delete)) {
        ps.setArray(1, idArray);
        ps.executeUpdate();
      }
    }
    return ids.size();
  }

  private static int emptyGroups(Connection c, Timestamp cutoff, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(EMPTY_GROUPS)) {
      ps.setTimestamp(1, cutoff);
      ps.setInt(2, limit);
      return ps.executeUpdate();
    }
  }
}
