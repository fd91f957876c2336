package org.hotline.intake.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.hotline.metrics.GatewayMeters;

/**
 * {@code GET /metrics}: the registry in Prometheus's text format. First the database-derived gauges
 * are refreshed if they are old (a bounded wait, {@code beforeScrape}); then writing the text walks
 * every meter, so it runs on a worker thread; the gauges it reads never do I/O.
 */
public final class MetricsEndpoint {
  private final PrometheusMeterRegistry registry;
  private final Supplier<Future<Void>> beforeScrape;

  /**
   * @param beforeScrape refreshes what the gauges read; its future must complete (it is not awaited
   *     past its own bound) and never fail
   */
  public MetricsEndpoint(PrometheusMeterRegistry registry, Supplier<Future<Void>> beforeScrape) {
    this.registry = registry;
    this.beforeScrape = beforeScrape;
  }

  void scrape(RoutingContext ctx) {
    Context context = ctx.vertx().getOrCreateContext();
    beforeScrape.get().onComplete(ar -> context.runOnContext(v -> write(ctx)));
  }

  private void write(RoutingContext ctx) {
    ctx.vertx()
        .executeBlocking(registry::scrape, false)
        .onSuccess(
            text ->
                ctx.response()
                    .putHeader("content-type", GatewayMeters.PROMETHEUS_CONTENT_TYPE)
                    .end(text))
        .onFailure(ctx::fail);
  }
}
