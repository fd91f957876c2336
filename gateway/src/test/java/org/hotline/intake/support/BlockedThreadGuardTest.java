package org.hotline.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the blocked-thread guard")
class BlockedThreadGuardTest {
  @Test
  @DisplayName("sees Vert.x's warning when an event loop is blocked past the threshold")
  void seesBlockedEventLoop() throws Exception {
    long limit = BlockedThreadGuard.maxEventLoopMs();
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setMaxEventLoopExecuteTime(limit)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(limit / 4)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    try {
      CountDownLatch done = new CountDownLatch(1);
      vertx.runOnContext(
          v -> {
            try {
              Thread.sleep(limit * 4); // deliberately blocking, to prove the guard notices
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            done.countDown();
          });
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(CapturingAppender.blockedThreadWarnings()).isNotEmpty();
    } finally {
      CapturingAppender.clearBlockedThreadWarnings(); // this test's own warning is expected
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
