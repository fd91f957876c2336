package org.hotline.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The group-commit writers of this node (one per event loop), summed.
 *
 * <ul>
 *   <li>{@code intake.writer.batch.size} (distribution, {@code intake_writer_batch_size}): records
 *       per committed transaction; buckets 1 to 500 (the default {@code writer.max_batch}).
 *   <li>{@code intake.writer.commit} (timer, {@code intake_writer_commit_seconds}): one batch's
 *       transaction, from BEGIN to COMMIT, committed or not.
 *   <li>{@code intake.writer.queued} (gauge): records waiting for a batch on this node now.
 *   <li>{@code intake.writer.queued.limit} (gauge): the most that may wait on this node (every
 *       writer's {@code writer.max_queued}); past it new records get 503. The alert on the writer
 *       near its bound divides the two.
 * </ul>
 *
 * <p>The writers update one shared counter as records enter and leave their queues, so the gauge
 * reads a number and never walks a writer from the scrape thread.
 */
public final class WriterMeters implements MeterBinder {
  static final double[] BATCH_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500};

  private final AtomicLong queued = new AtomicLong();
  private final long queuedLimit;
  private DistributionSummary batchSize;
  private Timer commit;

  /**
   * @param queuedLimit the sum of every writer's bound on this node, at least 1
   */
  public WriterMeters(long queuedLimit) {
    if (queuedLimit < 1) {
      throw new IllegalArgumentException("queuedLimit must be at least 1, got " + queuedLimit);
    }
    this.queuedLimit = queuedLimit;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    batchSize =
        DistributionSummary.builder("intake.writer.batch.size")
            .description("Records per committed group-commit transaction")
            .serviceLevelObjectives(BATCH_BUCKETS)
            .register(registry);
    commit =
        Timer.builder("intake.writer.commit")
            .description("One group-commit transaction, BEGIN to COMMIT or failure")
            .serviceLevelObjectives(
                Duration.ofMillis(1),
                Duration.ofMillis(2),
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ofMillis(25),
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(250),
                Duration.ofSeconds(1))
            .register(registry);
    Gauge.builder("intake.writer.queued", queued, AtomicLong::get)
        .description("Records waiting for a group-commit batch on this node")
        .register(registry);
    Gauge.builder("intake.writer.queued.limit", () -> queuedLimit)
        .description("Records that may wait on this node before new ones are refused (503)")
        .register(registry);
  }

  /** {@code n} records entered (positive) or left (negative) a writer's queue. */
  public void queued(int n) {
    queued.addAndGet(n);
  }

  /**
   * A batch of {@code size} records ended after {@code nanos}; only committed ones count a size.
   */
  public void batch(int size, long nanos, boolean committed) {
    if (committed) {
      batchSize.record(size);
    }
    commit.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** What the queued gauge reads now. */
  public long queued() {
    return queued.get();
  }
}
