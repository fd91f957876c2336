package org.hotline.intake.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hotline.intake.config.PrivacyOptions;
import org.hotline.intake.privacy.DataKeys;
import org.hotline.intake.privacy.RecordSealer;
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

  /**
   * The sealer every gateway on the shared server uses: the data key generated in its database, as
   * when no keys are configured. A store or pipeline built by hand must use it too, or the next
   * gateway would find records under a key it does not have, and refuse to start.
   */
  public static synchronized RecordSealer sealer() {
    try {
      RecordSealer sealer =
          new RecordSealer(DataKeys.load(PgUrl.parse(url()), PrivacyOptions.defaults()));
      sealer.warmUp();
      return sealer;
    } catch (SQLException e) {
      throw new IllegalStateException("the shared data key is unreadable", e);
    }
  }

  /**
   * A database of its own on the shared server, migrated, for a test whose jobs sweep the whole
   * database (a rotation, the retention purge) and must not touch the other tests' records.
   */
  public static synchronized String privateDatabase(String name) {
    String url = emptyDatabase(name);
    Migrations.migrate(url);
    return url;
  }

  /**
   * A database of its own migrated only up to {@code version}, as an older gateway left it, for a
   * test of the next migration on the rows written before it.
   */
  public static synchronized String databaseAtVersion(String name, String version) {
    String url = emptyDatabase(name);
    Migrations.migrate(url, version);
    return url;
  }

  private static String emptyDatabase(String name) {
    url(); // starts the server on first use
    try (Connection c = jdbc();
        java.sql.Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return url().replaceFirst("/postgres$", "/" + name);
  }

  /**
   * The first column of the one row {@code sql} returns in the database at {@code url}, as text.
   */
  public static String one(String url, String sql) throws SQLException {
    try (Connection c = jdbc(url);
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("no row: " + sql);
      }
      return rs.getString(1);
    }
  }

  /** A JDBC connection to a database of {@link #privateDatabase}. */
  public static Connection jdbc(String url) throws SQLException {
    return PgUrl.parse(url).connect();
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
