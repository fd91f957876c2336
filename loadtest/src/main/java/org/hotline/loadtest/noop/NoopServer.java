package org.hotline.loadtest.noop;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;

/**
 * A target that does nothing: every request gets 202 and a fixed verdict-shaped body at once. Used
 * to measure the driver itself.
 */
public final class NoopServer extends VerticleBase {
  private static final Buffer BODY = Buffer.buffer("{\"id\":\"noop\",\"status\":\"accepted\"}");
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private final int port;

  private NoopServer(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(
            req ->
                // The body is read and dropped, as a real endpoint would.
                req.end()
                    .onComplete(
                        v ->
                            req.response()
                                .setStatusCode(202)
                                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                                .end(BODY)))
        .listen();
  }

  /**
   * Starts it on {@code loops} event loops, one verticle each.
   *
   * @param port 1..65535
   * @param loops 1 or more
   */
  public static Future<Vertx> start(int port, int loops) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    return vertx
        .deployVerticle(() -> new NoopServer(port), new DeploymentOptions().setInstances(loops))
        .map(id -> vertx);
  }
}
