package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.http.BadInputTest.assertProblem;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.StallingProxy;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A database that accepts connections and never answers: the gateway talks to the shared server
 * through a {@link StallingProxy}, which is stalled for the duration of each test.
 */
@DisplayName("a hung database")
class HungDatabaseTest {
  /** Short, so the test waits little; the default is 5 s. */
  private static final int RESPONSE_TIMEOUT_MS = 1500;

  /** Generous: the deadline plus a loaded machine's slack, far below "never". */
  private static final long ANSWER_WITHIN_MS = 15_000;

  private static StallingProxy proxy;
  private static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    proxy = StallingProxy.to(SharedDatabase.port());
    gw =
        TestGateway.start(
            c ->
                c.withPgUrl(SharedDatabase.urlVia(proxy.port()))
                    .withDatabase(c.database().withResponseTimeoutMs(RESPONSE_TIMEOUT_MS)));
    // Connections in the pool before the database hangs, as in production.
    assertThat(gw.postJson(PHONE_KEY, Samples.complaint(Samples.newSourceId())).statusCode())
        .isEqualTo(202);
  }

  @AfterAll
  static void stop() throws Exception {
    try (StallingProxy p = proxy) {
      p.resume();
      gw.close();
    }
  }

  @Test
  @DisplayName(
      "intake answers 503 with Retry-After within seconds, frees the key, and the retry with the"
          + " same source_id is stored once the database is back")
  void answersAndRecovers() throws Exception {
    String sourceId = Samples.newSourceId();
    String body = Samples.complaint(sourceId);
    proxy.stall();
    try {
      long started = System.nanoTime();
      HttpResponse<String> first = gw.postJsonAsync(PHONE_KEY, body).get(30, TimeUnit.SECONDS);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertProblem(first, 503);
      assertThat(first.headers().firstValue("retry-after")).isPresent();
      assertThat(tookMs).isLessThan(ANSWER_WITHIN_MS);
      // The key was freed: the retry is judged again (503 again, not 409 "in flight").
      assertProblem(gw.postJsonAsync(PHONE_KEY, body).get(30, TimeUnit.SECONDS), 503);
    } finally {
      proxy.resume();
    }
    HttpResponse<String> retry = retryUntilAnswered(body);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
    assertThat(storedIds(sourceId)).containsExactly(new JsonObject(retry.body()).getString("id"));
  }

  @Test
  @DisplayName("records waiting behind an unanswered batch get 503 too, and none is stored")
  void waitingRecordsAnswered() throws Exception {
    List<String> sourceIds = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
    proxy.stall();
    try {
      for (int i = 0; i < 20; i++) {
        String sourceId = Samples.newSourceId();
        sourceIds.add(sourceId);
        posts.add(gw.postJsonAsync(PHONE_KEY, Samples.complaint(sourceId)));
      }
      for (CompletableFuture<HttpResponse<String>> post : posts) {
        assertProblem(post.get(30, TimeUnit.SECONDS), 503);
      }
    } finally {
      proxy.resume();
    }
    // Nothing was acknowledged, and here nothing reached the server either.
    for (String sourceId : sourceIds) {
      assertThat(storedIds(sourceId)).isEmpty();
    }
    for (String sourceId : sourceIds) {
      assertThat(retryUntilAnswered(Samples.complaint(sourceId)).statusCode()).isEqualTo(202);
      assertThat(storedIds(sourceId)).hasSize(1);
    }
  }

  /** The client's loop: a 503 says "later", anything else is the answer. */
  private static HttpResponse<String> retryUntilAnswered(String body) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpResponse<String> r = gw.postJson(PHONE_KEY, body);
    while (r.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      r = gw.postJson(PHONE_KEY, body);
    }
    return r;
  }

  private static List<String> storedIds(String sourceId) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM complaint WHERE channel = 'phone' AND source_id = ?")) {
      ps.setString(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }
}
