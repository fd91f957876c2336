package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the embedded server's password")
class EmbeddedPasswordTest {
  private static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** Refused: no password, or a wrong one. */
  private static void assertRefused(int port) {
    assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl(port), "postgres", null).close())
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () -> DriverManager.getConnection(jdbcUrl(port), "postgres", "guessed").close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  private static List<String> authMethods(Connection c) throws SQLException {
    List<String> methods = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules")) {
      while (rs.next()) {
        methods.add(rs.getString(1));
      }
    }
    return methods;
  }

  @Test
  @DisplayName("a connection without the password, or with a wrong one, is refused")
  void refusesWithoutPassword() throws Exception {
    assertRefused(SharedDatabase.port());
    try (Connection c = SharedDatabase.jdbc();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
      rs.next();
      assertThat(rs.getString(1))
          .startsWith("SCRAM-SHA-256$" + EmbeddedDatabase.SCRAM_ITERATIONS + ":");
      assertThat(authMethods(c)).containsExactly("scram-sha-256");
    }
  }

  @Test
  @DisplayName(
      "a cluster made with trust by an earlier version gets a password on its next start, kept"
          + " for the one after")
  void upgradesTrustingCluster(@TempDir Path parent) throws Exception {
    Path dir = parent.resolve("pg");
    try (EmbeddedPostgres old =
        EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start()) {
      // The library's own default: anyone on the machine gets in.
      DriverManager.getConnection(jdbcUrl(old.getPort()), "postgres", null).close();
    }
    String first;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
      first = db.url();
      assertRefused(db.port());
      try (Connection c = PgUrl.parse(db.url()).connect()) {
        assertThat(authMethods(c)).containsExactly("scram-sha-256");
      }
    }
    assertThat(Files.exists(EmbeddedDatabase.passwordFile(dir))).isTrue();
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
      assertThat(db.url())
          .isEqualTo(first.replace(":" + portOf(first) + "/", ":" + db.port() + "/"));
      assertRefused(db.port());
      PgUrl.parse(db.url()).connect().close();
    }
  }

  private static int portOf(String url) {
    return PgUrl.parse(url).port();
  }
}
