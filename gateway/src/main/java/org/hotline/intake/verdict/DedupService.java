package org.hotline.intake.verdict;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.dedup.DedupIndex;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.dedup.RecentFilings;
import org.hotline.dedup.grievance.Grievance;
import org.hotline.dedup.grievance.GrievanceClassifier;
import org.hotline.intake.validation.Complainant;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.validation.Merchant;
import org.hotline.intake.validation.RecordType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of duplicate and group detection: reads the record's grievance, turns a
 * validated request into a fingerprint and asks the index, whose decision is atomic per merchant
 * (or complainant).
 *
 * <p>In cluster mode the index and the merchant aliases are Hazelcast maps, and the decision is
 * bounded: when the cluster has not decided within the call timeout (a member gone, a partition
 * migrating, a hung member) or fails, the record is judged locally instead, as a new matter under
 * its own merchant key (its credit code, else its name), and goes on to be routed, stored and
 * acknowledged like any other. A timeout thus costs at most a missed duplicate or group link, never
 * the complaint and never a 5xx. A decision that arrives after the timeout is dropped; should the
 * index have taken the record in meanwhile, a later filing may link to it, which is sound because
 * the record is committed (and {@code store/BatchInsert} demotes a link to one that is not).
 */
public final class DedupService {
  private static final Logger LOG = LoggerFactory.getLogger(DedupService.class);

  private final Fingerprinter fingerprinter;
  private final GrievanceClassifier grievances;
  private final DedupIndex index;
  private final RecentFilings recent;
  private final long callTimeoutMs;
  private final AtomicLong localJudgements = new AtomicLong();

  /** A service over an index and alias table in this node's memory: nothing to time out. */
  public DedupService(
      Fingerprinter fingerprinter, GrievanceClassifier grievances, DedupIndex index) {
    this(fingerprinter, grievances, index, new RecentFilings(DedupOptions.defaults()), 0);
  }

  /**
   * A service whose index and alias table may be remote (a cluster's).
   *
   * @param recent this node's memory of each complainant's recent filings, for re-filings under
   *     another spelling of the merchant (see {@link RecentFilings})
   * @param callTimeoutMs how long a judgement waits for them before the record is judged locally; 0
   *     for none (an index in this node's memory, whose judgement completes before it returns)
   */
  public DedupService(
      Fingerprinter fingerprinter,
      GrievanceClassifier grievances,
      DedupIndex index,
      RecentFilings recent,
      long callTimeoutMs) {
    if (callTimeoutMs < 0) {
      throw new IllegalArgumentException("call timeout must not be negative");
    }
    this.fingerprinter = fingerprinter;
    this.grievances = grievances;
    this.index = index;
    this.recent = recent;
    this.callTimeoutMs = callTimeoutMs;
  }

  /**
   * A fingerprint as the index holds it, the index's verdict on it, and the key the record's own
   * merchant names gave (the fingerprint's, unless it joined a storm under another spelling's key;
   * stored as the record's {@code blocking_key}, from which the aliases are relearned at a
   * restart).
   */
  public record Judgement(Fingerprint fingerprint, DedupVerdict verdict, String ownKey) {
    /** The grievance read from the record, carried by its fingerprint. */
    public Grievance grievance() {
      return fingerprint.grievance();
    }
  }

  /** Fingerprints the record and decides it; the index now holds it unless it is a duplicate. */
  public Future<Judgement> judge(UUID id, IntakeRequest request) {
    return judge(id, request, false);
  }

  /**
   * A complaint outside market regulation (routed to {@code transfer}): judged by the index under
   * its merchant key in a space of its own ({@value #OUTSIDE} before it), so that the same person's
   * re-filing of it is a duplicate and other people's complaints of it may form a group, as the
   * contract's verdicts say, but it never joins, nor counts toward, a group of market complaints
   * against the shop (a coach's unpaid wages beside the members' lost balances at the gym), nor is
   * the original of another person's. Not looked up by spelling across keys ({@link
   * RecentFilings}): those lead into the market's keys; but it is remembered as its person's
   * filing, so that the same person's re-filing of it that names no such category is its duplicate,
   * and their re-filing of the same purchase under another spelling of the company is too ({@link
   * RecentFilings#refiledIn}). The key is in the stored fingerprint, so a rebuild puts it back in
   * the same space whatever queue an operator has since moved the record to.
   */
  public Future<Judgement> judgeOutside(UUID id, IntakeRequest request) {
    return judge(id, request, true);
  }

