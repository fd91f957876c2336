package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.internal.SqlConnectionInternal;
import java.util.function.Function;

/**
 * The gateway's own bound on one exchange with the database: a connection from the pool, then the
 * work (a whole transaction, for a batch), all within {@code timeoutMs}. Past it the exchange fails
 * with {@link DatabaseUnavailableException} (503) and its connection is closed.
 *
 * <p>Why the client must do it: {@code statement_timeout} is enforced by the server, so a server
 * that accepts connections and then never answers (hung, stopped, behind a dead proxy) is bound by
 * nothing else; TCP keepalive is answered by the kernel all the while. The reactive client has no
 * per-query timeout, hence a timer.
 *
 * <p>Why closing is safe: a 2xx is sent only after COMMIT has returned, so an exchange given up on
 * was never acknowledged. If its COMMIT did reach the server, the retry with the same {@code
 * source_id} finds the row and is answered as a replay; if it did not, closing the connection makes
 * the server roll the transaction back.
 *
 * <p>Why the connection is closed rather than given back: a pooled connection that is merely
 * released stays in the pool with the unanswered command at its head, and the next borrower would
 * queue behind it. The pool's API only releases, so the physical connection is reached through the
 * client's internal {@link SqlConnectionInternal#unwrap()} (pooled, then socket connection); the
 * pool then drops the closed connection and opens a new one when needed. {@code HungDatabaseTest}
 * fails should a Vert.x upgrade change that path.
 */
public final class ResponseDeadline {
  private final Vertx vertx;
  private final Pool pool;
  private final long timeoutMs;

  /**
   * @param vertx for the timers; an exchange is timed on the context that starts it
   * @param pool where the connections come from
   * @param timeoutMs {@code >= 1}: the bound on one exchange, connection included
   */
  public ResponseDeadline(Vertx vertx, Pool pool, long timeoutMs) {
    if (timeoutMs < 1) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.vertx = vertx;
    this.pool = pool;
    this.timeoutMs = timeoutMs;
  }

  /** The Vert.x instance whose timers this uses. */
  Vertx vertx() {
    return vertx;
  }

  /** {@code work} on one connection, within the deadline; the connection goes back after it. */
  public <T> Future<T> onConnection(Function<SqlConnection, Future<T>> work) {
    Exchange<T> exchange = new Exchange<>();
    long timer = vertx.setTimer(timeoutMs, id -> exchange.expire(timeoutMs));
    pool.getConnection()
        .compose(
            conn -> {
              if (!exchange.hold(conn)) {
                return Future.failedFuture("expired while waiting for a connection");
              }
              // compose turns a synchronous throw of the work into a failed Future.
              return Future.succeededFuture(conn).compose(work).onComplete(ar -> conn.close());
            })
        .onComplete(
            ar -> {
              vertx.cancelTimer(timer);
              exchange.settle(ar.succeeded(), ar.result(), ar.cause());
            });
    return exchange.answer.future();
  }

  /**
   * One exchange's state, touched only on the context that started it: its connection once it has
   * one, and its answer, given once, by the work or by the timer, whichever comes first.
   */
  private static final class Exchange<T> {
    final Promise<T> answer = Promise.promise();
    private SqlConnection connection;

    /** Takes the connection, unless the deadline has passed: then it goes back to the pool. */
    boolean hold(SqlConnection conn) {
      if (answer.future().isComplete()) {
        conn.close(); // it did answer, only too late: nothing is pending on it
        return false;
      }
      connection = conn;
      return true;
    }

    void expire(long timeoutMs) {
      if (answer.tryFail(DatabaseUnavailableException.timedOut(timeoutMs)) && connection != null) {
        discard(connection);
      }
    }

    void settle(boolean succeeded, T result, Throwable failure) {
      if (succeeded) {
        answer.tryComplete(result);
      } else {
        DatabaseUnavailableException.<T>translate(failure).onFailure(answer::tryFail);
      }
    }

    /** Closes the physical connection under a pooled one (see the class comment). */
    private static void discard(SqlConnection conn) {
      if (conn instanceof SqlConnectionInternal internal) {
        internal.unwrap().unwrap().close(null, Promise.promise());
      } else {
        conn.close();
      }
    }
  }
}
