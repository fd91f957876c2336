package org.hotline.intake.telemetry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.hotline.intake.queue.QueueMetricsStore;
import org.hotline.metrics.LatestSnapshot;
import org.hotline.metrics.QueueSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the queue and SLA gauges when they are read: a scrape asks for a poll, waits for it at
 * most {@link #SCRAPE_WAIT_MS}, and the gauges read the latest result. A scrape thus never waits
 * long on the database, polls never overlap, and two polls start at least {@link #MIN_INTERVAL_MS}
 * apart, however many scrapers there are.
 *
 * <p>Each poll reads every open queue item ({@link org.hotline.intake.queue.OpenItemsScan}): during
 * a backlog of half a million items, about a quarter of a second of one database core. A timer
 * every five seconds made three polls for each scrape of Prometheus (every 15 s) and polled when
 * nobody scraped at all; polled on demand, the database does the work only for a reader
 * (BENCHMARKS.md "Monitoring on demand").
 *
 * <p>In a cluster every node polls for its own scrapes and publishes the same values; dashboards
 * and alerts take {@code max} over instances, so no leader is needed and any node's scrape is
 * enough.
 */
public final class QueuePoller {
  private static final Logger LOG = LoggerFactory.getLogger(QueuePoller.class);

  /** The least time from one poll's start to the next one's. */
  public static final long MIN_INTERVAL_MS = 5000;

  /** How long a scrape waits for the poll it asked for before it answers with what it has. */
  public static final long SCRAPE_WAIT_MS = 2000;

  /**
   * A poll still running this long says the database does not answer: the next scrape reports it
   * down ({@code intake_database_up} 0) rather than the last figures as live. A hung server gives
   * no error to fail the poll with, and a new poll starts only once the running one has ended.
   */
  static final long STALL_MS = 10_000;

  private final BiFunction<OffsetDateTime, Integer, Future<QueueSnapshot>> store;
  private final LatestSnapshot latest;
  private final Supplier<OffsetDateTime> atRiskCutoff;
  private final int clusterWindowDays;
  private final LongSupplier nanoClock;
  private final long minIntervalNanos;
  private final long stallNanos;
  private Context context;
  private Future<?> polling;
  private long lastStart;
  private long polls;
  private boolean warned;

  public QueuePoller(
      QueueMetricsStore store,
      LatestSnapshot latest,
      Supplier<OffsetDateTime> atRiskCutoff,
      int clusterWindowDays) {
    this(
        store::snapshot,
        latest,
        atRiskCutoff,
        clusterWindowDays,
        System::nanoTime,
        MIN_INTERVAL_MS,
        STALL_MS);
  }

  /**
   * @param store reads a snapshot for an at-risk cut-off and a group window in days
   * @param nanoClock {@link System#nanoTime} but in tests
   */
  QueuePoller(
      BiFunction<OffsetDateTime, Integer, Future<QueueSnapshot>> store,
      LatestSnapshot latest,
      Supplier<OffsetDateTime> atRiskCutoff,
      int clusterWindowDays,
      LongSupplier nanoClock,
      long minIntervalMs,
      long stallMs) {
    this.store = store;
    this.latest = latest;
    this.atRiskCutoff = atRiskCutoff;
    this.clusterWindowDays = clusterWindowDays;
    this.nanoClock = nanoClock;
    this.minIntervalNanos = TimeUnit.MILLISECONDS.toNanos(minIntervalMs);
    this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
  }

  /**
   * Polls once now, on a context of its own. Completes after that poll (successful or not), so the
   * first scrape already has the queues.
   */
  public Future<Void> start(Vertx vertx) {
    this.context = vertx.getOrCreateContext();
    Promise<Void> first = Promise.promise();
    context.runOnContext(v -> poll().onComplete(ar -> first.complete()));
    return first.future();
  }

  /**
   * Asks for fresh gauges before a scrape: starts a poll unless one is running or the last started
   * less than {@link #MIN_INTERVAL_MS} ago, and completes when that poll has ended or after {@code
   * maxWaitMs}, whichever comes first. Never fails. Callable from any thread; the future's
   * callbacks run on the poller's context or on a timer's.
   */
  public Future<Void> refreshed(long maxWaitMs) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(
        v -> {
          if (polling != null && nanoClock.getAsLong() - lastStart >= stallNanos) {
            stalled();
          }
          Future<?> current =
              polling != null
                  ? polling
                  : nanoClock.getAsLong() - lastStart >= minIntervalNanos
                      ? poll()
                      : Future.succeededFuture();
          current.onComplete(ar -> done.tryComplete());
        });
    long timer = context.owner().setTimer(maxWaitMs, id -> done.tryComplete());
    return done.future().andThen(ar -> context.owner().cancelTimer(timer));
  }

  /** The running poll has had no answer for {@link #STALL_MS}: the database is down for now. */
  private void stalled() {
    if (latest.get().databaseUp()) {
      LOG.warn("queue metrics poll has had no answer for {} ms", stallNanos / 1_000_000);
      latest.update(latest.get().databaseDown());
    }
  }

  /** Polls started so far (tests). */
  long polls() {
    return polls;
  }

  /** One poll; the caller is on the poller's context and no poll is running. */
  private Future<?> poll() {
    lastStart = nanoClock.getAsLong();
    polls++;
    Future<?> poll =
        store
            .apply(atRiskCutoff.get(), clusterWindowDays)
            // A hung server's poll is given up at the stall bound, so the next one can start.
            .timeout(stallNanos, TimeUnit.NANOSECONDS)
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
                });
    polling = poll;
    return poll.onComplete(ar -> polling = null);
  }
}
