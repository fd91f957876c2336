package org.hotline.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
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
                .setWarningExceptionTime(limit)
                .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
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
      // Closed first: the checker may log once more after the loop wakes, and this test's own
      // warnings are expected, so they are cleared only once no checker is left to add one.
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      CapturingAppender.clearBlockedThreadWarnings();
    }
  }

  @Test
  @DisplayName("blames project code, not a loop starved of CPU while idle or inside Netty")
  void blamesOnlyProjectCode() {
    assertThat(CapturingAppender.blamesProjectCode(warning("sun.nio.ch.EPoll", "wait"))).isFalse();
    assertThat(
            CapturingAppender.blamesProjectCode(
                warning("io.netty.channel.nio.NioEventLoop", "processSelectedKeys")))
        .isFalse();
    assertThat(
            CapturingAppender.blamesProjectCode(
                warning("java.lang.Thread", "sleep", "org.hotline.intake.store.BatchInsert")))
        .isTrue();
  }

  @Test
  @DisplayName("reads a child gateway's output the same way")
  void readsChildOutput() {
    String idle =
        "12:00:00 WARN Thread vert.x-eventloop-thread-0 has been blocked for 1200 ms\n"
            + "io.vertx.core.VertxException: Thread blocked\n"
            + "\tat java.base@17/sun.nio.ch.EPoll.wait(Native Method)\n"
            + "\tat app//io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:1)\n"
            + "12:00:01 INFO next line\n";
    String ours =
        "12:00:00 WARN Thread vert.x-eventloop-thread-1 has been blocked for 1200 ms\n"
            + "io.vertx.core.VertxException: Thread blocked\n"
            + "\tat java.base@17/java.lang.Thread.sleep(Native Method)\n"
            + "\tat app//org.hotline.intake.store.BatchInsert.run(BatchInsert.java:9)\n";
    assertThat(CapturingAppender.blockedWarningsInOutput(idle)).isEmpty();
    assertThat(CapturingAppender.blockedWarningsInOutput(ours)).hasSize(1);
    assertThat(
            CapturingAppender.blockedWarningsInOutput("blocked without a stack: has been blocked"))
        .hasSize(1);
  }

  private static LoggingEvent warning(String topClass, String topMethod, String... callers) {
    Exception stack = new Exception("blocked");
    StackTraceElement[] frames = new StackTraceElement[1 + callers.length + 1];
    frames[0] = new StackTraceElement(topClass, topMethod, null, -1);
    for (int i = 0; i < callers.length; i++) {
      frames[i + 1] = new StackTraceElement(callers[i], "run", null, -1);
    }
    frames[frames.length - 1] =
        new StackTraceElement(
            "io.netty.util.concurrent.SingleThreadEventExecutor", "run", null, -1);
    stack.setStackTrace(frames);
    LoggingEvent e = new LoggingEvent();
    e.setLoggerName("io.vertx.core.impl.BlockedThreadChecker");
    e.setLevel(Level.WARN);
    e.setMessage("Thread blocked");
    e.setThrowableProxy(new ThrowableProxy(stack));
    return e;
  }
}
