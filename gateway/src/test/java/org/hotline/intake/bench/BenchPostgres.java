package org.hotline.intake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hotline.intake.store.EmbeddedDatabase;
import org.hotline.intake.store.PgUrl;

/**
 * A standalone PostgreSQL for {@code bench/run}: the gateway's own embedded server ({@link
 * EmbeddedDatabase}, its binaries and settings) in a process of its own, so that the gateway, the
 * no-op target and pgbench all use one server whose address the harness knows. Not a test.
 *
 * <pre>
 * BENCH_PG_PASSWORD=… java -cp gateway/target/intake-gateway.jar:gateway/target/test-classes \
 *     org.hotline.intake.bench.BenchPostgres DATA_DIR
 * </pre>
 *
 * It creates the database {@code intake}, makes role {@code postgres} log in with the password from
 * {@code BENCH_PG_PASSWORD} (SCRAM from any client, nothing left on {@code trust}), prints {@code
 * port=N} on stdout once it takes connections, and runs until SIGTERM, when it stops the server.
 * The caller deletes {@code DATA_DIR}.
 */
public final class BenchPostgres {
  private BenchPostgres() {}

  public static void main(String[] args) throws Exception {
    String password = System.getenv("BENCH_PG_PASSWORD");
    if (args.length != 1 || password == null || password.isEmpty()) {
      System.err.println("usage: BENCH_PG_PASSWORD=… BenchPostgres DATA_DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(db), "bench-postgres-stop"));
    requirePassword(db, dir, password);
    System.out.println("port=" + db.port());
    System.out.flush();
    Thread.currentThread().join();
  }

  /** From here on every client logs in with the password, whatever the server allowed before. */
  private static void requirePassword(EmbeddedDatabase db, Path dir, String password)
      throws Exception {
    try (Connection c = PgUrl.parse(db.url()).connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE intake");
      s.execute("SET password_encryption = 'scram-sha-256'");
      try (PreparedStatement q = c.prepareStatement("SELECT quote_literal(?)")) {
        q.setString(1, password);
        try (ResultSet literal = q.executeQuery()) {
          literal.next();
          s.execute("ALTER ROLE postgres PASSWORD " + literal.getString(1));
        }
      }
      Files.writeString(
          dir.resolve("pg_hba.conf"),
          "local all all scram-sha-256\n"
              + "host all all 127.0.0.1/32 scram-sha-256\n"
              + "host all all ::1/128 scram-sha-256\n");
      s.execute("SELECT pg_reload_conf()");
    }
  }

  private static void close(EmbeddedDatabase db) {
    try {
      db.close();
    } catch (IOException e) {
      System.err.println("stopping PostgreSQL failed: " + e);
    }
  }
}
