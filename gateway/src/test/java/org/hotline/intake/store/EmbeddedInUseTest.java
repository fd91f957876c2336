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

  private static String probeFromAnotherProcess(Path lockFile) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockProbe.class.getName(),
                lockFile.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

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
      // A file lock belongs to the whole process: the refusal must not have released the running
      // server's, or a gateway started in another process would take that server for a leftover.
      assertThat(probeFromAnotherProcess(data.resolve(EmbeddedDatabase.LOCK_FILE)))
          .as("the running server's lock, seen from another process")
          .isEqualTo("BUSY");
    }
  }
}
