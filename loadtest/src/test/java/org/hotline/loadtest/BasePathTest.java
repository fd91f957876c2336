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

/** A gateway behind a path-routing proxy: everything lives under {@code /intake}. */
class BasePathTest {
  @TempDir Path tmp;
  StubTarget stub;

  @BeforeEach
  void startStub() throws Exception {
    stub = StubTarget.acknowledging("/intake", 200);
  }

  @AfterEach
  void close() throws Exception {
    stub.close();
  }

  @Test
  @DisplayName("the path of --target prefixes the pre-flight, every post and every read-back")
  void prefixed() throws Exception {
    Path out = tmp.resolve("prefixed");
    String[] small = {"--rate", "10", "--duration", "1s", "--warmup", "0s"};
    Runs.quietly(Runs.steady(stub.url() + "/intake/", out, small));
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.path("responses").path("202").asLong()).isPositive();
    assertThat(s.path("responses").has("404")).isFalse();
    assertThat(s.path("verification").path("found").asLong()).isEqualTo(s.path("acked").asLong());
  }

  @Test
  @DisplayName("a --target with a query is a usage error (2)")
  void query() {
    assertThat(
            Runs.quietly(Runs.steady(stub.url() + "/intake?x=1", tmp.resolve("q"), "--rate", "10")))
        .isEqualTo(ExitStatus.USAGE);
  }
}
