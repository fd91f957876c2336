package org.hotline.intake.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Direct looks at the complaint table, bypassing the gateway. */
public final class Rows {
  private Rows() {}

  public static int countBySourceId(String sourceId) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM complaint WHERE source_id = ?")) {
      ps.setString(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The stored grievance column of complaint {@code id}. */
  public static String grievanceOf(String id) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement("SELECT grievance FROM complaint WHERE id = ?::uuid")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Queue entries of complaint {@code id}: 1 when it was queued, 0 when not. */
  public static int queueItemsOf(String id) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM queue_item WHERE complaint_id = ?::uuid")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  public static int countAll() throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM complaint")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
