package org.hotline.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stub that stalls for 2 s in the middle of a run. Gatling once missed a 6 s freeze; an open
 * model measuring from the intended send time cannot.
 */
class StallTest {
  static final long STALL_AFTER_MS = 2500;
  static final long STALL_MS = 2000;

  @TempDir Path tmp;
  StubTarget stub;
  final AtomicLong first = new AtomicLong();

  @BeforeEach
  void startStub() throws Exception {
    stub = StubTarget.start(this::handle);
  }

  /** Answers at once, except that anything arriving during the stall waits for its end. */
  private void handle(HttpServerRequest req) {
    long now = System.nanoTime();
    if (req.path().startsWith("/v1/")) {
      first.compareAndSet(0, now);
    }
    long into = TimeUnit.NANOSECONDS.toMillis(now - first.get());
    long wait = first.get() == 0 ? 0 : STALL_AFTER_MS + STALL_MS - into;
    boolean stalled = into >= STALL_AFTER_MS && wait > 0;
    Runnable answer = () -> req.response().setStatusCode(202).end("{\"id\":\"x\"}");
    if (stalled) {
      stub.vertx().setTimer(wait, id -> answer.run());
    } else {
      answer.run();
    }
  }

  @AfterEach
  void close() throws Exception {
    stub.close();
  }

  @Test
  @DisplayName("a 2 s stall shows in the schedule-relative p99, apart from the service time")
  void stall() throws Exception {
    Path out = tmp.resolve("stall");
    Main.commandLine()
        .execute(
            "run",
            "--target",
            stub.url(),
            "--profile",
            "steady",
            "--rate",
            "200",
            "--duration",
            "6s",
            "--warmup",
            "0s",
            "--connections",
            "4",
            "--no-verify",
            "--out",
            out.toString());
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    double response = s.path("latency_ms").path("p99").asDouble();
    double waiting = s.path("dispatch_delay_ms").path("p99").asDouble();
    double service = s.path("service_ms").path("p99").asDouble();
    // About a third of the requests fall in or queue behind the stall: the p99 sees all of it.
    assertThat(response).isGreaterThanOrEqualTo(1500);
    // With 4 connections, 4 requests wait inside the gateway; the rest wait for a connection,
    // which the summary puts in the dispatch delay and not in the service time.
    assertThat(waiting).isGreaterThanOrEqualTo(1000);
    assertThat(service).isLessThan(waiting / 2);
    assertThat(s.path("service_ms").path("max").asDouble()).isGreaterThanOrEqualTo(1500);
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("Waiting to send (dispatch delay)")
        .contains("Service time from the actual send");
  }
}
