package org.hotline.intake.config;

/**
 * Limits of the group-commit writer, one writer per event loop.
 *
 * @param maxBatch most records in one transaction
 * @param maxInFlight most transactions one writer keeps open at once; while they are all busy new
 *     records wait and are committed together in the next batch
 * @param maxQueued most records waiting per writer before new ones are refused with 503
 * @param paceMillis least time between two transactions a writer opens, unless 16 records or a full
 *     batch wait; 0 opens one as soon as a slot is free
 */
public record WriterOptions(int maxBatch, int maxInFlight, int maxQueued, int paceMillis) {
  public static final int DEFAULT_MAX_BATCH = 500;

  /**
   * Two. Before a second transaction waited for half a recent batch, two open per writer gave
   * batches of 5–10 records at 64 connections and one 1.2–1.8× the throughput (BENCHMARKS.md,
   * "Fewer, larger transactions"). With that rule and the pace stepping aside for 16 records, two
   * make batches of 12.6 against 15.8 records at the same PostgreSQL CPU a record, and 7–10% more
   * throughput in two paired runs: a record that arrives during a long commit (a slow flush) no
   * longer waits for it to end (BENCHMARKS.md, "The pace steps aside for a batch").
   */
  public static final int DEFAULT_MAX_IN_FLIGHT = 2;

  public static final int DEFAULT_MAX_QUEUED = 10_000;

  /**
   * Eight milliseconds: at a quarter of the saturated rate it cut the commits by a third to two
   * fifths and PostgreSQL's CPU by about 30%, and lowered the p99 (BENCHMARKS.md, "A pace between a
   * writer's transactions"); a record waits for it only when it arrives within 8 ms of the last
   * transaction's opening.
   */
  public static final int DEFAULT_PACE_MILLIS = 8;

  public WriterOptions {
    if (maxBatch < 1 || maxInFlight < 1 || maxQueued < 1) {
      throw new IllegalArgumentException("writer limits must be positive");
    }
    if (paceMillis < 0) {
      throw new IllegalArgumentException("writer pace must not be negative");
    }
  }

  /** Limits with the default pace. */
  public WriterOptions(int maxBatch, int maxInFlight, int maxQueued) {
    this(maxBatch, maxInFlight, maxQueued, DEFAULT_PACE_MILLIS);
  }

  public static WriterOptions defaults() {
    return new WriterOptions(DEFAULT_MAX_BATCH, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_QUEUED);
  }
}
