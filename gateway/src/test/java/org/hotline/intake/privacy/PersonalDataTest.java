package org.hotline.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hotline.intake.http.DedupIntakeTest;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Personal data at rest and in operators' views, on a database of its own (its queue holds only
 * this class's records), with the data key generated in it (no keys configured).
 */
@DisplayName("personal data")
class PersonalDataTest {
  static PrivateDb db;
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    db = new PrivateDb("pii_views");
    gw = TestGateway.start(c -> c.withPgUrl(db.url));
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
  }

  /** A sample complaint whose content and channel_ref quote the caller's numbers. */
  record Filing(String sourceId, String phone, String idNumber, String body) {
    static Filing quoting() {
      String sourceId = Samples.newSourceId();
      String phone = Samples.phone(sourceId).replace(" ", "");
      String idNumber = Samples.idNumber(sourceId);
      JsonObject body = new JsonObject(Samples.complaint(sourceId));
      body.put("content", "来电人（" + phone + "，身份证" + idNumber + "）反映在该店消费海鲜被多收300元，要求退还。");
      body.put(
          "channel_ref",
          new JsonObject()
              .put("ticket", "A-1")
              .put("caller", "+86 " + phone)
              .put("callback", Long.parseLong(phone))
              // An upstream that keys its data by the caller's number, and names its tickets so.
              .put(idNumber, "身份证核验通过"));
      body.put("source_id", sourceId + "-" + phone);
      return new Filing(sourceId, phone, idNumber, body.encode());
    }

    String post() throws Exception {
      HttpResponse<String> r = gw.postJson(PHONE_KEY, body);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      return new JsonObject(r.body()).getString("id");
    }

    /** An operator view shows neither number in any shape, and shows their masks. */
    void assertMaskedIn(String view) {
      assertThat(view)
          .doesNotContain(phone)
          .doesNotContain(idNumber)
          .doesNotContain(phone.substring(3)) // the last 8 digits, however grouped
          .contains(phone.substring(0, 3) + "****" + phone.substring(7))
          .contains(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
    }
  }

  @Nested
  @DisplayName("at rest")
  class AtRest {
    @Test
    @DisplayName("the complainant's phone and ID number are AES-GCM envelopes naming their key")
    void sealed() throws Exception {
      String sourceId = Samples.newSourceId();
      String phone = Samples.phone(sourceId).replace(" ", "");
      String idNumber = Samples.idNumber(sourceId);
      HttpResponse<String> r = gw.postJson(PHONE_KEY, Samples.complaint(sourceId));
      assertThat(r.statusCode()).isEqualTo(202);
      String id = new JsonObject(r.body()).getString("id");

      String row =
          db.one(
              "SELECT concat_ws('|', record::text, verdict::text, encode(fingerprint, 'escape'),"
                  + " blocking_key) FROM complaint WHERE id = ?::uuid",
              id);
      assertThat(row).doesNotContain(phone).doesNotContain(idNumber);
      assertThat(db.one("SELECT pii_key FROM complaint WHERE id = ?::uuid", id)).isEqualTo("db");
      assertThat(
              db.column(
                  "SELECT record->'complainant'->>f FROM complaint, unnest(ARRAY['phone',"
                      + " 'id_number']) f WHERE id = ?::uuid",
                  id))
          .allSatisfy(v -> assertThat(v).matches("db:[A-Za-z0-9+/]+={0,2}"));

      // The operator still reads the right numbers, masked.
      JsonObject person =
          new JsonObject(gw.get("/v1/complaints/" + id, OPERATOR_KEY).body())
              .getJsonObject("record")
              .getJsonObject("complainant");
      assertThat(person.getString("phone")).isEqualTo("138****" + phone.substring(7));
      assertThat(person.getString("id_number"))
          .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
    }

    @Test
    @DisplayName(
        "dedup still recognises the same complainant after a restart rebuilds its index from the"
            + " database, through keyed hashes alone")
    void dedupAfterRestart() throws Exception {
      String phone = DedupIntakeTest.newPhone();
      String code = DedupIntakeTest.newCreditCode();
      HttpResponse<String> first = gw.postJson(PHONE_KEY, DedupIntakeTest.phoneFiling(phone, code));
      assertThat(first.statusCode()).isEqualTo(202);
      String original = new JsonObject(first.body()).getString("id");
      gw.close();
      // The new gateway's index starts empty and is rebuilt from the fingerprint column.
      gw = TestGateway.start(c -> c.withPgUrl(db.url));
      HttpResponse<String> again = gw.postJson(WEB_KEY, DedupIntakeTest.webFiling(phone, code));
      assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
      JsonObject verdict = new JsonObject(again.body());
      assertThat(verdict.getString("status")).isEqualTo("duplicate");
      assertThat(verdict.getString("duplicate_of")).isEqualTo(original);
      assertThat(db.one("SELECT record::text FROM complaint WHERE id = ?::uuid", original))
          .doesNotContain(phone);
    }
  }

  @Nested
  @DisplayName("in operators' views, numbers written in content and channel_ref are masked")
  class Views {
    @Test
    @DisplayName("GET /v1/complaints/{id}")
    void get() throws Exception {
      Filing f = Filing.quoting();
      String id = f.post();
      HttpResponse<String> r = gw.get("/v1/complaints/" + id, OPERATOR_KEY);
      assertThat(r.statusCode()).isEqualTo(200);
      f.assertMaskedIn(r.body());
      JsonObject ref =
          new JsonObject(r.body()).getJsonObject("record").getJsonObject("channel_ref");
      assertThat(ref.getString("ticket")).isEqualTo("A-1");
      assertThat(ref.getValue("callback"))
          .isEqualTo(f.phone.substring(0, 3) + "****" + f.phone.substring(7));
    }

    @Test
    @DisplayName("claimed items and the stuck list")
    void queues() throws Exception {
      db.update("UPDATE queue_item SET state = 'done'");
      Filing f = Filing.quoting();
      String id = f.post();
      HttpResponse<String> claimed =
          gw.send(
              gw.post(
                  "/v1/queues/350203/claim",
                  OPERATOR_KEY,
                  "application/json",
                  "{\"max\": 10, \"wait_seconds\": 0}".getBytes(StandardCharsets.UTF_8)));
      assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
      JsonArray items = new JsonObject(claimed.body()).getJsonArray("items");
      assertThat(items).hasSize(1);
      assertThat(items.getJsonObject(0).getString("id")).isEqualTo(id);
      f.assertMaskedIn(claimed.body());

      db.update("UPDATE queue_item SET state = 'stuck' WHERE complaint_id = ?::uuid", id);
      HttpResponse<String> stuck = gw.get("/v1/queues/350203/stuck", OPERATOR_KEY);
      assertThat(stuck.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(stuck.body()).getJsonArray("items")).hasSize(1);
      f.assertMaskedIn(stuck.body());
    }
  }

  @Nested
  @DisplayName("GET /v1/complaints/{id}/unmasked")
  class Unmasked {
    int audits(String id) throws Exception {
      return Integer.parseInt(
          db.one("SELECT count(*) FROM pii_access WHERE complaint_id = ?::uuid", id));
    }

    @Test
    @DisplayName("gives the operator the record as sent, and audits which key read it, and when")
    void auditedRead() throws Exception {
      Filing f = Filing.quoting();
      String id = f.post();
      gw.get("/v1/complaints/" + id, OPERATOR_KEY);
      assertThat(audits(id)).as("a masked read is not audited").isZero();

      HttpResponse<String> r = gw.get("/v1/complaints/" + id + "/unmasked", OPERATOR_KEY);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonObject record = new JsonObject(r.body()).getJsonObject("record");
      assertThat(record.getJsonObject("complainant").getString("phone")).isEqualTo(f.phone);
      assertThat(record.getJsonObject("complainant").getString("id_number")).isEqualTo(f.idNumber);
      assertThat(record.getString("content")).contains(f.phone, f.idNumber);
      assertThat(record.getJsonObject("channel_ref").getLong("callback"))
          .isEqualTo(Long.parseLong(f.phone));

      assertThat(audits(id)).isEqualTo(1);
      String actor = db.one("SELECT actor FROM pii_access WHERE complaint_id = ?::uuid", id);
      assertThat(actor).matches("operator:[0-9a-f]{12}").doesNotContain(OPERATOR_KEY);
      assertThat(
              db.one(
                  "SELECT read_at > now() - interval '1 minute' FROM pii_access"
                      + " WHERE complaint_id = ?::uuid",
                  id))
          .isEqualTo("t");
      gw.get("/v1/complaints/" + id + "/unmasked", OPERATOR_KEY);
      assertThat(audits(id)).as("every read is audited").isEqualTo(2);
    }

    @Test
    @DisplayName("is refused to a channel key, and unknown ids are 404, neither audited")
    void refused() throws Exception {
      String id = Filing.quoting().post();
      HttpResponse<String> channel = gw.get("/v1/complaints/" + id + "/unmasked", PHONE_KEY);
      assertThat(channel.statusCode()).isEqualTo(403);
      assertThat(channel.headers().firstValue("content-type")).hasValue("application/problem+json");
      String unknown = java.util.UUID.randomUUID().toString();
      assertThat(gw.get("/v1/complaints/" + unknown + "/unmasked", OPERATOR_KEY).statusCode())
          .isEqualTo(404);
      assertThat(audits(id)).isZero();
      assertThat(audits(unknown)).isZero();
    }
  }
}
