package org.hotline.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The district queues, from the latest {@link QueueSnapshot} (refreshed from PostgreSQL every few
 * seconds, never during a scrape).
 *
 * <ul>
 *   <li>{@code intake.queue.depth} (gauge): items by {@code queue} and {@code state}: {@code
 *       waiting} (ready to claim), {@code leased}, {@code handling} (accepted, until closed),
 *       {@code stuck} (parked after too many lost leases).
 *   <li>{@code intake.queue.oldest.age} (gauge, seconds, {@code intake_queue_oldest_age_seconds}):
 *       how long the oldest waiting item of a {@code queue} has waited; 0 when none waits.
 *   <li>{@code intake.database.up} (gauge): 1 when the last poll of the database succeeded, else 0
 *       (the counts then keep their last values).
 * </ul>
 *
 * <p>Gauges exist for every configured queue from the start (zeros, so dashboards show every
 * district), and are added for a queue code first seen in the database. Every node publishes them
 * with the same values; dashboards and alerts take {@code max} over instances.
 */
public final class QueueMeters implements MeterBinder {
  /** The {@code state} label values. */
  public static final List<String> STATES = List.of("waiting", "leased", "handling", "stuck");

  private final LatestSnapshot latest;
  private final List<String> configured;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private MeterRegistry registry;

  /**
   * @param queues the configured queue codes (districts, triage, transfer)
   */
  public QueueMeters(LatestSnapshot latest, List<String> queues) {
    this.latest = latest;
    this.configured = List.copyOf(queues);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    configured.forEach(this::register);
    Gauge.builder("intake.database.up", latest, l -> l.get().databaseUp() ? 1 : 0)
        .description("1 when the gateway's last poll of PostgreSQL succeeded, else 0")
        .register(registry);
    latest.onUpdate(s -> s.queues().keySet().forEach(this::register));
  }

  private void register(String queue) {
    if (registry == null || !registered.add(queue)) {
      return;
    }
    for (String state : STATES) {
      Gauge.builder("intake.queue.depth", latest, l -> l.get().queue(queue).depth(state))
          .description("Open queue items by queue and state")
          .tag("queue", queue)
          .tag("state", state)
          .register(registry);
    }
    Gauge.builder("intake.queue.oldest.age", latest, l -> l.get().queue(queue).oldestAgeSeconds())
        .description("Age of the oldest waiting item of a queue (0 when none waits)")
        .tag("queue", queue)
        .baseUnit("seconds")
        .register(registry);
  }
}
