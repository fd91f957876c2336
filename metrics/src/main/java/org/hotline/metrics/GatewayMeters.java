package org.hotline.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;

/**
 * Every binder of the gateway, bound to one registry. Built once at start-up and handed to the
 * parts that record through constructors.
 *
 * @param registry the registry they are bound to
 * @param latest the database snapshot the gauges read; the gateway's poller updates it
 */
public record GatewayMeters(
    MeterRegistry registry,
    LatestSnapshot latest,
    IntakeMeters intake,
    WriterMeters writer,
    DedupMeters dedup,
    RoutingMeters routing,
    QueueMeters queues,
    SlaMeters sla,
    EventLoopMeters eventLoops,
    OverloadMeters overload) {

  /** The content type of {@link PrometheusMeterRegistry#scrape()}: text format 0.0.4. */
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** What the binders need to know about the deployment; every list is a bounded label set. */
  public record Setup(
      String version,
      List<String> channels,
      List<String> problemTypes,
      List<String> queues,
      List<String> deadlines,
      long writerQueuedLimit,
      long calendarCoveredUntilEpochSeconds) {}

  /**
   * Meters that Micrometer's JVM binders register under names {@code promtool check metrics}
   * rejects (abbreviated units, a gauge ending in {@code _count}); what they say is covered by
   * {@code process.cpu.usage} and the JVM memory, GC and thread meters. And Vert.x's gauge of SQL
   * requests in progress, which it registers once per connection under the same name and tags:
   * Micrometer kept the first connection's, ignored the others with a warning at every start, so
   * the gauge showed one connection; {@code vertx_pool_in_use} and the writer's meters say it.
   * Vert.x's gauges of open HTTP server connections and of requests in progress have the same flaw,
   * registered once per API instance (one per event loop): {@code intake.connections.open} counts
   * every instance's connections, {@code intake.writer.queued} the records in progress.
   */
  static final List<String> DENIED =
      List.of(
          "jvm.compilation.time",
          "process.cpu.time",
          "system.cpu.count",
          "vertx.http.server.active.connections",
          "vertx.http.server.active.requests",
          "vertx.sql.processing.pending");

  /** The HTTP methods a {@code method} tag may name; any other is written {@code OTHER}. */
  static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");

  /**
   * Vert.x tags its HTTP server meters with the request's method as sent: a client inventing one
   * per request ({@code curl -X 13912345678 …}, no key needed) added a series set for each, and
   * could put a phone number into a label. Unknown methods share one value.
   */
  static final MeterFilter KNOWN_METHODS =
      MeterFilter.replaceTagValues(
          "method", m -> METHODS.contains(m) ? m : "OTHER", METHODS.toArray(String[]::new));

  /** A Prometheus registry for {@code GET /metrics}. */
  public static PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(MeterFilter.deny(id -> DENIED.contains(id.getName())));
    registry.config().meterFilter(KNOWN_METHODS);
    return registry;
  }

  /** Meters bound to a registry nobody reads: for parts assembled without a gateway (tests). */
  public static GatewayMeters detached() {
    return bind(
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
        new Setup("dev", List.of(), List.of(), List.of(), List.of(), 1, 0));
  }

  /** Builds every binder and binds it to {@code registry}. */
  public static GatewayMeters bind(MeterRegistry registry, Setup setup) {
    LatestSnapshot latest = new LatestSnapshot();
    GatewayMeters m =
        new GatewayMeters(
            registry,
            latest,
            new IntakeMeters(setup.channels(), setup.problemTypes()),
            new WriterMeters(setup.writerQueuedLimit()),
            new DedupMeters(latest),
            new RoutingMeters(),
            new QueueMeters(latest, setup.queues()),
            new SlaMeters(
                latest,
                setup.queues(),
                setup.deadlines(),
                setup.calendarCoveredUntilEpochSeconds()),
            new EventLoopMeters(),
            new OverloadMeters(setup.channels()));
    for (MeterBinder b :
        List.of(
            m.intake,
            m.writer,
            m.dedup,
            m.routing,
            m.queues,
            m.sla,
            m.eventLoops,
            m.overload,
            new BuildInfo(setup.version))) {
      b.bindTo(registry);
    }
    return m;
  }
}
