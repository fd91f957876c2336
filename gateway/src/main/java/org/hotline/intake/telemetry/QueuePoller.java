package org.hotline.intake.telemetry;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import org.hotline.intake.queue.QueueMetricsStore;
import org.hotline.metrics.LatestSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the queue and SLA gauges: every {@link #INTERVAL_MS} an asynchronous query reads the
 * queues, and the gauges read the result until the next one. A scrape never waits on the database,
 * and a slow poll is never overlapped by the next.
 *
 * <p>In a cluster every node polls and publishes the same values; dashboards and alerts take {@code
 * max} over instances, so no leader is needed and any node's scrape is enough.
 */
public final class QueuePoller {
  private static final Logger LOG = LoggerFactory.getLogger(QueuePoller.class);

  /** How often the gauges are refreshed. */
  public static final long INTERVAL_MS = 5000;

  private final QueueMetricsStore store;
  private final LatestSnapshot latest;
  private final Supplier<OffsetDateTime> atRiskCutoff;
  private final int clusterWindowDays;
  private boolean polling;
  private boolean warned;

  public QueuePoller(
      QueueMetricsStore store,
      LatestSnapshot latest,
      Supplier<OffsetDateTime> atRiskCutoff,
      int clusterWindowDays) {
    this.store = store;
    this.latest = latest;
    this.atRiskCutoff = atRiskCutoff;
    this.clusterWindowDays = clusterWindowDays;
  }

  /**
   * Polls now and then every {@link #INTERVAL_MS}. Completes after the first poll (successful or
   * not), so the first scrape already has the queues.
   */
  public Future<Void> start(Vertx vertx) {
    Promise<Void> first = Promise.promise();
    vertx.runOnContext(
        v -> {
          poll().onComplete(ar -> first.complete());
          vertx.setPeriodic(INTERVAL_MS, id -> poll());
        });
    return first.future();
  }

  /** One poll, unless the previous one is still running. */
  Future<?> poll() {
    if (polling) {
      return Future.succeededFuture();
    }
    polling = true;
    return store
        .snapshot(atRiskCutoff.get(), clusterWindowDays)
        .onSuccess(
            s -> {
              warned = false;
              latest.update(s);
            })
        .onFailure(
            e -> {
              if (!warned) {
                LOG.warn("queue metrics poll failed: {}", e.getClass().getName());
                warned = true;
              }
              latest.update(latest.get().databaseDown());
            })
        .onComplete(ar -> polling = false);
  }
}
