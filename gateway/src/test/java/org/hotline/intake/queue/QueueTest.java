package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.queue.QueueCalls.QUEUE;
import static org.hotline.intake.queue.QueueCalls.claim;
import static org.hotline.intake.queue.QueueCalls.post;
import static org.hotline.intake.queue.QueueCalls.postComplaint;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("district queues")
class QueueTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  @BeforeEach
  void emptyQueues() throws Exception {
    QueueCalls.emptyQueues();
  }

  static HttpResponse<String> decide(String id, String token, String decision) throws Exception {
    return QueueCalls.decide(
        id,
        new JsonObject().put("lease_token", token).put("decision", decision).put("reason", "test"));
  }

  static JsonObject queueRow() throws Exception {
    return QueueCalls.queueRow(QUEUE);
  }

  /** The name the queue item keeps for the deadline it is due by. */
  static String dueDeadline(String id) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        var ps =
            c.prepareStatement(
                "SELECT due_deadline FROM queue_item WHERE complaint_id = ?::uuid")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  /** The name of the earliest of a verdict's deadlines (flags such as *_provisional left out). */
  static String nearest(JsonObject deadlines) {
    return deadlines.fieldNames().stream()
        .filter(n -> deadlines.getValue(n) instanceof String)
        .min(
            Comparator.comparing((String n) -> OffsetDateTime.parse(deadlines.getString(n)))
                .thenComparing(n -> n))
        .orElseThrow();
  }

  @Nested
  @DisplayName("claim and decide")
  class ClaimDecide {
    @Test
    @DisplayName("a claim takes the item due soonest: a 12345 work order before an older complaint")
    void dueSoonestFirst() throws Exception {
      JsonObject older = postComplaint();
      HttpResponse<String> r =
          QueueCalls.gw()
              .postJson(
                  TestGateway.HOTLINE_KEY,
                  org.hotline.intake.support.Samples.complaint(
                      org.hotline.intake.support.Samples.newSourceId()));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      JsonObject hotline = new JsonObject(r.body());
      assertThat(hotline.getJsonObject("deadlines").getString("sign_by"))
          .isLessThan(older.getJsonObject("deadlines").getString("accept_by"));
      JsonArray first = claim(1, 300, 0);
      assertThat(first.getJsonObject(0).getString("id")).isEqualTo(hotline.getString("id"));
      assertThat(claim(1, 300, 0).getJsonObject(0).getString("id"))
          .isEqualTo(older.getString("id"));
    }

    @Test
    @DisplayName("a claimed item carries its links as GET shows them: duplicates and its group")
    void claimedLinks() throws Exception {
      postComplaint();
      JsonObject member = postComplaint();
      JsonArray items = claim(2, 300, 0);
      assertThat(items).hasSize(2);
      for (Object o : items) {
        JsonObject complaint = ((JsonObject) o).getJsonObject("complaint");
        JsonObject links = complaint.getJsonObject("links");
        assertThat(links.getJsonArray("duplicates")).as(links.encode()).isNotNull();
        String clusterId = member.getString("cluster_id");
        if (clusterId != null) {
          assertThat(links.getJsonObject("cluster").getString("id")).isEqualTo(clusterId);
          assertThat(links.getJsonObject("cluster").getInteger("size")).isGreaterThanOrEqualTo(2);
        }
        assertThat(links)
            .isEqualTo(QueueCalls.record(complaint.getString("id")).getJsonObject("links"));
      }
    }

    @Test
    @DisplayName("a claim leases the oldest item; the lease token decides it once, then 409")
    void claimThenDecide() throws Exception {
      JsonObject verdict = postComplaint();
      assertThat(queueRow().getLong("depth")).isEqualTo(1);
      assertThat(dueDeadline(verdict.getString("id")))
          .as("the item keeps the name of its nearest deadline, for the SLA metrics")
          .isEqualTo(nearest(verdict.getJsonObject("deadlines")));

      JsonArray items = claim(10, 300, 0);
      assertThat(items).hasSize(1);
      JsonObject item = items.getJsonObject(0);
      assertThat(item.getString("id")).isEqualTo(verdict.getString("id"));
      assertThat(item.getString("lease_token")).isNotBlank();
      assertThat(item.getJsonObject("complaint").encode()).contains("****");
      assertThat(claim(10, 300, 0)).as("a leased item is not handed out twice").isEmpty();

      HttpResponse<String> accepted =
          decide(item.getString("id"), item.getString("lease_token"), "accept");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      assertThat(new JsonObject(accepted.body()).getJsonObject("deadlines").getString("mediate_by"))
          .isNotBlank();
      assertThat(dueDeadline(item.getString("id"))).isEqualTo("mediate_by");
      assertThat(decide(item.getString("id"), item.getString("lease_token"), "close").statusCode())
          .isEqualTo(409);

      JsonObject stored =
          new JsonObject(gw.get("/v1/complaints/" + item.getString("id"), OPERATOR_KEY).body());
      assertThat(stored.getString("state")).isEqualTo("accepted");
      assertThat(queueRow().getLong("depth")).isZero();
      // The gateway's own times are RFC 3339 at +08:00 like its deadlines, seconds always written
      // (09:30:00 was "01:30Z", which RFC 3339 does not allow).
      assertThat(stored.getString("received_at")).isEqualTo("2026-10-02T09:30:00+08:00");
      String rfc3339 = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00";
      assertThat(stored.getString("created_at")).matches(rfc3339);
      assertThat(item.getString("lease_expires_at")).matches(rfc3339);
      assertThat(item.getJsonObject("complaint").getString("received_at"))
          .isEqualTo("2026-10-02T09:30:00+08:00");
    }

    @Test
    @DisplayName(
        "the record's deadlines are those in force: the verdict's, then the acceptance's, then none")
    void deadlinesInForce() throws Exception {
      JsonObject verdict = postComplaint();
      String id = verdict.getString("id");
      assertThat(record(id).getJsonObject("deadlines"))
          .isEqualTo(verdict.getJsonObject("deadlines"));

      JsonObject item = claim(10, 300, 0).getJsonObject(0);
      assertThat(item.getJsonObject("complaint").getJsonObject("deadlines"))
          .isEqualTo(verdict.getJsonObject("deadlines"));
      HttpResponse<String> accepted = decide(id, item.getString("lease_token"), "accept");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      JsonObject stored = record(id);
      assertThat(stored.getString("state")).isEqualTo("accepted");
      assertThat(stored.getJsonObject("deadlines"))
          .isEqualTo(new JsonObject(accepted.body()).getJsonObject("deadlines"));
      assertThat(stored.getJsonObject("deadlines").getString("mediate_by")).isNotBlank();
      assertThat(stored.getJsonObject("verdict").getJsonObject("deadlines"))
          .as("the verdict keeps what was decided at intake")
          .isEqualTo(verdict.getJsonObject("deadlines"));

      HttpResponse<String> closed =
          QueueCalls.decide(id, new JsonObject().put("decision", "close").put("reason", "done"));
      assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
      stored = record(id);
      assertThat(stored.getString("state")).isEqualTo("closed");
      assertThat(stored.getJsonObject("deadlines")).isEqualTo(new JsonObject());
    }

    private JsonObject record(String id) throws Exception {
      HttpResponse<String> r = gw.get("/v1/complaints/" + id, OPERATOR_KEY);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return new JsonObject(r.body());
    }

    @Test
    @DisplayName(
        "a decision with a wrong token is 409, with a malformed body 400, and needs the operator key")
    void badDecisions() throws Exception {
      postComplaint();
      JsonObject item = claim(1, 300, 0).getJsonObject(0);
      assertThat(
              decide(item.getString("id"), java.util.UUID.randomUUID().toString(), "accept")
                  .statusCode())
          .isEqualTo(409);
      assertThat(
              decide(item.getString("id"), item.getString("lease_token"), "approve").statusCode())
          .isEqualTo(400);
      HttpResponse<String> transferWithoutTarget =
          decide(item.getString("id"), item.getString("lease_token"), "transfer");
      assertThat(transferWithoutTarget.statusCode()).isEqualTo(400);
      var asChannel =
          gw.post(
              "/v1/queues/" + QUEUE + "/claim",
              PHONE_KEY,
              "application/json",
              "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(gw.send(asChannel).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("a transfer to another district puts the item in that district's queue")
    void transferToDistrict() throws Exception {
      JsonObject verdict = postComplaint();
      JsonObject item = claim(1, 300, 0).getJsonObject(0);
      HttpResponse<String> r =
          post(
              "/v1/complaints/" + item.getString("id") + "/decision",
              new JsonObject()
                  .put("lease_token", item.getString("lease_token"))
                  .put("decision", "transfer")
                  .put("target", "350206"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(new JsonObject(r.body()).getJsonObject("deadlines"))
          .as("new in its new queue, due as before: the deadlines in force are the verdict's")
          .isEqualTo(verdict.getJsonObject("deadlines"));
      HttpResponse<String> huli =
          post("/v1/queues/350206/claim", new JsonObject().put("wait_seconds", 0));
      assertThat(
              new JsonObject(huli.body())
                  .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
          .contains(item.getString("id"));
    }
  }

  @Nested
  @DisplayName("the overview")
  class Overview {
    @Test
    @DisplayName(
        "counts depth, items at risk (due by the end of the next working day) and breached")
    void slaCounts() throws Exception {
      JsonObject breached = postComplaint();
      JsonObject atRisk = postComplaint();
      JsonObject later = postComplaint();
      try (Connection c = SharedDatabase.jdbc()) {
        var ps =
            c.prepareStatement(
                "UPDATE queue_item SET due_at = now() + ?::interval WHERE complaint_id = ?::uuid");
        for (Object[] row :
            new Object[][] {{"-1 hour", breached}, {"1 minute", atRisk}, {"30 days", later}}) {
          ps.setString(1, (String) row[0]);
          ps.setString(2, ((JsonObject) row[1]).getString("id"));
          ps.executeUpdate();
        }
      }
      JsonObject row = queueRow();
      assertThat(row.getLong("depth")).isEqualTo(3);
      assertThat(row.getLong("breached")).isEqualTo(1);
      assertThat(row.getLong("at_risk")).isEqualTo(1);
      assertThat(row.getLong("oldest_age_seconds")).isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("a claim or a stuck list on a queue that is not configured is a 404, at once")
    void unknownQueue() throws Exception {
      HttpResponse<String> claimed =
          post("/v1/queues/350299/claim", new JsonObject().put("wait_seconds", 30));
      assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(404);
      assertThat(claimed.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(gw.get("/v1/queues/nosuch/stuck", OPERATOR_KEY).statusCode()).isEqualTo(404);
      assertThat(gw.get("/v1/queues/triage/stuck", OPERATOR_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("has one row per configured queue, with zeros for a queue that never had work")
    void everyQueue() throws Exception {
      HttpResponse<String> r = gw.get("/v1/queues", OPERATOR_KEY);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonArray rows = new JsonObject(r.body()).getJsonArray("queues");
      assertThat(rows.stream().map(o -> ((JsonObject) o).getString("queue")))
          .contains(
              "350203", "350205", "350206", "350211", "350212", "350213", "triage", "transfer")
          .doesNotHaveDuplicates()
          .isSorted();
      JsonObject first = rows.getJsonObject(0);
      assertThat(rows.stream().map(o -> ((JsonObject) o).fieldNames()))
          .allSatisfy(names -> assertThat(names).isEqualTo(first.fieldNames()));
    }

    @Test
    @DisplayName("counts a leased item as waiting, in its depth and its oldest age")
    void leasedIsWaiting() throws Exception {
      JsonObject verdict = postComplaint();
      try (Connection c = SharedDatabase.jdbc()) {
        var ps =
            c.prepareStatement(
                "UPDATE queue_item SET enqueued_at = now() - interval '1 hour'"
                    + " WHERE complaint_id = ?::uuid");
        ps.setString(1, verdict.getString("id"));
        ps.executeUpdate();
      }
      assertThat(claim(1, 300, 0)).hasSize(1);
      JsonObject row = queueRow();
      assertThat(row.getLong("depth")).isEqualTo(1);
      assertThat(row.getLong("leased")).isEqualTo(1);
      assertThat(row.getLong("oldest_age_seconds")).isBetween(3600L, 3700L);
    }
  }

  @Nested
  @DisplayName("leases")
  class Leases {
    @Test
    @DisplayName(
        "an expired lease returns the item, counts attempts, and parks it as stuck after the limit")
    void expiry() throws Exception {
      JsonObject verdict = postComplaint();
      JsonObject first = claim(1, 5, 0).getJsonObject(0);
      // Waiting on the queue: the expiry's NOTIFY wakes the claim as soon as the item returns.
      JsonArray again = claim(1, 5, 15);
      assertThat(again).hasSize(1);
      JsonObject second = again.getJsonObject(0);
      assertThat(second.getString("id")).isEqualTo(verdict.getString("id"));
      assertThat(second.getString("lease_token")).isNotEqualTo(first.getString("lease_token"));
      assertThat(
              decide(first.getString("id"), first.getString("lease_token"), "accept").statusCode())
          .as("the first lease is lost")
          .isEqualTo(409);

      // The test gateway parks after 2 attempts: the second lease expiring parks it.
      Thread.sleep(7000);
      assertThat(claim(1, 5, 0)).isEmpty();
      assertThat(queueRow().getLong("stuck")).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("long polling")
  class LongPoll {
    @Test
    @DisplayName("a waiting claimer is woken by new work long before its wait ends")
    void wakesOnNotify() throws Exception {
      wokenByNextPost(1000);
    }

    @Test
    @DisplayName(
        "claimers waiting one after another are each woken by the next post, however close the"
            + " posts (the gateway sends at most one wake-up per interval; the rest wait for it)")
    void wakesBackToBack() throws Exception {
      for (int i = 0; i < 3; i++) {
        wokenByNextPost(200);
      }
    }

    /**
     * A claimer waits up to 20 s; {@code waitingMs} later a complaint is posted, and the claimer
     * returns with it.
     */
    private void wokenByNextPost(long waitingMs) throws Exception {
      CompletableFuture<JsonArray> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return claim(1, 300, 20);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Thread.sleep(waitingMs);
      assertThat(waiting).isNotDone();
      long posted = System.nanoTime();
      JsonObject verdict = postComplaint();
      JsonArray items = waiting.get(15, TimeUnit.SECONDS);
      long wokenAfterMs = (System.nanoTime() - posted) / 1_000_000;
      assertThat(items).hasSize(1);
      assertThat(items.getJsonObject(0).getString("id")).isEqualTo(verdict.getString("id"));
      // Functional, not a benchmark: it returned on the NOTIFY, not at the end of its 20 s wait.
      assertThat(wokenAfterMs).isLessThan(10_000);
    }
  }
}
