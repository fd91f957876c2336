package org.hotline.intake.store;

import java.net.URI;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with Flyway before the gateway takes traffic. Blocking. */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /** Applies pending migrations from {@code classpath:db/migration}. */
  public static void migrate(String pgUrl) {
    PgUrl url = PgUrl.parse(pgUrl);
    Flyway flyway =
        Flyway.configure()
            .dataSource(url.jdbcUrl(), url.user(), url.password())
            .locations("classpath:db/migration")
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        "database schema at version {} ({} migrations applied)",
        result.targetSchemaVersion == null
            ? flyway.info().current().getVersion()
            : result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  /** The parts of a {@code postgresql://user:pass@host:port/db} URL. */
  record PgUrl(String host, int port, String database, String user, String password) {
    static PgUrl parse(String url) {
      URI uri = URI.create(url.replaceFirst("^postgres://", "postgresql://"));
      if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "INTAKE_PG_URL must look like postgresql://user:pass@host:port/db");
      }
      String user = "postgres";
      String password = null;
      if (uri.getUserInfo() != null) {
        String[] parts = uri.getUserInfo().split(":", 2);
        user = parts[0];
        password = parts.length > 1 ? parts[1] : null;
      }
      String db =
          uri.getPath() == null || uri.getPath().length() <= 1
              ? "postgres"
              : uri.getPath().substring(1);
      return new PgUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password);
    }

    String jdbcUrl() {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }
}
