package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.queue.QueueCalls.QUEUE;
import static org.hotline.intake.queue.QueueCalls.claim;
import static org.hotline.intake.queue.QueueCalls.decide;
import static org.hotline.intake.queue.QueueCalls.post;
import static org.hotline.intake.queue.QueueCalls.postComplaint;
import static org.hotline.intake.queue.QueueCalls.postRequest;
import static org.hotline.intake.queue.QueueCalls.queueRow;
import static org.hotline.intake.queue.QueueCalls.record;
import static org.hotline.intake.queue.QueueCalls.sql;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("work in the queues never leaves service")
class QueueWorkTest {
  @BeforeAll
  static void start() throws Exception {
    QueueCalls.gw();
  }

  @BeforeEach
  void emptyQueues() throws Exception {
    QueueCalls.emptyQueues();
  }

  /** A freshly posted complaint, claimed: its claim item (id, lease_token). */
  static JsonObject claimedItem() throws Exception {
    postComplaint();
    JsonArray items = claim(1, 300, 0);
    assertThat(items).hasSize(1);
    return items.getJsonObject(0);
  }

  static HttpResponse<String> transfer(JsonObject item, String target) throws Exception {
    return decide(
        item.getString("id"),
        new JsonObject()
            .put("lease_token", item.getString("lease_token"))
            .put("decision", "transfer")
            .put("target", target));
  }

  static String column(String sql, String id) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Nested
  @DisplayName("a transfer")
  class Transfer {
    @Test
    @DisplayName("to a code no bureau serves, or to an unknown department, is a 400 on /target")
    void unknownTargets() throws Exception {
      JsonObject item = claimedItem();
      for (String target : new String[] {"350299", "110101", "不存在的部门", "transfer"}) {
        HttpResponse<String> r = transfer(item, target);
        assertThat(r.statusCode()).as(target + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(
                new JsonObject(r.body())
                    .getJsonArray("errors")
                    .getJsonObject(0)
                    .getString("pointer"))
            .isEqualTo("/target");
        assertThat(
                new JsonObject(r.body())
                    .getJsonArray("errors")
                    .getJsonObject(0)
                    .getString("detail"))
            .as("the valid departments are named")
            .startsWith("not a queue or department")
            .contains("交通运输", "卫健", "住建");
      }
      assertThat(
              column(
                  "SELECT state FROM queue_item WHERE complaint_id = ?::uuid",
                  item.getString("id")))
          .as("a refused transfer leaves the lease alone")
          .isEqualTo("leased");
    }

    @Test
    @DisplayName("to another district moves the record there too: its queue and its district")
    void toDistrictMovesTheRecord() throws Exception {
      JsonObject item = claimedItem();
      HttpResponse<String> r = transfer(item, "350206");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(new JsonObject(r.body()).getString("queue")).isEqualTo("350206");
      assertThat(record(item.getString("id")).getString("queue")).isEqualTo("350206");
      assertThat(column("SELECT district FROM complaint WHERE id = ?::uuid", item.getString("id")))
          .isEqualTo("350206");
      assertThat(
              column(
                  "SELECT queue FROM queue_item WHERE complaint_id = ?::uuid",
                  item.getString("id")))
          .isEqualTo("350206");
    }

    @Test
    @DisplayName("to triage moves the record's queue to triage")
    void toTriage() throws Exception {
      JsonObject item = claimedItem();
      assertThat(transfer(item, "triage").statusCode()).isEqualTo(200);
      assertThat(record(item.getString("id")).getString("queue")).isEqualTo("triage");
    }

    @Test
    @DisplayName("to a configured department ends the item here, the record in queue transfer")
    void toDepartment() throws Exception {
      JsonObject item = claimedItem();
      HttpResponse<String> r = transfer(item, "住建");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject stored = record(item.getString("id"));
      assertThat(stored.getString("state")).isEqualTo("transferred");
      assertThat(stored.getString("queue")).isEqualTo("transfer");
      // Closed work leaves the open items (what the monitors scan) and is kept as it was.
      assertThat(
              column(
                  "SELECT state FROM queue_item WHERE complaint_id = ?::uuid",
                  item.getString("id")))
          .isNull();
      assertThat(
              column(
                  "SELECT state FROM queue_item_done WHERE complaint_id = ?::uuid",
                  item.getString("id")))
          .isEqualTo("done");
    }
  }

