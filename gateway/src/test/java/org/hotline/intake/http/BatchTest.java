package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.http.BadInputTest.assertProblem;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hotline.intake.support.Rows;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("POST /v1/complaints:batch")
class BatchTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  static HttpResponse<String> batch(String key, String body) throws Exception {
    return gw.send(
        gw.post(
            "/v1/complaints:batch",
            key,
            "application/json",
            body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName(
      "treats each item as if posted alone and answers once every accepted item is committed")
  void mixed() throws Exception {
    String replayed = Samples.newSourceId();
    assertThat(gw.postJson(WEB_KEY, Samples.complaint(replayed)).statusCode()).isEqualTo(202);
    String fresh = Samples.newSourceId();
    String invalid = Samples.newSourceId();
    String body =
        "["
            + Samples.complaint(fresh)
            + ", {\"source_id\": \""
            + invalid
            + "\", \"type\": \"complaint\", \"content\": \"x\"}, "
            + Samples.complaint(replayed)
            + "]";

    HttpResponse<String> r = batch(WEB_KEY, body);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonArray results = new JsonObject(r.body()).getJsonArray("results");
    assertThat(results).hasSize(3);
    assertThat(results.getJsonObject(0).getInteger("index")).isZero();
    assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(202);
    assertThat(results.getJsonObject(0).getJsonObject("body").getString("id")).isNotBlank();
    assertThat(results.getJsonObject(1).getInteger("status")).isEqualTo(400);
    assertThat(results.getJsonObject(1).getJsonObject("body").getJsonArray("errors")).isNotEmpty();
    assertThat(results.getJsonObject(2).getInteger("status")).isEqualTo(200);
    assertThat(Rows.countBySourceId(fresh)).isEqualTo(1);
    assertThat(Rows.countBySourceId(invalid)).isZero();
    assertThat(Rows.countBySourceId(replayed)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a batch of the most items (taken a slice per event-loop turn) answers each in its place,"
          + " every one committed")
  void largest() throws Exception {
    List<String> sourceIds = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      sourceIds.add(Samples.newSourceId());
    }
    String body =
        sourceIds.stream().map(Samples::complaint).collect(Collectors.joining(",", "[", "]"));

    HttpResponse<String> r = batch(WEB_KEY, body);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonArray results = new JsonObject(r.body()).getJsonArray("results");
    assertThat(results).hasSize(500);
    for (int i = 0; i < 500; i++) {
      JsonObject item = results.getJsonObject(i);
      assertThat(item.getInteger("index")).isEqualTo(i);
      assertThat(item.getInteger("status")).as(item.encode()).isEqualTo(202);
    }
    assertThat(Rows.countBySourceIds(sourceIds)).isEqualTo(500);
  }

  @Test
  @DisplayName(
      "a body that is not an array of at most 500 items is a 400 problem, and nothing is stored")
  void shape() throws Exception {
    String sourceId = Samples.newSourceId();
    assertProblem(batch(WEB_KEY, Samples.complaint(sourceId)), 400);
    assertProblem(batch(WEB_KEY, "[" + Samples.complaint(sourceId)), 400);
    String many = "[" + String.join(",", java.util.Collections.nCopies(501, "{}")) + "]";
    assertProblem(batch(WEB_KEY, many), 400);
    assertThat(Rows.countBySourceId(sourceId)).isZero();
  }

  @Test
  @DisplayName("an item over 64 KiB gets the 413 a single post of it would, and is not stored")
  void itemTooLarge() throws Exception {
    String big = Samples.newSourceId();
    String fine = Samples.newSourceId();
    String bigItem =
        new JsonObject(Samples.complaint(big))
            .put("channel_ref", new JsonObject().put("pad", "x".repeat(70 * 1024)))
            .encode();
    assertThat(gw.postJson(WEB_KEY, bigItem).statusCode()).as("posted alone").isEqualTo(413);

    HttpResponse<String> r = batch(WEB_KEY, "[" + bigItem + ", " + Samples.complaint(fine) + "]");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonArray results = new JsonObject(r.body()).getJsonArray("results");
    assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(413);
    assertThat(results.getJsonObject(0).getJsonObject("body").getInteger("status")).isEqualTo(413);
    assertThat(results.getJsonObject(1).getInteger("status")).isEqualTo(202);
    assertThat(Rows.countBySourceId(big)).isZero();
    assertThat(Rows.countBySourceId(fine)).isEqualTo(1);
  }

  @Test
  @DisplayName("needs a channel key like a single record")
  void auth() throws Exception {
    assertProblem(batch(null, "[]"), 401);
    assertProblem(batch(TestGateway.OPERATOR_KEY, "[]"), 403);
    HttpResponse<String> empty = batch(WEB_KEY, "[]");
    assertThat(new JsonObject(empty.body()).getJsonArray("results")).isEmpty();
  }
}
