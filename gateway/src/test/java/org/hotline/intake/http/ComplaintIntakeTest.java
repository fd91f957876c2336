package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.HOTLINE_KEY;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.pipeline.IntakeService;
import org.hotline.intake.support.Rows;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("POST /v1/complaints")
class ComplaintIntakeTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  @Nested
  @DisplayName("a new record")
  class NewRecord {
    @Test
    @DisplayName("is answered 202 with the verdict, and its row is committed")
    void accepted() throws Exception {
      String sourceId = Samples.newSourceId();
      HttpResponse<String> r = gw.postJson(PHONE_KEY, Samples.complaint(sourceId));

      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
      JsonObject verdict = new JsonObject(r.body());
      assertThat(verdict.getString("id")).isNotBlank();
      assertThat(verdict.getString("status")).isEqualTo("accepted");
      assertThat(verdict.fieldNames())
          .contains(
              "duplicate_of",
              "cluster_id",
              "cluster_size",
              "district",
              "queue",
              "transfer_to",
              "deadlines");
      // The sample's merchant is on 中山路 in 思明 with division code 350203.
      assertThat(verdict.getString("district")).isEqualTo("350203");
      assertThat(verdict.getString("queue")).isEqualTo("350203");
      assertThat(verdict.getJsonObject("deadlines").getString("accept_by")).isNotBlank();
      assertThat(Rows.countBySourceId(sourceId)).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "with an empty merchant (12345's order describes the shop) is taken and placed by the"
            + " shop's place in the text; a report's is refused")
    void emptyMerchant() throws Exception {
      String sourceId = Samples.newSourceId();
      JsonObject order = new JsonObject(Samples.complaint(sourceId));
      order.put("merchant", new JsonObject()).remove("category");
      order.put("content", "市民反映：其在湖里区江头北路一家手机店（位于江头菜市场对面）购买的“全新”手机，经检测为翻新机，商家拒绝退换。诉求：查处并协调退货。");
      HttpResponse<String> r = gw.postJson(HOTLINE_KEY, order.encode());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      JsonObject verdict = new JsonObject(r.body());
      assertThat(verdict.getString("queue")).as(r.body()).isEqualTo("350206");
      assertThat(Rows.countBySourceId(sourceId)).isEqualTo(1);

      String other = Samples.newSourceId();
      JsonObject taxi = new JsonObject(Samples.complaint(other));
      taxi.put("merchant", new JsonObject()).put("category", "交通运输");
      taxi.put("content", "来电人反映：其从高崎机场乘坐出租车前往曾厝垵，司机绕路且不打表。要求查处。");
      JsonObject transfer = new JsonObject(gw.postJson(PHONE_KEY, taxi.encode()).body());
      assertThat(transfer.getString("queue")).as(transfer.encode()).isEqualTo("transfer");

      String reportId = Samples.newSourceId();
      JsonObject report = new JsonObject(Samples.complaint(reportId));
      report.put("type", "report").put("merchant", new JsonObject());
      assertThat(gw.postJson(HOTLINE_KEY, report.encode()).statusCode()).isEqualTo(400);
      assertThat(Rows.countBySourceId(reportId)).isZero();
    }

    @Test
    @DisplayName("from different channels with the same source_id are two records")
    void sourceIdIsPerChannel() throws Exception {
      String sourceId = Samples.newSourceId();
      assertThat(gw.postJson(PHONE_KEY, Samples.complaint(sourceId)).statusCode()).isEqualTo(202);
      assertThat(gw.postJson(WEB_KEY, Samples.complaint(sourceId)).statusCode()).isEqualTo(202);
      assertThat(Rows.countBySourceId(sourceId)).isEqualTo(2);
    }

    @Test
    @DisplayName("arriving together are all committed, each answered once")
    void concurrentBurst() throws Exception {
      List<String> ids = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String sourceId = Samples.newSourceId();
        ids.add(sourceId);
        calls.add(gw.postJsonAsync(WEB_KEY, Samples.complaint(sourceId)));
      }
      for (var call : calls) {
        assertThat(call.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
      }
      for (String id : ids) {
        assertThat(Rows.countBySourceId(id)).isEqualTo(1);
      }
    }
  }

  @Nested
  @DisplayName("a retry of the same (channel, source_id)")
  class Idempotency {
    @Test
    @DisplayName("with the same content returns the original verdict with Idempotent-Replayed")
    void replay() throws Exception {
      String sourceId = Samples.newSourceId();
      HttpResponse<String> first = gw.postJson(PHONE_KEY, Samples.complaint(sourceId));
      // Same content, different formatting and key order.
      JsonObject original = new JsonObject(Samples.complaint(sourceId));
      List<String> names = new ArrayList<>(original.fieldNames());
      Collections.reverse(names);
      JsonObject reversed = new JsonObject();
      names.forEach(n -> reversed.put(n, original.getValue(n)));
      String reordered = reversed.encodePrettily().replace("\n", "\r\n");
      HttpResponse<String> again = gw.postJson(PHONE_KEY, reordered);

      assertThat(first.statusCode()).isEqualTo(202);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(new JsonObject(again.body())).isEqualTo(new JsonObject(first.body()));
      assertThat(Rows.countBySourceId(sourceId)).isEqualTo(1);
    }

    @Test
    @DisplayName("with different content is refused with 422 and changes nothing")
    void conflict() throws Exception {
      String sourceId = Samples.newSourceId();
      assertThat(gw.postJson(PHONE_KEY, Samples.complaint(sourceId)).statusCode()).isEqualTo(202);
      String changed = Samples.complaint(sourceId).replace("300.5", "301");
      HttpResponse<String> r = gw.postJson(PHONE_KEY, changed);

      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(new JsonObject(r.body()).getInteger("status")).isEqualTo(422);
      assertThat(Rows.countBySourceId(sourceId)).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "while the first is still being written waits for it, and is answered as a replay once it"
            + " commits")
    void waitsForTheFirst() throws Exception {
      String sourceId = Samples.newSourceId();
      CompletableFuture<HttpResponse<String>> first;
      CompletableFuture<HttpResponse<String>> second;
      try (Connection lock = SharedDatabase.jdbc()) {
        // Hold the table so the first request's batch cannot commit yet.
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE complaint IN EXCLUSIVE MODE");
        first = gw.postJsonAsync(PHONE_KEY, Samples.complaint(sourceId));
        Thread.sleep(300);
        second = gw.postJsonAsync(PHONE_KEY, Samples.complaint(sourceId));
        Thread.sleep(200);
        assertThat(first).isNotDone();
        assertThat(second).as("the copy waits for the first").isNotDone();
        lock.rollback();
      }
      HttpResponse<String> stored = first.get(30, TimeUnit.SECONDS);
      HttpResponse<String> replayed = second.get(30, TimeUnit.SECONDS);
      assertThat(stored.statusCode()).isEqualTo(202);
      assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
      assertThat(replayed.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(new JsonObject(replayed.body())).isEqualTo(new JsonObject(stored.body()));
      assertThat(Rows.countBySourceId(sourceId)).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "while the first is held up longer than the wait is answered 409, and the first commits")
    void inFlight() throws Exception {
      String sourceId = Samples.newSourceId();
      CompletableFuture<HttpResponse<String>> first;
      HttpResponse<String> second;
      long waitedMs;
      try (Connection lock = SharedDatabase.jdbc()) {
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE complaint IN EXCLUSIVE MODE");
        first = gw.postJsonAsync(PHONE_KEY, Samples.complaint(sourceId));
        Thread.sleep(500);
        long started = System.nanoTime();
        second = gw.postJson(PHONE_KEY, Samples.complaint(sourceId));
        waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(first).isNotDone();
        lock.rollback();
      }
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(second.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(waitedMs)
          .as("the copy waited for the first before giving up")
          .isGreaterThanOrEqualTo(IntakeService.IN_FLIGHT_WAIT_MS - 100);
      assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
      assertThat(Rows.countBySourceId(sourceId)).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("GET /v1/complaints/{id}")
  class Reading {
    @Test
    @DisplayName("shows the stored record to the operator with phone and ID numbers masked")
    void masked() throws Exception {
      String sourceId = Samples.newSourceId();
      JsonObject verdict =
          new JsonObject(gw.postJson(PHONE_KEY, Samples.complaint(sourceId)).body());
      HttpResponse<String> r = gw.get("/v1/complaints/" + verdict.getString("id"), OPERATOR_KEY);

      assertThat(r.statusCode()).isEqualTo(200);
      JsonObject view = new JsonObject(r.body());
      assertThat(view.getString("source_id")).isEqualTo(sourceId);
      assertThat(view.getString("channel")).isEqualTo("phone");
      assertThat(view.getJsonObject("verdict")).isEqualTo(verdict);
      JsonObject complainant = view.getJsonObject("record").getJsonObject("complainant");
      String phone = Samples.phone(sourceId).replace(" ", "");
      assertThat(complainant.getString("phone")).isEqualTo("138****" + phone.substring(7));
      String idNumber = Samples.idNumber(sourceId);
      assertThat(complainant.getString("id_number"))
          .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
      assertThat(r.body())
          .doesNotContain(Samples.phone(sourceId).replace(" ", ""))
          .doesNotContain(idNumber);
    }

    @Test
    @DisplayName("is refused to channel keys and to callers without a key")
    void operatorOnly() throws Exception {
      String id =
          new JsonObject(gw.postJson(PHONE_KEY, Samples.complaint(Samples.newSourceId())).body())
              .getString("id");
      assertThat(gw.get("/v1/complaints/" + id, PHONE_KEY).statusCode()).isEqualTo(403);
      assertThat(gw.get("/v1/complaints/" + id, null).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("answers 404 problems for unknown and malformed ids")
    void unknown() throws Exception {
      HttpResponse<String> r =
          gw.get("/v1/complaints/0190b6a0-0000-7000-8000-000000000000", OPERATOR_KEY);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(gw.get("/v1/complaints/not-a-uuid", OPERATOR_KEY).statusCode()).isEqualTo(404);
    }
  }

  @Nested
  @DisplayName("health")
  class Health {
    @Test
    @DisplayName("live and ready answer 200 while the database is reachable")
    void health() throws Exception {
      assertThat(gw.get("/health/live", null).statusCode()).isEqualTo(200);
      HttpResponse<String> ready = gw.get("/health/ready", null);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("UP");
    }
  }
}
