package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("an embedded server's data directory in use")
class EmbeddedInUseTest {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "a second start on a directory whose server runs is refused, naming it, and leaves that"
          + " server running")
  void secondStartRefused() throws Exception {
    Path data = dir.resolve("pg");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(data)) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(data))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(data.toString())
          .hasMessageContaining("in use");
      String password = Files.readString(data.resolveSibling("pg.password")).strip();
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:" + first.port() + "/postgres",
                  "postgres",
                  password);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).as("the first server still answers").isTrue();
      }
    }
  }
}
