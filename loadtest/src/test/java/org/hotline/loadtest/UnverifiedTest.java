package org.hotline.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stub that acknowledges every post and refuses every read-back, as the gateway does with a wrong
 * operator key: nothing says the acknowledged records were kept, so the run cannot pass.
 */
class UnverifiedTest {
  @TempDir Path tmp;
  StubTarget stub;

  @BeforeEach
  void startStub() throws Exception {
    stub = StubTarget.acknowledging("", 401);
  }

  @AfterEach
  void close() throws Exception {
    stub.close();
  }

  @Test
  @DisplayName(
      "acknowledged records the read-back could not verify fail the run (1), with the answers that"
          + " refused it")
  void readBackRefused() throws Exception {
    Path out = tmp.resolve("badop");
    int status =
        Runs.quietly(
            Runs.steady(
                stub.url(),
                out,
                "--rate",
                "10",
                "--duration",
                "1s",
                "--warmup",
                "0s",
                "--operator-key",
                "wrong-operator-key"));
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.path("acked").asLong()).isPositive();
    assertThat(s.path("verification").path("unverified").asLong())
        .isEqualTo(s.path("acked").asLong());
    assertThat(s.path("verification").path("unverified_answers").path("401").asLong())
        .isEqualTo(s.path("acked").asLong());
    assertThat(status).isEqualTo(ExitStatus.FAILED);
    assertThat(s.path("exit_reason").asText()).isEqualTo("failed");
  }
}
