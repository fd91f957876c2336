package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;

/** Operator calls on the shared test gateway, for the queue tests. */
final class QueueCalls {
  static final String QUEUE = "350203";

  private QueueCalls() {}

  static TestGateway gw() throws Exception {
    return TestGateway.shared();
  }

  /** Earlier tests filled the shared queues; each test starts from empty ones. */
  static void emptyQueues() throws Exception {
    gw(); // starts the shared database and gateway on first use
    try (Connection c = SharedDatabase.jdbc()) {
      c.createStatement().execute("UPDATE queue_item SET state = 'done' WHERE state <> 'done'");
    }
  }

  /** A complaint the gateway queues in {@link #QUEUE}; its verdict. */
  static JsonObject postComplaint() throws Exception {
    HttpResponse<String> r = gw().postJson(PHONE_KEY, Samples.complaint(Samples.newSourceId()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonObject verdict = new JsonObject(r.body());
    assertThat(verdict.getString("queue")).isEqualTo(QUEUE);
    return verdict;
  }

  static HttpRequest.Builder postRequest(String path, JsonObject body) throws Exception {
    return gw().post(
            path, OPERATOR_KEY, "application/json", body.encode().getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return gw().send(postRequest(path, body));
  }

  static HttpRequest.Builder claimRequest(JsonObject body) throws Exception {
    return postRequest("/v1/queues/" + QUEUE + "/claim", body);
  }

  static JsonArray claim(int max, int leaseSeconds, int waitSeconds) throws Exception {
    HttpResponse<String> r =
        gw().send(
                claimRequest(
                    new JsonObject()
                        .put("max", max)
                        .put("lease_seconds", leaseSeconds)
                        .put("wait_seconds", waitSeconds)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getJsonArray("items");
  }

  static HttpResponse<String> decide(String id, JsonObject body) throws Exception {
    return post("/v1/complaints/" + id + "/decision", body);
  }

  static JsonObject record(String id) throws Exception {
    HttpResponse<String> r = gw().get("/v1/complaints/" + id, OPERATOR_KEY);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  /** The overview row of {@code queue}, or zeros when it has no open item. */
  static JsonObject queueRow(String queue) throws Exception {
    HttpResponse<String> r = gw().get("/v1/queues", OPERATOR_KEY);
    assertThat(r.statusCode()).isEqualTo(200);
    return new JsonObject(r.body())
        .getJsonArray("queues").stream()
            .map(JsonObject.class::cast)
            .filter(q -> queue.equals(q.getString("queue")))
            .findFirst()
            .orElse(
                new JsonObject()
                    .put("depth", 0L)
                    .put("stuck", 0L)
                    .put("handling", 0L)
                    .put("at_risk", 0L)
                    .put("breached", 0L));
  }

  /** Runs one SQL update on the shared database. */
  static void sql(String statement, String... args) throws Exception {
    try (Connection c = SharedDatabase.jdbc();
        var ps = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
