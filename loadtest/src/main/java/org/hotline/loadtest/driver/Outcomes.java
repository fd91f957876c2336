package org.hotline.loadtest.driver;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/** Names transport failures by kind, for the error counts and the progress line. */
public final class Outcomes {
  /** The pool's wait queue was full: the driver ran out of connections. */
  static final String NO_CONNECTION = "no_connection";

  static final String TIMEOUT = "timeout";
  static final String CONNECT = "connect";
  static final String CLOSED = "closed";
  static final String OTHER = "other";

  /** Still in flight when the run ended, after the drain had waited one timeout and more. */
  static final String UNANSWERED = "unanswered";

  private Outcomes() {}

  /** The kind of a transport failure: {@code timeout}, {@code connect}, {@code closed}… */
  public static String kind(Throwable t) {
    if (t instanceof ConnectionPoolTooBusyException) {
      return NO_CONNECTION;
    }
    if (t instanceof TimeoutException || t instanceof ConnectTimeoutException) {
      return TIMEOUT;
    }
    if (t instanceof ConnectException) {
      return CONNECT;
    }
    if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
      return CLOSED;
    }
    String name = t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    return name.contains("timeout") ? TIMEOUT : OTHER;
  }

  /** Replay's batches answered 429 or 503 and sent again after Retry-After: not errors. */
  public static final String THROTTLED = "throttled_";

  /** Whether an outcome is an acknowledgement: a 2xx status. */
  public static boolean isSuccess(String outcome) {
    return outcome.length() == 3 && outcome.charAt(0) == '2';
  }

  /**
   * Whether an outcome is an error: a transport failure or a status other than 2xx. Throttled
   * replay batches are not: honouring Retry-After is the expected behaviour.
   */
  public static boolean isError(String outcome) {
    return !isSuccess(outcome) && !outcome.startsWith(THROTTLED);
  }
}
