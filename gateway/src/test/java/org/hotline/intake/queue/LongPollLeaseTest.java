package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Leases of a long poll never strand, over HTTP and a real database. A table lock holds the claim's
 * statement in flight for as long as the test needs, so its wait ends (or its caller leaves) while
 * the claim is still running.
 */
@DisplayName("a long poll's leases")
class LongPollLeaseTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  @BeforeEach
  void emptyQueues() throws Exception {
    QueueCalls.emptyQueues();
  }

  /** Holds every claim on queue_item until released: EXCLUSIVE conflicts with FOR UPDATE. */
  static Connection lockQueueItems() throws Exception {
    Connection lock = SharedDatabase.jdbc();
    lock.setAutoCommit(false);
    lock.createStatement().execute("LOCK TABLE queue_item IN EXCLUSIVE MODE");
    return lock;
  }

  /** Waits until a claim statement is blocked on the lock: the claim is in flight. */
  static void awaitBlockedClaim() throws Exception {
    awaitClaims("wait_event_type = 'Lock'", true, "no claim got blocked on the lock");
  }

  /** Waits until no claim statement runs any more: the claim has leased what it could. */
  static void awaitNoClaimRunning() throws Exception {
    awaitClaims("state = 'active'", false, "a claim is still running");
  }

  private static void awaitClaims(String condition, boolean present, String otherwise)
      throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE "
                    + condition
                    + " AND query LIKE 'WITH picked AS%'")) {
      for (int i = 0; i < 300; i++) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0 == present) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError(otherwise);
  }

  /**
   * Gives the item the SLA state the minute sweeper would. The sample was received weeks ago, so
   * its deadline is past; left at the default, the sweeper's UPDATE could row-lock the item just as
   * the table lock goes, and the claim (SKIP LOCKED) would pass over it.
   */
  static void settleSla(String id) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE queue_item SET sla_state = 'breached'"
                    + " WHERE complaint_id = ?::uuid AND due_at < now()")) {
      ps.setString(1, id);
      assertThat(ps.executeUpdate()).as("the sample's deadline is past").isEqualTo(1);
    }
  }

  static JsonObject item(String id) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT state, attempts FROM queue_item WHERE complaint_id = ?::uuid")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new JsonObject().put("state", rs.getString(1)).put("attempts", rs.getInt(2));
      }
    }
  }

  @Test
  @DisplayName("a claim still running when wait_seconds ends answers with the items it leased")
  void waitEndsDuringClaim() throws Exception {
    String id = QueueCalls.postComplaint().getString("id");
    settleSla(id);
    CompletableFuture<HttpResponse<String>> answer;
    try (Connection lock = lockQueueItems()) {
      answer =
          gw.sendAsync(
              QueueCalls.claimRequest(new JsonObject().put("max", 1).put("wait_seconds", 1)));
      awaitBlockedClaim();
      // Past the 1 s wait, with the claim still blocked.
      Thread.sleep(2000);
      assertThat(answer).as("answered by the wait's timer while the claim ran").isNotDone();
      lock.rollback();
    }
    HttpResponse<String> r = answer.get(20, TimeUnit.SECONDS);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonArray items = new JsonObject(r.body()).getJsonArray("items");
    assertThat(items).hasSize(1);
    assertThat(items.getJsonObject(0).getString("id")).isEqualTo(id);
    assertThat(item(id).getString("state")).isEqualTo("leased");
  }

  @Test
  @DisplayName(
      "a caller that disconnects during its claim leaves no lease: the item is ready again at once,"
          + " its attempt not counted")
  void disconnectReturnsLeases() throws Exception {
    String id = QueueCalls.postComplaint().getString("id");
    settleSla(id);
    byte[] body =
        new JsonObject()
            .put("max", 1)
            .put("lease_seconds", 600)
            .put("wait_seconds", 30)
            .encode()
            .getBytes(StandardCharsets.UTF_8);
    try (Connection lock = lockQueueItems()) {
      try (Socket socket = new Socket("127.0.0.1", gw.gateway().port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /v1/queues/"
                    + QueueCalls.QUEUE
                    + "/claim HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + OPERATOR_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        awaitBlockedClaim();
      }
      lock.rollback();
    }
    // The claim leases the item once the lock goes, finds its caller gone and hands it back.
    awaitNoClaimRunning();
    JsonObject state = item(id);
    for (int i = 0; i < 200 && !"ready".equals(state.getString("state")); i++) {
      Thread.sleep(50);
      state = item(id);
    }
    assertThat(state.getString("state")).as("600 s lease left to nobody").isEqualTo("ready");
    assertThat(state.getInteger("attempts")).isZero();
    JsonArray again = QueueCalls.claim(1, 300, 0);
    assertThat(again).hasSize(1);
    assertThat(again.getJsonObject(0).getString("id")).isEqualTo(id);
  }
}
