package org.hotline.intake.config;

import java.nio.file.Path;
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
 * @param http the HTTP server's protocol limits and timeouts
 * @param database server-side limits on the gateway's PostgreSQL sessions
 * @param clusterOptions the cluster's shared secret and the timeout on its calls
 * @param limits what one node takes on before it refuses more: channel rates, connections, the
 *     queue pool, the dedup index
 * @param privacy the data keys for personal data at rest, and the retention purge
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
    BoardOptions board,
    HttpOptions http,
    DatabaseOptions database,
    ClusterOptions clusterOptions,
    LimitOptions limits,
    PrivacyOptions privacy) {

  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final long DEFAULT_MAX_EVENT_LOOP_MS = 2000;
  public static final int DEFAULT_CLUSTER_PORT = 5701;

  /** {@code INTAKE_CLUSTER=kubernetes:<service DNS name>}: Hazelcast's Kubernetes discovery. */
  public static final String KUBERNETES_PREFIX = "kubernetes:";

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

  public GatewayConfig withHttp(HttpOptions options) {
    return with(b -> b.http = options);
  }

  public GatewayConfig withDatabase(DatabaseOptions options) {
    return with(b -> b.database = options);
  }

  public GatewayConfig withClusterOptions(ClusterOptions options) {
    return with(b -> b.clusterOptions = options);
  }

  public GatewayConfig withLimits(LimitOptions options) {
    return with(b -> b.limits = options);
  }

  public GatewayConfig withPrivacy(PrivacyOptions options) {
    return with(b -> b.privacy = options);
  }

  /**
   * The settings without their secrets: the database URL's password and the identity secret are
   * replaced by {@code ***}, and bearer keys, signing secrets and data keys print without theirs,
   * so the configuration can be logged or end up in an error.
   */
  @Override
  public String toString() {
    return Secrets.describe(
        this, Map.of("pgUrl", Secrets::redactUrl, "dedupSecret", Secrets::redact));
  }

  /**
   * The address to listen on: loopback in demo mode, whose keys are public (and one of them reads
   * every complainant's data), whatever the HTTP options say.
   */
  public String bindHost() {
    return demoMode ? HttpOptions.LOOPBACK : http.host();
  }

  /**
   * Fails when demo mode is asked to run anywhere but on its own embedded database and node: the
   * public demo keys must never guard real data or join real members.
   *
   * @throws IllegalStateException naming what to configure
   */
  public void requireSafeDemo() {
    if (!demoMode) {
      return;
    }
    if (pgUrl != null && !pgUrl.isBlank()) {
      throw new IllegalStateException(
          "demo mode (no keys configured) refuses an external database (INTAKE_PG_URL):"
              + " configure keys in INTAKE_CONFIG");
    }
    if (clustered()) {
      throw new IllegalStateException(
          "demo mode (no keys configured) refuses to join a cluster (INTAKE_CLUSTER):"
              + " configure keys in INTAKE_CONFIG");
    }
  }

  /** The channels the keys post as, in the order the keys name them. */
  public List<String> channels() {
    java.util.Set<String> channels = new java.util.LinkedHashSet<>();
    for (ChannelKey k : keys) {
      if (k.channel() != null) {
        channels.add(k.channel());
      }
    }
    return List.copyOf(channels);
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
    public HttpOptions http;
    public DatabaseOptions database;
    public ClusterOptions clusterOptions;
    public LimitOptions limits;
    public PrivacyOptions privacy;

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
      http = c.http;
      database = c.database;
      clusterOptions = c.clusterOptions;
      limits = c.limits;
      privacy = c.privacy;
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
          board,
          http,
          database,
          clusterOptions,
          limits,
          privacy);
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
        BoardOptions.defaults(),
        HttpOptions.defaults(),
        DatabaseOptions.defaults(),
        ClusterOptions.defaults(),
        LimitOptions.defaults(),
        PrivacyOptions.defaults());
  }

  /**
   * Reads the configuration from the environment and the YAML file it names, strictly (see {@link
   * ConfigReader}).
   *
   * @throws IllegalArgumentException with a message fit for an operator, naming the key (and the
   *     file or variable), when a key is unknown or a value is invalid
   */
  public static GatewayConfig load(Map<String, String> env) {
    return ConfigReader.read(env);
  }
}