  /** Opens the blocking key of a complaint outside market regulation ({@link #judgeOutside}). */
  public static final String OUTSIDE = "t:";

  private Future<Judgement> judge(UUID id, IntakeRequest request, boolean outside) {
    // In cluster mode the merchant's aliases and the index are Hazelcast maps: each step of the
    // chain starts on this event loop (Hazelcast forbids remote calls from its own threads), and
    // the judgement comes back to it, because it owns the writer the judgement goes to next. In
    // memory the chain completes before returning.
    Context context = Vertx.currentContext();
    Executor onContext =
        context == null ? ForkJoinPool.commonPool() : task -> context.runOnContext(v -> task.run());
    DedupRecord record;
    CompletionStage<Judgement> judged;
    try {
      record = withGrievance(toRecord(id, request), request);
      if (request.type() != RecordType.COMPLAINT) {
        return Future.succeededFuture(unjudged(record));
      }
      judged =
          fingerprinter
              .fingerprintAsync(record, onContext)
              // An index in memory answers on this thread; a cluster's on a Hazelcast thread, from
              // which the chain must hop back before it may call the cluster again.
              .thenCompose(
                  fp ->
                      outside
                          ? outside(
                              fp, index instanceof InMemoryDedupIndex ? Runnable::run : onContext)
                          : recent
                              .decide(
                                  index,
                                  fp,
                                  index instanceof InMemoryDedupIndex ? Runnable::run : onContext)
                              .thenApply(
                                  d -> new Judgement(d.fingerprint(), d.verdict(), d.ownKey())));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (context == null) {
      return Future.fromCompletionStage(judged);
    }
    Future<Judgement> answer = Future.fromCompletionStage(judged, context);
    if (callTimeoutMs == 0) {
      return answer;
    }
    return answer
        .timeout(callTimeoutMs, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.succeededFuture(judgedLocally(record, failure)));
  }

  /**
   * {@code fp} decided by the index under its key in the outside space, then, when the index found
   * no original there, among its person's earlier transfers under other keys ({@link
   * RecentFilings#refiledIn}: {@code 滴滴出行}, then {@code 滴滴}); a first filing is remembered as its
   * person's ({@link RecentFilings#rememberPerson}), so that a re-filing of it without the category
   * that sent it away is its duplicate. {@code after} runs what follows the index's answer (a
   * cluster answers on a Hazelcast thread, which must not call the cluster again).
   */
  private CompletionStage<Judgement> outside(Fingerprint fp, Executor after) {
    Fingerprint kept = fp.indexable() ? fp.withBlockingKey(OUTSIDE + fp.blockingKey()) : fp;
    return recent
        .decideOutside(index, kept, OUTSIDE, fp.blockingKey(), after)
        .thenApply(d -> new Judgement(d.fingerprint(), d.verdict(), d.ownKey()));
  }

  /**
   * A report, inquiry or suggestion: a new matter, fingerprinted but kept out of the index. Only
   * complaints are duplicates or group members, of complaints only: a person's inquiry about a
   * closed gym must not make their complaint about it a duplicate (no queue, no acceptance
   * deadline), nor their complaint swallow their report, which is owed its own verification.
   */
  private Judgement unjudged(DedupRecord record) {
    Fingerprint own = fingerprinter.fingerprintLocally(record);
    return new Judgement(own, DedupVerdict.fresh(), own.blockingKey());
  }

  /** The record as a new matter under its own merchant key, without asking the cluster. */
  private Judgement judgedLocally(DedupRecord record, Throwable failure) {
    long n = localJudgements.incrementAndGet();
    if (Long.bitCount(n) == 1) { // the 1st, 2nd, 4th, 8th…: an outage must not flood the log
      LOG.warn(
          "the cluster gave no dedup decision within {} ms ({}); judged locally as a new matter"
              + " ({} so far)",
          callTimeoutMs,
          failure.getClass().getName(),
          n);
    }
    Fingerprint local = fingerprinter.fingerprintLocally(record);
    return new Judgement(local, DedupVerdict.fresh(), local.blockingKey());
  }

  /** Records judged locally because the cluster did not decide in time, since start. */
  public long localJudgements() {
    return localJudgements.get();
  }

  /** The record with the grievance read from its category and text: one pass, on this thread. */
  private DedupRecord withGrievance(DedupRecord r, IntakeRequest request) {
    return r.withGrievance(grievances.classify(request.category(), request.content()));
  }

  /** Takes back a judgement whose record was not committed (a replay, or a failed batch). */
  public void retract(Judgement judgement) {
    recent.forget(judgement.fingerprint());
    index.forget(judgement.fingerprint());
  }

  /**
   * Takes records that {@code judgement} linked to out of the index, because they were never
   * committed, and holds its own committed record in their place: later filings of the matter then
   * link to a record that exists. A node that judged a record and stopped before committing it
   * (killed, or its machine lost) cannot take it back itself; until this, every later re-filing of
   * that matter was linked to it, demoted by the writer and queued as new. Blocks on a cluster's
   * index: call it off the event loop.
   */
  public void replaceGhosts(Judgement judgement, Collection<UUID> ghosts) {
    Fingerprint own = judgement.fingerprint();
    for (UUID ghost : ghosts) {
      try {
        index.forget(own.withId(ghost)).toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("the dedup index did not forget a record in time", e);
      }
    }
    index.restore(own, null, 0);
    asFirstFiling(own);
  }

  /**
   * An operator unlinked the duplicate whose stored fingerprint is {@code stored}: the index and
   * this node's memory of its complainant's filings take it as a first filing, as a restart would,
   * no longer as a telling of the original the operator rejected (a later re-filing of it is its
   * duplicate, not that original's). Unreadable bytes are ignored. Blocks on a cluster's index:
   * call it off the event loop.
   */
  public void unlinked(byte[] stored) {
    Fingerprint fp;
    try {
      fp = Fingerprint.fromBytes(stored);
    } catch (IllegalArgumentException e) {
      return;
    }
    index.restore(fp, null, 0);
    asFirstFiling(fp);
  }

  /** {@code fp} in this node's memory as a first filing, not a telling of another's matter. */
  private void asFirstFiling(Fingerprint fp) {
    recent.forget(fp);
    rememberFirstFiling(recent, fp);
  }

  /** Whether {@code fp} is held in the space of matters outside market regulation (a transfer). */
  static boolean heldOutside(Fingerprint fp) {
    return fp.indexable() && fp.blockingKey().startsWith(OUTSIDE);
  }

  /**
   * {@code fp}, a stored or corrected first filing, in {@code recent}: a transfer as its person's
   * filing only (it teaches no market spelling), any other as its person's and a spelling of its
   * merchant.
   */
  static void rememberFirstFiling(RecentFilings recent, Fingerprint fp) {
    if (heldOutside(fp)) {
      recent.rememberPerson(fp);
    } else {
      recent.remember(fp);
    }
  }

  public DedupIndex index() {
    return index;
  }

  static DedupRecord toRecord(UUID id, IntakeRequest r) {
    Complainant c = r.complainant();
    Merchant m = r.merchant();
    return new DedupRecord(
        id,
        r.receivedAt().toInstant(),
        c == null ? null : c.phone(),
        c == null ? null : c.idNumber(),
        m == null ? null : m.nameOrDescription(r.content()),
        m == null ? null : m.creditCode(),
        m == null ? null : m.address(),
        m == null ? null : m.platform(),
        r.content(),
        r.amount(),
        occurredOn(r.occurredAt()));
  }

  /**
   * The date part of {@code occurred_at}, which the parser has already validated ({@code
   * yyyy-MM-dd} first): read by position, without the ISO formatter.
   */
  static LocalDate occurredOn(String occurredAt) {
    if (occurredAt == null || occurredAt.length() < 10) {
      return null;
    }
    return LocalDate.of(
        Integer.parseInt(occurredAt, 0, 4, 10),
        Integer.parseInt(occurredAt, 5, 7, 10),
        Integer.parseInt(occurredAt, 8, 10, 10));
  }
}
