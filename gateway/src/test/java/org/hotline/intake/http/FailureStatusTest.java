package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.http.BadInputTest.assertProblem;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.intake.support.ApiHarness;
import org.hotline.intake.support.CapturingAppender;
import org.hotline.intake.support.Rows;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.Seams;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("honest statuses for failures")
class FailureStatusTest {
  static TestGateway api;
  static Seams seams;

  @BeforeAll
  static void start() throws Exception {
    AtomicReference<Seams> built = new AtomicReference<>();
    api =
        ApiHarness.start(
            real -> {
              built.set(new Seams(real, () -> {}));
              return built.get();
            });
    seams = built.get();
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  /** A bug whose message quotes the record, as lower layers' messages may. */
  static IllegalStateException bugQuoting(String sourceId) {
    return new IllegalStateException("injected bug judging " + Samples.phone(sourceId));
  }

  static void assertInternalError(HttpResponse<String> r, String sourceId) {
    assertProblem(r, 500);
    JsonObject problem = new JsonObject(r.body());
    assertThat(problem.getString("type")).endsWith("/internal-error");
    assertThat(r.headers().firstValue("retry-after")).isEmpty();
    assertThat(r.body()).doesNotContain("Exception", "injected", Samples.phone(sourceId));
  }

  @Nested
  @DisplayName("a bug in the verdict step")
  class Bug {
    @Test
    @DisplayName("is a 500 problem, not a 503, logged once with its stack but without the record")
    void internalError() throws Exception {
      String sourceId = Samples.newSourceId();
      int before = errorsLogged().size();
      seams.failNext(bugQuoting(sourceId));

      assertInternalError(api.postJson(PHONE_KEY, Samples.complaint(sourceId)), sourceId);

      List<ILoggingEvent> logged = errorsLogged().subList(before, errorsLogged().size());
      assertThat(logged).hasSize(1);
      var thrown = logged.get(0).getThrowableProxy();
      assertThat(thrown).isNotNull();
      assertThat(thrown.getMessage()).isEqualTo(IllegalStateException.class.getName());
      assertThat(thrown.getStackTraceElementProxyArray()).isNotEmpty();
      String digits = Samples.phone(sourceId).replace(" ", "");
      assertThat(CapturingAppender.allText()).doesNotContain(Samples.phone(sourceId), digits);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }

    @Test
    @DisplayName("thrown synchronously releases the source_id: the retry is committed, not a 409")
    void keyReleased() throws Exception {
      String sourceId = Samples.newSourceId();
      seams.throwNext(bugQuoting(sourceId));

      assertInternalError(api.postJson(PHONE_KEY, Samples.complaint(sourceId)), sourceId);
      HttpResponse<String> retry = api.postJson(PHONE_KEY, Samples.complaint(sourceId));

      assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
      assertThat(Rows.countBySourceId(sourceId)).isEqualTo(1);
    }

    @Test
    @DisplayName("in a batch item is that item's 500, and the other items are committed")
    void batchItem() throws Exception {
      String failing = Samples.newSourceId();
      String fine = Samples.newSourceId();
      seams.throwNext(bugQuoting(failing));
      String body = "[" + Samples.complaint(failing) + "," + Samples.complaint(fine) + "]";

      HttpResponse<String> r =
          api.send(
              api.post(
                  "/v1/complaints:batch",
                  PHONE_KEY,
                  "application/json",
                  body.getBytes(StandardCharsets.UTF_8)));

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonArray results = new JsonObject(r.body()).getJsonArray("results");
      assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(500);
      assertThat(results.getJsonObject(0).getJsonObject("body").getString("type"))
          .endsWith("/internal-error");
      assertThat(results.getJsonObject(1).getInteger("status")).isEqualTo(202);
      assertThat(Rows.countBySourceId(fine)).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("a database failure")
  class Database {
    @Test
    @DisplayName("is still a 503 with Retry-After, and the key is free for the retry")
    void unavailable() throws Exception {
      String sourceId = Samples.newSourceId();
      CompletableFuture<HttpResponse<String>> post;
      try (Connection lock = SharedDatabase.jdbc()) {
        lock.setAutoCommit(false);
        lock.createStatement().execute("LOCK TABLE complaint IN EXCLUSIVE MODE");
        post = api.postJsonAsync(PHONE_KEY, Samples.complaint(sourceId));
        // The server ends the connection the batch is waiting on, as a restart would.
        int pid = BlockedInsert.await();
        lock.createStatement().execute("SELECT pg_terminate_backend(" + pid + ")");
        HttpResponse<String> r = post.get(30, TimeUnit.SECONDS);
        lock.rollback();

        assertProblem(r, 503);
        assertThat(r.headers().firstValue("retry-after")).isPresent();
      }
      assertThat(api.postJson(PHONE_KEY, Samples.complaint(sourceId)).statusCode()).isEqualTo(202);
    }
  }

  private static List<ILoggingEvent> errorsLogged() {
    return CapturingAppender.events().stream()
        .filter(e -> e.getLevel() == Level.ERROR)
        .filter(e -> e.getLoggerName().equals(ProblemHandler.class.getName()))
        .toList();
  }
}
