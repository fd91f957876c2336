package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * V8__cheap_monitoring.sql on a database written by the gateway before it: the figures the metrics
 * and the board now read from the rows the writers keep are filled in for the rows already there.
 */
@DisplayName("the upgrade to V8 (monitoring from kept figures)")
class MonitoringMigrationTest {
  private static final String COMPLAINT =
      "INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at, queue,"
          + " record, verdict, deadlines, created_at) VALUES ('%s', 'web', '%s', '\\x00',"
          + " 'complaint', now(), '350203', '{}', '{\"deadlines\": {\"accept_by\":"
          + " \"2026-12-10T23:59:59+08:00\", \"accept_by_provisional\": true, \"reply_by\":"
          + " \"2026-12-20T23:59:59+08:00\"}}', '{}', now() - interval '%s')";

  private static String url;

  @BeforeAll
  static void legacyDatabase() throws Exception {
    url = SharedDatabase.databaseAtVersion("upgrade_v8", "7");
    try (Connection c = SharedDatabase.jdbc(url);
        Statement s = c.createStatement()) {
      String a = "01900000-0000-7000-8000-00000000000a";
      String b = "01900000-0000-7000-8000-00000000000b";
      String old = "01900000-0000-7000-8000-00000000000c";
      s.execute(String.format(COMPLAINT, a, "a", "3 minutes"));
      s.execute(String.format(COMPLAINT, b, "b", "3 minutes"));
      s.execute(String.format(COMPLAINT, old, "c", "2 hours"));
      s.execute(
          "INSERT INTO queue_item (complaint_id, queue, due_at) VALUES ('"
              + a
              + "', '350203', '2026-12-10T23:59:59+08:00'), ('"
              + old
              + "', '350203', '2026-12-20T23:59:59+08:00')");
      s.execute(
          "INSERT INTO complaint_cluster (id, blocking_key, size) VALUES"
              + " ('01900000-0000-7000-8000-0000000000c1', 'k', 2)");
      s.execute(
          "INSERT INTO cluster_member (cluster_id, complaint_id) VALUES"
              + " ('01900000-0000-7000-8000-0000000000c1', '"
              + a
              + "'), ('01900000-0000-7000-8000-0000000000c1', '"
              + old
              + "')");
    }
    Migrations.migrate(url);
  }

  private static String one(String sql) throws SQLException {
    return SharedDatabase.one(url, sql);
  }

  @Test
  @DisplayName("open items get the name of the deadline they are due by")
  void dueDeadline() throws Exception {
    assertThat(one("SELECT string_agg(due_deadline, ',' ORDER BY due_at) FROM queue_item"))
        .isEqualTo("accept_by,reply_by");
  }

  @Test
  @DisplayName("groups get the time of their newest member")
  void lastMember() throws Exception {
    assertThat(
            one(
                "SELECT (now() - last_member_at) BETWEEN interval '2 minutes' AND interval '4"
                    + " minutes' FROM complaint_cluster"))
        .isEqualTo("t");
  }

  @Test
  @DisplayName("the last hour's intake is counted per minute, older records not")
  void intakeMinutes() throws Exception {
    assertThat(one("SELECT sum(records) FROM intake_minute")).isEqualTo("2");
  }
}
