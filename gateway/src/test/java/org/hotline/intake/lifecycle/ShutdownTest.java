package org.hotline.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hotline.intake.support.CapturingAppender;
import org.hotline.intake.support.GatewayProcess;
import org.hotline.intake.support.Rows;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SIGTERM")
class ShutdownTest {
  private static final String WEB_KEY = "shutdown-test-web-key-0001";

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static final String OPERATOR_KEY = "shutdown-test-operator-key-01";

  /** A gateway on the shared database, with keys configured (demo mode refuses one). */
  private static Map<String, String> env() throws Exception {
    Path config = Files.createTempFile("intake", ".yaml");
    Files.writeString(
        config,
        "keys:\n  - key: "
            + WEB_KEY
            + "\n    channel: web\n  - key: "
            + OPERATOR_KEY
            + "\n    operator: true\n");
    return Map.of("INTAKE_PG_URL", SharedDatabase.url(), "INTAKE_CONFIG", config.toString());
  }

  @Test
  @DisplayName("commits and answers every request in flight before the process exits")
  void drainsInFlightRequests() throws Exception {
    HttpClient client = client();
    try (GatewayProcess gw = GatewayProcess.start(env())) {
      int port = gw.awaitReady();
      List<String> sourceIds = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      try (Connection lock = SharedDatabase.jdbc()) {
        // Hold the table: the requests are taken and batched but cannot commit yet.
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE complaint IN EXCLUSIVE MODE");
        for (int i = 0; i < 40; i++) {
          String sourceId = Samples.newSourceId();
          sourceIds.add(sourceId);
          HttpRequest request =
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/complaints"))
                  .header("Authorization", "Bearer " + WEB_KEY)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Samples.complaint(sourceId)))
                  .build();
          calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(1000);
        assertThat(calls).noneMatch(CompletableFuture::isDone);
        gw.process().destroy(); // SIGTERM while all 40 wait for COMMIT
        Thread.sleep(1000);
        assertThat(gw.process().isAlive()).as("still draining").isTrue();
        lock.rollback();
      }
      // Every request is answered: 202 for those taken before SIGTERM (committed while draining),
      // 503 for any that reached the server after it (a slow client), never a dropped connection.
      int accepted = 0;
      for (int i = 0; i < calls.size(); i++) {
        HttpResponse<String> r = calls.get(i).get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isIn(202, 503);
        assertThat(Rows.countBySourceId(sourceIds.get(i))).isEqualTo(r.statusCode() == 202 ? 1 : 0);
        accepted += r.statusCode() == 202 ? 1 : 0;
      }
      assertThat(accepted).as("requests drained after SIGTERM").isPositive();
      assertThat(gw.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(gw.process().exitValue()).isIn(0, 143); // 143: SIGTERM handled by the hooks
      assertThat(CapturingAppender.blockedWarningsInOutput(gw.output())).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "answers a long-polling claim waiting at SIGTERM (200, no items), not a dropped connection")
  void answersAWaitingClaim() throws Exception {
    HttpClient client = client();
    try (GatewayProcess gw = GatewayProcess.start(env())) {
      int port = gw.awaitReady();
      // A queue no test fills: the claim waits its whole 60 s unless the drain ends it.
      HttpRequest claim =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/queues/350213/claim"))
              .header("Authorization", "Bearer " + OPERATOR_KEY)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"max\": 1, \"wait_seconds\": 60}"))
              .build();
      CompletableFuture<HttpResponse<String>> waiting =
          client.sendAsync(claim, HttpResponse.BodyHandlers.ofString());
      Thread.sleep(1000);
      assertThat(waiting).isNotDone();
      gw.process().destroy();
      HttpResponse<String> r = waiting.get(30, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"items\":[]");
      assertThat(r.headers().firstValue("connection"))
          .as("not to be sent on again: the port closes")
          .hasValue("close");
      assertThat(gw.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  @DisplayName("answers a batch waiting for its COMMIT at SIGTERM in full, each 202 item committed")
  void drainsABatchInFlight() throws Exception {
    HttpClient client = client();
    try (GatewayProcess gw = GatewayProcess.start(env())) {
      int port = gw.awaitReady();
      List<String> sourceIds = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        sourceIds.add(Samples.newSourceId());
      }
      String body =
          sourceIds.stream().map(Samples::complaint).collect(Collectors.joining(",", "[", "]"));
      CompletableFuture<HttpResponse<String>> call;
      try (Connection lock = SharedDatabase.jdbc()) {
        // Hold the table: the batch's items are taken and queued but cannot commit yet.
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE complaint IN EXCLUSIVE MODE");
        call =
            client.sendAsync(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/complaints:batch"))
                    .header("Authorization", "Bearer " + WEB_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(2000);
        assertThat(call).isNotDone();
        gw.process().destroy(); // SIGTERM while the batch waits for COMMIT
        Thread.sleep(1000);
        assertThat(gw.process().isAlive()).as("still draining").isTrue();
        lock.rollback();
      }
      // The whole answer arrives (the port stays open until it is written), each item in its
      // place: 202 and stored, or 503 and not stored; those taken before SIGTERM are all stored.
      HttpResponse<String> r = call.get(60, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonArray results = new JsonObject(r.body()).getJsonArray("results");
      assertThat(results).hasSize(500);
      List<String> accepted = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        JsonObject item = results.getJsonObject(i);
        assertThat(item.getInteger("index")).isEqualTo(i);
        assertThat(item.getInteger("status")).as(item.encode()).isIn(202, 503);
        if (item.getInteger("status") == 202) {
          accepted.add(sourceIds.get(i));
        }
      }
      assertThat(accepted).as("items taken before SIGTERM").isNotEmpty();
      assertThat(Rows.countBySourceIds(accepted)).isEqualTo(accepted.size());
      assertThat(Rows.countBySourceIds(sourceIds)).isEqualTo(accepted.size());
      assertThat(gw.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(gw.process().exitValue()).isIn(0, 143);
      assertThat(CapturingAppender.blockedWarningsInOutput(gw.output())).isEmpty();
    }
  }
}
