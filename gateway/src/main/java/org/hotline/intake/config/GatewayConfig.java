package org.hotline.intake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.dedup.DedupOptions;
import org.hotline.intake.board.BoardOptions;

/**
 * Everything the gateway is told at start-up. Environment variables win over the YAML file named by
 * {@code INTAKE_CONFIG}, which wins over the defaults; with no keys configured the gateway runs in
 * demo mode with the contract's demo keys.
 *
 * @param httpPort listening port, 0 for any free port
 * @param pgUrl external PostgreSQL URL, or null to start the embedded server
 * @param dataDir where embedded state lives
 * @param keys bearer keys
 * @param demoMode whether the keys are the public demo keys
 * @param writer group-commit writer limits
 * @param maxEventLoopMs how long an event-loop task may run before Vert.x warns about it
 * @param dedupSecret HMAC key for complainant identities; null to use one generated and kept in the
 *     database
 * @param dedup duplicate and group windows and the escalation threshold
 * @param cluster Hazelcast members ({@code host:port,host:port}), or null for a single node
 * @param clusterPort this node's Hazelcast port
 * @param queueMaxAttempts claims after which an item whose lease keeps expiring is parked as stuck
 * @param board the status board's refresh period and targets
 */
public record GatewayConfig(
    int httpPort,
    String pgUrl,
    Path dataDir,
    List<ChannelKey> keys,
    boolean demoMode,
    WriterOptions writer,
    long maxEventLoopMs,
    String dedupSecret,
    DedupOptions dedup,
    String cluster,
    int clusterPort,
    int queueMaxAttempts,
    BoardOptions board) {

  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final long DEFAULT_MAX_EVENT_LOOP_MS = 2000;
  public static final int DEFAULT_CLUSTER_PORT = 5701;
  public static final int DEFAULT_QUEUE_MAX_ATTEMPTS = 5;

  /** The demo keys of CONTRACT.md, used only when no keys are configured. */
  public static final List<ChannelKey> DEMO_KEYS =
      List.of(
          ChannelKey.channel("demo-phone-key", "phone"),
          ChannelKey.channel("demo-web-key", "web"),
          ChannelKey.channel("demo-12345-key", "12345"),
          ChannelKey.operator("demo-operator-key"));

  public GatewayConfig {
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("http port must be 0..65535, got " + httpPort);
    }
    keys = List.copyOf(keys);
  }

  /** A copy with some settings changed: {@code with(b -> b.httpPort = 0)}. */
  public GatewayConfig with(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  public GatewayConfig withHttpPort(int port) {
    return with(b -> b.httpPort = port);
  }

  public GatewayConfig withPgUrl(String url) {
    return with(b -> b.pgUrl = url);
  }

  /** Configured keys: this leaves demo mode. */
  public GatewayConfig withKeys(List<ChannelKey> newKeys) {
    return with(
        b -> {
          b.keys = newKeys;
          b.demoMode = false;
        });
  }

  public GatewayConfig withDataDir(Path dir) {
    return with(b -> b.dataDir = dir);
  }

  public GatewayConfig withMaxEventLoopMs(long ms) {
    return with(b -> b.maxEventLoopMs = ms);
  }

  public GatewayConfig withCluster(String members, int port) {
    return with(
        b -> {
          b.cluster = members;
          b.clusterPort = port;
        });
  }

  public GatewayConfig withQueueMaxAttempts(int attempts) {
    return with(b -> b.queueMaxAttempts = attempts);
  }

  public GatewayConfig withDedup(DedupOptions options) {
    return with(b -> b.dedup = options);
  }

  public GatewayConfig withWriter(WriterOptions options) {
    return with(b -> b.writer = options);
  }

  public GatewayConfig withBoard(BoardOptions options) {
    return with(b -> b.board = options);
  }

  /** Whether this node joins a Hazelcast cluster. */
  public boolean clustered() {
    return cluster != null && !cluster.isBlank();
  }

  /** The settings as mutable fields, for {@link #with}. */
  public static final class Builder {
    public int httpPort;
    public String pgUrl;
    public Path dataDir;
    public List<ChannelKey> keys;
    public boolean demoMode;
    public WriterOptions writer;
    public long maxEventLoopMs;
    public String dedupSecret;
    public DedupOptions dedup;
    public String cluster;
    public int clusterPort;
    public int queueMaxAttempts;
    public BoardOptions board;

    Builder(GatewayConfig c) {
      httpPort = c.httpPort;
      pgUrl = c.pgUrl;
      dataDir = c.dataDir;
      keys = c.keys;
      demoMode = c.demoMode;
      writer = c.writer;
      maxEventLoopMs = c.maxEventLoopMs;
      dedupSecret = c.dedupSecret;
      dedup = c.dedup;
      cluster = c.cluster;
      clusterPort = c.clusterPort;
      queueMaxAttempts = c.queueMaxAttempts;
      board = c.board;
    }

    GatewayConfig build() {
      return new GatewayConfig(
          httpPort,
          pgUrl,
          dataDir,
          keys,
          demoMode,
          writer,
          maxEventLoopMs,
          dedupSecret,
          dedup,
          cluster,
          clusterPort,
          queueMaxAttempts,
          board);
    }
  }

  /** Defaults only: demo keys, embedded database under ./data. */
  public static GatewayConfig defaults() {
    return new GatewayConfig(
        DEFAULT_HTTP_PORT,
        null,
        Path.of(DEFAULT_DATA_DIR),
        DEMO_KEYS,
        true,
        WriterOptions.defaults(),
        DEFAULT_MAX_EVENT_LOOP_MS,
        null,
        DedupOptions.defaults(),
        null,
        DEFAULT_CLUSTER_PORT,
        DEFAULT_QUEUE_MAX_ATTEMPTS,
        BoardOptions.defaults());
  }

  /**
   * Reads the configuration from the environment and the YAML file it names.
   *
   * @throws IllegalArgumentException with a message fit for an operator when a value is invalid
   */
  public static GatewayConfig load(Map<String, String> env) {
    JsonNode yaml = readYaml(env.get("INTAKE_CONFIG"));
    int port = intSetting(env, "INTAKE_HTTP_PORT", yaml.path("http_port"), DEFAULT_HTTP_PORT);
    String pgUrl = stringSetting(env, "INTAKE_PG_URL", yaml.path("pg_url"), null);
    String dataDir = stringSetting(env, "INTAKE_DATA_DIR", yaml.path("data_dir"), DEFAULT_DATA_DIR);
    long maxLoop =
        intSetting(
            env,
            "INTAKE_MAX_EVENT_LOOP_MS",
            yaml.path("max_event_loop_ms"),
            (int) DEFAULT_MAX_EVENT_LOOP_MS);
    List<ChannelKey> keys = readKeys(yaml.path("keys"));
    boolean demo = keys.isEmpty();
    WriterOptions writer = WriterOptions.fromYaml(yaml.path("writer"));
    String dedupSecret =
        stringSetting(env, "INTAKE_DEDUP_SECRET", yaml.path("dedup").path("secret"), null);
    JsonNode d = yaml.path("dedup");
    DedupOptions dedup =
        new DedupOptions(
            Duration.ofDays(d.path("duplicate_window_days").asLong(30)),
            Duration.ofDays(d.path("cluster_window_days").asLong(7)),
            d.path("escalation_threshold").asInt(DedupOptions.DEFAULT_ESCALATION_THRESHOLD));
    return new GatewayConfig(
        port,
        pgUrl,
        Path.of(dataDir),
        demo ? DEMO_KEYS : keys,
        demo,
        writer,
        maxLoop,
        dedupSecret,
        dedup,
        stringSetting(env, "INTAKE_CLUSTER", yaml.path("cluster"), null),
        intSetting(env, "INTAKE_CLUSTER_PORT", yaml.path("cluster_port"), DEFAULT_CLUSTER_PORT),
        yaml.path("queues").path("max_attempts").asInt(DEFAULT_QUEUE_MAX_ATTEMPTS),
        BoardOptions.fromYaml(yaml.path("board")));
  }

  private static JsonNode readYaml(String path) {
    if (path == null || path.isBlank()) {
      return new ObjectMapper().createObjectNode();
    }
    Path file = Path.of(path);
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("INTAKE_CONFIG names a file that cannot be read: " + path);
    }
    try {
      JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      return node == null ? new ObjectMapper().createObjectNode() : node;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "INTAKE_CONFIG is not valid YAML (" + path + "): " + e.getMessage(), e);
    }
  }

  private static List<ChannelKey> readKeys(JsonNode node) {
    List<ChannelKey> keys = new ArrayList<>();
    for (JsonNode k : node) {
      String key = k.path("key").asText("");
      if (key.length() < 16) {
        throw new IllegalArgumentException("keys[].key must be at least 16 characters");
      }
      boolean operator = k.path("operator").asBoolean(false);
      String channel = k.hasNonNull("channel") ? k.get("channel").asText() : null;
      if (!operator && (channel == null || channel.isBlank())) {
        throw new IllegalArgumentException("keys[] entries need a channel or operator: true");
      }
      List<String> secrets = new ArrayList<>();
      k.path("hmac_secrets").forEach(s -> secrets.add(s.asText()));
      keys.add(new ChannelKey(key, channel, operator, secrets));
    }
    return keys;
  }

  private static String stringSetting(
      Map<String, String> env, String name, JsonNode yaml, String fallback) {
    String v = env.get(name);
    if (v != null && !v.isBlank()) {
      return v;
    }
    return yaml.isValueNode() ? yaml.asText() : fallback;
  }

  private static int intSetting(Map<String, String> env, String name, JsonNode yaml, int fallback) {
    String v = stringSetting(env, name, yaml, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
    }
  }
}
