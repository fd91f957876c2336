package org.hotline.intake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.hotline.intake.support.CapturingAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("configuration")
class GatewayConfigTest {
  @Test
  @DisplayName("INTAKE_CLUSTER names a Kubernetes headless service with kubernetes:<dns name>")
  void kubernetes() {
    String service = "kubernetes:intake-gateway.hotline.svc.cluster.local";
    GatewayConfig c =
        GatewayConfig.load(
            Map.of(
                "INTAKE_CLUSTER",
                service,
                "INTAKE_CLUSTER_SECRET",
                "a-shared-cluster-secret-0001",
                "INTAKE_PG_URL",
                "postgresql://u@db/intake"));
    assertThat(c.clustered()).isTrue();
    assertThat(c.cluster()).isEqualTo(service);
  }

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
    assertThat(c.http().eventLoops())
        .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    assertThat(c.http().pinCores()).isFalse();
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

  @Nested
  @DisplayName("read strictly")
  class Strict {
    private Path file(Path dir, String yaml) throws Exception {
      Path f = dir.resolve("intake.yaml");
      Files.writeString(f, yaml);
      return f;
    }

    private GatewayConfig load(Path file) {
      return GatewayConfig.load(Map.of("INTAKE_CONFIG", file.toString()));
    }

    /** Loading a file of this one line fails with a message naming the file. */
    private AbstractThrowableAssert<?, ? extends Throwable> refused(Path dir, String line)
        throws Exception {
      Path f = file(dir, line + "\n");
      return assertThatThrownBy(() -> load(f))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(f.toString());
    }

    @Test
    @DisplayName("an unknown key stops start-up, naming the key and the file")
    void unknownKey(@TempDir Path dir) throws Exception {
      refused(dir, "http_prot: 9000").hasMessageContaining("http_prot");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "dedup: {duplicate_window: 20} | dedup.duplicate_window",
          "writer: {max_batches: 10} | writer.max_batches",
          "queues: {max_attempt: 3} | queues.max_attempt",
          "limits: {channels: {fax: {rate: 5}}} | limits.channels.fax",
          "limits: {channels: {web: {rates: 5}}} | limits.channels.web.rates",
          "keys: [{key: a-long-random-phone-key-0001, chanel: phone}] | keys[0].chanel"
        })
    @DisplayName("an unknown nested key stops start-up, naming its full path")
    void nestedUnknownKey(String yaml, String path, @TempDir Path dir) throws Exception {
      refused(dir, yaml).hasMessageContaining(path).hasMessageContaining("not a known key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "http_port: 70000 | http_port",
          "http_port: eighty | http_port",
          "cluster_port: 0 | cluster_port",
          "max_event_loop_ms: -5 | max_event_loop_ms",
          "dedup: {escalation_threshold: five} | dedup.escalation_threshold",
          "dedup: {duplicate_window_days: 0} | dedup.duplicate_window_days",
          "dedup: 30 | dedup",
          "writer: {max_in_flight: 2.5} | writer.max_in_flight",
          "writer: {pace_ms: -1} | writer.pace_ms",
          "writer: {pace_ms: 1001} | writer.pace_ms",
          "http: {event_loops: 0} | http.event_loops",
          "http: {pin_cores: sometimes} | http.pin_cores",
          "queues: {max_attempts: 0} | queues.max_attempts",
          "keys: {key: a-long-random-phone-key-0001} | keys",
          "keys: [{key: short, channel: phone}] | keys[0].key",
          "keys: [{key: a-long-random-phone-key-0001, channel: fax}] | keys[0].channel",
          "keys: [{key: a-long-random-phone-key-0001}] | keys[0].channel",
          "keys: [{key: a-long-random-operator-key-01, operator: yes please}] | keys[0].operator",
          "pg_url: [a, b] | pg_url",
          "limits: {channel_rate: 0} | limits.channel_rate",
          "limits: {channels: {web: {burst: 20000000}}} | limits.channels.web.burst",
          "limits: {max_connections: 0} | limits.max_connections",
          "limits: {max_concurrent_streams: 100000} | limits.max_concurrent_streams",
          "limits: {queue_pool_size: 65} | limits.queue_pool_size",
          "limits: {dedup_max_entries: -1} | limits.dedup_max_entries",
          "[1, 2] | top level"
        })
    @DisplayName("a bad value stops start-up, naming the key and the file")
    void badValue(String yaml, String key, @TempDir Path dir) throws Exception {
      refused(dir, yaml).hasMessageContaining(key);
    }

