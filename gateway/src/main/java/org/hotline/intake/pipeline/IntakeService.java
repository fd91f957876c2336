package org.hotline.intake.pipeline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
  /**
   * How long a copy of a record waits for the same (channel, source_id) already in flight on this
   * node before it is answered 409. An upstream's transport retry often reaches the gateway while
   * its original is still being committed, a few milliseconds from its answer; waiting for it lets
   * the retry be answered as a replay (200, the original verdict) or a conflict (422), as if it had
   * come a moment later, instead of a 409 that sends the upstream into a back-off. One second
   * covers a commit's wait many times over; beyond it the original is held up by the database, and
   * the retry is better told to come back.
   */
  public static final long IN_FLIGHT_WAIT_MS = 1000;

  private final ComplaintParser parser;
  private final Judge judge;
  private final Placement placement;
  private final InFlightKeys inFlight;
  private final CommitTracker commits;
  private final GroupCommitWriter writer;
  private final IntakeObserver observer;
  private final RecordSealer sealer;
  private final GroupPlaces groups;

  public IntakeService(
      ComplaintParser parser,
      Judge judge,
      Placement placement,
      InFlightKeys inFlight,
      CommitTracker commits,
      GroupCommitWriter writer,
      RecordSealer sealer) {
    this(
        parser,
        judge,
        placement,
        inFlight,
        commits,
        writer,
        sealer,
        IntakeObserver.NONE,
        GroupPlaces.NONE);
  }

  /**
   * @param sealer seals the complainant's phone and ID number before the record is written
   * @param groups where a group's members went, for a member whose filing does not place its shop
   */
  public IntakeService(
      ComplaintParser parser,
      Judge judge,
      Placement placement,
      InFlightKeys inFlight,
      CommitTracker commits,
      GroupCommitWriter writer,
      RecordSealer sealer,
      IntakeObserver observer,
      GroupPlaces groups) {
    this.groups = groups;
    this.observer = observer;
    this.sealer = sealer;
    this.parser = parser;
    this.judge = judge;
    this.placement = placement;
    this.inFlight = inFlight;
    this.commits = commits;
    this.writer = writer;
  }

  /**
   * Holds this service's writer open for a batch request being taken ({@link
   * GroupCommitWriter#hold}).
   */
  public Runnable hold() {
    return writer.hold();
  }

  /** The record posted by {@code channel} as raw bytes, through the whole pipeline. */
  public Future<Outcome> submit(String channel, byte[] body) {
    // compose turns a synchronous throw of its function into a failed Future.
    return Future.succeededFuture(body)
        .map(parser::parse)
        .compose(request -> claimed(channel, request));
  }

  private Future<Outcome> claimed(String channel, IntakeRequest request) {
    return claimed(channel, request, System.nanoTime() + IN_FLIGHT_WAIT_MS * 1_000_000);
  }

  /**
   * Claims the record's key and takes it through the pipeline; while another copy holds the key,
   * waits for that copy to settle (until {@code waitUntil}, a {@link System#nanoTime} instant) and
   * tries again: the stored row then answers it (replay or conflict), or, if the first copy was not
   * stored, this one goes through.
   */
  private Future<Outcome> claimed(String channel, IntakeRequest request, long waitUntil) {
    String key = PendingRecord.idempotencyKey(channel, request.sourceId());
    if (!inFlight.claim(key)) {
      long left = waitUntil - System.nanoTime();
      if (Vertx.currentContext() == null || left <= 0) {
        return Future.failedFuture(new InFlightException());
      }
      // released() never fails, so a failure here is the timeout: still in flight.
      return inFlight
          .released(key)
          .timeout(left, TimeUnit.NANOSECONDS)
          .recover(e -> Future.failedFuture(new InFlightException()))
          .compose(v -> claimed(channel, request, waitUntil));
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
    Route own = placement.route(request);
    return (Route.TRANSFER.equals(own.queue())
            ? judge.judgeOutside(id, request)
            : judge.judge(id, request))
        .compose(
            judgement ->
                Future.succeededFuture(judgement)
                    .compose(j -> placed(channel, id, request, j, own))
                    .andThen(
                        ar -> {
                          if (!(ar.result() instanceof WriteResult.Stored)) {
                            judge.retract(judgement);
                          }
                        }))
        .compose(result -> outcome(request, result));
  }

  /**
   * Route and deadlines, then the writer once the records this one links to have settled. A group
   * member whose filing places no shop goes where its group's members went ({@link GroupPlaces}),
   * looked up once the members it joins with have settled.
   */
  private Future<WriteResult> placed(
      String channel, UUID id, IntakeRequest request, DedupService.Judgement judged, Route own) {
    DedupVerdict dedup = judged.verdict();
    if (dedup.kind() != DedupVerdict.Kind.CLUSTERED || !own.unplaced()) {
      return write(channel, id, request, judged, own);
    }
    return commits
        .awaitSettled(dedup.joinedWith())
        .compose(v -> groups.district(dedup.clusterId(), dedup.joinedWith()))
        .compose(
            district ->
                write(
                    channel,
                    id,
                    request,
                    judged,
                    district == null ? own : Route.toDistrict(district, Route.GROUP)));
  }

  private Future<WriteResult> write(
      String channel, UUID id, IntakeRequest request, DedupService.Judgement judged, Route route) {
    DedupVerdict dedup = judged.verdict();
    boolean links = dedup.duplicateOf() != null || !dedup.joinedWith().isEmpty();
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
            judged.ownKey(),
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
                if (links && demoted(stored.verdict())) {
                  judge.demoted(judged, record.linkTargets());
                }
              }
            });
  }

  /** A stored verdict without the links its judgement gave: a link target was not committed. */
  private static boolean demoted(io.vertx.core.json.JsonObject stored) {
    return stored.getValue("duplicate_of") == null && stored.getValue("cluster_id") == null;
  }

  private static Future<Outcome> outcome(IntakeRequest request, WriteResult result) {
    if (result instanceof WriteResult.Existing existing) {
      if (MessageDigest.isEqual(existing.contentHash(), request.contentHash())) {
        return Future.succeededFuture(
            new Outcome(existing.verdict(), true, existing.verdict().encode()));
      }
      return Future.failedFuture(new IdempotencyConflictException());
    }
    WriteResult.Stored stored = (WriteResult.Stored) result;
    return Future.succeededFuture(new Outcome(stored.verdict(), false, stored.encoded()));
  }
}
