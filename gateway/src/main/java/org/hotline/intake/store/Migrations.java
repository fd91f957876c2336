package org.hotline.intake.store;

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
    migrate(pgUrl, "latest");
  }

  /**
   * Applies pending migrations up to {@code target} (a version such as {@code "8"}, or {@code
   * "latest"}): an older gateway's schema, for tests of an upgrade.
   */
  public static void migrate(String pgUrl, String target) {
    PgUrl url = PgUrl.parse(pgUrl);
    Flyway flyway =
        Flyway.configure()
            .dataSource(url.jdbcUrl(PgUrl.MIGRATION_READ_TIMEOUT_S), url.user(), url.password())
            .locations("classpath:db/migration")
            .target(target)
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        "database schema at version {} ({} migrations applied)",
        result.targetSchemaVersion == null
            ? flyway.info().current().getVersion()
            : result.targetSchemaVersion,
        result.migrationsExecuted);
  }
}
