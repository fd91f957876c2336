package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.hotline.intake.support.RawHttp;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the HTTP protocol, against hostile clients")
class ProtocolTest {
  private static final int FOUR_MIB = 4 * 1024 * 1024;
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  private static int port() {
    return gw.uri("/").getPort();
  }

  /** Headers announcing {@code length} bytes of body, and none of it sent. */
  private static String headersOnly(String path, String key, String contentType, int length) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\n"
        + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
        + "Content-Type: "
        + contentType
        + "\r\nContent-Length: "
        + length
        + "\r\n\r\n";
  }

  private static void assertProblem(RawHttp.Response r, int status) {
    assertThat(r.status()).as(r.statusLine()).isEqualTo(status);
    assertThat(r.headers()).containsEntry("content-type", "application/problem+json");
    JsonObject problem = new JsonObject(r.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).startsWith("/problems/");
    assertThat(problem.getString("title")).isNotBlank();
  }

  @Nested
  @DisplayName("authentication comes before the body")
  class BeforeTheBody {
    @Test
    @DisplayName("an unknown key announcing 4 MiB gets its 401 without sending a byte of body")
    void unknownKey() throws Exception {
      for (String path : new String[] {"/v1/complaints", "/v1/complaints:batch"}) {
        try (RawHttp c = RawHttp.connect(port())) {
          c.send(headersOnly(path, "no-such-key-at-all", "application/json", FOUR_MIB));
          RawHttp.Response r = c.read();
          assertProblem(r, 401);
          assertThat(r.headers()).containsEntry("connection", "close");
        }
      }
    }

    @Test
    @DisplayName("a missing key, an operator key or a wrong media type is refused the same way")
    void otherRefusals() throws Exception {
      try (RawHttp c = RawHttp.connect(port())) {
        assertProblem(
            c.send(headersOnly("/v1/complaints", null, "application/json", FOUR_MIB)).read(), 401);
      }
      try (RawHttp c = RawHttp.connect(port())) {
        assertProblem(
            c.send(headersOnly("/v1/complaints", OPERATOR_KEY, "application/json", FOUR_MIB))
                .read(),
            403);
      }
      try (RawHttp c = RawHttp.connect(port())) {
        assertProblem(
            c.send(headersOnly("/v1/complaints", WEB_KEY, "text/plain", FOUR_MIB)).read(), 415);
      }
    }

    @Test
    @DisplayName("a channel key on a queue route is refused before its body is read")
    void queueRoutes() throws Exception {
      try (RawHttp c = RawHttp.connect(port())) {
        assertProblem(
            c.send(headersOnly("/v1/queues/350203/claim", WEB_KEY, "application/json", 8000))
                .read(),
            403);
      }
    }
  }

  @Nested
  @DisplayName("size limits answer with problems")
  class Limits {
    /** {@code GET /health/live} with one header of {@code n} bytes. */
    private RawHttp.Response healthWithPadding(int n) throws Exception {
      try (RawHttp c = RawHttp.connect(port())) {
        c.send(
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Pad: " + "a".repeat(n) + "\r\n\r\n");
        return c.read();
      }
    }

    @Test
    @DisplayName("headers over 8 KiB get a 431 problem")
    void headersTooLarge() throws Exception {
      assertProblem(healthWithPadding(9 * 1024), 431);
    }

    @Test
    @DisplayName("a URI over 4 KiB gets a 414 problem that does not echo it")
    void uriTooLong() throws Exception {
      try (RawHttp c = RawHttp.connect(port())) {
        c.send("GET /v1/" + "x".repeat(5 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        RawHttp.Response r = c.read();
        assertProblem(r, 414);
        assertThat(r.body()).doesNotContain("xxxx");
      }
    }

    @Test
    @DisplayName("headers just under the limit are served")
    void underTheLimit() throws Exception {
      assertThat(healthWithPadding(7 * 1024).status()).isEqualTo(200);
    }
  }

  @Nested
  @DisplayName("h2c is off by default")
  class H2c {
    @Test
    @DisplayName("an Upgrade: h2c request is answered over HTTP/1.1, not switched")
    void upgrade() throws Exception {
      try (RawHttp c = RawHttp.connect(port())) {
        c.send(
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings"
                + "\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
        RawHttp.Response r = c.read();
        assertThat(r.statusLine()).startsWith("HTTP/1.1 200");
      }
    }

    @Test
    @DisplayName("the HTTP/2 prior-knowledge preface gets no HTTP/2 frames back")
    void priorKnowledge() throws Exception {
      try (RawHttp c = RawHttp.connect(port())) {
        c.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        // An HTTP/2 server answers with a binary SETTINGS frame (a 3-byte length, then type 4); the
        // HTTP/1.x codec with a status line of text (501, as it knows no method PRI), or by
        // closing.
        byte[] first = c.readSome(64);
        String text = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(first.length == 0 || text.matches("(?s)HTTP/\\d\\.\\d \\d{3} .*"))
            .as(text)
            .isTrue();
      }
    }
  }
}
