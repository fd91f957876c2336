package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.sla.WorkingCalendar;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("the board's snapshots")
class BoardServiceTest {

  @Test
  @DisplayName("a failed round keeps the last snapshot, marked stale")
  void stale(Vertx vertx, VertxTestContext ctx) {
    Pool pool = SharedDatabase.pool(vertx);
    BoardService board =
        new BoardService(
            vertx,
            new BoardStore(vertx, pool),
            BoardOptions.defaults(),
            WorkingCalendar.bundled(),
            Routing.xiamen().districtNames(),
            Duration.ofDays(7),
            Clock.systemUTC());
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
}
