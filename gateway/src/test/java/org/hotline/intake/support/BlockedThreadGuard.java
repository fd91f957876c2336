package org.hotline.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which Vert.x reported a blocked event loop. Registered for every test
 * through JUnit's extension auto-detection; the threshold comes from the build ({@code
 * intake.test.maxEventLoopMs}).
 */
public final class BlockedThreadGuard implements AfterEachCallback {
  /** The blocked-thread threshold the tests run with. */
  public static long maxEventLoopMs() {
    return Long.getLong("intake.test.maxEventLoopMs", 200);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    var warnings = CapturingAppender.blockedThreadWarnings();
    CapturingAppender.clearBlockedThreadWarnings();
    assertThat(warnings)
        .as(
            "Vert.x reported a blocked event loop during %s:%n%s",
            context.getDisplayName(), describe(warnings))
        .isEmpty();
  }

  /**
   * Each warning with the top of the stack Vert.x took and the project's frames below it, so a
   * failure says where the loop was and which of our handlers it was in (often deeper than the top:
   * a handler's write ends in Netty's).
   */
  private static String describe(List<ILoggingEvent> warnings) {
    StringBuilder sb = new StringBuilder();
    for (ILoggingEvent w : warnings) {
      sb.append(w.getFormattedMessage()).append('\n');
      IThrowableProxy stack = w.getThrowableProxy();
      if (stack != null) {
        StackTraceElementProxy[] frames = stack.getStackTraceElementProxyArray();
        for (int i = 0; i < Math.min(frames.length, TOP_FRAMES); i++) {
          sb.append("    at ").append(frames[i].getStackTraceElement()).append('\n');
        }
        List<StackTraceElement> ours =
            Arrays.stream(frames)
                .skip(TOP_FRAMES)
                .map(StackTraceElementProxy::getStackTraceElement)
                .filter(f -> f.getClassName().startsWith(PROJECT))
                .limit(PROJECT_FRAMES)
                .toList();
        if (!ours.isEmpty()) {
          sb.append("    ... the project's frames below:\n");
          ours.forEach(f -> sb.append("    at ").append(f).append('\n'));
        }
      }
    }
    return sb.toString();
  }

  private static final int TOP_FRAMES = 20;
  private static final int PROJECT_FRAMES = 12;
  private static final String PROJECT = "org.hotline.";
}
