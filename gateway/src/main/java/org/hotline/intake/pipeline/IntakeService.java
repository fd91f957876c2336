package org.hotline.intake.pipeline;

import io.vertx.core.Future;
import java.security.MessageDigest;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict;
import org.hotline.intake.privacy.RecordSealer;
import org.hotline.intake.routing.Route;
import org.hotline.intake.store.GroupCommitWriter;
import org.hotline.intake.store.Ids;
import org.hotline.intake.store.PendingRecord;
import org.hotline.intake.store.WriteResult;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.verdict.DedupService;
import org.hotline.intake.verdict.Verdict;

/**
 * One record through the intake pipeline: strict parse, idempotency claim, verdict, route,
 * deadlines, group commit. One instance per event loop, since it feeds that loop's writer; the
 * other parts are shared and thread-safe.
 *
 * <p>{@link #submit} succeeds only after COMMIT (or with the stored verdict of a replay) and fails
 * with {@link org.hotline.intake.validation.InvalidRequestException}, {@link InFlightException},
 * {@link IdempotencyConflictException}, {@link GroupCommitWriter.WriterBusyException}, {@link
 * org.hotline.intake.store.DatabaseUnavailableException}, or anything else for a bug. Every step
 * runs inside the Future chain, so a step that throws still releases the idempotency key and takes
 * its judgement back out of the index.
 */
public final class IntakeService {
  private final ComplaintParser parser;
  private final Judge judge;
  private final Placement placement;
  private final InFlightKeys inFlight;
  private final CommitTracker commits;
  private final GroupCommitWriter writer;
  private final IntakeObserver observer;
  private final RecordSealer sealer;

  public IntakeService(
      ComplaintParser parser,
      Judge judge,
      Placement placement,
      InFlightKeys inFlight,
      CommitTracker commits,
      GroupCommitWriter writer,
      RecordSealer sealer) {
    this(parser, judge, placement, inFlight, commits, writer, sealer, IntakeObserver.NONE);
  }

  /**
   * @param sealer seals the complainant's phone and ID number before the record is written
   */
  public IntakeService(
      ComplaintParser parser,
      Judge judge,
      Placement placement,
      InFlightKeys inFlight,
      CommitTracker commits,
      GroupCommitWriter writer,
      RecordSealer sealer,
      IntakeObserver observer) {
    this.observer = observer;
    this.sealer = sealer;
    this.parser = parser;
    this.judge = judge;
    this.placement = placement;
    this.inFlight = inFlight;
    this.commits = commits;
    this.writer = writer;
  }

  /** The record posted by {@code channel} as raw bytes, through the whole pipeline. */
  public Future<Outcome> submit(String channel, byte[] body) {
    // compose turns a synchronous throw of its function into a failed Future.
    return Future.succeededFuture(body)
        .map(parser::parse)
        .compose(request -> claimed(channel, request));
  }

  private Future<Outcome> claimed(String channel, IntakeRequest request) {
    String key = PendingRecord.idempotencyKey(channel, request.sourceId());
    if (!inFlight.claim(key)) {
      return Future.failedFuture(new InFlightException());
    }
    UUID id = Ids.newId();
    commits.begin(id);
    return Future.succeededFuture(request)
        .compose(r -> judged(channel, id, r))
        .andThen(
            ar -> {
              commits.settle(id);
              inFlight.release(key);
            });
  }

  private Future<Outcome> judged(String channel, UUID id, IntakeRequest request) {
    return judge
        .judge(id, request)
        .compose(
            judgement ->
                Future.succeededFuture(judgement)
                    .compose(j -> write(channel, id, request, j))
                    .andThen(
                        ar -> {
                          if (!(ar.result() instanceof WriteResult.Stored)) {
                            judge.retract(judgement);
                          }
                        }))
        .compose(result -> outcome(request, result));
  }

  /** Route and deadlines, then the writer once the records this one links to have settled. */
  private Future<WriteResult> write(
      String channel, UUID id, IntakeRequest request, DedupService.Judgement judged) {
    DedupVerdict dedup = judged.verdict();
    boolean links = dedup.duplicateOf() != null || !dedup.joinedWith().isEmpty();
    Route route = placement.route(request);
    PendingRecord record =
        new PendingRecord(
            id,
            channel,
            request.sourceId(),
            request.contentHash(),
            request.type().wire(),
            request.receivedAt(),
            // A few AES-GCM operations (microseconds): cheap enough for the event loop.
            sealer.seal(id, request.normalized()),
            placement.place(channel, request, Verdict.of(id, dedup, judged.grievance()), route),
            judged.fingerprint().blockingKey(),
            judged.fingerprint().toBytes(),
            dedup.escalated(),
            dedup.joinedWith(),
            // What it is stored as if a record it links to never commits (see store/BatchInsert).
            links
                ? placement.place(
                    channel, request, Verdict.acceptedToTriage(id, judged.grievance()), route)
                : null,
            sealer.activeKeyId());
    return commits
        .awaitSettled(record.linkTargets())
        .compose(v -> writer.submit(record))
        .andThen(
            ar -> {
              if (ar.result() instanceof WriteResult.Stored stored) {
                observer.stored(dedup, route, stored.verdict());
              }
            });
  }

  private static Future<Outcome> outcome(IntakeRequest request, WriteResult result) {
    if (result instanceof WriteResult.Existing existing) {
      if (MessageDigest.isEqual(existing.contentHash(), request.contentHash())) {
        return Future.succeededFuture(new Outcome(existing.verdict(), true));
      }
      return Future.failedFuture(new IdempotencyConflictException());
    }
    return Future.succeededFuture(new Outcome(((WriteResult.Stored) result).verdict(), false));
  }
}
