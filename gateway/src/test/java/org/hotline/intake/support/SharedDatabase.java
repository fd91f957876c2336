package org.hotline.intake.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hotline.intake.store.EmbeddedDatabase;
import org.hotline.intake.store.Migrations;
import org.hotline.intake.store.PgUrl;

/** One real embedded PostgreSQL server for the whole test run, migrated once. */
public final class SharedDatabase {
  private static EmbeddedDatabase database;

  private SharedDatabase() {}

  /** The server's URL, starting it on first use. */
  public static synchronized String url() {
    if (database == null) {
      try {
        Path dir = Path.of("target", "test-pg").toAbsolutePath();
        if (Files.exists(dir)) {
          EmbeddedDatabase.stopLeftoverServer(dir);
        }
        deleteTree(dir);
        database = EmbeddedDatabase.start(dir);
        Migrations.migrate(database.url());
        Runtime.getRuntime().addShutdownHook(new Thread(SharedDatabase::stop));
      } catch (IOException e) {
        throw new IllegalStateException("embedded PostgreSQL did not start", e);
      }
    }
    return database.url();
  }

  /** A reactive pool on the shared server, for tests that drive the store directly. */
  public static io.vertx.sqlclient.Pool pool(io.vertx.core.Vertx vertx) {
    return io.vertx.pgclient.PgBuilder.pool()
        .connectingTo(io.vertx.pgclient.PgConnectOptions.fromUri(url()))
        .using(vertx)
        .build();
  }

  /** The server's port, starting it on first use. */
  public static int port() {
    url();
    return database.port();
  }

  /** The URL of the shared server as reached through {@code port} on loopback (a proxy). */
  public static String urlVia(int port) {
    return url().replace(":" + port() + "/", ":" + port + "/");
  }

  /** A plain JDBC connection, for tests that look at rows directly. */
  public static Connection jdbc() throws SQLException {
    return PgUrl.parse(url()).connect();
  }

  private static void stop() {
    try {
      database.close();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
