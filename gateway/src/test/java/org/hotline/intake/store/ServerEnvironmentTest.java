package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the embedded server's environment")
class ServerEnvironmentTest {
  /** What a child process started now prints for {@code $name}. */
  private static String inChild(String name) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "printf %s \"$" + name + "\"").start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "a PostgreSQL backend runs with the trim threshold (or the one the gateway was given)")
  void backendHasTheTrimThreshold() throws Exception {
    String postmaster;
    // The connection stays open while its backend's /proc entry is read: closed, the backend exits
    // and the entry may be gone already.
    try (Connection c = SharedDatabase.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      int pid = rs.getInt(1);
      // A backend writes its title over its original environment, so read the postmaster's, which
      // every backend inherits, as the kernel has it (Linux; this suite runs on Linux).
      postmaster =
          Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
              .filter(l -> l.startsWith("PPid:"))
              .map(l -> l.substring("PPid:".length()).trim())
              .findFirst()
              .orElseThrow();
    }
    byte[] raw = Files.readAllBytes(Path.of("/proc/" + postmaster + "/environ"));
    List<String> env = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    String given = System.getenv(EmbeddedDatabase.TRIM_VARIABLE);
    assertThat(env)
        .contains(
            EmbeddedDatabase.TRIM_VARIABLE
                + "="
                + (given != null ? given : EmbeddedDatabase.TRIM_BYTES));
  }

  @Test
  @DisplayName("a variable provided reaches child processes, not System.getenv")
  void providedReachesChildren() throws Exception {
    String name = "INTAKE_CHILD_ENVIRONMENT_TEST";
    assertThat(inChild(name)).isEmpty();
    assertThat(ChildEnvironment.provide(name, "4096")).isTrue();
    assertThat(inChild(name)).isEqualTo("4096");
    assertThat(System.getenv(name)).isNull();
  }

  @Test
  @DisplayName("a variable the JVM was started with keeps its value")
  void givenValueWins() throws Exception {
    String path = System.getenv("PATH");
    assertThat(ChildEnvironment.provide("PATH", "/nowhere")).isTrue();
    assertThat(inChild("PATH")).isEqualTo(path);
  }
}
