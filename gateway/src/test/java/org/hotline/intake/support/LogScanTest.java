package org.hotline.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.intake.privacy.PersonalNumbers.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the log scan")
class LogScanTest {
  static final Path FILE = Path.of("test.log");

  @ParameterizedTest(name = "finds {0}")
  @ValueSource(
      strings = {
        "12:00:01 INFO x - caller 13905921234 said",
        "WARN rejected phone +86 139-0592-1234",
        "name=王 phone=１３９０５９２１２３４",
        "landline 0592-5123456 in a message",
        "id 11010519491231002X leaked",
        "id 110105 19491231 002x leaked",
      })
  void finds(String line) {
    List<LogScan.Hit> hits = LogScan.scan(FILE, List.of("first line", line));
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).line()).isEqualTo(2);
    // The report masks what it found.
    assertThat(hits.get(0).toString()).contains("*").doesNotContain("13905921234");
  }

  @ParameterizedTest(name = "passes {0}")
  @ValueSource(
      strings = {
        "22:16:30.425 INFO [main] embedded PostgreSQL started on 127.0.0.1:42179",
        "record 01a2248c-e76a-7165-9cbe-bd799118beab committed at 1764633600123",
        "masked 139****1234 and 110105********002X",
        "an 18-digit run with a wrong check character 110105194912310021",
        "a batch of 13905921 items took 20260102 ms",
      })
  void passes(String line) {
    assertThat(LogScan.scan(FILE, List.of(line))).isEmpty();
  }

  @Test
  @DisplayName(
      "has something to read: every test JVM logs to a file of its own in target/test-logs")
  void logsReachTheFiles() throws Exception {
    org.slf4j.LoggerFactory.getLogger(LogScanTest.class).info("the log scan reads this line");
    var root =
        ((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var file = (ch.qos.logback.core.FileAppender<?>) root.getAppender("FILE");
    assertThat(file).isNotNull();
    assertThat(Path.of(file.getFile())).startsWith(SuiteLogsCheck.LOGS);
    assertThat(Files.readString(Path.of(file.getFile()))).contains("the log scan reads this line");
  }

  @Test
  @DisplayName("reads every file under a directory and names the file, line and kind")
  void directory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.log"), "clean\n");
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child").resolve("b.log"), "x\ny\ncaller 13905921234\n");
    List<LogScan.Hit> hits = LogScan.scan(dir);
    assertThat(hits)
        .extracting(LogScan.Hit::line, LogScan.Hit::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, Kind.MOBILE));
    assertThat(hits.get(0).file()).endsWith(Path.of("child", "b.log"));
    assertThat(hits.get(0).masked()).isEqualTo("139****1234");
  }
}
