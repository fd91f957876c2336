package org.hotline.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hotline.intake.config.DataKey;
import org.hotline.intake.config.PrivacyOptions;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rotation procedure of the README, step by step, on a database of its own: the re-seal job
 * sweeps every record of a database.
 */
@DisplayName("rotating the data key")
class RotationTest {
  static final DataKey K1 = random("k1");
  static final DataKey K2 = random("k2");
  static final DataKey K3 = random("k3");
  static final String LEGACY_PHONE = "13905921234";

  static DataKey random(String id) {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return new DataKey(id, b);
  }

  final PrivateDb db = new PrivateDb("pii_rotation");

  TestGateway start(DataKey... ring) throws Exception {
    return TestGateway.start(
        c -> c.withPgUrl(db.url).withPrivacy(PrivacyOptions.defaults().withKeys(List.of(ring))));
  }

  @Test
  @DisplayName(
      "keeps old records readable, re-seals them under the new key off the event loop, and"
          + " refuses to start without a key still in use")
  void rotation() throws Exception {
    List<String> ids = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    try (TestGateway gw = start(K1)) {
      for (int i = 0; i < 3; i++) {
        String sourceId = Samples.newSourceId();
        HttpResponse<String> r = gw.postJson(PHONE_KEY, Samples.complaint(sourceId));
        assertThat(r.statusCode()).isEqualTo(202);
        ids.add(new JsonObject(r.body()).getString("id"));
        phones.add(Samples.phone(sourceId).replace(" ", ""));
      }
    }
    assertThat(db.column("SELECT DISTINCT pii_key FROM complaint")).containsExactly("k1");
    assertThat(db.one("SELECT record->'complainant'->>'phone' FROM complaint LIMIT 1"))
        .startsWith("k1:");
    // A record stored before sealing existed: its numbers in clear, no key.
    db.update(
        "UPDATE complaint SET pii_key = NULL, record = jsonb_set(record::jsonb, '{complainant}',"
            + " (record::jsonb->'complainant') || '{\"phone\": \""
            + LEGACY_PHONE
            + "\"}'::jsonb"
            + " - 'id_number') WHERE id = ?::uuid",
        ids.get(2));
    phones.set(2, LEGACY_PHONE);

    // Step 1: the new key goes first, the old one stays after it.
    try (TestGateway gw = start(K2, K1)) {
      awaitAllUnder("k2");
      assertThat(db.column("SELECT record->'complainant'->>'phone' FROM complaint"))
          .allSatisfy(v -> assertThat(v).startsWith("k2:"));
      assertReadable(gw, ids, phones);
      HttpResponse<String> fresh = gw.postJson(PHONE_KEY, Samples.complaint(Samples.newSourceId()));
      String id = new JsonObject(fresh.body()).getString("id");
      assertThat(db.one("SELECT pii_key FROM complaint WHERE id = ?::uuid", id)).isEqualTo("k2");
    }

    // Step 2: once nothing is under k1, k1 can go.
    try (TestGateway gw = start(K2)) {
      assertReadable(gw, ids, phones);
    }

    // A key still in use cannot be dropped: start-up names it, and never prints a key.
    assertThatThrownBy(() -> start(K3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("data key k2")
        .hasMessageNotContaining(Base64.getEncoder().encodeToString(K2.secret()))
        .hasMessageNotContaining(Base64.getEncoder().encodeToString(K3.secret()));
  }

  /** The re-seal job runs once at start, on its own worker: wait for it, generously. */
  private void awaitAllUnder(String key) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!"0"
        .equals(db.one("SELECT count(*) FROM complaint WHERE pii_key IS DISTINCT FROM ?", key))) {
      assertThat(Instant.now()).as("the re-seal job finished").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private static void assertReadable(TestGateway gw, List<String> ids, List<String> phones)
      throws Exception {
    for (int i = 0; i < ids.size(); i++) {
      String phone = phones.get(i);
      JsonObject masked =
          new JsonObject(gw.get("/v1/complaints/" + ids.get(i), OPERATOR_KEY).body());
      assertThat(masked.getJsonObject("record").getJsonObject("complainant").getString("phone"))
          .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
      JsonObject clear =
          new JsonObject(gw.get("/v1/complaints/" + ids.get(i) + "/unmasked", OPERATOR_KEY).body());
      assertThat(clear.getJsonObject("record").getJsonObject("complainant").getString("phone"))
          .isEqualTo(phone);
    }
  }
}
