package org.hotline.intake.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

/**
 * A standalone PostgreSQL for {@code bench/run}: the gateway's server (the zonky binaries, with the
 * settings of {@code store/EmbeddedDatabase}) in a process of its own, so that the gateway, the
 * no-op target and pgbench all use one server whose address the harness knows. Not a test.
 *
 * <pre>
 * BENCH_PG_PASSWORD=… java -cp gateway/target/intake-gateway.jar:gateway/target/test-classes \
 *     org.hotline.intake.bench.BenchPostgres DATA_DIR
 * </pre>
 *
 * It creates the database {@code intake}, makes role {@code postgres} log in with the password from
 * {@code BENCH_PG_PASSWORD} (SCRAM, no {@code trust} left in {@code pg_hba.conf}), prints {@code
 * port=N} on stdout once it takes connections, and runs until SIGTERM, when it stops the server and
 * deletes {@code DATA_DIR}.
 */
public final class BenchPostgres {
  private BenchPostgres() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || System.getenv("BENCH_PG_PASSWORD") == null) {
      System.err.println("usage: BENCH_PG_PASSWORD=… BenchPostgres DATA_DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setRegisterShutdownHook(true) // SIGTERM stops the server
            .setPGStartupWait(Duration.ofSeconds(60))
            // As the gateway's embedded server: durable commits, the same connection limit.
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("max_connections", "100")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    requirePassword(pg, dir, System.getenv("BENCH_PG_PASSWORD"));
    System.out.println("port=" + pg.getPort());
    System.out.flush();
    Thread.currentThread().join();
  }

  /** initdb leaves {@code trust}; from here on every client logs in with the password. */
  private static void requirePassword(EmbeddedPostgres pg, Path dir, String password)
      throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE intake");
      s.execute("SET password_encryption = 'scram-sha-256'");
      try (PreparedStatement q = c.prepareStatement("SELECT quote_literal(?)")) {
        q.setString(1, password);
        var rs = q.executeQuery();
        rs.next();
        s.execute("ALTER ROLE postgres PASSWORD " + rs.getString(1));
      }
      Files.writeString(
          dir.resolve("pg_hba.conf"),
          "local all all scram-sha-256\n"
              + "host all all 127.0.0.1/32 scram-sha-256\n"
              + "host all all ::1/128 scram-sha-256\n");
      s.execute("SELECT pg_reload_conf()");
    }
  }
}
