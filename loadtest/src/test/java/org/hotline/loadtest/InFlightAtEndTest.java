package org.hotline.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stub that starts every answer and never ends it, writing a byte now and then, so no idle
 * timeout fires: the requests are still in flight when the run has drained as long as it waits.
 */
class InFlightAtEndTest {
  @TempDir Path tmp;

  /** The stand-in gateway: trickles every answer. */
  StubTarget stub;

  @BeforeEach
  void startTrickling() throws Exception {
    stub =
        StubTarget.start(
            req -> {
              if (req.method() != HttpMethod.POST) {
                req.response().setStatusCode(200).end("{}");
                return;
              }
              HttpServerResponse resp = req.response().setStatusCode(202).setChunked(true);
              resp.write(" ");
              stub.vertx().setPeriodic(300, id -> resp.write(" "));
            });
  }

  @AfterEach
  void close() throws Exception {
    stub.close();
  }

  @Test
  @DisplayName("requests still in flight at the end count as unanswered errors, latency included")
  void unansweredAtEnd() throws Exception {
    Path out = tmp.resolve("trickle");
    String[] small = {
      "--rate", "10", "--duration", "1s", "--warmup", "0s", "--timeout", "1s", "--no-verify"
    };
    int status = Runs.quietly(Runs.steady(stub.url(), out, small));
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    // Those sent stay in flight; those that waited for one of the busy connections timed out.
    assertThat(s.path("errors").path("unanswered").asLong()).isEqualTo(s.path("sent").asLong());
    long intended = s.path("intended").asLong();
    assertThat(
            s.path("errors").path("unanswered").asLong()
                + s.path("errors").path("timeout").asLong())
        .isEqualTo(intended);
    assertThat(s.path("latency_ms").path("count").asLong()).isEqualTo(intended);
    assertThat(s.path("latency_ms").path("p50").asDouble()).isGreaterThanOrEqualTo(1000);
    assertThat(status).isEqualTo(ExitStatus.FAILED);
  }
}
