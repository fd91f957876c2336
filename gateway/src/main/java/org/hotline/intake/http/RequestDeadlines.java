package org.hotline.intake.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes an HTTP/1.x connection that does not deliver a whole request (headers and body) within the
 * request timeout of opening, or of its previous answer. The idle timeout alone cannot do this: a
 * client trickling one byte a second is never idle, and would hold its connection forever.
 *
 * <p>One per API instance; everything runs on that instance's event loop, so the map needs no lock.
 * A request that has arrived whole is not timed: its answer may rightly take longer (a long-polling
 * claim), and the writer's and the database's own bounds cover it.
 */
final class RequestDeadlines implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final long timeoutMs;
  private final Map<HttpConnection, Watch> watches = new HashMap<>();

  /**
   * A connection whose client has been refused this many times in a row with 429 (it sends on
   * without waiting the Retry-After) has its next refusal close it: the cost of a new connection
   * moves to the client that ignores the answer. A client that honours Retry-After never gets here,
   * and keeps its connection through any single refusal.
   */
  static final int REFUSALS_BEFORE_CLOSE = 8;

  private static final String WATCH = "intake.deadlines.watch";

  /** The request being read on one connection, and the timer that will check it. */
  private static final class Watch {
    HttpServerRequest current;
    long timer = -1;

    /** 429s answered in a row on this connection. */
    int refusals;
  }

  RequestDeadlines(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  /** For {@code HttpServer.connectionHandler}: the first request's deadline starts now. */
  void opened(HttpConnection connection) {
    Watch watch = new Watch();
    watches.put(connection, watch);
    arm(connection, watch);
  }

  /** For the connection's close handler (a connection has only one, so the owner calls this). */
  void closed(HttpConnection connection) {
    cancel(watches.remove(connection));
  }

  /**
   * The first handler of every request: its headers are in, and its answer re-arms the deadline.
   */
  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpConnection connection = request.connection();
    Watch watch = watches.get(connection);
    if (watch != null) {
      if (request.version() == HttpVersion.HTTP_2) {
        // Streams multiplex on one connection: a per-connection deadline does not apply.
        cancel(watches.remove(connection));
      } else {
        watch.current = request;
        ctx.put(WATCH, watch);
        ctx.addEndHandler(v -> answered(connection, watch));
      }
    }
    ctx.next();
  }

  /**
   * Whether the 429 about to be answered on {@code ctx}'s connection should close it: the client
   * has been refused {@link #REFUSALS_BEFORE_CLOSE} times in a row. HTTP/2 streams are never closed
   * so.
   */
  static boolean persistentlyRefused(RoutingContext ctx) {
    Watch watch = ctx.get(WATCH);
    return watch != null && watch.refusals + 1 >= REFUSALS_BEFORE_CLOSE;
  }

  private void answered(HttpConnection connection, Watch watch) {
    watch.refusals =
        watch.current != null && watch.current.response().getStatusCode() == 429
            ? watch.refusals + 1
            : 0;
    if (watches.get(connection) == watch) {
      watch.current = null;
      cancel(watch);
      arm(connection, watch);
    }
  }

  private void arm(HttpConnection connection, Watch watch) {
    watch.timer =
        vertx.setTimer(
            timeoutMs,
            id -> {
              watch.timer = -1;
              if (watch.current == null || !watch.current.isEnded()) {
                connection.close();
              }
            });
  }

  private void cancel(Watch watch) {
    if (watch != null && watch.timer >= 0) {
      vertx.cancelTimer(watch.timer);
      watch.timer = -1;
    }
  }
}
