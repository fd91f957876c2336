package org.hotline.loadtest.noop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.hotline.loadtest.corpus.Corpus;
import org.hotline.loadtest.corpus.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The no-op target")
class NoopServerTest {
  private static final String INVALID = "{\"source_id\": 7, \"type\": \"complaint\"}";
  private final HttpClient client = HttpClient.newHttpClient();
  private Vertx vertx;
  private int port;

  private void start(boolean parse) throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    vertx =
        NoopServer.start(port, 2, parse)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> post(String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/complaints"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("without --parse answers 202 to anything")
  void acceptsAnything() throws Exception {
    start(false);
    assertThat(post(INVALID).statusCode()).isEqualTo(202);
  }

  @Test
  @DisplayName("with --parse answers 202 to a valid complaint and 400 to what the gateway refuses")
  void parsesLikeTheGateway() throws Exception {
    start(true);
    String valid = new Corpus(Scenario.STEADY, 3).next(0).body();

    assertThat(post(valid).statusCode()).isEqualTo(202);
    HttpResponse<String> refused = post(INVALID);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(post("{\"source_id\": \"x-1\", \"type\": \"complaint\"").statusCode())
        .isEqualTo(400);
  }
}
