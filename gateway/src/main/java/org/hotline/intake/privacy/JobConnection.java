package org.hotline.intake.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hotline.intake.store.PgUrl;

/**
 * The JDBC session of a batch job, run on a worker thread. Its transactions are short (one chunk),
 * never wait long for a lock ({@code lock_timeout}): a job gives way to intake and operators, and
 * takes what it skipped on its next run.
 */
final class JobConnection {
  static final String LOCK_TIMEOUT = "2s";
  static final String STATEMENT_TIMEOUT = "60s";

  private JobConnection() {}

  static Connection open(PgUrl url) throws SQLException {
    Connection c = url.connect();
    try (Statement s = c.createStatement()) {
      s.execute("SET lock_timeout = '" + LOCK_TIMEOUT + "'");
      s.execute("SET statement_timeout = '" + STATEMENT_TIMEOUT + "'");
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }
}
