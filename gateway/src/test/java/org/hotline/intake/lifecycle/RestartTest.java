package org.hotline.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.intake.support.GatewayProcess;
import org.hotline.intake.support.Samples;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the embedded database")
class RestartTest {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @DisplayName("keeps an acknowledged record across a SIGKILL and a restart on the same data dir")
  void survivesKillAndRestart(@TempDir Path dataDir) throws Exception {
    Map<String, String> env = Map.of("INTAKE_DATA_DIR", dataDir.toString());
    String sourceId = Samples.newSourceId();
    String id;
    try (GatewayProcess first = GatewayProcess.start(env)) {
      int port = first.awaitReady();
      HttpResponse<String> r = post(port, Samples.complaint(sourceId));
      assertThat(r.statusCode()).isEqualTo(202);
      id = new JsonObject(r.body()).getString("id");
      first.kill(); // no shutdown hook: the postmaster and its pid file are left behind
    }
    assertThat(Files.exists(dataDir.resolve("pg").resolve("postmaster.pid"))).isTrue();

    try (GatewayProcess second = GatewayProcess.start(env)) {
      int port = second.awaitReady();
      HttpResponse<String> read =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/v1/complaints/" + id))
                  .header("Authorization", "Bearer demo-operator-key")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(read.body()).getString("source_id")).isEqualTo(sourceId);
      // The retry after the crash is recognised as the same record.
      HttpResponse<String> retry = post(port, Samples.complaint(sourceId));
      assertThat(retry.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(retry.body()).getString("id")).isEqualTo(id);
      // 143 is the JVM's own status after a SIGTERM it handled with its shutdown hooks.
      assertThat(second.terminate()).isIn(0, 143);
      assertThat(second.output()).contains("DEMO MODE");
    }
  }

  private HttpResponse<String> post(int port, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/complaints"))
            .header("Authorization", "Bearer demo-phone-key")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
