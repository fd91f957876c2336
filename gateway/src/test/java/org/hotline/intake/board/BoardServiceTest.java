package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.sla.WorkingCalendar;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.StallingProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("the board's snapshots")
class BoardServiceTest {

  /** A board of Xiamen's districts on {@code pool}, its clock for reads {@code nanos}. */
  private static BoardService board(
      Vertx vertx, Pool pool, Duration refreshInterval, AtomicLong nanos) {
    return new BoardService(
        vertx,
        new BoardStore(vertx, pool),
        BoardOptions.defaults().withRefreshInterval(refreshInterval),
        WorkingCalendar.bundled(),
        Routing.xiamen().districtNames(),
        Duration.ofDays(7),
        Clock.systemUTC(),
        nanos::get);
  }

  @Test
  @DisplayName("a failed round keeps the last snapshot, marked stale")
  void stale(Vertx vertx, VertxTestContext ctx) {
    Pool pool = SharedDatabase.pool(vertx);
    BoardService board =
        board(vertx, pool, BoardOptions.DEFAULT_REFRESH_INTERVAL, new AtomicLong());
    board
        .refresh()
        .compose(
            v -> {
              ctx.verify(
                  () -> assertThat(new JsonObject(board.json()).getBoolean("stale")).isFalse());
              return pool.close();
            })
        .compose(v -> board.refresh())
        .onComplete(
            ctx.succeeding(
                v ->
                    ctx.verify(
                        () -> {
                          JsonObject json = new JsonObject(board.json());
                          assertThat(json.getBoolean("stale")).isTrue();
                          assertThat(json.getJsonArray("queues")).hasSize(8);
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("nobody reading: the rounds query nothing; the first read wakes them")
  void onlyWhileWatched(Vertx vertx, VertxTestContext ctx) {
    AtomicLong nanos = new AtomicLong();
    BoardService board = board(vertx, SharedDatabase.pool(vertx), Duration.ofMillis(100), nanos);
    board
        .start()
        .compose(
            v -> {
              // Nobody has read it for longer than a watch lasts; five timer rounds go by.
              nanos.addAndGet(BoardService.WATCHED_FOR.plusSeconds(1).toNanos());
              return vertx.timer(550, TimeUnit.MILLISECONDS);
            })
        .compose(
            v -> {
              ctx.verify(() -> assertThat(board.rounds()).isEqualTo(1));
              return board.read();
            })
        .compose(
            json -> {
              ctx.verify(
                  () -> {
                    assertThat(board.rounds()).isEqualTo(2);
                    assertThat(new JsonObject(json).getBoolean("stale")).isFalse();
                  });
              return vertx.timer(550, TimeUnit.MILLISECONDS);
            })
        .onComplete(
            ctx.succeeding(
                v ->
                    ctx.verify(
                        () -> {
                          // Watched again: the timer's rounds query once more.
                          assertThat(board.rounds()).isGreaterThanOrEqualTo(4);
                          board.stop();
                          ctx.completeNow();
                        })));
  }

  /** A pool whose connections pass through {@code proxy}, which can stall the database. */
  private static Pool through(Vertx vertx, StallingProxy proxy) {
    return PgBuilder.pool()
        .connectingTo(PgConnectOptions.fromUri(SharedDatabase.urlVia(proxy.port())))
        .using(vertx)
        .build();
  }

  @Test
  @DisplayName("a read that wakes the board and waits in vain gets the last snapshot, marked stale")
  void wokenInVain(Vertx vertx, VertxTestContext ctx) throws Exception {
    StallingProxy proxy = StallingProxy.to(SharedDatabase.port());
    AtomicLong nanos = new AtomicLong();
    BoardService board =
        board(vertx, through(vertx, proxy), BoardOptions.DEFAULT_REFRESH_INTERVAL, nanos);
    board
        .start()
        .compose(
            v -> {
              ctx.verify(
                  () -> assertThat(new JsonObject(board.json()).getBoolean("stale")).isFalse());
              // Nobody watched for a while, and now the database does not answer.
              nanos.addAndGet(BoardService.WATCHED_FOR.plusSeconds(1).toNanos());
              proxy.stall();
              return board.read();
            })
        .onComplete(
            ctx.succeeding(
                json ->
                    ctx.verify(
                        () -> {
                          JsonObject read = new JsonObject(json);
                          assertThat(read.getBoolean("stale")).isTrue();
                          assertThat(read.getJsonArray("queues")).hasSize(8);
                          board.stop();
                          proxy.resume();
                          proxy.close();
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName(
      "while the database hangs, every reader gets the old snapshot marked stale, not only the one"
          + " who woke the board")
  void staleForEveryReader(Vertx vertx, VertxTestContext ctx) throws Exception {
    StallingProxy proxy = StallingProxy.to(SharedDatabase.port());
    AtomicLong nanos = new AtomicLong();
    BoardService board =
        board(vertx, through(vertx, proxy), BoardOptions.DEFAULT_REFRESH_INTERVAL, nanos);
    board
        .start()
        .compose(
            v -> {
              nanos.addAndGet(BoardService.WATCHED_FOR.plusSeconds(1).toNanos());
              proxy.stall();
              return board.read(); // wakes the board: its round hangs
            })
        .compose(
            first -> {
              ctx.verify(() -> assertThat(new JsonObject(first).getBoolean("stale")).isTrue());
              return board.read(); // the round just started: no wake-up of its own
            })
        .onComplete(
            ctx.succeeding(
                json ->
                    ctx.verify(
                        () -> {
                          assertThat(new JsonObject(json).getBoolean("stale")).isTrue();
                          board.stop();
                          proxy.resume();
                          proxy.close();
                          ctx.completeNow();
                        })));
  }
}
