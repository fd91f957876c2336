package org.hotline.intake.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;
import org.hotline.metrics.GatewayMeters;

/**
 * {@code GET /metrics}: the registry in Prometheus's text format. Writing the text walks every
 * meter, so it runs on a worker thread; the gauges it reads never do I/O.
 */
public final class MetricsEndpoint {
  private final PrometheusMeterRegistry registry;

  public MetricsEndpoint(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  void scrape(RoutingContext ctx) {
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
