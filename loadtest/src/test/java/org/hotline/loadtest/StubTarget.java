package org.hotline.loadtest;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;

/** A stand-in for the gateway: an HTTP server on a free local port, answering with a handler. */
final class StubTarget implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;

  private StubTarget(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static StubTarget start(Handler<HttpServerRequest> handler) throws Exception {
    Vertx vertx = Vertx.vertx();
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(handler)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return new StubTarget(vertx, server);
  }

  Vertx vertx() {
    return vertx;
  }

  /** The {@code --target} to give the load tool. */
  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
