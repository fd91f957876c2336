package org.hotline.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A gateway that stays down: every batch is answered 503 with {@code Retry-After: 1}. */
class ReplayRefusedTest {
  @TempDir Path tmp;
  StubTarget stub;

  @BeforeEach
  void startStub() throws Exception {
    stub =
        StubTarget.start(
            req -> {
              if (req.path().startsWith("/health")) {
                req.response().setStatusCode(200).end("{}");
              } else {
                req.response().setStatusCode(503).putHeader("Retry-After", "1").end();
              }
            });
  }

  @AfterEach
  void close() throws Exception {
    stub.close();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES) // it never ended before: fail, do not hang
  @DisplayName(
      "a replay refused past its duration and one timeout gives up: the refusals are counted, the"
          + " records are errors, and the run fails (1)")
  void refusedToTheEnd() throws Exception {
    Path out = tmp.resolve("replay503");
    String[] backlogOfTen = {
      "run", "--profile", "replay", "--rate", "10", "--duration", "1s", "--batch", "5"
    };
    int status =
        Runs.quietly(
            Runs.concat(
                backlogOfTen,
                "--target",
                stub.url(),
                "--timeout",
                "1s",
                "--no-verify",
                "--out",
                out.toString()));
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.path("errors").path("refused_503").asLong()).isEqualTo(10);
    assertThat(s.path("throttled").path("503").asLong()).isPositive();
    assertThat(status).isEqualTo(ExitStatus.FAILED);
  }
}
