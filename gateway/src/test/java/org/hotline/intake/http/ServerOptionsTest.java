package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.HttpOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("the HTTP server's options")
class ServerOptionsTest {
  private static final String WEBSOCKET_EXTENSIONS = "webSocketExtensionHandler";

  private static final HttpOptions HTTP =
      new HttpOptions(
          HttpOptions.LOOPBACK,
          false,
          HttpOptions.DEFAULT_IDLE_TIMEOUT_SECONDS,
          HttpOptions.DEFAULT_REQUEST_TIMEOUT_SECONDS,
          HttpOptions.defaultEventLoops(),
          HttpOptions.DEFAULT_PIN_CORES);

  @Test
  @DisplayName(
      "an HTTP/1 connection carries no WebSocket extension handler (Vert.x's default does)")
  void noWebSocketHandler(Vertx vertx) throws Exception {
    List<String> gateway = pipelineOfOneRequest(vertx, ApiVerticle.serverOptions(0, HTTP, 100));
    assertThat(gateway).contains("handler").doesNotContain(WEBSOCKET_EXTENSIONS);
    // The control: the name is the one Vert.x gives the handler when compression is on.
    List<String> defaults =
        pipelineOfOneRequest(vertx, new HttpServerOptions().setHost(HttpOptions.LOOPBACK));
    assertThat(defaults).contains(WEBSOCKET_EXTENSIONS);
  }

  @Test
  @DisplayName("pins the header and request-line limits and serves h2c only when configured")
  void limits() {
    HttpServerOptions o = ApiVerticle.serverOptions(8080, HTTP, 100);
    assertThat(o.getMaxHeaderSize()).isEqualTo(HttpOptions.MAX_HEADER_BYTES);
    assertThat(o.getMaxInitialLineLength()).isEqualTo(HttpOptions.MAX_REQUEST_LINE_BYTES);
    assertThat(o.isHttp2ClearTextEnabled()).isFalse();
    assertThat(o.getInitialSettings().getMaxConcurrentStreams()).isEqualTo(100);
    HttpOptions h2c =
        new HttpOptions(
            HttpOptions.LOOPBACK,
            true,
            HttpOptions.DEFAULT_IDLE_TIMEOUT_SECONDS,
            HttpOptions.DEFAULT_REQUEST_TIMEOUT_SECONDS,
            HttpOptions.defaultEventLoops(),
            HttpOptions.DEFAULT_PIN_CORES);
    assertThat(ApiVerticle.serverOptions(8080, h2c, 100).isHttp2ClearTextEnabled()).isTrue();
  }

  /** The Netty handler names of the connection that served one GET, read on the server. */
  private static List<String> pipelineOfOneRequest(Vertx vertx, HttpServerOptions options)
      throws Exception {
    CompletableFuture<List<String>> names = new CompletableFuture<>();
    HttpServer server =
        vertx
            .createHttpServer(options.setPort(0))
            .requestHandler(
                req -> {
                  names.complete(((ConnectionBase) req.connection()).channel().pipeline().names());
                  req.response().end("ok");
                });
    server.listen().await(10, TimeUnit.SECONDS);
    HttpClient client = vertx.createHttpClient();
    try {
      client
          .request(HttpMethod.GET, server.actualPort(), HttpOptions.LOOPBACK, "/")
          .compose(r -> r.send().compose(resp -> resp.body()))
          .await(10, TimeUnit.SECONDS);
      return names.get(10, TimeUnit.SECONDS);
    } finally {
      client.close().await(10, TimeUnit.SECONDS);
      server.close().await(10, TimeUnit.SECONDS);
    }
  }
}
