package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.support.ApiHarness;
import org.hotline.intake.support.Seams;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a verdict links only to a committed record")
class CommittedOriginalsTest {
  /** Records whose source_id has this prefix fail their whole batch (a trigger raises). */
  static final String FAILING = "d3-fail-";

  static TestGateway api;
  static final Semaphore judged = new Semaphore(0);
  static Seams seams;

  @BeforeAll
  static void start() throws Exception {
    api = ApiHarness.start(real -> seams = new Seams(real, judged::release));
    try (Connection c = SharedDatabase.jdbc();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE OR REPLACE FUNCTION test_fail_batch() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN RAISE EXCEPTION 'test: this batch fails'; END $$");
      s.execute(
          "CREATE TRIGGER test_fail_batch BEFORE INSERT ON complaint FOR EACH ROW"
              + " WHEN (NEW.source_id LIKE '"
              + FAILING
              + "%') EXECUTE FUNCTION test_fail_batch()");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER test_fail_batch ON complaint");
      s.execute("DROP FUNCTION test_fail_batch()");
    }
    api.close();
  }

  @Test
  @DisplayName(
      "when the original's batch fails, its duplicate and its group's new member are stored"
          + " accepted and queued, unlinked, and answered so")
  void originalFails() throws Exception {
    String phone = DedupIntakeTest.newPhone();
    String code = DedupIntakeTest.newCreditCode();
    String original =
        DedupIntakeTest.phoneFiling(phone, code)
            .replace("\"source_id\": \"t-", "\"source_id\": \"" + FAILING);
    CompletableFuture<HttpResponse<String>> first;
    CompletableFuture<HttpResponse<String>> duplicate;
    CompletableFuture<HttpResponse<String>> member;
    try (Connection lock = SharedDatabase.jdbc()) {
      // Hold the original in its open batch while the others are judged against it.
      lock.setAutoCommit(false);
      lock.createStatement().execute("LOCK TABLE complaint IN EXCLUSIVE MODE");
      first = api.postJsonAsync(PHONE_KEY, original);
      assertThat(judged.tryAcquire(1, 30, TimeUnit.SECONDS)).isTrue();
      BlockedInsert.await();
      duplicate = api.postJsonAsync(WEB_KEY, DedupIntakeTest.webFiling(phone, code));
      member =
          api.postJsonAsync(
              PHONE_KEY, DedupIntakeTest.phoneFiling(DedupIntakeTest.newPhone(), code));
      assertThat(judged.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();
      lock.rollback();
    }

    assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
    JsonObject dup = DedupIntakeTest.accepted(duplicate.get(30, TimeUnit.SECONDS));
    JsonObject grouped = DedupIntakeTest.accepted(member.get(30, TimeUnit.SECONDS));
    for (JsonObject verdict : new JsonObject[] {dup, grouped}) {
      assertThat(verdict.getString("status")).isEqualTo("accepted");
      assertThat(verdict.getString("duplicate_of")).isNull();
      assertThat(verdict.getString("cluster_id")).isNull();
      assertThat(verdict.getString("queue")).isNotNull();
      assertThat(verdict.getJsonObject("deadlines").getString("accept_by")).isNotBlank();
      assertStoredAsAnswered(verdict);
    }
    assertThat(danglingLinks()).isZero();
    // The index is told, to put the demoted records in the original's place (verdict/LinkRepair).
    for (JsonObject verdict : new JsonObject[] {dup, grouped}) {
      assertThat(seams.demotions).containsKey(UUID.fromString(verdict.getString("id")));
    }
    assertThat(seams.demotions.get(UUID.fromString(dup.getString("id")))).hasSize(1);
  }

  /** The row holds the answered verdict, no link, no membership, and a queue entry. */
  private static void assertStoredAsAnswered(JsonObject verdict) throws Exception {
    UUID id = UUID.fromString(verdict.getString("id"));
    try (Connection c = SharedDatabase.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT c.verdict::text, c.duplicate_of, c.cluster_id, c.queue,"
                        + " (SELECT count(*) FROM queue_item q WHERE q.complaint_id = c.id),"
                        + " (SELECT count(*) FROM cluster_member m WHERE m.complaint_id = c.id)"
                        + " FROM complaint c WHERE c.id = '"
                        + id
                        + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(new JsonObject(rs.getString(1))).isEqualTo(verdict);
      assertThat(rs.getObject(2)).isNull();
      assertThat(rs.getObject(3)).isNull();
      assertThat(rs.getString(4)).isEqualTo(verdict.getString("queue"));
      assertThat(rs.getInt(5)).isEqualTo(1);
      assertThat(rs.getInt(6)).isZero();
    }
  }

  private static int danglingLinks() throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM complaint d WHERE d.duplicate_of IS NOT NULL"
                        + "   AND NOT EXISTS (SELECT 1 FROM complaint o WHERE o.id = d.duplicate_of))"
                        + " + (SELECT count(*) FROM cluster_member m WHERE NOT EXISTS"
                        + "   (SELECT 1 FROM complaint o WHERE o.id = m.complaint_id))"
                        // Queue items have no foreign key since V12: none without its complaint.
                        + " + (SELECT count(*) FROM queue_item q WHERE NOT EXISTS"
                        + "   (SELECT 1 FROM complaint o WHERE o.id = q.complaint_id))")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
