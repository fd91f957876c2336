package org.hotline.intake.support;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the monitoring queries on the shared database, with a queue of its own (so other tests'
 * items do not count) whose items are removed afterwards (so the board's and the metrics' other
 * tests do not count them either). JUnit runs {@link #openPool} before a subclass's own
 * {@code @BeforeEach}.
 */
@ExtendWith(VertxExtension.class)
public abstract class OwnQueueTest {
  protected Pool pool;

  protected final String queue = "q" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void openPool(Vertx vertx) {
    pool = SharedDatabase.pool(vertx);
  }

  @AfterEach
  void removeQueue(VertxTestContext ctx) {
    OpenItems.remove(pool, queue)
        .eventually(() -> pool.close())
        .onComplete(ctx.succeedingThenComplete());
  }
}
