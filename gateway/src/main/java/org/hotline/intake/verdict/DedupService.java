package org.hotline.intake.verdict;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.hotline.dedup.DedupIndex;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.grievance.Grievance;
import org.hotline.dedup.grievance.GrievanceClassifier;
import org.hotline.intake.validation.Complainant;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.validation.Merchant;

/**
 * The gateway's side of duplicate and group detection: reads the record's grievance, turns a
 * validated request into a fingerprint and asks the index, whose decision is atomic per merchant
 * (or complainant).
 */
public final class DedupService {
  private final Fingerprinter fingerprinter;
  private final GrievanceClassifier grievances;
  private final DedupIndex index;

  public DedupService(
      Fingerprinter fingerprinter, GrievanceClassifier grievances, DedupIndex index) {
    this.fingerprinter = fingerprinter;
    this.grievances = grievances;
    this.index = index;
  }

  /** A fingerprint and the index's verdict on it. */
  public record Judgement(Fingerprint fingerprint, DedupVerdict verdict) {
    /** The grievance read from the record, carried by its fingerprint. */
    public Grievance grievance() {
      return fingerprint.grievance();
    }
  }

  /** Fingerprints the record and decides it; the index now holds it unless it is a duplicate. */
  public Future<Judgement> judge(UUID id, IntakeRequest request) {
    // In cluster mode the merchant's aliases and the index are Hazelcast maps: each step of the
    // chain starts on this event loop (Hazelcast forbids remote calls from its own threads), and
    // the judgement comes back to it, because it owns the writer the judgement goes to next. In
    // memory the chain completes before returning.
    Context context = Vertx.currentContext();
    Executor onContext =
        context == null ? ForkJoinPool.commonPool() : task -> context.runOnContext(v -> task.run());
    CompletionStage<Judgement> judged;
    try {
      judged =
          fingerprinter
              .fingerprintAsync(withGrievance(toRecord(id, request), request), onContext)
              .thenCompose(fp -> index.decide(fp).thenApply(v -> new Judgement(fp, v)));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return context == null
        ? Future.fromCompletionStage(judged)
        : Future.fromCompletionStage(judged, context);
  }

  /** The record with the grievance read from its category and text: one pass, on this thread. */
  private DedupRecord withGrievance(DedupRecord r, IntakeRequest request) {
    return r.withGrievance(grievances.classify(request.category(), request.content()));
  }

  /** Takes back a judgement whose record was not committed (a replay, or a failed batch). */
  public void retract(Judgement judgement) {
    index.forget(judgement.fingerprint());
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
        m == null ? null : m.name(),
        m == null ? null : m.creditCode(),
        m == null ? null : m.address(),
        m == null ? null : m.platform(),
        r.content(),
        r.amount(),
        occurredOn(r.occurredAt()));
  }

  /** The date part of {@code occurred_at}, which the parser has already validated. */
  static LocalDate occurredOn(String occurredAt) {
    if (occurredAt == null || occurredAt.length() < 10) {
      return null;
    }
    return LocalDate.parse(occurredAt.substring(0, 10));
  }
}
