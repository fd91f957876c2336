package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the embedded server's checkpoints")
class EmbeddedCheckpointsTest {
  /** What the configuration files say now, the last line winning (re-read at every query). */
  private static String filed(String url, String name) throws Exception {
    return SharedDatabase.one(
        url,
        "SELECT coalesce((SELECT setting FROM pg_file_settings WHERE name = '"
            + name
            + "' ORDER BY seqno DESC LIMIT 1), '(none)')");
  }

  @Test
  @DisplayName(
      "are spaced by time (8 GB of WAL, 15 minutes apart) and keep 4 GB of WAL for reuse, and an"
          + " operator's own ALTER SYSTEM value stands at the next start")
  void spacedByTime(@TempDir Path dir) throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
      assertThat(filed(db.url(), "max_wal_size")).isEqualTo("8GB");
      assertThat(filed(db.url(), "checkpoint_timeout")).isEqualTo("15min");
      assertThat(filed(db.url(), "min_wal_size")).isEqualTo("4GB");
      assertThat(SharedDatabase.one(db.url(), "SHOW min_wal_size")).isEqualTo("4GB");
      try (Connection c = PgUrl.parse(db.url()).connect();
          Statement s = c.createStatement()) {
        s.execute("ALTER SYSTEM SET max_wal_size = '2GB'");
      }
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
      assertThat(SharedDatabase.one(db.url(), "SHOW checkpoint_timeout")).isEqualTo("15min");
      assertThat(SharedDatabase.one(db.url(), "SHOW max_wal_size")).isEqualTo("2GB");
    }
  }
}
