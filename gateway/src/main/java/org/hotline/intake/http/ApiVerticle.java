package org.hotline.intake.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hotline.intake.board.BoardService;
import org.hotline.intake.config.HttpOptions;
import org.hotline.intake.config.WriterOptions;
import org.hotline.intake.cpu.CorePinning;
import org.hotline.intake.pipeline.IntakeService;
import org.hotline.intake.queue.QueueNotifier;
import org.hotline.intake.store.ComplaintStore;
import org.hotline.intake.store.GroupCommitWriter;
import org.hotline.metrics.GatewayMeters;

/**
 * The HTTP API. One instance per event loop, all sharing one port; each owns a {@link
 * GroupCommitWriter} so that batching never crosses threads.
 */
public final class ApiVerticle extends VerticleBase {
  /** The contract's limit for one record. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** The problem types the intake routes answer, counted from the start. */
  public static final List<String> PROBLEM_TYPES = IntakeMeter.PROBLEM_TYPES;

  /** The contract's limit for a batch. */
  public static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

  private final Authenticator authenticator;
  private final ComplaintStore store;
  private final WriterOptions writerOptions;
  private final Function<GroupCommitWriter, IntakeService> intake;
  private final QueueRoutesFactory queues;
  private final Draining draining;
  private final BoardService board;
  private final int port;
  private final HttpOptions http;
  private final GatewayMeters meters;
  private final MetricsEndpoint metrics;
  private final AdmissionControl admission;
  private final CorePinning pinning;
  private HttpServer server;
  private GroupCommitWriter writer;
  private io.vertx.core.buffer.Buffer openApi;

