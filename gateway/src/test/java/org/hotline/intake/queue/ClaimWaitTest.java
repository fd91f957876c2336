package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.intake.store.StoredComplaint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The long poll's state machine, with claims the test holds in flight, so the timer and the NOTIFY
 * race in a fixed order.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("a long-polling claim")
class ClaimWaitTest {
  private static final String ADDRESS = QueueNotifier.address("claim-wait-test");

  /** Claims the test completes by hand, in order. */
  private static final class HeldClaims {
    final List<Promise<List<QueueStore.Claimed>>> calls = new ArrayList<>();
    final List<List<QueueStore.Claimed>> released = new ArrayList<>();

    Future<List<QueueStore.Claimed>> claim() {
      Promise<List<QueueStore.Claimed>> p = Promise.promise();
      calls.add(p);
      return p.future();
    }

    Future<Void> release(List<QueueStore.Claimed> items) {
      released.add(items);
      return Future.succeededFuture();
    }
  }

  private static QueueStore.Claimed item() {
    OffsetDateTime now = OffsetDateTime.now();
    StoredComplaint c =
        new StoredComplaint(
            UUID.randomUUID(),
            "phone",
            "s",
            "complaint",
            now,
            now,
            "new",
            "q",
            new JsonObject(),
            new JsonObject(),
            null,
            null,
            new JsonObject());
    return new QueueStore.Claimed(c, UUID.randomUUID(), now.plusMinutes(5));
  }

  @Test
  @DisplayName(
      "when its wait ends while a claim woken by NOTIFY is in flight, that claim answers with its"
          + " items")
  void timerDuringWokenClaim(Vertx vertx, VertxTestContext ctx) {
    HeldClaims held = new HeldClaims();
    QueueStore.Claimed leased = item();
    vertx.runOnContext(
        v -> {
          ClaimWait wait = new ClaimWait(vertx, held::claim, held::release).start(ADDRESS, 50);
          held.calls.get(0).complete(List.of()); // the queue is empty: wait
          vertx.eventBus().publish(ADDRESS, "work"); // NOTIFY: a second claim starts
          vertx.setTimer(
              300,
              t -> {
                // The 50 ms wait is long over, with the woken claim still in flight.
                ctx.verify(
                    () -> {
                      assertThat(held.calls).hasSize(2);
                      assertThat(wait.result().isComplete()).as("answered by the timer").isFalse();
                      assertThat(wait.state()).isEqualTo(ClaimWait.State.CLAIMING);
                    });
                held.calls.get(1).complete(List.of(leased));
                ctx.verify(
                    () -> {
                      assertThat(wait.result().result()).containsExactly(leased);
                      assertThat(held.released).isEmpty();
                      assertThat(wait.state()).isEqualTo(ClaimWait.State.DONE);
                    });
                ctx.completeNow();
              });
        });
  }

  @Test
  @DisplayName("a drain ends its wait: it answers empty at once, long before the wait would end")
  void drainEndsTheWait(Vertx vertx, VertxTestContext ctx) {
    HeldClaims held = new HeldClaims();
    vertx.runOnContext(
        v -> {
          ClaimWait wait = new ClaimWait(vertx, held::claim, held::release).start(ADDRESS, 60_000);
          held.calls.get(0).complete(List.of());
          QueueNotifier.endWaits(vertx); // its 60 s wait would outlast the test's own timeout
          wait.result()
              .onComplete(
                  ctx.succeeding(
                      items ->
                          ctx.verify(
                              () -> {
                                assertThat(items).isEmpty();
                                assertThat(wait.state()).isEqualTo(ClaimWait.State.DONE);
                                ctx.completeNow();
                              })));
        });
  }

  @Test
  @DisplayName("when its wait ends with nothing in flight, it answers empty at once")
  void timerWhileIdle(Vertx vertx, VertxTestContext ctx) {
    HeldClaims held = new HeldClaims();
    vertx.runOnContext(
        v -> {
          ClaimWait wait = new ClaimWait(vertx, held::claim, held::release).start(ADDRESS, 50);
          held.calls.get(0).complete(List.of());
          wait.result()
              .onComplete(
                  ctx.succeeding(
                      items ->
                          ctx.verify(
                              () -> {
                                assertThat(items).isEmpty();
                                assertThat(held.calls).hasSize(1);
                                ctx.completeNow();
                              })));
        });
  }

  @Test
  @DisplayName(
      "when its caller leaves during a claim, the claim's leases are handed back and nobody is"
          + " answered items")
  void abandonDuringClaim(Vertx vertx, VertxTestContext ctx) {
    HeldClaims held = new HeldClaims();
    QueueStore.Claimed leased = item();
    vertx.runOnContext(
        v -> {
          ClaimWait wait = new ClaimWait(vertx, held::claim, held::release).start(ADDRESS, 60_000);
          wait.abandon();
          held.calls.get(0).complete(List.of(leased));
          ctx.verify(
              () -> {
                assertThat(held.released).containsExactly(List.of(leased));
                assertThat(wait.result().result()).isEmpty();
                assertThat(wait.state()).isEqualTo(ClaimWait.State.DONE);
              });
          // No further wake-up claims once abandoned.
          vertx.eventBus().publish(ADDRESS, "work");
          vertx.setTimer(
              100,
              t -> {
                ctx.verify(() -> assertThat(held.calls).hasSize(1));
                ctx.completeNow();
              });
        });
  }

  @Test
  @DisplayName("a NOTIFY during a claim that finds nothing makes it claim once more")
  void wokenDuringEmptyClaim(Vertx vertx, VertxTestContext ctx) {
    HeldClaims held = new HeldClaims();
    QueueStore.Claimed leased = item();
    vertx.runOnContext(
        v -> {
          ClaimWait wait = new ClaimWait(vertx, held::claim, held::release).start(ADDRESS, 60_000);
          vertx.eventBus().publish(ADDRESS, "work");
          vertx.setTimer(
              50,
              t -> {
                held.calls.get(0).complete(List.of()); // raced the NOTIFY: found nothing
                ctx.verify(() -> assertThat(held.calls).hasSize(2));
                held.calls.get(1).complete(List.of(leased));
                ctx.verify(() -> assertThat(wait.result().result()).containsExactly(leased));
                ctx.completeNow();
              });
        });
  }
}
