package org.hotline.loadtest.driver;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.ContextInternal;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The driver's Vert.x: one event loop is plenty for tens of thousands of requests a second and
 * leaves the other cores to the gateway when both share a machine. It prefers the native epoll
 * transport, whose timer keeps the schedule to microseconds (NIO's select rounds to milliseconds).
 * Started and stopped from a plain thread.
 */
final class DriverRuntime implements AutoCloseable {
  final Vertx vertx;
  final ContextInternal loop;
  final ClientPools clients;
  private final RunSettings settings;

  DriverRuntime(RunSettings s) {
    settings = s;
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(2)
                .setPreferNativeTransport(true));
    loop = (ContextInternal) vertx.getOrCreateContext();
    clients =
        new ClientPools(
            vertx,
            new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setSsl("https".equals(s.target().getScheme()))
                .setDefaultHost(s.target().getHost())
                .setDefaultPort(s.port()),
            s.connections(),
            s.waitQueue());
  }

  /** Says so on {@code err} when the schedule has to make do with NIO's millisecond timer. */
  void warnWithoutNativeTransport(PrintStream err) {
    if (!vertx.isNativeTransportEnabled()) {
      err.println(
          "warning: native epoll transport unavailable ("
              + vertx.unavailableNativeTransportCause()
              + "); the schedule's timer rounds to milliseconds, so dispatch delay will be higher");
    }
  }

  /** Runs {@code action} on the event loop and returns the future it gives. */
  <T> Future<T> onLoop(Supplier<Future<T>> action) {
    Promise<T> p = Promise.promise();
    loop.runOnContext(v -> action.get().onComplete(p));
    return p.future();
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
   * One request before the clock starts: fails the run at once when the target is unreachable or
   * does not answer within the request timeout, and takes the client's class loading and first
   * connection out of the first measured second.
   */
  void preflight() throws Exception {
    long timeout = settings.timeoutMillis();
    RequestOptions health =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setURI(settings.uri("/health/live"))
            .setConnectTimeout(timeout)
            .setIdleTimeout(timeout);
    Promise<Void> done = Promise.promise();
    loop.runOnContext(
        v ->
            clients
                .next()
                .request(health)
                .compose(req -> req.send())
                .compose(resp -> resp.body())
                .<Void>mapEmpty()
                .onComplete(done));
    try {
      // The request's own timeouts end it; this is the backstop for a connection that trickles.
      done.future()
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("target unreachable: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "target unreachable: no answer to GET "
              + settings.uri("/health/live")
              + " within "
              + timeout
              + " ms",
          e);
    }
  }

  static <T> T await(Future<T> f, long seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(clients.close().eventually(vertx::close), 30);
  }
}
