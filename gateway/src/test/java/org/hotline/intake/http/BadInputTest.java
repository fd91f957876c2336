package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.hotline.intake.support.Rows;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("bad input over HTTP gets a 4xx problem and stores nothing")
class BadInputTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  /** A valid complaint with one field replaced (or removed when value is null). */
  static String with(String sourceId, String field, Object value) {
    JsonObject o = new JsonObject(Samples.complaint(sourceId));
    if (value == null) {
      o.remove(field);
    } else {
      o.put(field, value);
    }
    return o.encode();
  }

  static Stream<Arguments> invalidRecords() {
    String big = "9".repeat(400);
    return Stream.of(
        Arguments.of("an unknown top-level field", "/colour", "\"colour\": \"red\", "),
        Arguments.of("a NUL character", "", "\"category\": \"餐饮\\u0000服务\", "),
        Arguments.of("a huge number", "", "\"channel_ref\": {\"n\": 1e400000}, "),
        Arguments.of("an integer too long to hold", "", "\"channel_ref\": {\"n\": " + big + "}, "),
        Arguments.of("a lone surrogate", "", "\"category\": \"\\ud800\", "),
        Arguments.of("a bad credit code", "/merchant/credit_code", null),
        Arguments.of("a bad phone", "/complainant/phone", null),
        Arguments.of("a bad ID number", "/complainant/id_number", null),
        Arguments.of("a negative amount", "/amount", null),
        Arguments.of("a future received_at", "/received_at", null),
        Arguments.of("a type that does not exist", "/type", null),
        Arguments.of("a missing merchant on a complaint", "/merchant", null),
        Arguments.of("an empty content", "/content", null));
  }

  private static String bodyFor(String name, String sourceId, String prefix) {
    if (prefix != null) {
      return Samples.complaint(sourceId).replaceFirst("\\{", "{" + prefix);
    }
    JsonObject o = new JsonObject(Samples.complaint(sourceId));
    switch (name) {
      case "a bad credit code" ->
          o.getJsonObject("merchant").put("credit_code", "91350203MA2Y0F1201");
      case "a bad phone" -> o.getJsonObject("complainant").put("phone", "12345");
      case "a bad ID number" ->
          o.getJsonObject("complainant").put("id_number", "110105194912310021");
      case "a negative amount" -> o.put("amount", -1);
      case "a future received_at" -> o.put("received_at", "2099-01-01T00:00:00+08:00");
      case "a type that does not exist" -> o.put("type", "praise");
      case "a missing merchant on a complaint" -> o.remove("merchant");
      case "an empty content" -> o.put("content", "   ");
      default -> throw new IllegalArgumentException(name);
    }
    return o.encode();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRecords")
  @DisplayName("a record with")
  void rejected(String name, String pointer, String prefix) throws Exception {
    String sourceId = Samples.newSourceId();
    HttpResponse<String> r = gw.postJson(PHONE_KEY, bodyFor(name, sourceId, prefix));

    assertProblem(r, 400);
    JsonArray errors = new JsonObject(r.body()).getJsonArray("errors");
    assertThat(errors).isNotEmpty();
    assertThat(errors.stream().map(e -> ((JsonObject) e).getString("pointer"))).contains(pointer);
    assertThat(Rows.countBySourceId(sourceId)).isZero();
  }

  @Nested
  @DisplayName("bytes that are not a JSON document")
  class Malformed {
    @Test
    @DisplayName("invalid UTF-8 is a 400")
    void invalidUtf8() throws Exception {
      byte[] prefix =
          "{\"source_id\": \"x\", \"type\": \"inquiry\", \"content\": \""
              .getBytes(StandardCharsets.UTF_8);
      byte[] body = new byte[prefix.length + 4];
      System.arraycopy(prefix, 0, body, 0, prefix.length);
      body[prefix.length] = (byte) 0xC3;
      body[prefix.length + 1] = (byte) 0x28;
      body[prefix.length + 2] = '"';
      body[prefix.length + 3] = '}';
      assertProblem(gw.send(gw.post("/v1/complaints", PHONE_KEY, "application/json", body)), 400);
    }

    @Test
    @DisplayName("duplicate keys are a 400")
    void duplicateKeys() throws Exception {
      String sourceId = Samples.newSourceId();
      String body = Samples.complaint(sourceId).replaceFirst("\\{", "{\"type\": \"inquiry\", ");
      assertProblem(gw.postJson(PHONE_KEY, body), 400);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }

    @Test
    @DisplayName("nesting deeper than 16 is a 400")
    void tooDeep() throws Exception {
      String sourceId = Samples.newSourceId();
      String deep = "[".repeat(20) + "]".repeat(20);
      String body =
          Samples.complaint(sourceId)
              .replace("{\"ticket\": \"A-1\", \"agent\": 7}", "{\"d\": " + deep + "}");
      assertProblem(gw.postJson(PHONE_KEY, body), 400);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }

    @Test
    @DisplayName("truncated JSON and an array are 400s")
    void notAnObject() throws Exception {
      assertProblem(gw.postJson(PHONE_KEY, "{\"source_id\": "), 400);
      assertProblem(gw.postJson(PHONE_KEY, "[]"), 400);
      assertProblem(gw.postJson(PHONE_KEY, ""), 400);
    }
  }

  @Nested
  @DisplayName("requests the endpoint does not take")
  class Protocol {
    @Test
    @DisplayName("a body over 64 KiB is a 413")
    void tooLarge() throws Exception {
      String sourceId = Samples.newSourceId();
      String body = with(sourceId, "category", "x".repeat(70 * 1024));
      assertProblem(gw.postJson(PHONE_KEY, body), 413);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }

    @Test
    @DisplayName("a body that is not declared as JSON is a 415")
    void notJson() throws Exception {
      String sourceId = Samples.newSourceId();
      byte[] body = Samples.complaint(sourceId).getBytes(StandardCharsets.UTF_8);
      assertProblem(gw.send(gw.post("/v1/complaints", PHONE_KEY, "text/plain", body)), 415);
      assertProblem(gw.send(gw.post("/v1/complaints", PHONE_KEY, null, body)), 415);
      assertProblem(
          gw.send(gw.post("/v1/complaints", PHONE_KEY, "application/json; charset=latin1", body)),
          415);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }

    @Test
    @DisplayName("a Content-Encoding the gateway does not decode, or two Content-Types, is a 415")
    void codedOrTwoTypes() throws Exception {
      String sourceId = Samples.newSourceId();
      byte[] body = Samples.complaint(sourceId).getBytes(StandardCharsets.UTF_8);
      for (String coding : new String[] {"gzip", "br"}) {
        assertProblem(
            gw.send(
                gw.post("/v1/complaints", PHONE_KEY, "application/json", body)
                    .header("Content-Encoding", coding)),
            415);
      }
      assertProblem(
          gw.send(
              gw.post("/v1/complaints", PHONE_KEY, "application/json", body)
                  .header("Content-Type", "text/plain")),
          415);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
      assertThat(
              gw.send(
                      gw.post("/v1/complaints", PHONE_KEY, "application/json", body)
                          .header("Content-Encoding", "identity"))
                  .statusCode())
          .isEqualTo(202);
    }

    @Test
    @DisplayName("an unknown path is a 404 and a wrong method a 405, both problems")
    void routing() throws Exception {
      assertProblem(gw.get("/v1/nothing-here", PHONE_KEY), 404);
      assertProblem(gw.get("/v1/complaints", PHONE_KEY), 405);
    }
  }

  @Test
  @DisplayName("a path with a bad percent escape is a 400 problem, keyed or not")
  void badEscape() throws Exception {
    for (String path : new String[] {"/%zz", "/v1/complaints/%zz"}) {
      try (org.hotline.intake.support.RawHttp c =
          org.hotline.intake.support.RawHttp.connect(gw.uri("/").getPort())) {
        c.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        org.hotline.intake.support.RawHttp.Response r = c.read();
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.headers()).as(path).containsEntry("content-type", "application/problem+json");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource({
    "Bearer nope, application/json, 401",
    "Bearer demo-operator-key, application/json, 403",
    "Bearer demo-web-key, text/plain, 415"
  })
  @DisplayName(
      "a request refused from its headers with a large body announced gets its answer and the"
          + " connection closed, its body unread")
  void refusedAndClosed(String key, String type, int status) throws Exception {
    try (org.hotline.intake.support.RawHttp c =
        org.hotline.intake.support.RawHttp.connect(gw.uri("/").getPort())) {
      c.send(
          "POST /v1/complaints:batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
              + key
              + "\r\nContent-Type: "
              + type
              + "\r\nContent-Length: 4194304\r\n\r\n");
      org.hotline.intake.support.RawHttp.Response r = c.read();
      assertThat(r.status()).as(r.statusLine()).isEqualTo(status);
      assertThat(r.headers()).containsEntry("connection", "close");
      c.readTimeout(5000);
      assertThat(c.closedByServer()).as("closed without waiting for the body").isTrue();
    }
  }

  @Test
  @DisplayName(
      "a phone or ID number written as a key name or in the path is masked in the problem body")
  void numbersInKeysAreMasked() throws Exception {
    String body =
        Samples.complaint(Samples.newSourceId())
            .replaceFirst("\\{", "{\"13950001234\": 1, \"11010519491231002X\": 2, ");
    HttpResponse<String> r = gw.postJson(PHONE_KEY, body);
    assertProblem(r, 400);
    assertThat(r.body())
        .doesNotContain("13950001234")
        .doesNotContain("11010519491231002X")
        .contains("139****1234")
        .contains("110105********002X");
    HttpResponse<String> path =
        gw.get("/v1/complaints/13950001234", org.hotline.intake.support.TestGateway.OPERATOR_KEY);
    assertThat(path.statusCode()).isBetween(400, 499);
    assertThat(path.body()).doesNotContain("13950001234");
  }

  @Test
  @DisplayName(
      "a client that sends the large body it announced still reads its refusal, then the close")
  void refusedWhileSending() throws Exception {
    byte[] body = new byte[256 * 1024];
    java.util.Arrays.fill(body, (byte) 'x');
    try (org.hotline.intake.support.RawHttp c =
        org.hotline.intake.support.RawHttp.connect(gw.uri("/").getPort())) {
      c.send(
          "POST /v1/complaints:batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer nope"
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n\r\n");
      c.send(body);
      org.hotline.intake.support.RawHttp.Response r = c.read();
      assertThat(r.status()).as(r.statusLine()).isEqualTo(401);
      c.readTimeout(5000);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  @DisplayName("a refused request without a body keeps its connection: the next one is answered")
  void refusedWithoutBodyKeepsTheConnection() throws Exception {
    try (org.hotline.intake.support.RawHttp c =
        org.hotline.intake.support.RawHttp.connect(gw.uri("/").getPort())) {
      c.send("GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(404);
      c.send("GET /v1/queues HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer nope\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(401);
      c.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(c.read().status()).as("the same connection still serves").isEqualTo(200);
    }
  }

  @Test
  @DisplayName("an Expect value the server does not take is a 417 problem, not a 500")
  void unknownExpectation() throws Exception {
    try (org.hotline.intake.support.RawHttp c =
        org.hotline.intake.support.RawHttp.connect(gw.uri("/").getPort())) {
      String body = Samples.complaint(Samples.newSourceId());
      c.send(
          "POST /v1/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + org.hotline.intake.support.TestGateway.WEB_KEY
              + "\r\nContent-Type: application/json\r\nExpect: 999-whatever\r\nContent-Length: "
              + body.getBytes(StandardCharsets.UTF_8).length
              + "\r\n\r\n");
      org.hotline.intake.support.RawHttp.Response r = c.read();
      assertThat(r.status()).as(r.statusLine()).isEqualTo(417);
      assertThat(r.headers()).containsEntry("content-type", "application/problem+json");
    }
  }

  @Nested
  @DisplayName("operator bodies")
  class OperatorBodies {
    static Stream<String> operatorPosts() {
      String unknown = "/v1/complaints/" + java.util.UUID.randomUUID();
      return Stream.of(
          "/v1/queues/350203/claim",
          unknown + "/decision",
          unknown + "/unlink",
          unknown + "/requeue");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorPosts")
    @DisplayName("a JSON null, a string or a number as the body is a 400, never a 500")
    void notAnObject(String path) throws Exception {
      for (String body : new String[] {"null", "\"x\"", "7"}) {
        assertProblem(
            gw.send(
                gw.post(
                    path, OPERATOR_KEY, "application/json", body.getBytes(StandardCharsets.UTF_8))),
            400);
      }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorPosts")
    @DisplayName("a field the endpoint does not know is a 400 naming it, not silently ignored")
    void unknownField(String path) throws Exception {
      String body = "{\"reason\": \"checked\", \"lease_secs\": 60}";
      HttpResponse<String> r =
          gw.send(
              gw.post(
                  path, OPERATOR_KEY, "application/json", body.getBytes(StandardCharsets.UTF_8)));
      assertProblem(r, 400);
      assertThat(new JsonObject(r.body()).getJsonArray("errors").encode())
          .contains("\"/lease_secs\"")
          .contains("unknown field");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorPosts")
    @DisplayName("a key twice, or content after the object, is a 400: no guessing which counts")
    void duplicateKey(String path) throws Exception {
      for (String body :
          new String[] {"{\"reason\": \"a\", \"reason\": \"b\"}", "{\"max\": 1} {\"max\": 2}"}) {
        HttpResponse<String> r =
            gw.send(
                gw.post(
                    path, OPERATOR_KEY, "application/json", body.getBytes(StandardCharsets.UTF_8)));
        assertProblem(r, 400);
        assertThat(r.body()).as(body).contains("\"pointer\":\"\"");
      }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorPosts")
    @DisplayName("a body that is not declared JSON is a 415, before it is read")
    void notDeclaredJson(String path) throws Exception {
      assertProblem(
          gw.send(
              gw.post(
                  path,
                  OPERATOR_KEY,
                  "text/plain",
                  "{\"max\": 1}".getBytes(StandardCharsets.UTF_8))),
          415);
    }

    @Test
    @DisplayName("a decision's errors name each field's fault: an empty reason, a token not a UUID")
    void decisionDetails() throws Exception {
      String body = "{\"lease_token\": \"garbage\", \"decision\": \"accept\", \"reason\": \"\"}";
      HttpResponse<String> r =
          gw.send(
              gw.post(
                  "/v1/complaints/" + java.util.UUID.randomUUID() + "/decision",
                  OPERATOR_KEY,
                  "application/json",
                  body.getBytes(StandardCharsets.UTF_8)));
      assertProblem(r, 400);
      JsonArray errors = new JsonObject(r.body()).getJsonArray("errors");
      assertThat(errors.stream().map(e -> ((JsonObject) e).encode()))
          .anySatisfy(e -> assertThat(e).contains("/lease_token").contains("UUID"))
          .anySatisfy(e -> assertThat(e).contains("/reason").contains("must not be empty"))
          .noneSatisfy(e -> assertThat(e).contains("garbage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorPosts")
    @DisplayName("an empty body reads as an empty object: defaults or a 4xx, never a 500")
    void empty(String path) throws Exception {
      HttpResponse<String> r =
          gw.send(gw.post(path, OPERATOR_KEY, "application/json", new byte[0]));
      assertThat(r.statusCode()).as(r.body()).isLessThan(500);
      if (path.endsWith("/claim")) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      } else {
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
      }
    }
  }

  static void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonObject problem = new JsonObject(r.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("type")).isNotBlank();
  }
}