  @Nested
  @DisplayName("stuck items")
  class Stuck {
    /** A posted complaint parked as stuck, as lease expiry would after max_attempts. */
    String stuckItem() throws Exception {
      String id = postComplaint().getString("id");
      sql("UPDATE queue_item SET state = 'stuck', attempts = 2 WHERE complaint_id = ?::uuid", id);
      return id;
    }

    @Test
    @DisplayName("are listed per queue, masked like a claim, and counted in the overview")
    void listed() throws Exception {
      String id = stuckItem();
      HttpResponse<String> r = QueueCalls.gw().get("/v1/queues/" + QUEUE + "/stuck", OPERATOR_KEY);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonArray items = new JsonObject(r.body()).getJsonArray("items");
      assertThat(items).hasSize(1);
      JsonObject item = items.getJsonObject(0);
      assertThat(item.getString("id")).isEqualTo(id);
      assertThat(item.getInteger("attempts")).isEqualTo(2);
      assertThat(item.getJsonObject("complaint").encode()).contains("****");
      assertThat(queueRow(QUEUE).getLong("stuck")).isEqualTo(1);
      assertThat(claim(1, 300, 0)).as("a stuck item is not claimed").isEmpty();
    }

    @Test
    @DisplayName(
        "go back to their queue on requeue, attempts reset and the action recorded; then claimable")
    void requeue() throws Exception {
      String id = stuckItem();
      HttpResponse<String> r =
          post("/v1/complaints/" + id + "/requeue", new JsonObject().put("reason", "处理端已修复"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(new JsonObject(r.body()).getString("queue")).isEqualTo(QUEUE);
      assertThat(column("SELECT attempts::text FROM queue_item WHERE complaint_id = ?::uuid", id))
          .isEqualTo("0");
      assertThat(
              column(
                  "SELECT action || ' ' || reason || ' ' || (actor LIKE 'operator:%')"
                      + " FROM complaint_correction WHERE complaint_id = ?::uuid",
                  id))
          .isEqualTo("requeue 处理端已修复 true");
      assertThat(queueRow(QUEUE).getLong("stuck")).isZero();
      JsonArray claimed = claim(1, 300, 0);
      assertThat(claimed).hasSize(1);
      assertThat(claimed.getJsonObject(0).getString("id")).isEqualTo(id);

      JsonObject why = new JsonObject().put("reason", "again");
      assertThat(post("/v1/complaints/" + id + "/requeue", why).statusCode())
          .as("not stuck any more")
          .isEqualTo(409);
      assertThat(post("/v1/complaints/" + UUID.randomUUID() + "/requeue", why).statusCode())
          .isEqualTo(404);
    }

    @Test
    @DisplayName("requeued by many at once, go back once: one 200, the rest 409, one correction")
    void requeueRace() throws Exception {
      for (int round = 0; round < 3; round++) {
        String id = stuckItem();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(
              QueueCalls.gw()
                  .sendAsync(
                      postRequest(
                          "/v1/complaints/" + id + "/requeue",
                          new JsonObject().put("reason", "两位值班长同时点了"))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
          statuses.add(call.get().statusCode());
        }
        assertThat(statuses).as("round " + round).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).as("round " + round).hasSize(1);
        assertThat(
                column(
                    "SELECT count(*)::text FROM complaint_correction WHERE complaint_id = ?::uuid",
                    id))
            .isEqualTo("1");
        assertThat(claim(5, 300, 0)).hasSize(1);
        assertThat(claim(5, 300, 0)).as("handed out once").isEmpty();
      }
    }
  }

  @Nested
  @DisplayName("the SLA clock after acceptance")
  class Handling {
    String accepted() throws Exception {
      JsonObject item = claimedItem();
      accept(item);
      return item.getString("id");
    }

    /** Accepts a claimed item; the deadlines the answer gives. */
    JsonObject accept(JsonObject item) throws Exception {
      HttpResponse<String> r =
          decide(
              item.getString("id"),
              new JsonObject()
                  .put("lease_token", item.getString("lease_token"))
                  .put("decision", "accept"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return new JsonObject(r.body()).getJsonObject("deadlines");
    }

    @Test
    @DisplayName(
        "an accepted inquiry is not mediated: it stays due by its answer_by until close, its"
            + " sign_by met")
    void inquiryKeepsItsLimit() throws Exception {
      String body =
          org.hotline.intake.support.Samples.complaint(
                  org.hotline.intake.support.Samples.newSourceId())
              .replace("\"type\": \"complaint\"", "\"type\": \"inquiry\"");
      // From 12345: due at intake by its sign_by (one working day) before its answer_by.
      HttpResponse<String> posted =
          QueueCalls.gw().postJson(org.hotline.intake.support.TestGateway.HOTLINE_KEY, body);
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
      JsonObject intake = new JsonObject(posted.body()).getJsonObject("deadlines");
      assertThat(intake.getString("answer_by")).isNotNull();
      assertThat(intake.getString("sign_by")).isNotNull();
      JsonObject item = claim(1, 300, 0).getJsonObject(0);
      JsonObject answered = accept(item);
      assertThat(answered.fieldNames()).doesNotContain("mediate_by", "sign_by");
      assertThat(answered.getString("answer_by")).isEqualTo(intake.getString("answer_by"));
      assertThat(record(item.getString("id")).getJsonObject("deadlines").getString("answer_by"))
          .isEqualTo(intake.getString("answer_by"));
      assertThat(
              column(
                  "SELECT state || ' ' || due_deadline FROM queue_item WHERE complaint_id = ?::uuid",
                  item.getString("id")))
          .isEqualTo("handling answer_by");
    }

    @Test
    @DisplayName(
        "an accepted complaint stays open in its district, in handling, at risk or breached by its"
            + " mediate_by")
    void countedInHandling() throws Exception {
      String breached = accepted();
      String atRisk = accepted();
      String later = accepted();
      assertThat(column("SELECT state FROM queue_item WHERE complaint_id = ?::uuid", later))
          .isEqualTo("handling");
      assertThat(
              column(
                  "SELECT (q.due_at = (c.deadlines->>'mediate_by')::timestamptz)::text"
                      + " FROM queue_item q JOIN complaint c ON c.id = q.complaint_id"
                      + " WHERE q.complaint_id = ?::uuid",
                  later))
          .as("due at its mediate_by")
          .isEqualTo("true");
      sql(
          "UPDATE queue_item SET due_at = now() - interval '1 hour' WHERE complaint_id = ?::uuid",
          breached);
      sql(
          "UPDATE queue_item SET due_at = now() + interval '1 minute' WHERE complaint_id = ?::uuid",
          atRisk);

      JsonObject row = queueRow(QUEUE);
      assertThat(row.getLong("depth")).as("waiting").isZero();
      assertThat(row.getLong("handling")).isEqualTo(3);
      assertThat(row.getLong("handling_breached")).isEqualTo(1);
      assertThat(row.getLong("handling_at_risk")).isEqualTo(1);
      assertThat(row.getLong("breached")).isEqualTo(1);
      assertThat(row.getLong("at_risk")).isEqualTo(1);
    }

    @Test
    @DisplayName("close ends it, with no lease; a second close is 409")
    void closeEndsIt() throws Exception {
      String id = accepted();
      JsonObject close = new JsonObject().put("decision", "close").put("reason", "调解成功");
      HttpResponse<String> r = decide(id, close);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(record(id).getString("state")).isEqualTo("closed");
      assertThat(queueRow(QUEUE).getLong("handling")).isZero();
      assertThat(decide(id, close).statusCode()).isEqualTo(409);
      assertThat(decide(UUID.randomUUID().toString(), close).statusCode()).isEqualTo(404);
    }
  }
}
