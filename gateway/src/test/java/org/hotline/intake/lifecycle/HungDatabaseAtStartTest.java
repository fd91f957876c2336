package org.hotline.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.hotline.intake.store.PgUrl;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.StallingProxy;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Start-up's JDBC work against a database that accepts connections and never answers: start-up
 * fails with a connection error within its login timeout, instead of hanging for ever.
 */
@DisplayName("start-up against a hung database")
class HungDatabaseAtStartTest {
  @Test
  @DisplayName("fails within the login timeout with a connection error, not a hang")
  void failsInsteadOfHanging() throws Exception {
    try (StallingProxy proxy = StallingProxy.to(SharedDatabase.port())) {
      proxy.stall();
      long started = System.nanoTime();
      assertThatThrownBy(
              () -> TestGateway.start(c -> c.withPgUrl(SharedDatabase.urlVia(proxy.port()))))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      // Functional, not a benchmark: bounded by the timeout, far from "for ever".
      assertThat(seconds).isBetween(PgUrl.LOGIN_TIMEOUT_S - 1L, PgUrl.LOGIN_TIMEOUT_S * 3L);
    }
  }
}