    @Test
    @DisplayName("a secret too short for the identity HMAC is refused without quoting it")
    void shortSecret() {
      assertThatThrownBy(() -> GatewayConfig.load(Map.of("INTAKE_DEDUP_SECRET", "hunter2")))
          .hasMessageContaining("INTAKE_DEDUP_SECRET")
          .hasMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("cluster mode without a shared secret, or with a short one, is refused")
    void clusterSecret() {
      assertThatThrownBy(() -> GatewayConfig.load(Map.of("INTAKE_CLUSTER", "10.0.0.5:5701")))
          .hasMessageContaining("INTAKE_CLUSTER_SECRET");
      assertThatThrownBy(
              () ->
                  GatewayConfig.load(
                      Map.of(
                          "INTAKE_CLUSTER", "10.0.0.5:5701", "INTAKE_CLUSTER_SECRET", "hunter2")))
          .hasMessageContaining("INTAKE_CLUSTER_SECRET")
          .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
      "INTAKE_CLUSTER_PORT, 0",
      "INTAKE_HTTP_PORT, 65536",
      "INTAKE_MAX_EVENT_LOOP_MS, 0",
      "INTAKE_CLUSTER, '10.0.0.5:5701,:5701'",
      "INTAKE_CLUSTER, '10.0.0.5:99999'",
      "INTAKE_CLUSTER, 'kubernetes:'",
      "INTAKE_CLUSTER, 'kubernetes:bad name'",
      "INTAKE_CLUSTER, 'http://127.0.0.1:5811'",
      "INTAKE_CLUSTER, 'foo bar:5811'",
      "INTAKE_CLUSTER, '10.0.0.5:5701,10.0.0.6/24'"
    })
    @DisplayName("a bad environment value stops start-up, naming the variable")
    void badVariable(String name, String value) {
      assertThatThrownBy(() -> GatewayConfig.load(Map.of(name, value))).hasMessageContaining(name);
    }

    @Test
    @DisplayName("an unknown INTAKE_ variable is warned about by name, never by value")
    void unknownVariable() {
      GatewayConfig c =
          GatewayConfig.load(Map.of("INTAKE_HTTP_PROT", "secret-looking-value", "PATH", "/bin"));
      assertThat(c.httpPort()).isEqualTo(GatewayConfig.DEFAULT_HTTP_PORT);
      assertThat(CapturingAppender.events())
          .map(ILoggingEvent::getFormattedMessage)
          .anySatisfy(m -> assertThat(m).contains("INTAKE_HTTP_PROT"))
          .noneSatisfy(m -> assertThat(m).contains("secret-looking-value"));
    }

    @Test
    @DisplayName("every key the README documents is accepted")
    void documentedKeys(@TempDir Path dir) throws Exception {
      Path f =
          file(
              dir,
              """
              http_port: 0
              pg_url: "postgresql://u:p@localhost:5432/db"
              data_dir: ./data
              max_event_loop_ms: 500
              cluster: "127.0.0.1:5701,127.0.0.1:5702"
              cluster_port: 5702
              cluster_secret: "a-long-enough-cluster-secret"
              cluster_call_timeout_ms: 2000
              pg: {response_timeout_ms: 5000}
              dedup:
                secret: "a-long-enough-dedup-secret"
                duplicate_window_days: 30
                cluster_window_days: 7
                escalation_threshold: 5
              queues: {max_attempts: 5}
              http: {event_loops: 3, pin_cores: true}
              writer: {max_batch: 500, max_in_flight: 2, max_queued: 10000, pace_ms: 3}
              limits:
                channel_rate: 300
                channel_burst: 600
                channels: {web: {rate: 50}, phone: {rate: 40, burst: 80}}
                max_connections: 500
                max_concurrent_streams: 20
                queue_pool_size: 3
                dedup_max_entries: 200000
              keys:
                - {key: "a-long-random-12345-key-0001", channel: 12345, hmac_secrets: [s1, s2]}
                - {key: "a-long-random-operator-key-01", operator: true}
              """);
      GatewayConfig c = load(f);
      assertThat(c.clusterPort()).isEqualTo(5702);
      assertThat(c.clusterOptions().callTimeoutMs()).isEqualTo(2000);
      assertThat(c.clusterOptions().toString()).doesNotContain("a-long-enough-cluster-secret");
      assertThat(c.database().responseTimeoutMs()).isEqualTo(5000);
      assertThat(c.writer()).isEqualTo(new WriterOptions(500, 2, 10_000, 3));
      assertThat(c.http().eventLoops()).isEqualTo(3);
      assertThat(c.http().pinCores()).isTrue();
      assertThat(c.keys()).extracting(ChannelKey::channel).containsExactly("12345", null);
      assertThat(c.keys().get(0).hmacSecrets()).containsExactly("s1", "s2");
      LimitOptions limits = c.limits();
      assertThat(limits.rate("web")).isEqualTo(new ChannelRate(50, 600));
      assertThat(limits.rate("phone")).isEqualTo(new ChannelRate(40, 80));
      assertThat(limits.rate("12345")).isEqualTo(new ChannelRate(300, 600));
      assertThat(limits.maxConnections()).isEqualTo(500);
      assertThat(limits.maxConcurrentStreams()).isEqualTo(20);
      assertThat(limits.queuePoolSize()).isEqualTo(3);
      assertThat(limits.dedupMaxEntries()).isEqualTo(200_000);
    }

    @Test
    @DisplayName(
        "without limits, every channel gets the default bucket and the index its heap share")
    void defaultLimits() {
      LimitOptions limits = GatewayConfig.load(Map.of()).limits();
      assertThat(limits).isEqualTo(LimitOptions.defaults());
      assertThat(limits.rate("web")).isEqualTo(LimitOptions.DEFAULT_CHANNEL_RATE);
      assertThat(limits.dedupMaxEntries()).as("0: derived from the heap").isZero();
    }
  }
}
