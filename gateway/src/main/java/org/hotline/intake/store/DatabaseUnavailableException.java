package org.hotline.intake.store;

import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The database or the pool could not do the work now: the server is down, restarting, out of
 * resources, the connection dropped, or the pool's wait queue is full. Retrying later can succeed,
 * so the API answers 503; every other failure from the store is a bug and is passed on unchanged.
 */
public final class DatabaseUnavailableException extends RuntimeException {
  /**
   * SQLSTATE classes that say "not now" rather than "wrong": connection exceptions (08),
   * transaction rollback such as deadlock or serialization (40), insufficient resources (53),
   * operator intervention such as a shutdown (57), system errors (58).
   */
  private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

  /** The pool's message when no connection freed up in time (a plain VertxException in 5.0). */
  private static final String POOL_TIMEOUT = "Timeout waiting for connection";

  /**
   * The SQL pool's message when its request for a connection timed out (a {@code
   * NoStackTraceThrowable}, an internal class, from {@code SqlConnectionPool}): the server hangs
   * and every connection is waiting on it.
   */
  private static final String SQL_POOL_TIMEOUT = "Timeout";

  /**
   * What the client says of a connection being closed under the command, e.g. one the response
   * deadline discarded while the pool could still hand it out: a closed connection like any other.
   */
  private static final String NOT_ACTIVE = "Connection is not active now";

  private DatabaseUnavailableException(Throwable cause) {
    // The cause's class, never its message: server messages may quote the values of a row.
    super(cause.getClass().getName(), cause, false, false);
  }

  /** The database gave no answer within {@code timeoutMs} (see {@link ResponseDeadline}). */
  static DatabaseUnavailableException timedOut(long timeoutMs) {
    return new DatabaseUnavailableException(
        new TimeoutException("no answer from the database within " + timeoutMs + " ms"));
  }

  /** Whether the database gave no answer in time, rather than a refusal or an error. */
  public boolean timedOut() {
    return getCause() instanceof TimeoutException;
  }

  /** For {@code recover}: a transient database failure becomes this, anything else stays. */
  public static <T> Future<T> translate(Throwable failure) {
    return Future.failedFuture(
        isTransient(failure) ? new DatabaseUnavailableException(failure) : failure);
  }

  static boolean isTransient(Throwable failure) {
    if (failure instanceof DatabaseUnavailableException) {
      return false; // already translated
    }
    if (failure instanceof DatabaseException db) {
      String state = db.getSqlState();
      return state != null
          && (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))
              || state.equals("55P03")); // lock_not_available
    }
    return failure instanceof ClosedConnectionException
        || failure instanceof ConnectionPoolTooBusyException
        || failure instanceof IOException // refused, reset, connect timeout (netty's included)
        || failure instanceof VertxException && POOL_TIMEOUT.equals(failure.getMessage())
        || SQL_POOL_TIMEOUT.equals(failure.getMessage())
            && failure.getClass().getName().startsWith("io.vertx.")
        || failure instanceof VertxException
            && failure.getMessage() != null
            && failure.getMessage().startsWith(NOT_ACTIVE);
  }
}
