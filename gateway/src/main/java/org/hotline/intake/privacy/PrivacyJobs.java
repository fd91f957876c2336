package org.hotline.intake.privacy;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.PrivacyOptions;
import org.hotline.intake.store.PgUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the re-seal job and the retention purge: once at start, then every interval, one run at a
 * time, on a worker thread of its own so that they never take a thread from the event loops or from
 * other blocking work. Stopping (undeploying) lets the current chunk commit and waits for the run
 * to end, so the pool and the database close after it.
 */
public final class PrivacyJobs extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyJobs.class);

  /** One run may take long on a big table after a rotation; each chunk inside it is short. */
  private static final long MAX_RUN_MINUTES = 120;

  private final Reseal reseal;
  private final RetentionPurge purge;
  private final Duration interval;
  private volatile boolean stopping;
  private WorkerExecutor worker;
  private Future<Report> running = Future.succeededFuture(new Report(0, 0));
  private long timer;

  /** What one run did. */
  public record Report(long resealed, long purged) {}

  public PrivacyJobs(Reseal reseal, RetentionPurge purge, Duration interval) {
    this.reseal = reseal;
    this.purge = purge;
    this.interval = interval;
  }

  /** The jobs as configured, both over JDBC to {@code url}. */
  public static PrivacyJobs of(PgUrl url, RecordSealer sealer, PrivacyOptions options) {
    return new PrivacyJobs(
        new Reseal(url, sealer, options.purgeBatch()),
        new RetentionPurge(url, options.retention(), options.purgeBatch(), Clock.systemUTC()),
        Duration.ofMinutes(options.jobIntervalMinutes()));
  }

  @Override
  public Future<?> start() {
    worker =
        vertx.createSharedWorkerExecutor(
            "intake-privacy-jobs", 1, MAX_RUN_MINUTES, TimeUnit.MINUTES);
    runNow();
    timer = vertx.setPeriodic(interval.toMillis(), id -> runNow());
    return Future.succeededFuture();
  }

  /**
   * Starts a run unless one is going on; the future is the run's (or the running one's). A failed
   * run is logged by class name only and retried at the next interval.
   */
  public Future<Report> runNow() {
    if (!running.isComplete() || stopping) {
      return running;
    }
    running =
        worker
            .<Report>executeBlocking(
                () -> new Report(reseal.run(() -> stopping), purge.run(() -> stopping)), false)
            .onFailure(
                e -> LOG.warn("privacy job failed, retried in {}: {}", interval, failure(e)));
    return running;
  }

  /** The class of the failure, and of its cause: a message may quote a record. */
  private static String failure(Throwable e) {
    return e.getClass().getName()
        + (e.getCause() == null ? "" : " caused by " + e.getCause().getClass().getName());
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(timer);
    return running.transform(ar -> worker.close());
  }
}
