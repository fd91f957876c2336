package org.hotline.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  @DisplayName("commits and answers every request in flight before the process exits")
  void drainsInFlightRequests() throws Exception {
    String pgUrl = SharedDatabase.url();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // Keys configured: demo mode refuses an external database.
    Path config = Files.createTempFile("intake", ".yaml");
    Files.writeString(config, "keys:\n  - key: " + WEB_KEY + "\n    channel: web\n");
    Map<String, String> env = Map.of("INTAKE_PG_URL", pgUrl, "INTAKE_CONFIG", config.toString());
    try (GatewayProcess gw = GatewayProcess.start(env)) {
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
}
