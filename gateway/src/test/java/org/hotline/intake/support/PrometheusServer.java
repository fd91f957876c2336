package org.hotline.intake.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real {@code prometheus} process (Debian's package) scraping one target every second, with the
 * project's rules loaded, its storage in a temporary folder, on a free port.
 */
public final class PrometheusServer implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final int port;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PrometheusServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Whether {@code name} is an executable on the PATH. */
  public static boolean installed(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, name))) {
        return true;
      }
    }
    return false;
  }

  /** Starts Prometheus scraping {@code target} (host:port) as job intake-gateway. */
  public static PrometheusServer start(String target, Path rules) throws Exception {
    Path dir = Files.createTempDirectory("prometheus-test");
    int port = freePort();
    String config =
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - %s
        scrape_configs:
          - job_name: intake-gateway
            static_configs:
              - targets: ['%s']
        """
            .formatted(rules.toAbsolutePath(), target);
    Files.writeString(dir.resolve("prometheus.yml"), config);
    Process p =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    return new PrometheusServer(p, dir, port);
  }

  /** An instant query's result vector (or scalar as one-element array); empty on no data. */
  public JsonArray query(String promql) throws Exception {
    String url =
        "http://127.0.0.1:"
            + port
            + "/api/v1/query?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject body = new JsonObject(r.body());
    if (!"success".equals(body.getString("status"))) {
      throw new IllegalStateException("query failed: " + body.getString("error") + ": " + promql);
    }
    JsonObject data = body.getJsonObject("data");
    if ("scalar".equals(data.getString("resultType"))) {
      return new JsonArray().add(new JsonObject().put("value", data.getJsonArray("result")));
    }
    return data.getJsonArray("result");
  }

  /** Whether Prometheus answers queries yet. */
  public boolean ready() {
    try {
      return client
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  public String log() throws IOException {
    return Files.readString(dir.resolve("prometheus.log"));
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
