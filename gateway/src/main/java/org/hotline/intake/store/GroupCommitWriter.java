package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.WriterOptions;
import org.hotline.intake.overload.LoopSlices;
import org.hotline.metrics.GatewayMeters;
import org.hotline.metrics.WriterMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers accepted records and commits them in batches, answering each submitter when its batch has
 * committed.
 *
 * <p>One writer belongs to one event loop and is only touched from it, so it needs no locks. With
 * no transaction open it flushes at once (unless the pace below holds); when they are all busy,
 * records wait and go together into the next batch. Low load thus pays one round trip, and high
 * load gets large batches. A further transaction opens beside a busy one only once half as many
 * records wait as recent batches carried: otherwise a record arriving just after a big batch left
 * takes the free slot alone, the slots settle into one big batch and one of a single record, and
 * half the transactions carry almost nothing (measured: mean batch 4.3 under 64 concurrent clients,
 * most of one record). Under light load recent batches are single records, so nothing waits; and
 * waiting is bounded by the open transaction: when it commits, whatever waits goes.
 *
 * <p>A writer also keeps a pace ({@link WriterOptions#paceMillis}): it opens a transaction at most
 * once per pace, unless a full batch waits or it is draining. A transaction costs the database
 * about a millisecond of CPU whatever it carries; without a pace, at moderate load a writer commits
 * as soon as the last commit ends, one or two records at a time, and those commits take the CPU the
 * records need (BENCHMARKS.md, "A pace between a writer's transactions"). Records further apart
 * than the pace never wait for it; at saturation a transaction lasts longer than the pace, which
 * then never holds.
 *
 * <p>The store bounds each batch by its response deadline. A batch that got no answer in time also
 * fails the records waiting behind it, so that no record waits for more than about one deadline on
 * a database that does not answer.
 */
public final class GroupCommitWriter {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

  /**
   * Sorting each batch by key (channel, then source id: the order of {@link PendingRecord#key()},
   * without building the key for each comparison) gives every transaction the same lock order: no
   * deadlocks.
   */
  private static final Comparator<Entry> KEY_ORDER =
      Comparator.<Entry, String>comparing(e -> e.record.channel())
          .thenComparing(e -> e.record.sourceId());

  private final Vertx vertx;
  private final ComplaintStore store;
  private final WriterOptions options;
  private final WriterMeters meters;
  private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
  private int inFlight;

  /** Records of committed batches not yet answered: answers go out a slice per loop turn. */
  private int answering;

  /** Moving average of the batches sent, which sets when a second transaction is worth opening. */
  private double recentBatch = 1;

  private long batches;
  private long records;
  private boolean closing;

  /** Batch requests being taken ({@link #hold}): while any is, a drain still takes records. */
  private int holds;

  private Promise<Void> drained;

  /**
   * Records waiting from which a writer opens its next transaction without waiting for the pace.
   * The pace lets batches grow where load is moderate (two to four records instead of one or two);
   * once this many wait, the batch is already large enough that waiting only delays it. At
   * saturation (64 clients) the pace of 8 ms made batches no larger (16.9 records against 15.4 with
   * a pace of 3 ms) but cost 15% of the throughput, the closed loop's clients waiting for it
   * (BENCHMARKS.md, "The pace steps aside for a batch").
   */
  static final int PACED_BELOW = 16;

  /** {@link WriterOptions#paceMillis}, in nanoseconds. */
  private final long paceNanos;

  /** When this writer last opened a transaction ({@link System#nanoTime}), for the pace. */
  private long lastOpened;

  /** Whether a timer will flush once the pace allows. */
  private boolean paceTimer;

  /** A writer for the event loop it is created and used on ({@code vertx} sets its pace timer). */
  public GroupCommitWriter(
      Vertx vertx, ComplaintStore store, WriterOptions options, WriterMeters meters) {
    this.vertx = vertx;
    this.paceNanos = TimeUnit.MILLISECONDS.toNanos(options.paceMillis());
    this.lastOpened = System.nanoTime() - paceNanos;
    this.store = store;
    this.options = options;
    this.meters = meters;
  }

  /** A writer whose meters nobody reads (tests). */
  public GroupCommitWriter(Vertx vertx, ComplaintStore store, WriterOptions options) {
    this(vertx, store, options, GatewayMeters.detached().writer());
  }

  private record Entry(PendingRecord record, Promise<WriteResult> promise) {}

  /** Thrown (as a failed future) when the writer cannot take more work now. */
  public static final class WriterBusyException extends RuntimeException {
    public WriterBusyException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Queues a record. The future succeeds after COMMIT and fails when the batch could not be
   * committed, the queue is full, or the writer is closing.
   */
  public Future<WriteResult> submit(PendingRecord record) {
    if (closing && holds == 0) {
      return Future.failedFuture(new WriterBusyException("shutting down"));
    }
    if (waiting.size() >= options.maxQueued()) {
      return Future.failedFuture(new WriterBusyException("write queue full"));
    }
    Promise<WriteResult> promise = Promise.promise();
    waiting.add(new Entry(record, promise));
    meters.queued(1);
    flush();
    return promise.future();
  }

  /** Records waiting for a batch, for metrics. */
  public int queued() {
    return waiting.size();
  }

  /** Transactions committed so far. */
  public long batchesCommitted() {
    return batches;
  }

  /** Records committed so far (new or found already stored). */
  public long recordsCommitted() {
    return records;
  }

  /**
   * Holds the writer open for a batch request being taken: its items reach the writer one slice of
   * the event loop at a time and each only once judged, so a drain that began meanwhile would
   * refuse its later items, and could end (and the server close) before the batch is answered.
   * While any hold is on, a drain still takes records and does not end. Run the returned release
   * once the batch has been answered, whatever its end; a second run does nothing.
   */
  public Runnable hold() {
    holds++;
    boolean[] released = {false};
    return () -> {
      if (!released[0]) {
        released[0] = true;
        holds--;
        checkDrained();
      }
    };
  }

  /**
   * Refuses new records (unless a batch request holds the writer, {@link #hold}) and completes once
   * everything already submitted is answered and no hold is on.
   */
  public Future<Void> drain() {
    closing = true;
    if (drained == null) {
      drained = Promise.promise();
    }
    flush(); // what waits for the pace goes now
    checkDrained();
    return drained.future();
  }

  private void flush() {
    while (inFlight < options.maxInFlight() && worthAnotherTransaction()) {
      if (paced()) {
        return;
      }
      int n = Math.min(options.maxBatch(), waiting.size());
      List<Entry> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(waiting.poll());
      }
      meters.queued(-n);
      batch.sort(KEY_ORDER);
      inFlight++;
      recentBatch += (n - recentBatch) / 8;
      long started = System.nanoTime();
      lastOpened = started;
      store
          .insertBatch(batch.stream().map(Entry::record).toList())
          .onComplete(
              ar -> {
                inFlight--;
                meters.batch(batch.size(), System.nanoTime() - started, ar.succeeded());
                if (ar.succeeded()) {
                  batches++;
                  records += batch.size();
                  answer(batch, ar.result());
                } else {
                  LOG.warn("batch of {} not committed: {}", batch.size(), ar.cause().toString());
                  batch.forEach(e -> e.promise.tryFail(ar.cause()));
                  if (ar.cause() instanceof DatabaseUnavailableException d && d.timedOut()) {
                    failWaiting(d);
                  }
                }
                flush();
                checkDrained();
              });
    }
  }

  /**
   * Whether what waits must wait for the pace: the last transaction opened less than {@link
   * WriterOptions#paceMillis} ago, fewer than {@link #PACED_BELOW} records (or a full batch) wait,
   * and the writer is not draining. If so, a timer flushes once the pace allows.
   */
  private boolean paced() {
    if (paceNanos == 0 || closing || waiting.size() >= Math.min(PACED_BELOW, options.maxBatch())) {
      return false;
    }
    long wait = lastOpened + paceNanos - System.nanoTime();
    if (wait <= 0) {
      return false;
    }
    if (!paceTimer) {
      paceTimer = true;
      vertx.setTimer(
          TimeUnit.NANOSECONDS.toMillis(wait + 999_999), // rounded up: never before the pace
          id -> {
            paceTimer = false;
            flush();
          });
    }
    return true;
  }

  /**
   * Whether what waits should go now: always when nothing is open, else once it is at least half a
   * recent batch (or a full one).
   */
  private boolean worthAnotherTransaction() {
    int n = waiting.size();
    if (n == 0) {
      return false;
    }
    return inFlight == 0 || n >= options.maxBatch() || 2 * n >= recentBatch;
  }

  /**
   * The database gave no answer in time: the records waiting would only go to it next and wait as
   * long again, so they are answered now (503) and their senders retry.
   */
  private void failWaiting(DatabaseUnavailableException cause) {
    meters.queued(-waiting.size());
    for (Entry e = waiting.poll(); e != null; e = waiting.poll()) {
      e.promise.tryFail(cause);
    }
  }

  /**
   * Answers the committed batch's records a slice per turn of the event loop ({@link LoopSlices}):
   * each answer runs its request's continuation, the response's write among it. The next
   * transaction is already under way meanwhile.
   */
  private void answer(List<Entry> batch, Map<String, WriteResult> results) {
    answering += batch.size();
    LoopSlices.run(
        batch.size(),
        i -> {
          Entry e = batch.get(i);
          WriteResult r = results.get(e.record.key());
          // A continuation that throws is LoopSlices' to report; the count goes down regardless.
          try {
            if (r == null) {
              // The conflicting row vanished between INSERT and SELECT: only a purge could do that.
              e.promise.tryFail(new IllegalStateException("record neither inserted nor found"));
            } else {
              e.promise.tryComplete(r);
            }
          } finally {
            answering--;
          }
        },
        this::checkDrained);
  }

  private void checkDrained() {
    if (drained != null && holds == 0 && inFlight == 0 && answering == 0 && waiting.isEmpty()) {
      drained.tryComplete();
    }
  }
}
