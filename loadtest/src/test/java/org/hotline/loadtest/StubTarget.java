package org.hotline.loadtest;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

  /**
   * A stub that acknowledges every post under {@code prefix} (202 with a fresh id) and answers the
   * read-back of a complaint {@code readBackStatus}, anything else under it 200, and anything
   * outside it 404.
   *
   * @param prefix "" for the root, else a path such as {@code /intake}
   */
  static StubTarget acknowledging(String prefix, int readBackStatus) throws Exception {
    AtomicInteger ids = new AtomicInteger();
    return start(
        req -> {
          String path = req.path();
          if (!path.startsWith(prefix + "/")) {
            req.response().setStatusCode(404).end();
          } else if (req.method() == HttpMethod.POST) {
            req.response().setStatusCode(202).end("{\"id\":\"c-" + ids.incrementAndGet() + "\"}");
          } else if (path.startsWith(prefix + "/v1/complaints/")) {
            req.response().setStatusCode(readBackStatus).end("{}");
          } else {
            req.response().setStatusCode(200).end("{}");
          }
        });
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
