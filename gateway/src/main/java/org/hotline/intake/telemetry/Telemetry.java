package org.hotline.intake.telemetry;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.intake.config.GatewayConfig;
import org.hotline.intake.pipeline.IntakeObserver;
import org.hotline.intake.queue.QueueMetricsStore;
import org.hotline.intake.sla.SlaService;
import org.hotline.intake.sla.WorkingCalendar;
import org.hotline.metrics.GatewayMeters;

/**
 * The gateway's meters, wired: the registry and binders, what the pipeline tells them, and the
 * poller that refreshes the database-derived gauges when they are scraped.
 */
public final class Telemetry {
  /** The deadline names of the SLA policy, the {@code deadline} label. */
  static final List<String> DEADLINES =
      List.of("accept_by", "verify_by", "answer_by", "sign_by", "mediate_by");

  private final PrometheusMeterRegistry registry;
  private final GatewayMeters meters;
  private QueuePoller poller;

  private Telemetry(PrometheusMeterRegistry registry, GatewayMeters meters) {
    this.registry = registry;
    this.meters = meters;
  }

  /**
   * Binds every meter to {@code registry}.
   *
   * @param queues the queue codes to publish from the start (districts, triage, transfer)
   * @param problemTypes the problem types the intake routes answer
   * @param writers how many group-commit writers this node runs
   */
  public static Telemetry bind(
      PrometheusMeterRegistry registry,
      GatewayConfig config,
      SlaService sla,
      List<String> queues,
      List<String> problemTypes,
      int writers) {
    GatewayMeters meters =
        GatewayMeters.bind(
            registry,
            new GatewayMeters.Setup(
                Telemetry.class.getPackage().getImplementationVersion(),
                config.channels(),
                problemTypes,
                queues,
                DEADLINES,
                (long) writers * config.writer().maxQueued(),
                coveredUntil(sla.policy().calendar(), LocalDate.now(ZoneOffset.ofHours(8)))));
    return new Telemetry(registry, meters);
  }

  /**
   * The end of the last day that official calendars cover without a gap from {@code today}'s year,
   * as Unix time (Asia/Shanghai); the start of this year when this year has no calendar.
   */
  static long coveredUntil(WorkingCalendar calendar, LocalDate today) {
    int year = today.getYear();
    while (calendar.covers(year)) {
      year++;
    }
    return LocalDate.of(year, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.ofHours(8)) - 1;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public GatewayMeters meters() {
    return meters;
  }

  /** What the pipeline reports about each committed record, into the dedup and routing meters. */
  public IntakeObserver observer() {
    return (dedup, route, stored) -> {
      boolean clustered = stored.getValue("cluster_id") != null;
      String kind =
          "duplicate".equals(stored.getString("status"))
              ? "DUPLICATE"
              : clustered ? "CLUSTERED" : "NEW";
      meters.dedup().verdict(kind, clustered && dedup.escalated());
      String queue = stored.getString("queue");
      if (queue != null) {
        meters.routing().routed(queue, route.reason());
      }
    };
  }

  /**
   * Starts the event-loop probes (one per loop) and the queue poller, and returns the SLA sweep
   * that counts breaches, for the upkeep timer.
   */
  public Future<String> start(
      Vertx vertx, Pool pool, SlaService sla, int eventLoops, int clusterWindowDays) {
    QueueMetricsStore store = new QueueMetricsStore(vertx, pool);
    Supplier<EventLoopProbe> probe = () -> new EventLoopProbe(meters.eventLoops());
    poller = new QueuePoller(store, meters.latest(), sla::atRiskCutoff, clusterWindowDays);
    return poller
        .start(vertx)
        .compose(
            v -> vertx.deployVerticle(probe, new DeploymentOptions().setInstances(eventLoops)));
  }

  /**
   * Before a scrape: the queue gauges refreshed if they are older than {@link
   * QueuePoller#MIN_INTERVAL_MS}, waiting at most {@link QueuePoller#SCRAPE_WAIT_MS}. Never fails.
   */
  public Future<Void> queuesRefreshed() {
    return poller == null ? Future.succeededFuture() : poller.refreshed(QueuePoller.SCRAPE_WAIT_MS);
  }

  /** The SLA sweep, counting the items it turns breached. */
  public Future<Integer> sweep(QueueMetricsStore store) {
    return store
        .sweep()
        .map(
            breaches -> {
              breaches.forEach(b -> meters.sla().breached(b.queue(), b.deadline(), b.count()));
              return breaches.size();
            });
  }
}
