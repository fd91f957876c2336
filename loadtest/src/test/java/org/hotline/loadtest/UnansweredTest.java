package org.hotline.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stub that never answers some of the posts. A request with no answer waited at least its
 * timeout: it belongs in the latency figures, or the tail that never answered vanishes from them.
 */
class UnansweredTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  StubTarget stub;
  final AtomicInteger posts = new AtomicInteger();

  /** Answers health checks, and every {@code every}-th post never. */
  void start(int every) throws Exception {
    stub =
        StubTarget.start(
            (HttpServerRequest req) -> {
              if (req.path().startsWith("/v1/") && posts.incrementAndGet() % every == 0) {
                return; // never answered
              }
              req.response().setStatusCode(202).end("{\"id\":\"x\"}");
            });
  }

  @AfterEach
  void close() throws Exception {
    if (stub != null) {
      stub.close();
    }
  }

  int run(Path out, String... extra) {
    String[] options = {
      "--rate",
      "50",
      "--duration",
      "2s",
      "--warmup",
      "0s",
      "--timeout",
      "1s",
      "--connections",
      "64",
      "--no-verify"
    };
    return Runs.quietly(Runs.steady(stub.url(), out, Runs.concat(options, extra)));
  }

  @Test
  @DisplayName(
      "a tenth timed out: each counts in latency_ms at its timeout or more, and a p99 objective"
          + " fails")
  void someTimedOut() throws Exception {
    start(10);
    Path out = tmp.resolve("mix");
    int status = run(out, "--slo", "p99=500ms");
    JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(s.path("errors").path("timeout").asLong()).isPositive();
    assertThat(s.path("latency_ms").path("count").asLong()).isEqualTo(s.path("sent").asLong());
    assertThat(s.path("latency_ms").path("max").asDouble()).isGreaterThanOrEqualTo(1000);
    assertThat(s.path("latency_ms").path("p99").asDouble()).isGreaterThanOrEqualTo(1000);
    assertThat(s.path("slo").get(0).path("met").asBoolean()).isFalse();
    assertThat(status).isNotZero();
  }

  @Test
  @DisplayName("when nothing answered, p99 is the timeout or more, not 0")
  void allTimedOut() throws Exception {
    start(1);
    Path out = tmp.resolve("hang");
    assertThat(run(out)).isEqualTo(ExitStatus.FAILED);
    JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(s.path("latency_ms").path("p99").asDouble()).isGreaterThanOrEqualTo(1000);
  }
}
