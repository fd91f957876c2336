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
 * V9__closed_items_leave_the_queue.sql: closed items move from {@code queue_item}, which the
 * monitors scan, to {@code queue_item_done}, on a database upgraded from V8 with its history and
 * for every item closed after it.
 */
@DisplayName("closed queue items (V9)")
class QueueHistoryTest {
  private static final String COMPLAINT =
      "INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at, queue,"
          + " record, verdict) VALUES ('%s', 'web', '%s', '\\x00', 'complaint', now(), '350203',"
          + " '{}', '{}')";
  private static final String OPEN = "01900000-0000-7000-8000-0000000000a1";
  private static final String CLOSED = "01900000-0000-7000-8000-0000000000a2";
  private static final String LATER = "01900000-0000-7000-8000-0000000000a3";

  private static String url;

  @BeforeAll
  static void upgradedDatabase() throws Exception {
    url = SharedDatabase.databaseAtVersion("upgrade_v9", "8");
    try (Connection c = SharedDatabase.jdbc(url);
        Statement s = c.createStatement()) {
      for (String id : new String[] {OPEN, CLOSED, LATER}) {
        s.execute(String.format(COMPLAINT, id, id));
      }
      s.execute(
          "INSERT INTO queue_item (complaint_id, queue, state, attempts) VALUES"
              + String.format(" ('%s', '350203', 'handling', 0),", OPEN)
              + String.format(" ('%s', '350206', 'done', 2),", CLOSED)
              + String.format(" ('%s', '350211', 'ready', 0)", LATER));
    }
    Migrations.migrate(url);
  }

  private static String one(String sql) throws SQLException {
    return SharedDatabase.one(url, sql);
  }

  private static void run(String sql) throws SQLException {
    try (Connection c = SharedDatabase.jdbc(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  @DisplayName("an item closed before the upgrade moves out of queue_item, as it was")
  void historyMoves() throws Exception {
    assertThat(
            one(
                "SELECT string_agg(state, ',' ORDER BY complaint_id) FROM queue_item"
                    + " WHERE complaint_id IN ('"
                    + OPEN
                    + "', '"
                    + CLOSED
                    + "')"))
        .isEqualTo("handling");
    assertThat(
            one(
                "SELECT state || ' ' || queue || ' ' || attempts FROM queue_item_done"
                    + " WHERE complaint_id = '"
                    + CLOSED
                    + "'"))
        .isEqualTo("done 350206 2");
  }

  @Test
  @DisplayName("an item closed after it moves in the statement that closes it, which still sees it")
  void closingMoves() throws Exception {
    assertThat(
            one(
                "WITH closed AS (UPDATE queue_item SET state = 'done' WHERE complaint_id = '"
                    + LATER
                    + "' RETURNING queue) SELECT queue FROM closed"))
        .isEqualTo("350211");
    assertThat(one("SELECT count(*) FROM queue_item WHERE complaint_id = '" + LATER + "'"))
        .isEqualTo("0");
    assertThat(
            one(
                "SELECT state || ' ' || queue FROM queue_item_done WHERE complaint_id = '"
                    + LATER
                    + "'"))
        .isEqualTo("done 350211");
    // Queued again (a correction) and closed again: the later closing replaces the earlier one.
    run(
        "INSERT INTO queue_item (complaint_id, queue, attempts) VALUES ('"
            + LATER
            + "', 'triage', 1)");
    run("UPDATE queue_item SET state = 'done' WHERE complaint_id = '" + LATER + "'");
    assertThat(
            one(
                "SELECT string_agg(queue || ' ' || attempts, ',') FROM queue_item_done"
                    + " WHERE complaint_id = '"
                    + LATER
                    + "'"))
        .isEqualTo("triage 1");
  }

  @Test
  @DisplayName("queue_item_done has queue_item's columns, in the same order")
  void sameColumns() throws Exception {
    String columns =
        "SELECT string_agg(column_name || ' ' || data_type, ',' ORDER BY ordinal_position)"
            + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ";
    assertThat(one(columns + "'queue_item_done'")).isEqualTo(one(columns + "'queue_item'"));
  }
}
