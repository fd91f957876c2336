package org.hotline.intake.config;

/**
 * Limits of the group-commit writer, one writer per event loop.
 *
 * @param maxBatch most records in one transaction
 * @param maxInFlight most transactions one writer keeps open at once; while they are all busy new
 *     records wait and are committed together in the next batch
 * @param maxQueued most records waiting per writer before new ones are refused with 503
 */
public record WriterOptions(int maxBatch, int maxInFlight, int maxQueued) {
  public static final int DEFAULT_MAX_BATCH = 500;

  /**
   * One: a transaction costs PostgreSQL about a millisecond of CPU whatever it carries, so fewer,
   * larger batches win. Measured (BENCHMARKS.md, "Fewer, larger transactions"): at 64 connections
   * two open per writer gave batches of 5–10 records; one gives 16–32 and 1.2–1.8× the throughput.
   */
  public static final int DEFAULT_MAX_IN_FLIGHT = 1;

  public static final int DEFAULT_MAX_QUEUED = 10_000;

  public WriterOptions {
    if (maxBatch < 1 || maxInFlight < 1 || maxQueued < 1) {
      throw new IllegalArgumentException("writer limits must be positive");
    }
  }

  public static WriterOptions defaults() {
    return new WriterOptions(DEFAULT_MAX_BATCH, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_QUEUED);
  }
}
