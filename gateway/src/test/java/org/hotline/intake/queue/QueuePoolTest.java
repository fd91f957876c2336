package org.hotline.intake.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.queue.QueueCalls.claim;
import static org.hotline.intake.queue.QueueCalls.postComplaint;
import static org.hotline.intake.queue.QueueCalls.record;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.WriterOptions;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("queue and operator work has a pool of its own")
class QueuePoolTest {
  @BeforeEach
  void emptyQueues() throws Exception {
    QueueCalls.emptyQueues();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("with every intake connection taken and intake waiting, a claim and a read complete")
  void claimWhileIntakeSaturated() throws Exception {
    String id = postComplaint().getString("id");
    Pool intake = TestGateway.shared().gateway().pools().intake();
    int size = TestGateway.shared().gateway().pools().intakeSize();
    List<SqlConnection> held = new ArrayList<>();
    Future<SqlConnection> waiting = null;
    try {
      for (int i = 0; i < size; i++) {
        held.add(await(intake.getConnection()));
      }
      // Intake is now saturated: the next connection asked of its pool waits.
      waiting = intake.getConnection();
      JsonArray items = claim(1, 300, 0);
      assertThat(items).hasSize(1);
      assertThat(items.getJsonObject(0).getString("id")).isEqualTo(id);
      assertThat(record(id).getString("id")).isEqualTo(id);
      assertThat(waiting.isComplete())
          .as("intake was still waiting for a connection while the claim was served")
          .isFalse();
    } finally {
      for (SqlConnection c : held) {
        await(c.close());
      }
      if (waiting != null) {
        await(waiting).close();
      }
    }
    assertThat(size)
        .as("every writer's transactions, and a few more")
        .isGreaterThanOrEqualTo(WriterOptions.DEFAULT_MAX_IN_FLIGHT);
  }
}
