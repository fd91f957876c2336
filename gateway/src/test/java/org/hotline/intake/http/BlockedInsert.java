package org.hotline.intake.http;

import java.sql.Connection;
import java.sql.ResultSet;
import org.hotline.intake.support.SharedDatabase;

/** Finds the backend whose batch INSERT waits on a test's table lock. */
final class BlockedInsert {
  private BlockedInsert() {}

  /** The backend's pid, once one waits; polls the server's own view, no clock involved. */
  static int await() throws Exception {
    try (Connection c = SharedDatabase.jdbc()) {
      for (int i = 0; i < 3000; i++) {
        try (ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE '%INSERT INTO complaint %' LIMIT 1")) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
        Thread.sleep(10);
      }
    }
    throw new AssertionError("no INSERT waited on the lock");
  }
}
