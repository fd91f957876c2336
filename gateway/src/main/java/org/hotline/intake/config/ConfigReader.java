package org.hotline.intake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.dedup.DedupOptions;
import org.hotline.intake.board.BoardOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link GatewayConfig} from the environment and the YAML file {@code INTAKE_CONFIG} names,
 * strictly: an unknown YAML key at any depth, or a value of the wrong type or out of range, stops
 * start-up with a message naming the key (and the file, or the variable). An unknown {@code
 * INTAKE_*} variable is only warned about, by name: the environment is shared with other software
 * and cannot be vetted like our own file.
 */
final class ConfigReader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigReader.class);

  static final String CONFIG = "INTAKE_CONFIG";
  static final String HTTP_PORT = "INTAKE_HTTP_PORT";
  static final String PG_URL = "INTAKE_PG_URL";
  static final String DATA_DIR = "INTAKE_DATA_DIR";
  static final String MAX_EVENT_LOOP_MS = "INTAKE_MAX_EVENT_LOOP_MS";
  static final String DEDUP_SECRET = "INTAKE_DEDUP_SECRET";
  static final String CLUSTER = "INTAKE_CLUSTER";
  static final String CLUSTER_PORT = "INTAKE_CLUSTER_PORT";
  static final String CLUSTER_SECRET = "INTAKE_CLUSTER_SECRET";
  static final String PII_KEYS = "INTAKE_PII_KEYS";
  static final Set<String> VARIABLES =
      Set.of(
          CONFIG,
          HTTP_PORT,
          PG_URL,
          DATA_DIR,
          MAX_EVENT_LOOP_MS,
          DEDUP_SECRET,
          CLUSTER,
          CLUSTER_PORT,
          CLUSTER_SECRET,
          PII_KEYS);

  /** The channels a key may post as. */
  static final Set<String> CHANNELS = Set.of("phone", "web", "12345");

  // The identity HMAC needs at least this many bytes of key.
  private static final int MIN_SECRET_LENGTH = 16;
  private static final int MIN_KEY_LENGTH = 16;
  private static final int MAX_WINDOW_DAYS = 365;
  private static final int MAX_EVENT_LOOP_LIMIT_MS = 3_600_000;

  private final Map<String, String> env;

  private ConfigReader(Map<String, String> env) {
    this.env = env;
  }

  static GatewayConfig read(Map<String, String> env) {
    return new ConfigReader(env).read();
  }

  /** The {@code INTAKE_*} variables that mean nothing to the gateway, sorted. */
  static Set<String> unknownVariables(Map<String, String> env) {
    Set<String> unknown = new TreeSet<>();
    for (String name : env.keySet()) {
      if (name.startsWith("INTAKE_") && !VARIABLES.contains(name)) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  private GatewayConfig read() {
    for (String name : unknownVariables(env)) {
      LOG.warn("ignoring unknown environment variable {} (a misspelling?)", name);
    }
    YamlSection yaml = readYaml(env.get(CONFIG));
    int port = integer(HTTP_PORT, yaml, "http_port", 0, 65535, GatewayConfig.DEFAULT_HTTP_PORT);
    String pgUrl = pgUrl(text(PG_URL, yaml, "pg_url", null));
    String dataDir = text(DATA_DIR, yaml, "data_dir", GatewayConfig.DEFAULT_DATA_DIR);
    int maxLoop =
        integer(
            MAX_EVENT_LOOP_MS,
            yaml,
            "max_event_loop_ms",
            1,
            MAX_EVENT_LOOP_LIMIT_MS,
            (int) GatewayConfig.DEFAULT_MAX_EVENT_LOOP_MS);
    List<ChannelKey> keys = keys(yaml);
    WriterOptions writer = writer(yaml.section("writer"));
    YamlSection d = yaml.section("dedup");
    String dedupSecret = secret(d);
    DedupOptions dedup = dedup(d);
    String cluster = members(text(CLUSTER, yaml, "cluster", null));
    int clusterPort =
        integer(CLUSTER_PORT, yaml, "cluster_port", 1, 65535, GatewayConfig.DEFAULT_CLUSTER_PORT);
    ClusterOptions clusterOptions = clusterOptions(yaml, cluster);
    Integer attempts = yaml.section("queues").integer("max_attempts", 1, 1000);
    BoardOptions board = board(yaml.section("board"));
    HttpOptions http = http(yaml.section("http"));
    DatabaseOptions database = database(yaml.section("pg"));
    LimitOptions limits = limits(yaml.section("limits"));
    PrivacyOptions privacy = privacy(yaml.section("privacy"), dedup);
    yaml.rejectUnknown();
    boolean demo = keys.isEmpty();
    return new GatewayConfig(
        port,
        pgUrl,
        Path.of(dataDir),
        demo ? GatewayConfig.DEMO_KEYS : keys,
        demo,
        writer,
        maxLoop,
        dedupSecret,
        dedup,
        cluster,
        clusterPort,
        attempts == null ? GatewayConfig.DEFAULT_QUEUE_MAX_ATTEMPTS : attempts,
        board,
        http,
        database,
        clusterOptions,
        limits,
        privacy);
  }

  /** The secret (required when there are members) and the call timeout. */
  private ClusterOptions clusterOptions(YamlSection yaml, String cluster) {
    String secret = text(CLUSTER_SECRET, yaml, "cluster_secret", null);
    if (secret != null && secret.length() < ClusterOptions.MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          CLUSTER_SECRET
              + " (or cluster_secret) must be at least "
              + ClusterOptions.MIN_SECRET_LENGTH
              + " characters");
    }
    if (cluster != null && secret == null) {
      throw new IllegalArgumentException(
          CLUSTER_SECRET + " (or cluster_secret) is required with " + CLUSTER);
    }
    Integer timeout =
        yaml.integer("cluster_call_timeout_ms", 1, ClusterOptions.MAX_CALL_TIMEOUT_MS);
    return new ClusterOptions(
        secret, timeout == null ? ClusterOptions.DEFAULT_CALL_TIMEOUT_MS : timeout);
  }

  private static YamlSection readYaml(String path) {
    if (path == null || path.isBlank()) {
      return YamlSection.root(null, "(none)");
    }
    Path file = Path.of(path);
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(CONFIG + " names a file that cannot be read: " + path);
    }
    try {
      JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      return YamlSection.root(node, path);
    } catch (IOException e) {
      // Only where: the parser's message quotes the offending line, which may hold a secret.
      String where =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  && j.getLocation() != null
              ? " at line " + j.getLocation().getLineNr()
              : "";
      throw new IllegalArgumentException(CONFIG + " is not valid YAML (" + path + ")" + where);
    }
  }

  private static List<ChannelKey> keys(YamlSection yaml) {
    List<ChannelKey> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlSection k : yaml.sections("keys")) {
      String key = k.text("key");
      boolean operator = Boolean.TRUE.equals(k.bool("operator"));
      String channel = k.text("channel");
      List<String> secrets = k.strings("hmac_secrets");
      // A misspelt key (chanel) explains a missing value better than the missing value does.
      k.rejectUnknown();
      if (key == null || key.length() < MIN_KEY_LENGTH) {
        throw k.error("key", "must be at least " + MIN_KEY_LENGTH + " characters");
      }
      if (!seen.add(key)) {
        throw k.error("key", "repeats an earlier key");
      }
      if (channel != null && !CHANNELS.contains(channel)) {
        throw k.error("channel", "must be one of " + new TreeSet<>(CHANNELS));
      }
      if (!operator && channel == null) {
        throw k.error("channel", "is required unless operator: true");
      }
      keys.add(new ChannelKey(key, channel, operator, secrets));
    }
    return keys;
  }

  private static WriterOptions writer(YamlSection w) {
    Integer batch = w.integer("max_batch", 1, 100_000);
    Integer inFlight = w.integer("max_in_flight", 1, 64);
    Integer queued = w.integer("max_queued", 1, 10_000_000);
    Integer pace = w.integer("pace_ms", 0, 1_000);
    return new WriterOptions(
        batch == null ? WriterOptions.DEFAULT_MAX_BATCH : batch,
        inFlight == null ? WriterOptions.DEFAULT_MAX_IN_FLIGHT : inFlight,
        queued == null ? WriterOptions.DEFAULT_MAX_QUEUED : queued,
        pace == null ? WriterOptions.DEFAULT_PACE_MILLIS : pace);
  }

  /** The status board's refresh and targets; the ranges are those {@link BoardOptions} checks. */
  private static BoardOptions board(YamlSection b) {
    BoardOptions d = BoardOptions.defaults();
    Integer refreshMs = b.integer("refresh_ms", 100, 600_000);
    Integer amberMinutes = b.integer("oldest_amber_minutes", 1, 100_000);
    Integer redDays = b.integer("oldest_red_working_days", 1, 30);
    Integer waitingAmber = b.integer("waiting_amber", 1, 10_000_000);
    Integer waitingRed = b.integer("waiting_red", 1, 10_000_000);
    Integer stuckRed = b.integer("stuck_red", 1, 10_000_000);
    Integer horizon = b.integer("calendar_horizon_days", 1, 366);
    Integer shown = b.integer("groups_shown", 0, 100);
    b.rejectUnknown();
    return new BoardOptions(
        refreshMs == null ? d.refreshInterval() : Duration.ofMillis(refreshMs),
        amberMinutes == null ? d.oldestAmber() : Duration.ofMinutes(amberMinutes),
        redDays == null ? d.oldestRedWorkingDays() : redDays,
        waitingAmber == null ? d.waitingAmber() : waitingAmber,
        waitingRed == null ? d.waitingRed() : waitingRed,
        stuckRed == null ? d.stuckRed() : stuckRed,
        horizon == null ? d.calendarHorizonDays() : horizon,
        shown == null ? d.groupsShown() : shown);
  }

  /** The HTTP server's protocol switches and timeouts; ranges as {@link HttpOptions} checks. */
  private static HttpOptions http(YamlSection h) {
    Boolean h2c = h.bool("h2c");
    Integer idle = h.integer("idle_timeout_s", 1, HttpOptions.MAX_TIMEOUT_SECONDS);
    Integer request = h.integer("request_timeout_s", 1, HttpOptions.MAX_TIMEOUT_SECONDS);
    Integer loops = h.integer("event_loops", 1, HttpOptions.MAX_EVENT_LOOPS);
    Boolean pin = h.bool("pin_cores");
    h.rejectUnknown();
    return new HttpOptions(
        HttpOptions.DEFAULT_HOST,
        h2c == null ? HttpOptions.DEFAULT_H2C : h2c,
        idle == null ? HttpOptions.DEFAULT_IDLE_TIMEOUT_SECONDS : idle,
        request == null ? HttpOptions.DEFAULT_REQUEST_TIMEOUT_SECONDS : request,
        loops == null ? HttpOptions.defaultEventLoops() : loops,
        pin == null ? HttpOptions.DEFAULT_PIN_CORES : pin);
  }

  /** Limits on the gateway's PostgreSQL sessions; ranges as {@link DatabaseOptions} checks. */
  private static DatabaseOptions database(YamlSection p) {
    int max = DatabaseOptions.MAX_TIMEOUT_MS;
    Integer statement = p.integer("statement_timeout_ms", 1, max);
    Integer idle = p.integer("idle_in_transaction_timeout_ms", 1, max);
    Integer response = p.integer("response_timeout_ms", 1, max);
    Boolean unsafe = p.bool("allow_unsafe_durability");
    p.rejectUnknown();
    return new DatabaseOptions(
        statement == null ? DatabaseOptions.DEFAULT_STATEMENT_TIMEOUT_MS : statement,
        idle == null ? DatabaseOptions.DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS : idle,
        response == null ? DatabaseOptions.DEFAULT_RESPONSE_TIMEOUT_MS : response,
        Boolean.TRUE.equals(unsafe));
  }

  /** Overload limits; ranges as {@link LimitOptions} and {@link ChannelRate} check. */
  private static LimitOptions limits(YamlSection l) {
    LimitOptions d = LimitOptions.defaults();
    ChannelRate fallback = rate(l, "channel_rate", "channel_burst", d.channelRate());
    Map<String, ChannelRate> channels = new java.util.HashMap<>();
    YamlSection named = l.section("channels");
    for (String channel : new TreeSet<>(CHANNELS)) {
      YamlSection c = named.section(channel);
      ChannelRate own = rate(c, "rate", "burst", fallback);
      c.rejectUnknown();
      if (own != fallback) {
        channels.put(channel, own);
      }
    }
    Integer connections = l.integer("max_connections", 1, LimitOptions.MAX_CONNECTIONS);
    Integer streams = l.integer("max_concurrent_streams", 1, LimitOptions.MAX_CONCURRENT_STREAMS);
    Integer queuePool = l.integer("queue_pool_size", 1, LimitOptions.MAX_QUEUE_POOL_SIZE);
    Integer dedupEntries = l.integer("dedup_max_entries", 0, LimitOptions.MAX_DEDUP_ENTRIES);
    l.rejectUnknown();
    return new LimitOptions(
        fallback,
        channels,
        connections == null ? d.maxConnections() : connections,
        streams == null ? d.maxConcurrentStreams() : streams,
        queuePool == null ? d.queuePoolSize() : queuePool,
        dedupEntries == null ? d.dedupMaxEntries() : dedupEntries);
  }

  /**
   * A bucket from {@code rateKey} and {@code burstKey}, each falling back to {@code fallback}'s.
   */
  private static ChannelRate rate(
      YamlSection s, String rateKey, String burstKey, ChannelRate fallback) {
    Integer rate = s.integer(rateKey, 1, ChannelRate.MAX_PER_SECOND);
    Integer burst = s.integer(burstKey, 1, ChannelRate.MAX_BURST);
    if (rate == null && burst == null) {
      return fallback;
    }
    return new ChannelRate(
        rate == null ? fallback.perSecond() : rate, burst == null ? fallback.burst() : burst);
  }

  /** The URL, checked here so no later parser quotes it (password and all) in an error. */
  private static String pgUrl(String url) {
    if (url != null) {
      org.hotline.intake.store.PgUrl.parse(url);
    }
    return url;
  }

  /**
   * The data keys ({@value #PII_KEYS} as {@code id:base64,id:base64} wins over {@code
   * privacy.keys}), the first one active; retention at least the dedup windows. Errors name the key
   * id, never the key.
   */
  private PrivacyOptions privacy(YamlSection p, DedupOptions dedup) {
    List<DataKey> keys = new ArrayList<>();
    for (YamlSection k : p.sections("keys")) {
      String id = k.text("id");
      String key = k.text("key");
      k.rejectUnknown();
      if (id == null || !DataKey.ID.matcher(id).matches()) {
        throw k.error("id", "must match " + DataKey.ID.pattern());
      }
      byte[] secret = dataKey(key);
      if (secret == null) {
        throw k.error("key", "must be " + DataKey.SECRET_BYTES + " bytes in base64");
      }
      keys.add(new DataKey(id, secret));
    }
    String fromEnv = env.get(PII_KEYS);
    if (fromEnv != null && !fromEnv.isBlank()) {
      keys = dataKeys(fromEnv);
    }
    Integer days = p.integer("retention_days", 1, PrivacyOptions.MAX_RETENTION_DAYS);
    long window = Math.max(dedup.duplicateWindow().toDays(), dedup.clusterWindow().toDays());
    Integer batch = p.integer("purge_batch", 1, PrivacyOptions.MAX_PURGE_BATCH);
    Integer interval =
        p.integer("job_interval_minutes", 1, PrivacyOptions.MAX_JOB_INTERVAL_MINUTES);
    p.rejectUnknown();
    int retention = days == null ? PrivacyOptions.DEFAULT_RETENTION_DAYS : days;
    if (retention < window) {
      throw p.error("retention_days", "must be at least the dedup windows (" + window + " days)");
    }
    try {
      return new PrivacyOptions(
          keys,
          retention,
          batch == null ? PrivacyOptions.DEFAULT_PURGE_BATCH : batch,
          interval == null ? PrivacyOptions.DEFAULT_JOB_INTERVAL_MINUTES : interval);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("privacy.keys (or " + PII_KEYS + "): " + e.getMessage());
    }
  }

  private static List<DataKey> dataKeys(String list) {
    List<DataKey> keys = new ArrayList<>();
    String[] entries = list.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      int colon = entry.indexOf(':');
      String id = colon < 0 ? "" : entry.substring(0, colon);
      byte[] secret = colon < 0 ? null : dataKey(entry.substring(colon + 1));
      if (!DataKey.ID.matcher(id).matches() || secret == null) {
        throw new IllegalArgumentException(
            PII_KEYS
                + " entry "
                + (i + 1)
                + " must be <id>:<base64 of "
                + DataKey.SECRET_BYTES
                + " bytes>, the id matching "
                + DataKey.ID.pattern());
      }
      keys.add(new DataKey(id, secret));
    }
    return keys;
  }

  /** The key's bytes, or null when it is not base64 of exactly 32 bytes. */
  private static byte[] dataKey(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      byte[] b = java.util.Base64.getDecoder().decode(base64.strip());
      return b.length == DataKey.SECRET_BYTES ? b : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String secret(YamlSection d) {
    String secret = text(DEDUP_SECRET, d, "secret", null);
    if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          DEDUP_SECRET
              + " (or dedup.secret) must be at least "
              + MIN_SECRET_LENGTH
              + " characters");
    }
    return secret;
  }

  private static DedupOptions dedup(YamlSection d) {
    Integer duplicateDays = d.integer("duplicate_window_days", 1, MAX_WINDOW_DAYS);
    Integer clusterDays = d.integer("cluster_window_days", 1, MAX_WINDOW_DAYS);
    Integer threshold = d.integer("escalation_threshold", 2, 100_000);
    return new DedupOptions(
        duplicateDays == null
            ? DedupOptions.DEFAULT_DUPLICATE_WINDOW
            : Duration.ofDays(duplicateDays),
        clusterDays == null ? DedupOptions.DEFAULT_CLUSTER_WINDOW : Duration.ofDays(clusterDays),
        threshold == null ? DedupOptions.DEFAULT_ESCALATION_THRESHOLD : threshold);
  }

  /**
   * {@code host:port,host:port}: each member a host with an optional port 1..65535; or {@code
   * kubernetes:<service DNS name>} for Hazelcast's Kubernetes discovery.
   */
  private static String members(String cluster) {
    if (cluster == null) {
      return null;
    }
    if (cluster.startsWith(GatewayConfig.KUBERNETES_PREFIX)) {
      String service = cluster.substring(GatewayConfig.KUBERNETES_PREFIX.length());
      if (!service.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
        throw new IllegalArgumentException(
            CLUSTER
                + " (or cluster) must name a headless service's DNS name after kubernetes:,"
                + " e.g. kubernetes:intake-gateway.hotline.svc.cluster.local");
      }
      return cluster;
    }
    for (String member : cluster.split(",", -1)) {
      String m = member.strip();
      int colon = m.lastIndexOf(':');
      String host = colon < 0 ? m : m.substring(0, colon);
      boolean portOk = colon < 0 || validPort(m.substring(colon + 1));
      if (!HOST.matcher(host).matches() || !portOk) {
        throw new IllegalArgumentException(
            CLUSTER
                + " (or cluster) must list members as host:port,host:port"
                + " or name a service as kubernetes:<dns name>");
      }
    }
    return cluster;
  }

  /**
   * A member's host: a DNS name (with underscores, as Compose names containers) or IPv4 address
   * (Hazelcast's ranges such as {@code 10.0.0.1-5} included), or an IPv6 address in brackets. A URL
   * ({@code http://…}) or a name with a space would otherwise start the node alone, as if it were
   * the first of its cluster.
   */
  private static final java.util.regex.Pattern HOST =
      java.util.regex.Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]");

  private static boolean validPort(String s) {
    try {
      int p = Integer.parseInt(s);
      return p >= 1 && p <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The variable if set, else the YAML key, else the default. */
  private String text(String variable, YamlSection yaml, String key, String fallback) {
    String fromYaml = yaml.text(key);
    String v = env.get(variable);
    if (v != null && !v.isBlank()) {
      return v;
    }
    return fromYaml != null ? fromYaml : fallback;
  }

  /** The variable if set, else the YAML key, else the default; in {@code min..max} either way. */
  private int integer(
      String variable, YamlSection yaml, String key, int min, int max, int fallback) {
    Integer fromYaml = yaml.integer(key, min, max);
    String v = env.get(variable);
    if (v == null || v.isBlank()) {
      return fromYaml != null ? fromYaml : fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        variable + " must be a whole number " + min + ".." + max + ", got '" + v + "'");
  }
}
