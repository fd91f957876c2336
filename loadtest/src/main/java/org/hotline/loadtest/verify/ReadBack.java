package org.hotline.loadtest.verify;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.loadtest.driver.Outcomes;
import org.hotline.loadtest.driver.RunSettings;

/**
 * After the run: every acknowledged id is read back with {@code GET /v1/complaints/{id}} and the
 * operator key. 404 means lost — a 2xx was sent for a record that is not there. Anything else (5xx,
 * a timeout) after a few tries is "unverified", reported apart: it proves nothing either way.
 */
public final class ReadBack {
  /** Modest, so verification does not become a second load test. */
  public static final int DEFAULT_CONCURRENCY = 16;

  private static final int ATTEMPTS = 3;
  private static final long TIMEOUT_MILLIS = 10_000;

  /**
   * @param checked ids read back
   * @param found ids answered 200
   * @param lost ids answered 404
   * @param unverified ids that got neither after {@value #ATTEMPTS} tries
   * @param unverifiedAnswers the last answer of each unverified id, by status or error kind ({@code
   *     "401"}, {@code "timeout"}): why they could not be verified
   */
  public record Result(
      long checked, long found, long lost, long unverified, Map<String, Long> unverifiedAnswers) {
    public Result {
      unverifiedAnswers = java.util.Collections.unmodifiableMap(new TreeMap<>(unverifiedAnswers));
    }
  }

  private final WebClient client;
  private final URI target;
  private final String bearer;
  private final AtomicLong found = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong unverified = new AtomicLong();
  private final Map<String, Long> unverifiedAnswers = new TreeMap<>();

  private ReadBack(WebClient client, URI target, String operatorKey) {
    this.client = client;
    this.target = target;
    this.bearer = "Bearer " + operatorKey;
  }

  /**
   * Reads back {@code ids}. Blocking; call from a plain thread.
   *
   * @param concurrency requests at once, 1..256
   */
  public static Result verify(URI target, String operatorKey, List<String> ids, int concurrency)
      throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      int port = target.getPort() > 0 ? target.getPort() : 80;
      WebClient client =
          WebClient.create(
              vertx,
              new WebClientOptions()
                  .setDefaultHost(target.getHost())
                  .setDefaultPort(port)
                  .setSsl("https".equals(target.getScheme()))
                  .setKeepAlive(true),
              new PoolOptions().setHttp1MaxSize(concurrency));
      ReadBack rb = new ReadBack(client, target, operatorKey);
      Iterator<String> it = new ArrayList<>(ids).iterator();
      Promise<Void> all = Promise.promise();
      vertx.runOnContext(
          v -> {
            List<Future<Void>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
              workers.add(rb.worker(it));
            }
            Future.join(workers).<Void>mapEmpty().onComplete(all);
          });
      all.future().toCompletionStage().toCompletableFuture().get(1, TimeUnit.HOURS);
      // Every worker has finished (the future above), so the loop no longer writes the map.
      return new Result(
          ids.size(), rb.found.get(), rb.lost.get(), rb.unverified.get(), rb.unverifiedAnswers);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Reads ids one after another until none are left; on the event loop, so no locking. */
  private Future<Void> worker(Iterator<String> ids) {
    if (!ids.hasNext()) {
      return Future.succeededFuture();
    }
    return check(ids.next(), 1).compose(v -> worker(ids));
  }

  private Future<Void> check(String id, int attempt) {
    return client
        .get(RunSettings.basePath(target) + "/v1/complaints/" + id)
        .putHeader("Authorization", bearer)
        .timeout(TIMEOUT_MILLIS)
        .send()
        .transform(
            ar -> {
              int status = ar.succeeded() ? ar.result().statusCode() : -1;
              if (status == 200) {
                found.incrementAndGet();
              } else if (status == 404) {
                lost.incrementAndGet();
              } else if (attempt < ATTEMPTS) {
                return check(id, attempt + 1);
              } else {
                unverified.incrementAndGet();
                // On the event loop, like every read-back: no locking.
                unverifiedAnswers.merge(
                    status > 0 ? Integer.toString(status) : Outcomes.kind(ar.cause()),
                    1L,
                    Long::sum);
              }
              return Future.succeededFuture();
            });
  }
}
