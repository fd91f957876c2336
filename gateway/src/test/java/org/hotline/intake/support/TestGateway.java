package org.hotline.intake.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotline.intake.Gateway;
import org.hotline.intake.config.ChannelKey;
import org.hotline.intake.config.GatewayConfig;

/**
 * An in-process gateway on the shared database, on a free port, with a small HTTP client. The same
 * client serves an API assembled by hand ({@link ApiHarness}), which has no {@link Gateway}.
 */
public final class TestGateway implements AutoCloseable {
  public static final String PHONE_KEY = "demo-phone-key";
  public static final String WEB_KEY = "demo-web-key";
  public static final String HOTLINE_KEY = "demo-12345-key";
  public static final String OPERATOR_KEY = "demo-operator-key";

  /** A key whose channel must sign its bodies; two secrets, as during a rotation. */
  public static final String SIGNED_KEY = "signed-12345-key-for-tests";

  public static final List<String> SIGNING_SECRETS = List.of("old-secret-1", "new-secret-2");

  /** One per test JVM: the nodes of one test form a cluster, those of another build never meet. */
  public static final String CLUSTER_SECRET = "test-cluster-" + java.util.UUID.randomUUID();

  private final Gateway gateway;
  private final int port;
  private final AutoCloseable stop;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestGateway(Gateway gateway, int port, AutoCloseable stop) {
    this.gateway = gateway;
    this.port = port;
    this.stop = stop;
  }

  private TestGateway(Gateway gateway) {
    this(gateway, gateway.port(), gateway::stop);
  }

  /** The client for an API on {@code port} that {@code stop} shuts down. */
  static TestGateway onPort(int port, AutoCloseable stop) {
    return new TestGateway(null, port, stop);
  }

  private static TestGateway shared;

  /**
   * One gateway for every test class that does not need its own: started on first use, stopped when
   * the test JVM exits.
   */
  public static synchronized TestGateway shared() throws Exception {
    if (shared == null) {
      shared = start();
      TestGateway gw = shared;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      gw.close();
                    } catch (Exception ignored) {
                      // the JVM is exiting
                    }
                  }));
    }
    return shared;
  }

  public static TestGateway start() throws Exception {
    return start(null, 0);
  }

  /** A gateway joining the given Hazelcast members on {@code clusterPort} (null: single node). */
  public static TestGateway start(String clusterMembers, int clusterPort) throws Exception {
    return start(
        c ->
            c.withCluster(clusterMembers, clusterPort)
                .withClusterOptions(c.clusterOptions().withSecret(CLUSTER_SECRET)));
  }

  /** A single-node gateway with the test keys and {@code change} applied to its configuration. */
  public static TestGateway start(java.util.function.UnaryOperator<GatewayConfig> change)
      throws Exception {
    List<ChannelKey> keys = new ArrayList<>(GatewayConfig.DEMO_KEYS);
    keys.add(new ChannelKey(SIGNED_KEY, "12345-signed", false, SIGNING_SECRETS));
    GatewayConfig config =
        GatewayConfig.defaults()
            .withHttpPort(0)
            .withPgUrl(SharedDatabase.url())
            .withKeys(keys)
            .withMaxEventLoopMs(BlockedThreadGuard.maxEventLoopMs())
            .withQueueMaxAttempts(2);
    return new TestGateway(Gateway.start(change.apply(config)));
  }

  /** The gateway, or null for an API assembled by hand. */
  public Gateway gateway() {
    return gateway;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A POST of raw bytes with the given key and content type (either may be null). */
  public HttpRequest.Builder post(String path, String key, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return b;
  }

  public HttpResponse<String> postJson(String key, String json) throws Exception {
    return send(
        post("/v1/complaints", key, "application/json", json.getBytes(StandardCharsets.UTF_8)));
  }

  public CompletableFuture<HttpResponse<String>> postJsonAsync(String key, String json) {
    return client.sendAsync(
        post("/v1/complaints", key, "application/json", json.getBytes(StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b);
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    stop.close();
  }
}
