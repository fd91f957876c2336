package org.hotline.loadtest.noop;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.validation.InvalidRequestException;

/**
 * A target that does nothing: every request gets 202 and a fixed verdict-shaped body at once. Used
 * to measure the driver itself.
 *
 * <p>With a parser it is the HTTP ceiling of the throughput benchmark (issue 11): each body goes
 * through the gateway's own strict parse, validation and normalisation ({@link ComplaintParser}, on
 * the event loop as in the gateway) and gets 202, or 400 when the gateway would refuse it. Nothing
 * is judged, routed or stored.
 */
public final class NoopServer extends VerticleBase {
  private static final Buffer BODY = Buffer.buffer("{\"id\":\"noop\",\"status\":\"accepted\"}");
  private static final Buffer INVALID =
      Buffer.buffer("{\"type\":\"/problems/invalid-request\",\"status\":400}");
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final CharSequence PROBLEM =
      HttpHeaders.createOptimized("application/problem+json");
  private final int port;
  private final ComplaintParser parser;

  private NoopServer(int port, ComplaintParser parser) {
    this.port = port;
    this.parser = parser;
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(parser == null ? this::drop : this::parse)
        .listen();
  }

  /** The body is read and dropped, as a real endpoint would. */
  private void drop(HttpServerRequest req) {
    req.end().onComplete(v -> answer(req, 202, JSON, BODY));
  }

  private void parse(HttpServerRequest req) {
    req.body()
        .onComplete(
            body -> {
              if (body.failed()) {
                answer(req, 400, PROBLEM, INVALID);
                return;
              }
              try {
                parser.parse(body.result().getBytes());
                answer(req, 202, JSON, BODY);
              } catch (InvalidRequestException e) {
                answer(req, 400, PROBLEM, INVALID);
              }
            });
  }

  private static void answer(HttpServerRequest req, int status, CharSequence type, Buffer body) {
    req.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
  }

  /**
   * Starts it on {@code loops} event loops, one verticle each.
   *
   * @param port 1..65535
   * @param loops 1 or more
   * @param parse whether each body goes through the gateway's strict parser (Xiamen's rules)
   */
  public static Future<Vertx> start(int port, int loops, boolean parse) {
    // One parser shared by every loop, as in the gateway: it is thread-safe.
    ComplaintParser parser =
        parse ? new ComplaintParser(Clock.systemUTC(), Routing.xiamen().phoneNumbers()) : null;
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    return vertx
        .deployVerticle(
            () -> new NoopServer(port, parser), new DeploymentOptions().setInstances(loops))
        .map(id -> vertx);
  }
}
