package org.hotline.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

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
        .as("Vert.x reported a blocked event loop during %s", context.getDisplayName())
        .isEmpty();
  }
}
