package org.hotline.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.store.PgUrl;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retention purge, on a database of its own: it deletes whatever is old in a database. */
@DisplayName("the retention purge")
class RetentionPurgeTest {
  static final Duration RETENTION = Duration.ofDays(30);
  static PrivateDb db;
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    db = new PrivateDb("pii_purge");
    gw = TestGateway.start(c -> c.withPgUrl(db.url));
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
  }

  /** A record received long before the retention: its id. */
  static String postOld() throws Exception {
    String body =
        Samples.complaint(Samples.newSourceId())
            .replace("2026-10-02T09:30:00+08:00", "2025-06-02T09:30:00+08:00")
            .replace("2026-10-01", "2025-06-01");
    HttpResponse<String> r = gw.postJson(PHONE_KEY, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return new JsonObject(r.body()).getString("id");
  }

  static void closeWork(List<String> ids) throws Exception {
    for (String id : ids) {
      db.update("UPDATE queue_item SET state = 'done' WHERE complaint_id = ?::uuid", id);
      db.update(
          "INSERT INTO complaint_decision (complaint_id, decision) VALUES (?::uuid, 'close')", id);
    }
  }

  static int count(String table, String column, String id) throws Exception {
    return Integer.parseInt(
        db.one("SELECT count(*) FROM " + table + " WHERE " + column + " = ?::uuid", id));
  }

  RetentionPurge purge(int batch) {
    return new RetentionPurge(PgUrl.parse(db.url), RETENTION, batch, Clock.systemUTC());
  }

  @Test
  @DisplayName(
      "deletes closed records older than the retention, in chunks, with what hangs on them, and"
          + " keeps open work and recent records")
  void purges() throws Exception {
    List<String> old = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      old.add(postOld());
    }
    closeWork(old);
    String oldButOpen = postOld();
    HttpResponse<String> recent = gw.postJson(PHONE_KEY, Samples.complaint(Samples.newSourceId()));
    String recentId = new JsonObject(recent.body()).getString("id");
    String audited = old.get(0);
    gw.get("/v1/complaints/" + audited + "/unmasked", OPERATOR_KEY);

    // Chunks of 2: three short transactions for five records.
    assertThat(purge(2).run(() -> false)).isEqualTo(5);

    for (String id : old) {
      assertThat(count("complaint", "id", id)).isZero();
      assertThat(count("queue_item", "complaint_id", id)).isZero();
      assertThat(count("complaint_decision", "complaint_id", id)).isZero();
      assertThat(count("cluster_member", "complaint_id", id)).isZero();
      assertThat(gw.get("/v1/complaints/" + id, OPERATOR_KEY).statusCode()).isEqualTo(404);
    }
    assertThat(count("complaint", "id", oldButOpen)).isOne();
    assertThat(count("complaint", "id", recentId)).isOne();
    assertThat(count("pii_access", "complaint_id", audited)).as("the audit is kept").isOne();
    assertThat(purge(2).run(() -> false)).as("nothing left to purge").isZero();
  }

  @Test
  @DisplayName("does not hold up intake while a chunk's transaction is open")
  void intakeGoesOn() throws Exception {
    List<String> old = List.of(postOld(), postOld());
    closeWork(old);
    try (Connection c = SharedDatabase.jdbc(db.url)) {
      c.setAutoCommit(false);
      Timestamp cutoff = Timestamp.from(purge(100).cutoff());
      assertThat(RetentionPurge.chunk(c, cutoff, 100)).isGreaterThanOrEqualTo(2);
      // The chunk holds its locks and its deletions are not committed: intake is not waiting.
      HttpResponse<String> during =
          gw.postJsonAsync(PHONE_KEY, Samples.complaint(Samples.newSourceId()))
              .get(10, TimeUnit.SECONDS);
      assertThat(during.statusCode()).isEqualTo(202);
      c.commit();
    }
    assertThat(count("complaint", "id", old.get(0))).isZero();
  }
}
