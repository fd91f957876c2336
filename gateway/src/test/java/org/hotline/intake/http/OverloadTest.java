package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.http.BadInputTest.assertProblem;
import static org.hotline.intake.support.TestGateway.HOTLINE_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.ChannelRate;
import org.hotline.intake.config.HttpOptions;
import org.hotline.intake.config.LimitOptions;
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

@DisplayName("overload")
class OverloadTest {
  /** The web channel: one record a second, one at once; the others keep the defaults. */
  private static final ChannelRate WEB_RATE = new ChannelRate(1, 1);

  private static final int MAX_CONNECTIONS = 8;
  private static final int MAX_STREAMS = 7;
  private static final int BATCH = 200;
  private static final int DEDUP_MAX_ENTRIES = 2;
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw =
        TestGateway.start(
            c ->
                c.withLimits(limits())
                    .withHttp(
                        new HttpOptions(
                            HttpOptions.DEFAULT_HOST,
                            true,
                            HttpOptions.DEFAULT_IDLE_TIMEOUT_SECONDS,
                            HttpOptions.DEFAULT_REQUEST_TIMEOUT_SECONDS,
                            HttpOptions.defaultEventLoops(),
                            HttpOptions.DEFAULT_PIN_CORES)));
  }

  private static LimitOptions limits() {
    LimitOptions l =
        LimitOptions.defaults()
            .withChannelRate("web", WEB_RATE)
            .withMaxConnections(MAX_CONNECTIONS)
            .withMaxConcurrentStreams(MAX_STREAMS);
    return new LimitOptions(
        l.channelRate(),
        l.channels(),
        l.maxConnections(),
        l.maxConcurrentStreams(),
        l.queuePoolSize(),
        DEDUP_MAX_ENTRIES);
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
  }

  private static int port() {
    return gw.uri("/").getPort();
  }

  /**
   * Puts the web channel deep into debt: a batch of 500 invalid records is admitted on the one
   * token of a full bucket and charged 499 more, which at one a second takes minutes to pay back.
   * Nothing in it is stored (every item is a 400). When the bucket is already in debt the batch is
   * refused.
   */
  private static void exhaustWeb() throws Exception {
    String items = String.join(",", java.util.Collections.nCopies(BATCH, "{}"));
    HttpResponse<String> r =
        gw.send(
            gw.post(
                "/v1/complaints:batch",
                WEB_KEY,
                "application/json",
                ("[" + items + "]").getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 429);
  }

  private static long stored(String sourceId) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        var s = c.prepareStatement("SELECT count(*) FROM complaint WHERE source_id = ?")) {
      s.setString(1, sourceId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The head of a {@code POST /v1/complaints} with {@code key} and a body of {@code length}. */
  private static byte[] head(String key, int length) {
    return ("POST /v1/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + length
            + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Nested
  @DisplayName("a channel over its rate")
  class ChannelRates {
    @Test
    @DisplayName("gets a 429 problem with Retry-After, before its body is read")
    void beforeTheBody() throws Exception {
      exhaustWeb();
      try (RawHttp c = RawHttp.connect(port())) {
        c.send(
            "POST /v1/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + WEB_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + (4 * 1024 * 1024)
                + "\r\n\r\n");
        RawHttp.Response r = c.read();
        assertThat(r.status()).as(r.statusLine()).isEqualTo(429);
        assertThat(r.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(r.headers()).containsEntry("connection", "close");
        assertThat(Long.parseLong(r.headers().get("retry-after"))).isPositive();
        assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("/problems/rate-limited");
      }
    }

    @Test
    @DisplayName(
        "refused with a small body, keeps its connection: the body is read and dropped, the next"
            + " request on it is served")
    void keepAlive() throws Exception {
      exhaustWeb();
      String sourceId = Samples.newSourceId();
      byte[] refused = Samples.complaint(sourceId).getBytes(StandardCharsets.UTF_8);
      byte[] body = Samples.complaint(Samples.newSourceId()).getBytes(StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 2; i++) {
        all.write(head(WEB_KEY, refused.length));
        all.write(refused);
      }
      all.write(head(PHONE_KEY, body.length));
      all.write(body);
      try (RawHttp c = RawHttp.connect(port())) {
        c.send(all.toByteArray());
        for (int i = 0; i < 2; i++) {
          RawHttp.Response r = c.read();
          assertThat(r.status()).as(r.body()).isEqualTo(429);
          assertThat(r.headers()).doesNotContainKey("connection");
        }
        // Were the refused bodies not read whole, this would parse as garbage and be a 400.
        RawHttp.Response served = c.read();
        assertThat(served.status()).as(served.body()).isEqualTo(202);
      }
      assertThat(stored(sourceId)).isZero();
    }

    @Test
    @DisplayName(
        "asking again before its Retry-After on the same connection, gets its refusal when that"
            + " time comes; another connection is refused at once")
    void heldUntilRetryAfter() throws Exception {
      exhaustWeb();
      byte[] body = Samples.complaint(Samples.newSourceId()).getBytes(StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
      one.write(head(WEB_KEY, body.length));
      one.write(body);
      String held = "intake_refusals_held_total";
      double before = Scrape.of(gw).value(held);
      try (RawHttp a = RawHttp.connect(port());
          RawHttp b = RawHttp.connect(port())) {
        RawHttp.Response first = a.send(one.toByteArray()).read();
        assertThat(first.status()).as(first.body()).isEqualTo(429);
        assertThat(Long.parseLong(first.headers().get("retry-after"))).isGreaterThan(1);
        long again = System.nanoTime();
        a.send(one.toByteArray());
        RawHttp.Response other = b.send(one.toByteArray()).read();
        assertThat(other.status()).as(other.body()).isEqualTo(429);
        RawHttp.Response second = a.read();
        long waitedMs =
            java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - again);
        assertThat(second.status()).as(second.body()).isEqualTo(429);
        assertThat(second.headers()).doesNotContainKey("connection");
        // Told to wait minutes (the bucket is in debt), it waits the most a refusal is held.
        assertThat(waitedMs).isGreaterThanOrEqualTo(RequestDeadlines.MAX_REFUSAL_HOLD_MS - 50);
      }
      // A's second refusal alone was held: B's first and A's first were answered at once.
      assertThat(Scrape.of(gw).value(held) - before).isEqualTo(1);
    }

    @Test
    @DisplayName("refused again and again without waiting, has its connection closed at last")
    void persistentlyRefused() throws Exception {
      exhaustWeb();
      byte[] refused = Samples.complaint(Samples.newSourceId()).getBytes(StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      int n = RequestDeadlines.REFUSALS_BEFORE_CLOSE;
      for (int i = 0; i < n; i++) {
        all.write(head(WEB_KEY, refused.length));
        all.write(refused);
      }
      try (RawHttp c = RawHttp.connect(port())) {
        c.send(all.toByteArray());
        for (int i = 1; i <= n; i++) {
          RawHttp.Response r = c.read();
          assertThat(r.status()).as(r.body()).isEqualTo(429);
          if (i < n) {
            assertThat(r.headers()).as("refusal %d", i).doesNotContainKey("connection");
          } else {
            assertThat(r.headers()).as("refusal %d", i).containsEntry("connection", "close");
          }
        }
      }
    }

    @Test
    @DisplayName("after a batch is charged for each of its records, and nothing it sends is stored")
    void batchCharged() throws Exception {
      exhaustWeb();
      String sourceId = Samples.newSourceId();
      HttpResponse<String> r = gw.postJson(WEB_KEY, Samples.complaint(sourceId));
      assertProblem(r, 429);
      // Two hundred records of debt at one a second: the wait is minutes (less what this class has
      // taken so far), not the one second a single request would cost.
      assertThat(Long.parseLong(r.headers().firstValue("retry-after").orElseThrow()))
          .isGreaterThan(10);
      assertThat(stored(sourceId)).isZero();
    }

    @Test
    @DisplayName("leaves the other channels their own budget, and is counted by channel")
    void othersServed() throws Exception {
      exhaustWeb();
      assertProblem(gw.postJson(WEB_KEY, Samples.complaint(Samples.newSourceId())), 429);
      assertThat(gw.postJson(PHONE_KEY, Samples.complaint(Samples.newSourceId())).statusCode())
          .isEqualTo(202);
      assertThat(gw.postJson(HOTLINE_KEY, Samples.complaint(Samples.newSourceId())).statusCode())
          .isEqualTo(202);
      Scrape scrape = Scrape.of(gw);
      assertThat(scrape.value("intake_rate_limited_total{channel=\"web\"}")).isPositive();
      assertThat(scrape.has("intake_rate_limited_total{channel=\"phone\"}")).isTrue();
      assertThat(scrape.value("intake_rate_limited_total{channel=\"phone\"}")).isZero();
      assertThat(scrape.value("intake_rejected_total{reason=\"rate-limited\"}")).isPositive();
    }
  }

  @Nested
  @DisplayName("connections")
  class Connections {
    /** Whether a new connection is served a health check. */
    private boolean served(RawHttp c) throws Exception {
      c.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
      try {
        return c.read().status() == 200;
      } catch (java.io.IOException closed) {
        return false;
      }
    }

    @Test
    @DisplayName("past the node's most, a new one is closed at once and counted; then room is made")
    void capped() throws Exception {
      double refusedBefore = Scrape.of(gw).value("intake_connections_refused_total");
      List<RawHttp> open = new ArrayList<>();
      int served = 0;
      boolean refused = false;
      try {
        for (int i = 0; i < MAX_CONNECTIONS + 2 && !refused; i++) {
          RawHttp c = RawHttp.connect(port());
          open.add(c);
          if (served(c)) {
            served++;
          } else {
            refused = true;
          }
        }
        assertThat(refused).as("a connection past the cap is closed").isTrue();
        assertThat(served).isLessThanOrEqualTo(MAX_CONNECTIONS).isPositive();
      } finally {
        for (RawHttp c : open) {
          c.close();
        }
      }
      // The server notices the closes on its own time: a new connection is served once it has.
      boolean again = false;
      for (int i = 0; i < 100 && !again; i++) {
        try (RawHttp c = RawHttp.connect(port())) {
          again = served(c);
        }
        if (!again) {
          Thread.sleep(100);
        }
      }
      assertThat(again).as("served again once connections closed").isTrue();
      assertThat(Scrape.of(gw).value("intake_connections_refused_total"))
          .isGreaterThan(refusedBefore);
    }

    @Test
    @DisplayName(
        "an HTTP/1.1 connection is served one request at a time: a pipelined retry replays")
    void pipelined() throws Exception {
      byte[] body = Samples.complaint(Samples.newSourceId()).getBytes(StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 2; i++) {
        both.write(head(PHONE_KEY, body.length));
        both.write(body);
      }
      try (RawHttp c = RawHttp.connect(port())) {
        c.send(both.toByteArray());
        // Were the second started before the first was answered, its key would be in flight: 409.
        assertThat(c.read().status()).isEqualTo(202);
        RawHttp.Response second = c.read();
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.headers()).containsEntry("idempotent-replayed", "true");
      }
    }

    @Test
    @DisplayName("an HTTP/2 connection (h2c on) announces the configured stream limit")
    void http2Streams() throws Exception {
      Vertx vertx = Vertx.vertx();
      try {
        HttpClientAgent client =
            vertx.createHttpClient(
                new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
        Future<Long> limit =
            client
                .request(HttpMethod.GET, port(), "127.0.0.1", "/health/live")
                .compose(
                    req ->
                        req.send()
                            .map(
                                resp ->
                                    req.connection().remoteSettings().getMaxConcurrentStreams()));
        assertThat(limit.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
            .isEqualTo(MAX_STREAMS);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  @Nested
  @DisplayName("memory")
  class Memory {
    @Test
    @DisplayName("the dedup index holds at most its configured entries, and counts what it evicts")
    void dedupCap() throws Exception {
      for (int i = 0; i < 3; i++) {
        assertThat(gw.postJson(PHONE_KEY, Samples.complaint(Samples.newSourceId())).statusCode())
            .isEqualTo(202);
      }
      Scrape scrape = Scrape.of(gw);
      assertThat(scrape.value("intake_dedup_entries")).isBetween(1.0, (double) DEDUP_MAX_ENTRIES);
      assertThat(scrape.value("intake_dedup_evictions_total")).isPositive();
    }
  }
}
