package org.hotline.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.intake.support.GatewayProcess;
import org.hotline.intake.support.Samples;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise that matters most under a surge: a 2xx is sent only after COMMIT, so a gateway killed
 * while group commits are in flight has stored every record it acknowledged, and an upstream that
 * sends the unanswered ones again gets each stored and queued exactly once.
 */
@DisplayName("a gateway killed while it takes a stream of complaints")
class CrashUnderLoadTest {
  private static final int SENDERS = 32;
  private static final int ACKS_BEFORE_KILL = 500;
  private static final String PHONE_KEY = "Bearer demo-phone-key";
  private static final String OPERATOR_KEY = "Bearer demo-operator-key";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  @DisplayName(
      "has stored every record it acknowledged, and each one sent again after the restart is"
          + " stored and queued exactly once")
  void everyAcknowledgedRecordSurvivesTheKill(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.yaml");
    // Buckets out of the way: a 429 would only thin the stream this test needs.
    Files.writeString(config, "limits: {channel_rate: 100000, channel_burst: 200000}\n");
    Map<String, String> env =
        Map.of(
            "INTAKE_DATA_DIR", dir.resolve("data").toString(), "INTAKE_CONFIG", config.toString());
    Set<String> sent = ConcurrentHashMap.newKeySet();
    Map<String, String> acked = new ConcurrentHashMap<>(); // source_id -> id

    try (GatewayProcess first = GatewayProcess.start(env)) {
      int port = first.awaitReady();
      AtomicBoolean killed = new AtomicBoolean();
      CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
      List<CompletableFuture<Void>> senders = new ArrayList<>();
      for (int i = 0; i < SENDERS; i++) {
        senders.add(sendUntilKilled(port, sent, acked, killed, enough));
      }
      assertThat(enough.await(120, TimeUnit.SECONDS))
          .as("acknowledgements before the kill")
          .isTrue();
      first.kill(); // SIGKILL: batches in flight die with their open transactions
      killed.set(true);
      CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    Set<String> unanswered = ConcurrentHashMap.newKeySet();
    sent.stream().filter(s -> !acked.containsKey(s)).forEach(unanswered::add);
    assertThat(unanswered).as("requests in flight when the process died").isNotEmpty();

    try (GatewayProcess second = GatewayProcess.start(env)) {
      int port = second.awaitReady();
      // Every acknowledged record is there: sent again, it is recognised, with the id it was given.
      Map<String, HttpResponse<String>> again = postAll(port, acked.keySet());
      acked.forEach(
          (sourceId, id) -> {
            HttpResponse<String> r = again.get(sourceId);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(new JsonObject(r.body()).getString("id")).isEqualTo(id);
          });
      // An unanswered one was either committed before the kill (200) or not at all (202 now).
      postAll(port, unanswered)
          .values()
          .forEach(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 202));
      // Each complainant is a different person, so every record is queued, once.
      assertThat(totalQueueDepth(port)).isEqualTo(sent.size());
      // A clean stop, so that no embedded server outlives the test.
      assertThat(second.terminate()).isIn(0, 143);
    }
  }

  /** One sender: posts a new complaint as soon as the last is answered, until the kill. */
  private CompletableFuture<Void> sendUntilKilled(
      int port,
      Set<String> sent,
      Map<String, String> acked,
      AtomicBoolean killed,
      CountDownLatch enough) {
    if (killed.get()) {
      return CompletableFuture.completedFuture(null);
    }
    String sourceId = Samples.newSourceId();
    sent.add(sourceId);
    return client
        .sendAsync(post(port, sourceId), HttpResponse.BodyHandlers.ofString())
        .handle(
            (r, e) -> {
              if (r != null && r.statusCode() == 202) {
                acked.put(sourceId, new JsonObject(r.body()).getString("id"));
                enough.countDown();
              }
              return null;
            })
        .thenCompose(v -> sendUntilKilled(port, sent, acked, killed, enough));
  }

  /** Posts each source id's complaint, {@value #SENDERS} at a time, and keeps the answers. */
  private Map<String, HttpResponse<String>> postAll(int port, Set<String> sourceIds)
      throws Exception {
    Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();
    List<String> todo = new ArrayList<>(sourceIds);
    for (int from = 0; from < todo.size(); from += SENDERS) {
      List<CompletableFuture<Void>> round = new ArrayList<>();
      for (String sourceId : todo.subList(from, Math.min(todo.size(), from + SENDERS))) {
        round.add(
            client
                .sendAsync(post(port, sourceId), HttpResponse.BodyHandlers.ofString())
                .thenAccept(r -> answers.put(sourceId, r)));
      }
      CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    return answers;
  }

  private long totalQueueDepth(int port) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/queues"))
                .header("Authorization", OPERATOR_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new JsonObject(r.body())
        .getJsonArray("queues").stream().mapToLong(q -> ((JsonObject) q).getLong("depth")).sum();
  }

  private static HttpRequest post(int port, String sourceId) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/complaints"))
        .header("Authorization", PHONE_KEY)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(Samples.complaint(sourceId)))
        .build();
  }
}
