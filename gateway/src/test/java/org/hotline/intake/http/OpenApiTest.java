package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GET /openapi.json")
class OpenApiTest {
  @Test
  @DisplayName("describes every endpoint the gateway serves, as OpenAPI 3.1, without a key")
  void document() throws Exception {
    HttpResponse<String> r = TestGateway.shared().get("/openapi.json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject doc = new JsonObject(r.body());
    assertThat(doc.getString("openapi")).startsWith("3.1");
    assertThat(doc.getJsonObject("paths").fieldNames())
        .contains(
            "/v1/complaints",
            "/v1/complaints:batch",
            "/v1/complaints/{id}",
            "/v1/complaints/{id}/unmasked",
            "/v1/complaints/{id}/decision",
            "/v1/queues",
            "/v1/queues/{queue}/claim",
            "/v1/queues/{queue}/stuck",
            "/v1/complaints/{id}/requeue",
            "/v1/complaints/{id}/unlink",
            "/health/live",
            "/health/ready",
            "/metrics");
    // Every operation that takes a key says what a missing or a wrong one gets.
    for (String path : doc.getJsonObject("paths").fieldNames()) {
      JsonObject operations = doc.getJsonObject("paths").getJsonObject(path);
      for (String method : operations.fieldNames()) {
        JsonObject op = operations.getJsonObject(method);
        boolean open = op.getJsonArray("security") != null && op.getJsonArray("security").isEmpty();
        if (!open) {
          assertThat(op.getJsonObject("responses").fieldNames())
              .as(method + " " + path)
              .contains("401", "403");
        }
      }
    }
    assertThat(
            doc.getJsonObject("components")
                .getJsonObject("schemas")
                .getJsonObject("Complaint")
                .getJsonArray("required"))
        .contains("source_id", "type", "content");
  }

  @Test
  @DisplayName(
      "its request schema takes what the server takes and refuses what it refuses (2020-12)")
  void requestSchemaAgreesWithTheServer() throws Exception {
    TestGateway gw = TestGateway.shared();
    JsonObject schema = schema(gw, "Complaint");
    io.vertx.json.schema.Validator validator =
        io.vertx.json.schema.Validator.create(
            io.vertx.json.schema.JsonSchema.of(schema),
            new io.vertx.json.schema.JsonSchemaOptions()
                .setDraft(io.vertx.json.schema.Draft.DRAFT202012)
                .setBaseUri("https://intake.invalid/"));
    java.util.Map<String, java.util.function.UnaryOperator<JsonObject>> cases =
        new java.util.LinkedHashMap<>();
    cases.put("as it is", r -> r);
    cases.put("amount null", r -> r.put("amount", null));
    cases.put("amount above 1e12", r -> r.put("amount", 2e12));
    cases.put("a complaint without a merchant", r -> r.put("merchant", null));
    cases.put("an inquiry without a merchant", r -> r.put("type", "inquiry").put("merchant", null));
    cases.put("a report without a merchant", r -> r.put("type", "report").put("merchant", null));
    cases.put(
        "a latitude of 95",
        r -> {
          r.getJsonObject("merchant")
              .put("location", new JsonObject().put("lat", 95).put("lon", 0));
          return r;
        });
    cases.put(
        "a location with altitude",
        r -> {
          r.getJsonObject("merchant")
              .put("location", new JsonObject().put("lat", 24.4).put("lon", 118.1).put("alt", 1));
          return r;
        });
    cases.put("a category of 65 characters", r -> r.put("category", "x".repeat(65)));
    for (var c : cases.entrySet()) {
      JsonObject body =
          c.getValue()
              .apply(
                  new JsonObject(
                      org.hotline.intake.support.Samples.complaint(
                          org.hotline.intake.support.Samples.newSourceId())));
      boolean valid = validator.validate(body).getValid();
      HttpResponse<String> r = gw.postJson(TestGateway.PHONE_KEY, body.encode());
      assertThat(r.statusCode() == 202)
          .as(
              "%s: schema says %s, server answered %d %s",
              c.getKey(), valid, r.statusCode(), r.body())
          .isEqualTo(valid);
    }
  }

  @Test
  @DisplayName("a method a path does not allow is a 405 whose Allow header names the ones it does")
  void methodNotAllowed() throws Exception {
    TestGateway gw = TestGateway.shared();
    JsonObject paths = new JsonObject(gw.get("/openapi.json", null).body()).getJsonObject("paths");
    for (String template : paths.fieldNames()) {
      List<String> methods = new ArrayList<>();
      for (String m : paths.getJsonObject(template).fieldNames()) {
        methods.add(m.toUpperCase(Locale.ROOT));
      }
      String path = template.replaceAll("\\{[^}]+}", "x1");
      HttpResponse<String> r =
          gw.send(
              HttpRequest.newBuilder(gw.uri(path))
                  .method("DELETE", HttpRequest.BodyPublishers.noBody()));
      assertThat(r.statusCode()).as(path).isEqualTo(405);
      assertThat(r.headers().firstValue("allow")).as(path).hasValue(String.join(", ", methods));
      assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
    }
    HttpResponse<String> script =
        gw.send(
            HttpRequest.newBuilder(gw.uri("/board/board.js"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(script.statusCode()).isEqualTo(405);
    assertThat(script.headers().firstValue("allow")).hasValue("GET");
    HttpResponse<String> slash = gw.get("/v1/complaints/", TestGateway.OPERATOR_KEY);
    assertThat(slash.statusCode()).isEqualTo(405);
    assertThat(slash.headers().firstValue("allow"))
        .as("the path without its slash")
        .hasValue("POST");
  }

  @Test
  @DisplayName("the health endpoints answer HEAD as GET, without a body (load balancers' probes)")
  void headProbes() throws Exception {
    TestGateway gw = TestGateway.shared();
    for (String path : new String[] {"/health/live", "/health/ready"}) {
      HttpResponse<String> r =
          gw.send(
              HttpRequest.newBuilder(gw.uri(path))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).isEmpty();
    }
  }

  @Test
  @DisplayName("a verdict's deadlines, provisional flags included, are of the types it documents")
  void deadlinesAsDocumented() throws Exception {
    TestGateway gw = TestGateway.shared();
    JsonObject deadlines =
        schema(gw, "Verdict").getJsonObject("properties").getJsonObject("deadlines");
    // Received before the first bundled calendar: the count reaches a year without one.
    String body =
        org.hotline.intake.support.Samples.complaint(
                org.hotline.intake.support.Samples.newSourceId())
            .replace("2026-10-02T09:30:00+08:00", "2024-12-25T10:00:00+08:00");
    HttpResponse<String> r = gw.postJson(TestGateway.PHONE_KEY, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonObject got = new JsonObject(r.body()).getJsonObject("deadlines");
    assertThat(got.getValue("accept_by_provisional")).isEqualTo(true);
    JsonObject patterns = deadlines.getJsonObject("patternProperties", new JsonObject());
    for (String name : got.fieldNames()) {
      String type =
          patterns.fieldNames().stream()
              .filter(p -> java.util.regex.Pattern.compile(p).matcher(name).find())
              .map(p -> patterns.getJsonObject(p).getString("type"))
              .findFirst()
              .orElse(deadlines.getJsonObject("additionalProperties").getString("type"));
      Object value = got.getValue(name);
      assertThat(type.equals("boolean") ? value instanceof Boolean : value instanceof String)
          .as(name + " documented as " + type + ", answered " + value)
          .isTrue();
    }
  }

  /** The schema {@code name} of the served document's components. */
  private static JsonObject schema(TestGateway gw, String name) throws Exception {
    return new JsonObject(gw.get("/openapi.json", null).body())
        .getJsonObject("components")
        .getJsonObject("schemas")
        .getJsonObject(name);
  }
}
