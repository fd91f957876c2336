package org.hotline.intake.support;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hotline.intake.Gateway;
import org.hotline.intake.board.BoardOptions;
import org.hotline.intake.config.GatewayConfig;
import org.hotline.intake.store.PgUrl;

/**
 * A gateway on a database of its own (a fresh one on the shared server), so that the status board's
 * counts are exactly what the test put there. The board refreshes every 200 ms, and its calendar
 * horizon is a year, so the missing-calendar banner shows whatever the date.
 */
public final class BoardFixture implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Gateway gateway;
  private final PgUrl database;
  private final AtomicInteger phones = new AtomicInteger();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private BoardFixture(Gateway gateway, PgUrl database) {
    this.gateway = gateway;
    this.database = database;
  }

  public static BoardFixture start() throws Exception {
    String name = "board_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    String shared = SharedDatabase.url();
    try (Connection c = SharedDatabase.jdbc();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    String url = shared.substring(0, shared.lastIndexOf('/') + 1) + name;
    GatewayConfig config =
        GatewayConfig.defaults()
            .withHttpPort(0)
            .withPgUrl(url)
            .withKeys(
                GatewayConfig.DEMO_KEYS) // configured, as demo mode refuses an external database
            .withMaxEventLoopMs(BlockedThreadGuard.maxEventLoopMs())
            .withBoard(
                BoardOptions.defaults()
                    .withRefreshInterval(Duration.ofMillis(200))
                    .withCalendarHorizonDays(366));
    return new BoardFixture(Gateway.start(config), PgUrl.parse(url));
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + gateway.port() + path);
  }

  /**
   * Posts a complaint about {@code merchant} at {@code address} (which decides the district), by a
   * complainant of its own, received now. Returns the record's id.
   */
  public String complaint(String merchant, String address, String content) throws Exception {
    int n = phones.incrementAndGet();
    String body =
        new JsonObject()
            .put("source_id", "board-" + n + "-" + System.nanoTime())
            .put("type", "complaint")
            .put(
                "complainant",
                new JsonObject().put("name", complainantName(n)).put("phone", phone(n)))
            .put("merchant", new JsonObject().put("name", merchant).put("address", address))
            .put("content", content)
            .encode();
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(uri("/v1/complaints"))
                .header("Authorization", "Bearer " + TestGateway.WEB_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new AssertionError("post answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body()).getString("id");
  }

  /** The name of the {@code n}th complainant posted, to look for in what the board shows. */
  public static String complainantName(int n) {
    return "看板测试人" + (char) ('甲' + n);
  }

  /** The phone of the {@code n}th complainant posted, as normalised. */
  public static String phone(int n) {
    return "1395%07d".formatted(7_000_000 + n);
  }

  /** How many complainants were posted so far. */
  public int posted() {
    return phones.get();
  }

  /**
   * Claims one item of {@code queue} and accepts it, as a handler would: it stays open, in
   * handling, until closed.
   */
  public void acceptOne(String queue) throws Exception {
    JsonObject claimed =
        new JsonObject(
            operatorPost("/v1/queues/" + queue + "/claim", "{\"max\": 1, \"wait_seconds\": 0}"));
    JsonObject item = claimed.getJsonArray("items").getJsonObject(0);
    operatorPost(
        "/v1/complaints/" + item.getString("id") + "/decision",
        new JsonObject()
            .put("lease_token", item.getString("lease_token"))
            .put("decision", "accept")
            .put("reason", "受理")
            .encode());
  }

  /** Takes {@code id} out of its group (or unlinks it as a duplicate), as a handler would. */
  public void unlink(String id) throws Exception {
    operatorPost("/v1/complaints/" + id + "/unlink", "{\"reason\": \"不是同一件事\"}");
  }

  private String operatorPost(String path, String json) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestGateway.OPERATOR_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls {@code GET /v1/board} until a snapshot satisfies {@code wanted} (30 s at most). */
  public JsonObject awaitBoard(Predicate<JsonObject> wanted) throws Exception {
    long give = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject last = null;
    while (System.nanoTime() < give) {
      last = new JsonObject(get("/v1/board").body());
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the board never showed what was expected; last: " + last);
  }

  /** Changes one queue item (e.g. {@code "state = 'stuck'"}) as time or lost leases would have. */
  public void updateItem(String assignment, String complaintId) throws Exception {
    sql(
        "UPDATE queue_item SET " + assignment + " WHERE complaint_id = ?",
        List.of(java.util.UUID.fromString(complaintId)));
  }

  /** Runs one statement on the gateway's database with the given text parameters. */
  public int sql(String statement, List<Object> args) throws Exception {
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < args.size(); i++) {
        s.setObject(i + 1, args.get(i));
      }
      return s.executeUpdate();
    }
  }

  @Override
  public void close() throws Exception {
    gateway.stop();
  }
}