  /**
   * @param intake builds this instance's pipeline around the writer it owns
   * @param queues the queue routes, or null for none
   * @param draining set when the node starts shutting down
   * @param board the status board's snapshots, or null for no board
   * @param meters what the intake routes and the writer record
   * @param metrics {@code GET /metrics} on this port, or null when it is served elsewhere
   * @param http the address to bind, protocol switches and timeouts
   * @param admission the node's connection cap, channel buckets and stream limit, shared by every
   *     instance
   */
  public ApiVerticle(
      Authenticator authenticator,
      ComplaintStore store,
      WriterOptions writerOptions,
      Function<GroupCommitWriter, IntakeService> intake,
      QueueRoutesFactory queues,
      Draining draining,
      BoardService board,
      int port,
      GatewayMeters meters,
      MetricsEndpoint metrics,
      HttpOptions http,
      AdmissionControl admission,
      CorePinning pinning) {
    this.pinning = pinning;
    this.http = http;
    this.admission = admission;
    this.meters = meters;
    this.metrics = metrics;
    this.authenticator = authenticator;
    this.store = store;
    this.writerOptions = writerOptions;
    this.intake = intake;
    this.queues = queues;
    this.draining = draining;
    this.board = board;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    pinning.pinLoop(); // on this verticle's event loop, which serves its connections and writer
    writer = new GroupCommitWriter(vertx, store, writerOptions, meters.writer());
    IntakeMeter intakeMeter = new IntakeMeter(meters.intake());
    Router router = Router.router(vertx);
    ProblemHandler problems = new ProblemHandler();
    ComplaintRoutes complaints =
        new ComplaintRoutes(authenticator, store, intake.apply(writer), admission.channels());

    RequestDeadlines deadlines =
        new RequestDeadlines(
            vertx,
            TimeUnit.SECONDS.toMillis(http.requestTimeoutSeconds()),
            meters.overload()::connectionCut,
            meters.overload()::refusalHeld);
    router.route().handler(deadlines);
    router
        .route()
        .handler(
            ctx -> {
              if (draining.started() && !ctx.request().path().startsWith("/health/")) {
                ctx.response().putHeader("connection", "close");
                ctx.fail(ApiException.unavailable("the gateway is shutting down", 5));
              } else {
                // Answered once a drain has begun (a record committing, a claim ended by it): the
                // client is told not to send on this connection again, which closes soon.
                // HTTP/2 forbids the header (a stream ends with GOAWAY at the drain instead).
                if (ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
                  ctx.addHeadersEndHandler(
                      v -> {
                        if (draining.started()) {
                          ctx.response().putHeader("connection", "close");
                        }
                      });
                }
                ctx.next();
              }
            });
    // Routes of their own: a body handler must come first on its route, the clock starts before
    // the body is read, and the key and media type are checked before it too.
    router.post("/v1/complaints").handler(intakeMeter).handler(complaints::preflight);
    router
        .postWithRegex("/v1/complaints:batch")
        .handler(intakeMeter)
        .handler(complaints::preflight);
    router
        .post("/v1/complaints")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(complaints::post);
    router
        .postWithRegex("/v1/complaints:batch")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BATCH_BYTES))
        .handler(complaints::postBatch);
    router.get("/v1/complaints/:id").handler(complaints::get);
    router.get("/v1/complaints/:id/unmasked").handler(complaints::getUnmasked);
    if (this.queues != null) {
      QueueRoutes queues = this.queues.create(vertx);
      BodyHandler small = BodyHandler.create(false).setBodyLimit(8 * 1024);
      router
          .postWithRegex("/v1/queues/[^/]+/claim|/v1/complaints/[^/:]+/(decision|requeue|unlink)")
          .handler(queues::preflight);
      router.get("/v1/queues").handler(queues::overview);
      router.post("/v1/queues/:queue/claim").handler(small).handler(queues::claim);
      router.get("/v1/queues/:queue/stuck").handler(queues::stuck);
      router.post("/v1/complaints/:id/decision").handler(small).handler(queues::decide);
      router.post("/v1/complaints/:id/requeue").handler(small).handler(queues::requeue);
      router.post("/v1/complaints/:id/unlink").handler(small).handler(queues::unlink);
    }
    router.get("/openapi.json").handler(this::openApi);
    if (metrics != null) {
      router.get("/metrics").handler(metrics::scrape);
    }
    // HEAD too (RFC 9110 9.1): load balancers probe with it; the server sends no body for HEAD.
    router
        .route("/health/live")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router
        .route("/health/ready")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(this::ready);
    router.route().failureHandler(problems);
    // A path Vert.x cannot decode (/%zz) fails routing itself with a 400: a problem, not its plain
    // text and an ERROR stack trace per request.
    router.errorHandler(400, problems);
    router.errorHandler(404, problems);
    router.errorHandler(405, problems);

    server = vertx.createHttpServer(serverOptions(port, http, admission.maxConcurrentStreams()));
    server.invalidRequestHandler(ProblemHandler::invalidRequest);
    server.connectionHandler(connection -> opened(connection, deadlines));
    // Routes added after the failure handler still match: only failures go to it.
    Future<Void> boardRoutes =
        board == null
            ? Future.succeededFuture()
            : BoardRoutes.load(vertx, board)
                .map(
                    b -> {
                      b.mount(router);
                      return null;
                    });
    return boardRoutes
        .compose(v -> vertx.fileSystem().readFile("api/openapi.json"))
        .compose(
            doc -> {
              openApi = doc;
              problems.allow(AllowedMethods.of(new JsonObject(doc)));
              return server.requestHandler(router).listen();
            });
  }

  /**
   * A connection just accepted: closed at once past the node's cap, else its request deadline
   * starts. It has one close handler, which undoes both.
   */
  private void opened(HttpConnection connection, RequestDeadlines deadlines) {
    ConnectionCap cap = admission.connections();
    if (!cap.admit()) {
      connection.close();
      return;
    }
    connection.closeHandler(
        v -> {
          cap.closed();
          deadlines.closed(connection);
        });
    deadlines.opened(connection);
  }

  /**
   * The protocol limits: Vert.x's 8 KiB of headers and 4 KiB of request line are pinned here, so a
   * change of its defaults cannot widen them, and h2c is served only when configured. The idle
   * timeout closes a silent connection; {@link RequestDeadlines} one that talks too slowly. An
   * HTTP/1.1 connection is served one request at a time: Vert.x parks a pipelined request and stops
   * reading the socket until the answer before it is written, so pipelining holds at most one
   * parsed request and TCP holds back the rest. An HTTP/2 connection (with h2c on) announces its
   * stream limit in its SETTINGS. The gateway serves no WebSockets, so their compression is off:
   * with it on (Vert.x's default) every HTTP/1 connection carries Netty's WebSocket extension
   * handler, which inspects each request and each response for an upgrade.
   */
  static HttpServerOptions serverOptions(int port, HttpOptions http, int maxConcurrentStreams) {
    return new HttpServerOptions()
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPort(port)
        .setHost(http.host())
        .setMaxHeaderSize(HttpOptions.MAX_HEADER_BYTES)
        .setMaxInitialLineLength(HttpOptions.MAX_REQUEST_LINE_BYTES)
        .setHttp2ClearTextEnabled(http.h2c())
        .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(maxConcurrentStreams))
        .setIdleTimeout(http.idleTimeoutSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
  }

  /** The contract as OpenAPI 3.1, read from the jar once, at start. */
  private void openApi(io.vertx.ext.web.RoutingContext ctx) {
    ctx.response().putHeader("content-type", "application/json").end(openApi);
  }

  /** The port actually bound, useful when it was 0. */
  public int actualPort() {
    return server.actualPort();
  }

  /** Ready while the database answers, and not from the moment draining starts. */
  private void ready(io.vertx.ext.web.RoutingContext ctx) {
    if (draining.started()) {
      ctx.fail(ApiException.unavailable("the gateway is shutting down", 5));
      return;
    }
    store
        .ping()
        .timeout(2, TimeUnit.SECONDS)
        .onSuccess(v -> ctx.json(new JsonObject().put("status", "UP")))
        .onFailure(err -> ctx.fail(ApiException.unavailable("the database is not reachable", 5)));
  }

  /**
   * Answers everything already taken, then stops listening: records once committed, long-polling
   * claims at once with what they hold (their wait is cut short), and the server then waits up to
   * {@value #SHUTDOWN_SECONDS} s for those answers to be written before it closes its connections.
   */
  @Override
  public Future<?> stop() {
    draining.start();
    QueueNotifier.endWaits(vertx);
    return writer.drain().compose(v -> server.shutdown(SHUTDOWN_SECONDS, TimeUnit.SECONDS));
  }

  /** How long the server waits, once the writer is drained, for answers still being written. */
  static final long SHUTDOWN_SECONDS = 5;
}
