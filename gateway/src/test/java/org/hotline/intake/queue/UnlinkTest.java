package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.http.DedupIntakeTest.dealerFiling;
import static org.hotline.intake.http.DedupIntakeTest.describedThenNamed;
import static org.hotline.intake.http.DedupIntakeTest.newBrand;
import static org.hotline.intake.http.DedupIntakeTest.newCreditCode;
import static org.hotline.intake.http.DedupIntakeTest.newPhone;
import static org.hotline.intake.http.DedupIntakeTest.phoneFiling;
import static org.hotline.intake.http.DedupIntakeTest.webFiling;
import static org.hotline.intake.queue.QueueCalls.post;
import static org.hotline.intake.queue.QueueCalls.record;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.intake.sla.SlaService;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("POST /v1/complaints/{id}/unlink")
class UnlinkTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = QueueCalls.gw();
  }

  static JsonObject accepted(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return new JsonObject(r.body());
  }

  static HttpResponse<String> unlink(String id, String reason) throws Exception {
    JsonObject body = reason == null ? new JsonObject() : new JsonObject().put("reason", reason);
    return post("/v1/complaints/" + id + "/unlink", body);
  }

  /** The correction rows of a record: action, reason, actor, before, after. */
  static List<JsonObject> corrections(String id) throws Exception {
    List<JsonObject> out = new ArrayList<>();
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT action, reason, actor, before::text, after::text FROM complaint_correction"
                    + " WHERE complaint_id = ?::uuid ORDER BY id")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new JsonObject()
                  .put("action", rs.getString(1))
                  .put("reason", rs.getString(2))
                  .put("actor", rs.getString(3))
                  .put("before", new JsonObject(rs.getString(4)))
                  .put("after", new JsonObject(rs.getString(5))));
        }
      }
    }
    return out;
  }

  static JsonObject queueItem(String id) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT queue, state, due_at FROM queue_item WHERE complaint_id = ?::uuid")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new JsonObject()
            .put("queue", rs.getString(1))
            .put("state", rs.getString(2))
            .put("due_at", rs.getObject(3, OffsetDateTime.class).toInstant().toString());
      }
    }
  }

  @Nested
  @DisplayName("a wrong duplicate verdict")
  class Duplicate {
    @Test
    @DisplayName(
        "becomes an accepted record, queued where it routes, due from its own receipt, recorded")
    void unlinked() throws Exception {
      String phone = newPhone();
      String cc = newCreditCode();
      JsonObject original = accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      JsonObject copy = accepted(gw.postJson(WEB_KEY, webFiling(phone, cc)));
      assertThat(copy.getString("status")).isEqualTo("duplicate");
      String id = copy.getString("id");
      assertThat(queueItem(id)).as("a duplicate is not queued").isNull();

      HttpResponse<String> r = unlink(id, "问题类别不同：不是同一事项");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(new JsonObject(r.body()).getString("action")).isEqualTo("unlink");

      JsonObject stored = record(id);
      assertThat(stored.getJsonObject("links").getString("duplicate_of")).isNull();
      assertThat(stored.getJsonObject("verdict").getString("status")).isEqualTo("accepted");
      String queue = stored.getString("queue");
      assertThat(queue).isNotNull();
      assertThat(stored.getJsonObject("verdict").getString("queue")).isEqualTo(queue);

      OffsetDateTime received = OffsetDateTime.parse(stored.getString("received_at"));
      String acceptBy =
          SlaService.bundled().atIntake("complaint", "web", received).get("accept_by");
      assertThat(stored.getJsonObject("deadlines").getString("accept_by")).isEqualTo(acceptBy);
      JsonObject item = queueItem(id);
      assertThat(item.getString("queue")).isEqualTo(queue);
      assertThat(item.getString("state")).isEqualTo("ready");
      assertThat(item.getString("due_at"))
          .isEqualTo(OffsetDateTime.parse(acceptBy).toInstant().toString());

      assertThat(record(original.getString("id")).getJsonObject("links").getJsonArray("duplicates"))
          .isEmpty();
      List<JsonObject> log = corrections(id);
      assertThat(log).hasSize(1);
      assertThat(log.get(0).getString("action")).isEqualTo("unlink");
      assertThat(log.get(0).getString("reason")).isEqualTo("问题类别不同：不是同一事项");
      assertThat(log.get(0).getString("actor")).startsWith("operator:");
      assertThat(log.get(0).getJsonObject("before").getString("duplicate_of"))
          .isEqualTo(original.getString("id"));
      assertThat(log.get(0).getJsonObject("after").getString("status")).isEqualTo("accepted");

      assertThat(unlink(id, "again").statusCode()).as("nothing left to unlink").isEqualTo(409);
    }

    @Test
    @DisplayName(
        "is its own matter from then on: a re-filing that repeats its telling is its duplicate, not"
            + " the rejected original's")
    void unlinkedTellingIsAFirstFiling() throws Exception {
      String phone = newPhone();
      String sign = newBrand() + "二手车";
      JsonObject[] pair = describedThenNamed(gw, phone, sign);
      JsonObject first = pair[0];
      JsonObject second = pair[1];
      assertThat(second.getString("duplicate_of")).isEqualTo(first.getString("id"));
      assertThat(unlink(second.getString("id"), "两家车行，不是同一事项").statusCode()).isEqualTo(200);

      JsonObject third =
          accepted(
              gw.postJson(
                  WEB_KEY,
                  dealerFiling(phone, sign, "市民反映：其在" + sign + "购买二手电动车，商家虚标电池健康度，要求退车。", "")));

      assertThat(third.getString("status")).as(third.encode()).isEqualTo("duplicate");
      assertThat(third.getString("duplicate_of")).isEqualTo(second.getString("id"));
    }
  }

  @Nested
  @DisplayName("a record in a group")
  class Group {
    @Test
    @DisplayName("leaves the group, which shrinks by one; the record stays queued")
    void ungrouped() throws Exception {
      String cc = newCreditCode();
      List<JsonObject> members = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        members.add(accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc))));
      }
      String clusterId = members.get(2).getString("cluster_id");
      assertThat(clusterId).isNotNull();
      String id = members.get(2).getString("id");
      JsonObject before = queueItem(id);

      HttpResponse<String> r = unlink(id, "另一事项");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(new JsonObject(r.body()).getString("action")).isEqualTo("ungroup");

      JsonObject left = record(id);
      assertThat(left.getJsonObject("links").getValue("cluster")).isNull();
      assertThat(left.getJsonObject("verdict").getString("cluster_id")).isNull();
      JsonObject group =
          record(members.get(0).getString("id")).getJsonObject("links").getJsonObject("cluster");
      assertThat(group.getString("id")).isEqualTo(clusterId);
      assertThat(group.getInteger("size")).isEqualTo(2);
      assertThat(queueItem(id)).isEqualTo(before);
      assertThat(corrections(id)).extracting(c -> c.getString("action")).containsExactly("ungroup");
    }
  }

  @Nested
  @DisplayName("is refused")
  class Refused {
    @Test
    @DisplayName("for a record that is neither a duplicate nor grouped (409), or unknown (404)")
    void nothingToUnlink() throws Exception {
      JsonObject alone = accepted(gw.postJson(PHONE_KEY, phoneFiling(newPhone(), newCreditCode())));
      HttpResponse<String> r = unlink(alone.getString("id"), "why");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
      assertThat(new JsonObject(r.body()).getString("type")).endsWith("nothing-to-unlink");
      assertThat(unlink(UUID.randomUUID().toString(), "why").statusCode()).isEqualTo(404);
      assertThat(corrections(alone.getString("id"))).isEmpty();
    }

    @Test
    @DisplayName("without a reason (400 on /reason)")
    void reasonRequired() throws Exception {
      HttpResponse<String> r = unlink(UUID.randomUUID().toString(), null);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(
              new JsonObject(r.body()).getJsonArray("errors").getJsonObject(0).getString("pointer"))
          .isEqualTo("/reason");
    }
  }
}
