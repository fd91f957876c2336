package org.hotline.intake.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("work a slice per event-loop turn")
class LoopSlicesTest {
  @Test
  @DisplayName("does a slice in this turn and the rest in later ones, in order, then ends once")
  void slices(Vertx vertx, VertxTestContext ctx) {
    List<Integer> seen = new ArrayList<>();
    List<Integer> doneBetweenTurns = new ArrayList<>();
    int[] ended = {0};
    vertx.runOnContext(
        v -> {
          LoopSlices.run(
              100,
              32,
              TimeUnit.SECONDS.toNanos(10),
              i -> {
                seen.add(i);
                if (i == 0) {
                  // Runs once the first turn is over.
                  vertx.runOnContext(x -> doneBetweenTurns.add(seen.size()));
                }
              },
              () -> ended[0]++);
          // Nothing past the first slice yet, and not ended.
          doneBetweenTurns.add(seen.size());
          doneBetweenTurns.add(ended[0]);
          vertx.setTimer(
              200,
              t ->
                  ctx.verify(
                      () -> {
                        assertThat(doneBetweenTurns).startsWith(32, 0);
                        assertThat(doneBetweenTurns.get(2)).isBetween(32, 99);
                        assertThat(seen).hasSize(100);
                        for (int i = 0; i < 100; i++) {
                          assertThat(seen.get(i)).isEqualTo(i);
                        }
                        assertThat(ended[0]).isEqualTo(1);
                        ctx.completeNow();
                      }));
        });
  }

  @Test
  @DisplayName("ends a slice when its time is up, before its count")
  void timeBound(Vertx vertx, VertxTestContext ctx) {
    List<Integer> firstTurn = new ArrayList<>();
    int[] done = {0};
    vertx.runOnContext(
        v -> {
          LoopSlices.run(
              10,
              32,
              TimeUnit.MILLISECONDS.toNanos(5),
              i -> {
                done[0]++;
                busy(TimeUnit.MILLISECONDS.toNanos(3));
              },
              () ->
                  ctx.verify(
                      () -> {
                        assertThat(firstTurn).hasSize(1);
                        assertThat(firstTurn.get(0)).isBetween(1, 2);
                        assertThat(done[0]).isEqualTo(10);
                        ctx.completeNow();
                      }));
          firstTurn.add(done[0]);
        });
  }

  /** Works (does not sleep) for {@code nanos}, as a slow item does. */
  private static void busy(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  @DisplayName(
      "without an event loop, or with nothing to do or an item that throws, does everything now")
  void now() {
    List<Integer> seen = new ArrayList<>();
    int[] ended = {0};
    LoopSlices.run(70, seen::add, () -> ended[0]++);
    assertThat(seen).hasSize(70);
    assertThat(ended[0]).isEqualTo(1);
    LoopSlices.run(0, seen::add, () -> ended[0]++);
    assertThat(ended[0]).isEqualTo(2);
    // An item that throws is reported, and the others and the end still run.
    seen.clear();
    LoopSlices.run(
        5,
        i -> {
          if (i == 1) {
            throw new IllegalStateException("an item's bug");
          }
          seen.add(i);
        },
        () -> ended[0]++);
    assertThat(seen).containsExactly(0, 2, 3, 4);
    assertThat(ended[0]).isEqualTo(3);
    assertThatThrownBy(() -> LoopSlices.run(1, 0, 1, seen::add, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
