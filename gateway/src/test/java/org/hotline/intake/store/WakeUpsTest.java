package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("intake's wake-ups, at most one per interval")
class WakeUpsTest {
  private static final long INTERVAL_MS = 50;

  private final AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1));
  private final List<List<String>> sent = new CopyOnWriteArrayList<>();

  private WakeUps wakeUps(Vertx vertx, long intervalMs) {
    return new WakeUps(
        vertx,
        intervalMs,
        clock::get,
        queues -> {
          sent.add(List.of(queues));
          return Future.succeededFuture();
        });
  }

  /** Wake-ups whose first batch's queues went with its COMMIT 10 ms ago. */
  private WakeUps tenMsAfterOneBatch(Vertx vertx, long intervalMs) {
    WakeUps w = wakeUps(vertx, intervalMs);
    w.withCommit(new String[] {"350203"});
    advanceMs(10);
    return w;
  }

  private void advanceMs(long ms) {
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
  }

  @Test
  @DisplayName("the first batch's queues go out with its COMMIT, each once")
  void firstWithCommit(Vertx vertx) {
    WakeUps w = wakeUps(vertx, INTERVAL_MS);
    assertThat(w.withCommit(new String[] {"350203", "triage"})).containsExactly("350203", "triage");
    assertThat(w.withCommit(new String[0])).as("nothing waits").isEmpty();
  }

  @Test
  @DisplayName(
      "a batch within the interval waits for its COMMIT, then the timer announces its queues once")
  void withinIntervalByTimer(Vertx vertx) throws Exception {
    WakeUps w = tenMsAfterOneBatch(vertx, INTERVAL_MS);
    String[] queues = {"350205", "350206"};
    assertThat(w.withCommit(queues)).as("within the interval").isEmpty();
    assertThat(sent).as("before its COMMIT succeeded").isEmpty();
    w.committed(queues);
    w.committed(new String[] {"350205"});
    awaitSent(1);
    Thread.sleep(3 * INTERVAL_MS);
    assertThat(sent).containsExactly(List.of("350205", "350206"));
  }

  @Test
  @DisplayName("queues that wait leave with the next batch's wake-up after the interval, not twice")
  void waitingLeaveWithNextBatch(Vertx vertx) throws Exception {
    WakeUps w = tenMsAfterOneBatch(vertx, 10_000);
    assertThat(w.withCommit(new String[] {"350211"})).isEmpty();
    w.committed(new String[] {"350211"});
    advanceMs(10_000);
    assertThat(w.withCommit(new String[] {"triage"})).containsExactly("350211", "triage");
    assertThat(w.withCommit(new String[] {"350212"})).as("a new interval has begun").isEmpty();
    assertThat(sent).as("the timer, armed for 10 s, has not fired").isEmpty();
  }

  @Test
  @DisplayName("a queue whose batch has not committed is never announced")
  void notBeforeCommit(Vertx vertx) throws Exception {
    WakeUps w = tenMsAfterOneBatch(vertx, INTERVAL_MS);
    assertThat(w.withCommit(new String[] {"350205"})).isEmpty();
    // Its COMMIT failed: committed() is never called.
    advanceMs(INTERVAL_MS);
    assertThat(w.withCommit(new String[] {"triage"})).containsExactly("triage");
    Thread.sleep(2 * INTERVAL_MS);
    assertThat(sent).isEmpty();
  }

  @Test
  @DisplayName("with no interval every batch announces its own queues")
  void noInterval(Vertx vertx) {
    WakeUps w = wakeUps(vertx, 0);
    assertThat(w.withCommit(new String[] {"350203"})).containsExactly("350203");
    assertThat(w.withCommit(new String[] {"350205"})).containsExactly("350205");
    assertThatThrownBy(() -> wakeUps(vertx, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  private void awaitSent(int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sent.size() < n && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertThat(sent).hasSizeGreaterThanOrEqualTo(n);
  }

  @Test
  @DisplayName("a flush at a stop sends what waits at once, and the timer then sends nothing")
  void flushSendsWaitingNow(Vertx vertx) throws Exception {
    WakeUps w = tenMsAfterOneBatch(vertx, INTERVAL_MS);
    assertThat(w.withCommit(new String[] {"350211"})).isEmpty();
    w.committed(new String[] {"350211"});
    assertThat(w.flush().succeeded()).isTrue();
    assertThat(sent).as("before the interval's end").containsExactly(List.of("350211"));
    Thread.sleep(3 * INTERVAL_MS);
    assertThat(sent).as("the armed timer found nothing left").hasSize(1);
    assertThat(w.flush().succeeded()).as("nothing waits: done at once").isTrue();
    assertThat(sent).hasSize(1);
  }
}
