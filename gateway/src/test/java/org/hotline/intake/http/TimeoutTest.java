package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.http.BadInputTest.assertProblem;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.HttpOptions;
import org.hotline.intake.support.RawHttp;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.Scrape;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("timeouts")
class TimeoutTest {
  /** Short, so the test trickles few bytes; the default is 10 s. */
  private static final int REQUEST_TIMEOUT_S = 2;

  /** The trickle gives up after this many bytes: three request timeouts' worth, at one a second. */
  private static final int MAX_TRICKLE = 3 * REQUEST_TIMEOUT_S;

  private static final int STATEMENT_TIMEOUT_MS = 500;
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw =
        TestGateway.start(
            c ->
                c.withHttp(HttpOptions.defaults().withRequestTimeoutSeconds(REQUEST_TIMEOUT_S))
                    .withDatabase(c.database().withStatementTimeoutMs(STATEMENT_TIMEOUT_MS)));
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
  }

  /**
   * Sends {@code head} then {@code trickle} one byte a second (the read timeout paces it) and says
   * whether the server closed the connection before the trickle ran out, while a normal request on
   * another connection is served.
   */
  /** The head of a complaint post of {@code body} with {@code key}, up to its blank line. */
  private static String postHead(String key, String body) {
    return "POST /v1/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + key
        + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n";
  }

  /** Asks the liveness probe on {@code c} and asserts it answers 200 on that connection. */
  private static void assertServed(RawHttp c) throws Exception {
    c.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(c.read().status()).isEqualTo(200);
  }

  /** Half as long again as the request timeout, saying nothing. */
  private static void idleLongerThanTheRequestTimeout() throws InterruptedException {
    Thread.sleep(TimeUnit.SECONDS.toMillis(REQUEST_TIMEOUT_S) * 3 / 2);
  }

  /** {@code intake_connections_cut_total} as the gateway exposes it now. */
  private static double cutCount() throws Exception {
    return Scrape.of(gw).value("intake_connections_cut_total");
  }

  private static boolean cutOff(String head, String trickle) throws Exception {
    try (RawHttp slow = RawHttp.connect(gw.uri("/").getPort())) {
      return cutOff(slow, head, trickle);
    }
  }

  private static boolean cutOff(RawHttp slow, String head, String trickle) throws Exception {
    slow.send(head);
    slow.readTimeout(1000);
    for (int i = 0; i < Math.min(MAX_TRICKLE, trickle.length()); i++) {
      if (slow.closedByServer()) {
        return true;
      }
      if (i == 1) {
        assertThat(gw.get("/health/live", null).statusCode()).isEqualTo(200);
      }
      if (slow.writeFails((byte) trickle.charAt(i))) {
        return true;
      }
    }
    return slow.closedByServer();
  }

  @Nested
  @DisplayName("a client that talks too slowly")
  class SlowClients {
    @Test
    @DisplayName("sending its headers one byte a second is cut off, and others are served")
    void slowHeaders() throws Exception {
      double cutBefore = cutCount();
      assertThat(
              cutOff(
                  "GET /health/live HTTP/1.1\r\nHost: localhost\r\n", "X-Slow: " + "a".repeat(100)))
          .isTrue();
      assertThat(cutCount()).isEqualTo(cutBefore + 1);
    }

    @Test
    @DisplayName("sending its body one byte a second is cut off, and others are served")
    void slowBody() throws Exception {
      String body = Samples.complaint(Samples.newSourceId());
      assertThat(cutOff(postHead(PHONE_KEY, body), body)).isTrue();
    }

    @Test
    @DisplayName(
        "a keep-alive connection idle between requests for longer than the request timeout is"
            + " kept, and serves its next request")
    void idleBetweenRequests() throws Exception {
      try (RawHttp c = RawHttp.connect(gw.uri("/").getPort())) {
        assertServed(c);
        double cutBefore = cutCount();
        idleLongerThanTheRequestTimeout();
        // Before: the deadline ran from the answer, and the idle connection was closed here.
        assertServed(c);
        assertThat(cutCount()).as("an idle connection is not counted as cut").isEqualTo(cutBefore);
      }
    }

    @Test
    @DisplayName(
        "a request refused from its headers whose body arrives after the answer leaves its"
            + " connection idle, not cut, once the body is in")
    void refusedThenIdle() throws Exception {
      String body = Samples.complaint(Samples.newSourceId());
      try (RawHttp c = RawHttp.connect(gw.uri("/").getPort())) {
        c.send(postHead("not-a-key", body));
        assertThat(c.read().status()).isEqualTo(401);
        c.send(body.getBytes(StandardCharsets.UTF_8));
        double cutBefore = cutCount();
        idleLongerThanTheRequestTimeout();
        assertServed(c);
        assertThat(cutCount()).isEqualTo(cutBefore);
      }
    }

    @Test
    @DisplayName(
        "after an answer and a long idle spell, a next request trickled one byte a second is cut"
            + " off")
    void slowAfterIdle() throws Exception {
      try (RawHttp c = RawHttp.connect(gw.uri("/").getPort())) {
        assertServed(c);
        idleLongerThanTheRequestTimeout();
        assertThat(
                cutOff(
                    c,
                    "GET /health/live HTTP/1.1\r\nHost: localhost\r\n",
                    "X-Slow: " + "a".repeat(100)))
            .isTrue();
      }
    }

    @Test
    @DisplayName("a keep-alive connection still serves requests sent promptly")
    void promptRequests() throws Exception {
      try (RawHttp c = RawHttp.connect(gw.uri("/").getPort())) {
        for (int i = 0; i < 3; i++) {
          assertServed(c);
        }
      }
    }
  }

  @Nested
  @DisplayName("a statement over statement_timeout")
  class Statement {
    @Test
    @DisplayName("fails the intake with a 503, and the key is free for the retry")
    void statementTimeout() throws Exception {
      String sourceId = Samples.newSourceId();
      HttpResponse<String> r;
      try (Connection lock = SharedDatabase.jdbc()) {
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE complaint IN EXCLUSIVE MODE");
        CompletableFuture<HttpResponse<String>> post =
            gw.postJsonAsync(PHONE_KEY, Samples.complaint(sourceId));
        // The lock is held until the answer: only the server's timeout can end the INSERT.
        r = post.get(30, TimeUnit.SECONDS);
        lock.rollback();
      }
      assertProblem(r, 503);
      assertThat(r.headers().firstValue("retry-after")).isPresent();
      assertThat(gw.postJson(PHONE_KEY, Samples.complaint(sourceId)).statusCode()).isEqualTo(202);
    }
  }
}
