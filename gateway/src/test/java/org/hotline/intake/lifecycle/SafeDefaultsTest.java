package org.hotline.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import org.hotline.intake.Gateway;
import org.hotline.intake.config.GatewayConfig;
import org.hotline.intake.config.HttpOptions;
import org.hotline.intake.store.Durability;
import org.hotline.intake.support.BlockedThreadGuard;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("safe defaults")
class SafeDefaultsTest {
  @Nested
  @DisplayName("demo mode")
  class Demo {
    @Test
    @DisplayName("listens on loopback only; configured keys listen on every interface")
    void loopback() {
      assertThat(GatewayConfig.defaults().bindHost()).isEqualTo("127.0.0.1");
      assertThat(GatewayConfig.defaults().withKeys(GatewayConfig.DEMO_KEYS).bindHost())
          .isEqualTo(HttpOptions.DEFAULT_HOST);
    }

    @Test
    @DisplayName("refuses to start with an external database")
    void externalDatabase() {
      GatewayConfig demo = GatewayConfig.defaults().withHttpPort(0).withPgUrl(SharedDatabase.url());
      assertThatThrownBy(() -> Gateway.start(demo))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("INTAKE_PG_URL")
          .hasMessageContaining("keys");
    }

    @Test
    @DisplayName("refuses to join a cluster")
    void cluster() {
      GatewayConfig demo = GatewayConfig.defaults().withHttpPort(0).withCluster("10.0.0.5:5701", 0);
      assertThatThrownBy(() -> Gateway.start(demo))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("INTAKE_CLUSTER");
    }
  }

  @Nested
  @DisplayName("durability")
  class Durable {
    @Test
    @DisplayName("fsync must be on, and synchronous_commit on or remote_apply")
    void settings() {
      assertThat(Durability.problems("on", "on")).isEmpty();
      assertThat(Durability.problems("on", "remote_apply")).isEmpty();
      assertThat(Durability.problems("off", "on")).singleElement().asString().contains("fsync");
      for (String weak : new String[] {"off", "local", "remote_write"}) {
        assertThat(Durability.problems("on", weak))
            .singleElement()
            .asString()
            .contains("synchronous_commit");
      }
    }

    @Test
    @DisplayName("a database with synchronous_commit off is refused at start-up unless allowed")
    void refused() throws Exception {
      String name = "unsafe_" + ProcessHandle.current().pid();
      try (Connection c = SharedDatabase.jdbc();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
        s.execute("CREATE DATABASE " + name);
        s.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
      }
      String shared = SharedDatabase.url();
      String url = shared.substring(0, shared.lastIndexOf('/') + 1) + name;
      GatewayConfig config =
          GatewayConfig.defaults()
              .withHttpPort(0)
              .withPgUrl(url)
              .withKeys(GatewayConfig.DEMO_KEYS)
              .withMaxEventLoopMs(BlockedThreadGuard.maxEventLoopMs());
      assertThatThrownBy(() -> Gateway.start(config))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("synchronous_commit is off")
          .hasMessageContaining("allow_unsafe_durability");
      Gateway allowed =
          Gateway.start(config.withDatabase(config.database().withAllowUnsafeDurability(true)));
      allowed.stop();
    }

    @Test
    @DisplayName("the embedded server passes the check")
    void embedded() throws Exception {
      assertThat(
              Durability.check(org.hotline.intake.store.PgUrl.parse(SharedDatabase.url()), false))
          .isEmpty();
    }
  }
}
