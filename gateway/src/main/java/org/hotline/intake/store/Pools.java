package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.DatabaseOptions;
import org.hotline.intake.config.GatewayConfig;

/**
 * The gateway's two PostgreSQL pools. Intake's serves the group-commit writers; the queue pool
 * serves claims, decisions, queue views, operator reads, the upkeep timers and the board. Apart, so
 * that intake saturating its pool (every connection in a transaction, a wait queue behind them)
 * never makes a claim wait, and a burst of operator reads never takes a writer's connection.
 *
 * <p>Both have a bounded wait queue (the Vert.x default is unbounded) and a connect timeout. Each
 * session carries its own {@code statement_timeout} and {@code idle_in_transaction_session_timeout}
 * (sent in the start-up packet, so they hold whatever the server's defaults are), and TCP
 * keepalive, so a database that stops answering fails requests instead of pinning them. A
 * connection that reads nothing for {@link DatabaseOptions#readIdleTimeoutMs()} is closed (a hung
 * server holds no connection for ever), and one idle in the pool is closed sooner by the pool
 * itself, so that the read timeout never cuts a healthy query short.
 *
 * @param intake the writers' pool: every writer's transactions plus a few for readiness
 * @param intakeSize the most connections {@code intake} opens
 * @param queue the pool for queue and operator work, {@code limits.queue_pool_size} connections
 */
public record Pools(Pool intake, int intakeSize, Pool queue) {
  private static final int INTAKE_WAIT_QUEUE = 1024;
  private static final int QUEUE_WAIT_QUEUE = 256;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  /**
   * @param writers the group-commit writers of this node, one per event loop ({@code
   *     http.event_loops})
   */
  public static Pools create(Vertx vertx, String pgUrl, int writers, GatewayConfig config) {
    int intakeSize = writers * config.writer().maxInFlight() + 4;
    return new Pools(
        pool(vertx, pgUrl, "intake", intakeSize, INTAKE_WAIT_QUEUE, config.database()),
        intakeSize,
        pool(
            vertx,
            pgUrl,
            "queue",
            config.limits().queuePoolSize(),
            QUEUE_WAIT_QUEUE,
            config.database()));
  }

  /**
   * @param name the pool's {@code pool_name} in the {@code vertx_pool_*} meters, and its {@code
   *     client_namespace} in the {@code vertx_sql_*} ones
   */
  private static Pool pool(
      Vertx vertx, String pgUrl, String name, int size, int waitQueue, DatabaseOptions database) {
    return PgBuilder.pool()
        .with(
            new PoolOptions()
                .setName(name)
                .setMaxSize(size)
                .setMaxWaitQueueSize(waitQueue)
                .setConnectionTimeout(CONNECT_TIMEOUT_SECONDS)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS)
                .setIdleTimeout(DatabaseOptions.POOL_IDLE_TIMEOUT_MS)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setPoolCleanerPeriod(DatabaseOptions.POOL_CLEANER_PERIOD_MS))
        .with(
            new NetClientOptions()
                .setTcpKeepAlive(true)
                .setReadIdleTimeout((int) database.readIdleTimeoutMs())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
        .connectingTo(
            PgConnectOptions.fromUri(pgUrl)
                .setMetricsName(name)
                .setCachePreparedStatements(true)
                .addProperty("statement_timeout", String.valueOf(database.statementTimeoutMs()))
                .addProperty(
                    "idle_in_transaction_session_timeout",
                    String.valueOf(database.idleInTransactionTimeoutMs())))
        .using(vertx)
        .build();
  }

  /** Closes both. */
  public Future<Void> close() {
    return Future.join(intake.close(), queue.close()).mapEmpty();
  }
}
