package org.hotline.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Run after the whole test suite (the {@code log-scan} execution of the gateway's pom, in the
 * {@code verify} phase), not with it: it reads the logs every test of the run wrote, the test JVM's
 * and those of the gateways started as child processes.
 */
@DisplayName("the test suite's logs")
class SuiteLogsCheck {
  static final Path LOGS = Path.of("target", "test-logs");

  @Test
  @DisplayName("hold no phone or ID number, in any shape")
  void noPersonalNumbers() throws Exception {
    // A run that logged nothing (unit tests alone) leaves no file; that logging does reach the
    // files is LogScanTest's "every test JVM logs to target/test-logs".
    assertThat(LogScan.scan(LOGS)).as("phone or ID numbers in the test suite's logs").isEmpty();
  }
}
