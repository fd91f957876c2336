package org.hotline.intake.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;

/**
 * How many items one node hands out from one queue to 8 concurrent claimers, each claim followed by
 * its decision (the handler's real cycle). Not a test: run it by hand, on the embedded PostgreSQL,
 * with
 *
 * <pre>
 * ./mvnw -q -pl gateway -am test-compile -DskipTests
 * ./mvnw -q -pl gateway exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.hotline.intake.bench.ClaimBenchmark -Dexec.args="20000 8 1"
 * </pre>
 *
 * Arguments: items pre-filled, claimers, items per claim ({@code max}), whether each item is
 * decided (default true).
 */
public final class ClaimBenchmark {
  private ClaimBenchmark() {}

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int claimers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int perClaim = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    boolean decideEach = args.length <= 3 || Boolean.parseBoolean(args[3]);
    // A configured queue: a claim on any other is a 404. Its open items are closed first (prefill).
    String queue = "triage";
    try (TestGateway gw = TestGateway.start()) {
      prefill(queue, items);
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      AtomicLong claimed = new AtomicLong();
      AtomicBoolean empty = new AtomicBoolean();
      Histogram cycle = new Histogram(60_000_000L, 3);
      List<Thread> threads = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < claimers; i++) {
        Thread t =
            new Thread(
                () -> {
                  while (!empty.get()) {
                    long t0 = System.nanoTime();
                    JsonArray got = claim(client, gw, queue, perClaim);
                    if (got.isEmpty()) {
                      empty.set(true);
                      break;
                    }
                    for (Object o : decideEach ? got : new JsonArray()) {
                      JsonObject item = (JsonObject) o;
                      decide(client, gw, item.getString("id"), item.getString("lease_token"));
                    }
                    claimed.addAndGet(got.size());
                    synchronized (cycle) {
                      cycle.recordValue((System.nanoTime() - t0) / 1000);
                    }
                  }
                });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "claimed%s %d items in %.2f s with %d claimers, max=%d: %.0f items/s;"
              + " cycle p50 %.1f ms, p99 %.1f ms%n",
          decideEach ? " and decided" : "",
          claimed.get(),
          seconds,
          claimers,
          perClaim,
          claimed.get() / seconds,
          cycle.getValueAtPercentile(50) / 1000.0,
          cycle.getValueAtPercentile(99) / 1000.0);
    }
    System.exit(0);
  }

  /** Items in the queue without going through intake: the benchmark measures claiming only. */
  private static void prefill(String queue, int n) throws Exception {
    try (Connection c = SharedDatabase.jdbc()) {
      c.createStatement()
          .execute("UPDATE queue_item SET state = 'done' WHERE queue = '" + queue + "'");
      c.createStatement()
          .execute(
              "WITH ids AS (SELECT gen_random_uuid() AS id, g FROM generate_series(1, "
                  + n
                  + ") g), ins AS (INSERT INTO complaint (id, channel, source_id, content_hash, type,"
                  + " received_at, queue, record, verdict) SELECT id, 'bench', id::text, '\\x00',"
                  + " 'inquiry', now(), '"
                  + queue
                  + "', jsonb_build_object('content', 'bench ' || g),"
                  + " jsonb_build_object('id', id) FROM ids RETURNING id)"
                  + " INSERT INTO queue_item (complaint_id, queue, due_at)"
                  + " SELECT id, '"
                  + queue
                  + "', now() + interval '3 days' FROM ins");
    }
  }

  private static JsonArray claim(HttpClient client, TestGateway gw, String queue, int max) {
    JsonObject body =
        new JsonObject().put("max", max).put("lease_seconds", 300).put("wait_seconds", 0);
    return new JsonObject(send(client, gw, "/v1/queues/" + queue + "/claim", body))
        .getJsonArray("items");
  }

  private static void decide(HttpClient client, TestGateway gw, String id, String token) {
    send(
        client,
        gw,
        "/v1/complaints/" + id + "/decision",
        new JsonObject().put("lease_token", token).put("decision", "close"));
  }

  private static String send(HttpClient client, TestGateway gw, String path, JsonObject body) {
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.gateway().port() + path))
                  .header("Authorization", "Bearer " + TestGateway.OPERATOR_KEY)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
