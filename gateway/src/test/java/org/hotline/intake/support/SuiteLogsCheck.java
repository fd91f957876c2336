package org.hotline.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    List<Path> files = LogScan.logs(LOGS);
    long lines = 0;
    for (Path f : files) {
      try (var l = Files.lines(f)) {
        lines += l.count();
      }
    }
    // A scan of nothing would pass: the suite must have logged (gateways log their start-up).
    assertThat(lines).as("log lines written by the test suite under %s", LOGS).isGreaterThan(100);
    assertThat(LogScan.scan(LOGS)).as("phone or ID numbers in the test suite's logs").isEmpty();
  }
}
