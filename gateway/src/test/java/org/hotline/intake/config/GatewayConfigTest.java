package org.hotline.intake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("configuration")
class GatewayConfigTest {
  @Test
  @DisplayName("with nothing set runs in demo mode on port 8080 with an embedded database")
  void defaults() {
    GatewayConfig c = GatewayConfig.load(Map.of());
    assertThat(c.demoMode()).isTrue();
    assertThat(c.keys()).isEqualTo(GatewayConfig.DEMO_KEYS);
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.pgUrl()).isNull();
    assertThat(c.clustered()).isFalse();
    assertThat(c.queueMaxAttempts()).isEqualTo(GatewayConfig.DEFAULT_QUEUE_MAX_ATTEMPTS);
  }

  @Test
  @DisplayName("reads the YAML file, and environment variables win over it")
  void yamlAndEnvironment(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("intake.yaml");
    Files.writeString(
        yaml,
        """
        http_port: 9000
        keys:
          - key: "a-long-random-phone-key-0001"
            channel: phone
          - key: "a-long-random-operator-key-01"
            operator: true
        dedup:
          duplicate_window_days: 20
          escalation_threshold: 4
        queues:
          max_attempts: 3
        """);
    GatewayConfig c =
        GatewayConfig.load(Map.of("INTAKE_CONFIG", yaml.toString(), "INTAKE_HTTP_PORT", "9100"));
    assertThat(c.httpPort()).isEqualTo(9100);
    assertThat(c.demoMode()).isFalse();
    assertThat(c.keys()).extracting(ChannelKey::channel).containsExactly("phone", null);
    assertThat(c.dedup().duplicateWindow()).isEqualTo(Duration.ofDays(20));
    assertThat(c.dedup().escalationThreshold()).isEqualTo(4);
    assertThat(c.queueMaxAttempts()).isEqualTo(3);
  }

  @Test
  @DisplayName("explains a bad value instead of failing obscurely")
  void badValues(@TempDir Path dir) {
    assertThatThrownBy(() -> GatewayConfig.load(Map.of("INTAKE_HTTP_PORT", "eighty")))
        .hasMessageContaining("INTAKE_HTTP_PORT");
    assertThatThrownBy(
            () ->
                GatewayConfig.load(Map.of("INTAKE_CONFIG", dir.resolve("missing.yaml").toString())))
        .hasMessageContaining("INTAKE_CONFIG");
  }

  @Test
  @DisplayName("a copy with one setting changed keeps all the others")
  void withers() {
    GatewayConfig base = GatewayConfig.defaults();
    GatewayConfig changed = base.withHttpPort(0).withQueueMaxAttempts(2);
    assertThat(changed.httpPort()).isZero();
    assertThat(changed.queueMaxAttempts()).isEqualTo(2);
    assertThat(changed.withHttpPort(8080).withQueueMaxAttempts(5)).isEqualTo(base);
  }
}
