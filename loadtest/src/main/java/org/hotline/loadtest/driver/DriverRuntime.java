package org.hotline.loadtest.driver;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.TimeUnit;

/**
 * The driver's Vert.x: one event loop is plenty for tens of thousands of requests a second and
 * leaves the other cores to the gateway when both share a machine. Started and stopped from a plain
 * thread.
 */
final class DriverRuntime implements AutoCloseable {
  final Vertx vertx;
  final Context loop;
  final HttpClient client;

  DriverRuntime(RunSettings s) {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
    loop = vertx.getOrCreateContext();
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setSsl("https".equals(s.target().getScheme()))
                .setDefaultHost(s.target().getHost())
                .setDefaultPort(s.port()),
            new PoolOptions().setHttp1MaxSize(s.connections()).setMaxWaitQueueSize(s.waitQueue()));
  }

  /** Registers the event loop's thread with {@code cpu}; blocks until done. */
  void register(CpuClock cpu) throws Exception {
    Promise<Void> p = Promise.promise();
    loop.runOnContext(
        v -> {
          cpu.register();
          p.complete();
        });
    await(p.future(), 10);
  }

  /**
   * One request before the clock starts: fails the run at once when the target is unreachable, and
   * takes the client's class loading and first connection out of the first measured second.
   */
  void preflight() throws Exception {
    Promise<Void> done = Promise.promise();
    loop.runOnContext(
        v ->
            client
                .request(io.vertx.core.http.HttpMethod.GET, "/health/live")
                .compose(req -> req.send())
                .compose(resp -> resp.body())
                .<Void>mapEmpty()
                .onComplete(done));
    try {
      await(done.future(), 30);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("target unreachable: " + e.getCause(), e.getCause());
    }
  }

  static <T> T await(Future<T> f, long seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(client.close().eventually(vertx::close), 30);
  }
}
