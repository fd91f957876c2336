package org.hotline.intake.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP/1.x connection that does not deliver a whole request (headers and body) within the
 * request timeout of opening, or of the first byte of its next request. The idle timeout alone
 * cannot do this: a client trickling one byte a second is never idle, and would hold its connection
 * forever.
 *
 * <p>Between an answer and the next request's first byte a keep-alive connection is idle, and only
 * the idle timeout applies to it. Until 2026-12-02 the deadline ran from the answer, so a pooled
 * connection left unused for the request timeout was closed, and a client that picked it at that
 * moment saw its request fail ("connection closed": 24 of 33,000 posts of a 1,100/s load-test run
 * over 512 connections). The first byte is seen by a Netty handler at the head of the connection's
 * pipeline; where the connection offers no pipeline, the deadline runs from the answer, as before.
 *
 * <p>One per API instance; everything runs on that instance's event loop, so the map needs no lock.
 * A request that has arrived whole is not timed: its answer may rightly take longer (a long-polling
 * claim), and the writer's and the database's own bounds cover it.
 */
final class RequestDeadlines implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final long timeoutMs;
  private final Runnable cut;
  private final Runnable held;
  private final Map<HttpConnection, Watch> watches = new HashMap<>();

  /**
   * The longest a refusal is held for a client that asks again before the Retry-After it was given
   * ({@link #refuse}): a second, the least Retry-After there is. The client's connection is busy
   * for as long, and a refusal costs it, not the gateway, the wait.
   */
  static final long MAX_REFUSAL_HOLD_MS = 1_000;

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

    /** Where the current deadline runs from (nanoTime), or 0 while the connection is idle. */
    long since;

    /**
     * When the first byte after the last answer was read, or 0. Written by the pipeline's handler,
     * which runs on the connection's event loop, as does everything else here; volatile in case a
     * transport ever hands reads to another thread.
     */
    volatile long firstByte;

    /** Whether bytes are seen as they arrive; without it, the deadline runs from each answer. */
    boolean seesFirstByte;

    /**
     * 429s in a row on this connection, counted when each is decided ({@link #refuse}): a held
     * refusal's pipelined successor is read before the held answer's end handler runs.
     */
    int refusals;

    /** The channel of the last 429 answered on this connection, and when its Retry-After ends. */
    String toldChannel;

    long toldUntil;

    /** The instance this connection belongs to, for {@link #refuse}. */
    final RequestDeadlines owner;

    Watch(RequestDeadlines owner) {
      this.owner = owner;
    }
  }

  /**
   * @param cut told of each connection closed for a late request (a metric)
   * @param held told of each refusal held for a client that asked again too soon (a metric)
   */
  RequestDeadlines(Vertx vertx, long timeoutMs, Runnable cut, Runnable held) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.cut = cut;
    this.held = held;
  }

  /** For {@code HttpServer.connectionHandler}: the first request's deadline starts now. */
  void opened(HttpConnection connection) {
    Watch watch = new Watch(this);
    watch.since = System.nanoTime();
    if (connection instanceof ConnectionBase base) {
      base.channel().pipeline().addFirst("intake-request-start", new FirstByte(watch));
      watch.seesFirstByte = true;
    }
    watches.put(connection, watch);
    arm(connection, watch, timeoutMs);
  }

  /**
   * Notes when the first byte after an answer arrives: the next request's deadline runs from it.
   */
  private static final class FirstByte extends ChannelInboundHandlerAdapter {
    private final Watch watch;

    FirstByte(Watch watch) {
      this.watch = watch;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (watch.firstByte == 0) {
        watch.firstByte = System.nanoTime();
      }
      ctx.fireChannelRead(msg);
    }
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
        if (watch.since == 0) {
          // Headers whose first byte was read before the last answer went out (pipelining).
          long first = watch.firstByte;
          watch.since = first != 0 ? first : System.nanoTime();
        }
        ctx.put(WATCH, watch);
        ctx.addEndHandler(v -> answered(connection, watch, request));
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

  /**
   * Sends the 429 about to be answered on {@code ctx}'s connection, now or, when the client asks
   * again on this connection for the same channel before the Retry-After it was last given there
   * has passed, once it has (at most {@link #MAX_REFUSAL_HOLD_MS}). A client that ignores
   * Retry-After and asks again at once (a closed loop replaying a backlog, a retry storm) is then
   * refused about once a second a connection instead of as fast as it can send, each refusal
   * costing the gateway a read, a parse, a write and a wake-up on the cores the other channels use
   * (about 100 µs, BENCHMARKS.md "Overload"). A client that waits as told, a refusal for another
   * channel (a proxy's shared connection), or an HTTP/2 stream is answered at once. The request's
   * body has been read or is being read; a connection closed meanwhile gets nothing.
   *
   * @param channel the refused request's channel
   * @param retryAfterSeconds what the answer tells the client to wait
   * @param send writes the answer
   */
  static void refuse(RoutingContext ctx, String channel, long retryAfterSeconds, Runnable send) {
    Watch watch = ctx.get(WATCH);
    if (watch == null || channel == null) {
      send.run();
      return;
    }
    long now = System.nanoTime();
    long holdMs =
        channel.equals(watch.toldChannel) && watch.toldUntil - now > 0
            ? Math.min(
                MAX_REFUSAL_HOLD_MS, TimeUnit.NANOSECONDS.toMillis(watch.toldUntil - now) + 1)
            : 0;
    watch.refusals++;
    watch.toldChannel = channel;
    watch.toldUntil =
        now + TimeUnit.MILLISECONDS.toNanos(holdMs) + TimeUnit.SECONDS.toNanos(retryAfterSeconds);
    if (holdMs == 0) {
      send.run();
      return;
    }
    watch.owner.held.run();
    watch.owner.vertx.setTimer(
        holdMs,
        id -> {
          if (!ctx.response().closed() && !ctx.response().ended()) {
            send.run();
          }
        });
  }

  private void answered(HttpConnection connection, Watch watch, HttpServerRequest answered) {
    if (answered.response().getStatusCode() != 429) {
      watch.refusals = 0;
    }
    // When the answer went out after the request's body was in (a held refusal, any answer that
    // waited on the database), Vert.x may already have handed over the next pipelined request:
    // then that one is current, and its deadline stands.
    if (watches.get(connection) == watch && watch.current == answered) {
      HttpServerRequest request = watch.current;
      watch.current = null;
      if (request != null && !request.isEnded()) {
        // Answered from its headers (a refusal) while its body still comes in: those bytes are
        // not a next request's. The rest of the body is timed like a request, and the connection
        // is idle once it is in.
        cancel(watch);
        watch.since = System.nanoTime();
        arm(connection, watch, timeoutMs);
        request
            .end()
            .onSuccess(
                v -> {
                  if (watches.get(connection) == watch && watch.current == null) {
                    idle(connection, watch);
                  }
                });
      } else {
        idle(connection, watch);
      }
    }
  }

  /** Between requests: only the next request's first byte starts a deadline. */
  private void idle(HttpConnection connection, Watch watch) {
    cancel(watch);
    watch.firstByte = 0;
    watch.since = watch.seesFirstByte ? 0 : System.nanoTime();
    arm(connection, watch, timeoutMs);
  }

  private void arm(HttpConnection connection, Watch watch, long delayMs) {
    watch.timer =
        vertx.setTimer(
            Math.max(1, delayMs),
            id -> {
              watch.timer = -1;
              check(connection, watch);
            });
  }

  /**
   * Closes the connection if its request is late; otherwise looks again when it would be. A request
   * that has arrived whole is not timed (its answer re-arms the deadline).
   */
  private void check(HttpConnection connection, Watch watch) {
    if (watch.current != null && watch.current.isEnded()) {
      return;
    }
    long since = watch.since != 0 ? watch.since : watch.firstByte;
    if (since == 0) {
      // Idle between requests: the idle timeout governs it. Look again a timeout later.
      arm(connection, watch, timeoutMs);
      return;
    }
    long left = timeoutMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    if (left <= 0) {
      cut.run();
      connection.close();
    } else {
      arm(connection, watch, left);
    }
  }

  private void cancel(Watch watch) {
    if (watch != null && watch.timer >= 0) {
      vertx.cancelTimer(watch.timer);
      watch.timer = -1;
    }
  }
}
