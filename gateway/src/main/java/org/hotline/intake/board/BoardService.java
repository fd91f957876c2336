package org.hotline.intake.board;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import org.hotline.intake.sla.SlaClock;
import org.hotline.intake.sla.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status board's data: a snapshot taken by a timer, never by a request. Each round runs the
 * three aggregate queries at once on the reactive pool and, when they are done, schedules the next
 * round one interval later, so rounds never overlap however slow the database. Requests read the
 * last snapshot, already encoded: a wall of screens polling every few seconds costs the database
 * nothing more. Each node takes its own snapshot (a few cheap queries every few seconds).
 *
 * <p>When a round fails the last good snapshot stays, marked {@code "stale": true}, so a screen
 * says its figures are old instead of going blank.
 */
public final class BoardService {
  private static final Logger LOG = LoggerFactory.getLogger(BoardService.class);
  private static final ZoneOffset CST = ZoneOffset.ofHours(8);

  /** How often per-minute intake counts older than a day are deleted. */
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  private final Vertx vertx;
  private final BoardStore store;
  private final BoardOptions options;
  private final WorkingCalendar calendar;
  private final Duration groupWindow;
  private final Clock clock;
  private final Snapshot snapshot;

  private OffsetDateTime lastPrune;
  private volatile Buffer json;
  private JsonObject lastGood;
  private volatile boolean stopped;
  private volatile long timer = -1;

  /**
   * @param districtNames division code → name of each district bureau, in board order
   * @param groupWindow how far apart complaints still join one group (the dedup cluster window)
   */
  public BoardService(
      Vertx vertx,
      BoardStore store,
      BoardOptions options,
      WorkingCalendar calendar,
      Map<String, String> districtNames,
      Duration groupWindow,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.options = options;
    this.calendar = calendar;
    this.groupWindow = groupWindow;
    this.clock = clock;
    this.snapshot = new Snapshot(districtNames, new Targets(options, calendar), options);
    this.json = new JsonObject().put("stale", true).put("status", "starting").toBuffer();
  }

  /**
   * Takes the first snapshot, then keeps refreshing. The future completes once the first round has
   * ended, successfully or not (the board then says it is stale), so a slow database never keeps
   * the gateway from starting.
   */
  public Future<Void> start() {
    Context context = vertx.getOrCreateContext();
    Promise<Void> first = Promise.promise();
    context.runOnContext(v -> round().onComplete(ar -> first.complete()));
    return first.future();
  }

  /** The last snapshot as JSON, ready to send. */
  public Buffer json() {
    return json;
  }

  /** No round after this one; called before the pool closes. */
  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  /** One round, then the next one scheduled. */
  private Future<Void> round() {
    return refresh()
        .onComplete(
            ar -> {
              if (!stopped) {
                timer = vertx.setTimer(options.refreshInterval().toMillis(), id -> round());
              }
            });
  }

  Future<Void> refresh() {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(CST);
    var queues = store.queues(SlaClock.atRiskCutoff(now, calendar));
    var intake = store.intakePerMinute();
    if (lastPrune == null || Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
      lastPrune = now;
      store
          .pruneIntake()
          .onFailure(e -> LOG.warn("intake counts not pruned: {}", e.getClass().getName()));
    }
    var groups = store.groups(groupWindow, options.groupsShown());
    return Future.all(queues, intake, groups)
        .map(
            all -> {
              Snapshot.Figures f =
                  new Snapshot.Figures(
                      queues.result(),
                      intake.result(),
                      groups.result(),
                      groupWindow,
                      CalendarBanner.check(
                          calendar, now.toLocalDate(), options.calendarHorizonDays()),
                      new ArrayList<>(calendar.coveredYears()));
              lastGood = snapshot.build(f, now);
              json = lastGood.toBuffer();
              return (Void) null;
            })
        .recover(
            e -> {
              if (!stopped) {
                LOG.warn("status board refresh failed: {}", e.getClass().getName());
                JsonObject stale =
                    lastGood == null ? new JsonObject().put("status", "starting") : lastGood.copy();
                json = stale.put("stale", true).toBuffer();
              }
              return Future.succeededFuture();
            });
  }
}
