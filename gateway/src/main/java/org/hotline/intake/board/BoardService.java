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
import java.util.function.LongSupplier;
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
 * <p>The rounds run while somebody watches: once nobody has read the board for {@link
 * #WATCHED_FOR}, the timer keeps ticking but queries nothing (the queue query reads every open
 * item: during a backlog of half a million items, about a quarter of a second of one database core
 * every round, 7% of the database's CPU at saturation; BENCHMARKS.md "An unwatched board"). The
 * first read after that asks for a round and waits for it at most {@link #WAKE_WAIT_MS}, so a
 * screen switched on sees fresh figures, and the timer's rounds resume.
 *
 * <p>When a round fails the last good snapshot stays, marked {@code "stale": true}, so a screen
 * says its figures are old instead of going blank. A read that waited for a round in vain gets the
 * old snapshot marked stale too.
 */
public final class BoardService {
  private static final Logger LOG = LoggerFactory.getLogger(BoardService.class);
  private static final ZoneOffset CST = ZoneOffset.ofHours(8);

  /** How often per-minute intake counts older than a day are deleted. */
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  /** How long after the last read the timer's rounds keep querying. */
  static final Duration WATCHED_FOR = Duration.ofMinutes(1);

  /** How long the first read of a board nobody watched waits for a fresh snapshot. */
  static final long WAKE_WAIT_MS = 2000;

  private final Vertx vertx;
  private final BoardStore store;
  private final BoardOptions options;
  private final WorkingCalendar calendar;
  private final Duration groupWindow;
  private final Clock clock;
  private final Snapshot snapshot;
  private final LongSupplier nanoClock;

  private OffsetDateTime lastPrune;
  private volatile Buffer json;
  private volatile JsonObject lastGood;
  private volatile boolean stopped;
  private volatile long timer = -1;
  private Context context;

  /** The round running now, if any; only touched on {@link #context}. */
  private Future<Void> refreshing;

  /** {@link #nanoClock} at the last read. */
  private volatile long lastRead;

  /** {@link #nanoClock} when the last round's queries started. */
  private volatile long lastRefresh;

  /** {@link #nanoClock} when the last successful round's queries started: its snapshot's age. */
  private volatile long lastSuccess;

  /** Rounds that ran the queries (tests). */
  private volatile long rounds;

  /**
   * @param districtNames division code → name of each district bureau, in board order
   * @param groupWindow how far apart complaints still join one group (the dedup cluster window)
   * @param nanoClock {@link System#nanoTime}, but in tests: when the board was last read
   */
  public BoardService(
      Vertx vertx,
      BoardStore store,
      BoardOptions options,
      WorkingCalendar calendar,
      Map<String, String> districtNames,
      Duration groupWindow,
      Clock clock,
      LongSupplier nanoClock) {
    this.vertx = vertx;
    this.nanoClock = nanoClock;
    this.store = store;
    this.options = options;
    this.calendar = calendar;
    this.groupWindow = groupWindow;
    this.clock = clock;
    this.snapshot = new Snapshot(districtNames, new Targets(options, calendar), options);
    this.json = new JsonObject().put("stale", true).put("status", "starting").toBuffer();
    this.lastRead = nanoClock.getAsLong();
  }

  /**
   * Takes the first snapshot, then keeps refreshing. The future completes once the first round has
   * ended, successfully or not (the board then says it is stale), so a slow database never keeps
   * the gateway from starting.
   */
  public Future<Void> start() {
    context = vertx.getOrCreateContext();
    Promise<Void> first = Promise.promise();
    context.runOnContext(v -> round().onComplete(ar -> first.complete()));
    return first.future();
  }

  /** The last snapshot as JSON, ready to send. */
  public Buffer json() {
    return json;
  }

  /**
   * The snapshot for a reader, who counts as watching. If nobody had watched, so that no round has
   * queried for two intervals, asks for one and waits for it at most {@link #WAKE_WAIT_MS}; a
   * snapshot still old then is answered marked stale. Never fails; callable from any thread.
   */
  public Future<Buffer> read() {
    long now = nanoClock.getAsLong();
    lastRead = now;
    if (context == null
        || now - lastRefresh <= 2 * options.refreshInterval().toNanos()
        || stopped) {
      return Future.succeededFuture(current(now));
    }
    Promise<Buffer> done = Promise.promise();
    context.runOnContext(v -> refreshOnce().onComplete(ar -> done.tryComplete(json)));
    long wait =
        vertx.setTimer(
            WAKE_WAIT_MS,
            id -> {
              JsonObject old =
                  lastGood == null ? new JsonObject().put("status", "starting") : lastGood.copy();
              done.tryComplete(old.put("stale", true).toBuffer());
            });
    return done.future().andThen(ar -> vertx.cancelTimer(wait));
  }

  /**
   * The last snapshot, marked stale when it was taken more than two intervals ago: a round that
   * hangs on the database has neither failed nor succeeded, and a reader who came after another
   * one's wake-up would otherwise get the old figures as live (the flag went true, false, true).
   */
  private Buffer current(long now) {
    if (lastGood != null && now - lastSuccess > 2 * options.refreshInterval().toNanos()) {
      return lastGood.copy().put("stale", true).toBuffer();
    }
    return json;
  }

  /** Rounds that ran the queries so far (tests). */
  long rounds() {
    return rounds;
  }

  /** No round after this one; called before the pool closes. */
  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  /** One round (the queries only if somebody watches), then the next one scheduled. */
  private Future<Void> round() {
    boolean watched = nanoClock.getAsLong() - lastRead < WATCHED_FOR.toNanos();
    return (watched ? refreshOnce() : pruneIfDue())
        .onComplete(
            ar -> {
              if (!stopped) {
                timer = vertx.setTimer(options.refreshInterval().toMillis(), id -> round());
              }
            });
  }

  /** The round running now, or a new one; on {@link #context}. */
  private Future<Void> refreshOnce() {
    if (refreshing == null) {
      Future<Void> round = refresh();
      if (!round.isComplete()) {
        refreshing = round;
        round.onComplete(ar -> refreshing = null);
      }
      return round;
    }
    return refreshing;
  }

  /** Deletes per-minute intake counts older than a day, once an hour; does not wait for it. */
  private Future<Void> pruneIfDue() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (lastPrune == null || Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
      lastPrune = now;
      store
          .pruneIntake()
          .onFailure(e -> LOG.warn("intake counts not pruned: {}", e.getClass().getName()));
    }
    return Future.succeededFuture();
  }

  Future<Void> refresh() {
    long started = nanoClock.getAsLong();
    lastRefresh = started;
    rounds++;
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(CST);
    var queues = store.queues(SlaClock.atRiskCutoff(now, calendar));
    var intake = store.intakePerMinute();
    pruneIfDue();
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
              // Its time first: a reader who sees the new snapshot must not find it old.
              lastSuccess = started;
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
