package org.hotline.intake.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/** Direct looks at the complaint table, bypassing the gateway. */
public final class Rows {
  private Rows() {}

  public static int countBySourceId(String sourceId) throws Exception {
    return Integer.parseInt(first("SELECT count(*) FROM complaint WHERE source_id = ?", sourceId));
  }

  /** Rows stored under any of {@code sourceIds}, in one query. */
  public static int countBySourceIds(List<String> sourceIds) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM complaint WHERE source_id = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("text", sourceIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The stored grievance column of complaint {@code id}. */
  public static String grievanceOf(String id) throws Exception {
    return first("SELECT grievance FROM complaint WHERE id = ?::uuid", id);
  }

  /** Queue entries of complaint {@code id}: 1 when it was queued, 0 when not. */
  public static int queueItemsOf(String id) throws Exception {
    return Integer.parseInt(
        first("SELECT count(*) FROM queue_item WHERE complaint_id = ?::uuid", id));
  }

  public static int countAll() throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM complaint")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The first column of the first row of {@code sql} with one parameter, as text, or null. */
  private static String first(String sql, String parameter) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
