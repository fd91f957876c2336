package org.hotline.intake.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Start-up's check that the database keeps what it commits: a 2xx means COMMIT returned, which
 * means the record survives a crash only with {@code fsync=on} and {@code synchronous_commit} on
 * (or {@code remote_apply}). The settings are read in a fresh session, so database and role
 * defaults ({@code ALTER DATABASE … SET}) count as well as the server's file.
 */
public final class Durability {
  /** The {@code synchronous_commit} values under which COMMIT waits for the local WAL flush. */
  static final Set<String> DURABLE_COMMITS = Set.of("on", "remote_apply");

  private Durability() {}

  /** What is unsafe about these settings; empty when they are durable. */
  public static List<String> problems(String fsync, String synchronousCommit) {
    List<String> problems = new ArrayList<>();
    if (!"on".equals(fsync)) {
      problems.add("fsync is " + fsync + " (must be on)");
    }
    if (!DURABLE_COMMITS.contains(synchronousCommit)) {
      problems.add("synchronous_commit is " + synchronousCommit + " (must be on or remote_apply)");
    }
    return problems;
  }

  /**
   * Reads the settings and fails unless they are durable or {@code allowUnsafe} is set. Blocking:
   * start-up only.
   *
   * @return the problems found (empty when durable), for a warning when allowed
   * @throws IllegalStateException naming the settings and the override
   */
  public static List<String> check(PgUrl url, boolean allowUnsafe) throws SQLException {
    List<String> problems;
    try (Connection c = url.connect();
        Statement s = c.createStatement()) {
      problems = problems(show(s, "fsync"), show(s, "synchronous_commit"));
    }
    if (!problems.isEmpty() && !allowUnsafe) {
      throw new IllegalStateException(
          "the database does not keep acknowledged records through a crash: "
              + String.join("; ", problems)
              + ". Fix its settings, or set pg.allow_unsafe_durability: true for a throw-away"
              + " database");
    }
    return problems;
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
