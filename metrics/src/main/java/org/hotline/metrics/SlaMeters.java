package org.hotline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The legal clocks of open queue items, by {@code queue} and {@code deadline} (the deadline an item
 * is due at: {@code accept_by}, {@code verify_by}, {@code answer_by}, {@code sign_by}, {@code
 * mediate_by}), and the holiday calendar.
 *
 * <ul>
 *   <li>{@code intake.sla.at.risk} (gauge, {@code intake_sla_at_risk}): open items due by the end
 *       of the next working day, from the latest {@link QueueSnapshot}.
 *   <li>{@code intake.sla.breached} (gauge): open items past due, from the latest snapshot.
 *   <li>{@code intake.sla.breaches} (counter, {@code intake_sla_breaches_total}): items turning
 *       breached. The SLA sweeper's UPDATE changes each row once, whichever node runs it, so in a
 *       cluster the counter is summed over instances without double counting.
 *   <li>{@code intake.sla.calendar.covered.until} (gauge, seconds, {@code
 *       intake_sla_calendar_covered_until_seconds}): the end of the last day covered by an official
 *       holiday calendar (contiguously from this year), as Unix time. Deadlines beyond it are
 *       provisional; the alert fires when it is less than 30 days ahead.
 * </ul>
 */
public final class SlaMeters implements MeterBinder {
  private final LatestSnapshot latest;
  private final List<String> queues;
  private final List<String> deadlines;
  private final AtomicLong coveredUntil = new AtomicLong();
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final Map<String, Counter> breaches = new ConcurrentHashMap<>();
  private MeterRegistry registry;

  /**
   * @param queues the configured queue codes
   * @param deadlines the deadline names of the policy
   * @param coveredUntilEpochSeconds the calendar's end, as Unix time
   */
  public SlaMeters(
      LatestSnapshot latest,
      List<String> queues,
      List<String> deadlines,
      long coveredUntilEpochSeconds) {
    this.latest = latest;
    this.queues = List.copyOf(queues);
    this.deadlines = List.copyOf(deadlines);
    this.coveredUntil.set(coveredUntilEpochSeconds);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (String q : queues) {
      for (String d : deadlines) {
        register(q, d);
      }
    }
    Gauge.builder("intake.sla.calendar.covered.until", coveredUntil, AtomicLong::get)
        .description("End of the last day covered by an official holiday calendar, Unix time")
        .baseUnit("seconds")
        .register(registry);
    latest.onUpdate(
        s ->
            s.queues()
                .forEach(
                    (q, row) -> {
                      row.atRisk().keySet().forEach(d -> register(q, d));
                      row.breached().keySet().forEach(d -> register(q, d));
                    }));
  }

  private void register(String queue, String deadline) {
    if (registry == null || !registered.add(queue + '\u0000' + deadline)) {
      return;
    }
    Gauge.builder(
            "intake.sla.at.risk",
            latest,
            l -> l.get().queue(queue).atRisk().getOrDefault(deadline, 0L))
        .description("Open items due by the end of the next working day")
        .tag("queue", queue)
        .tag("deadline", deadline)
        .register(registry);
    Gauge.builder(
            "intake.sla.breached",
            latest,
            l -> l.get().queue(queue).breached().getOrDefault(deadline, 0L))
        .description("Open items past their deadline")
        .tag("queue", queue)
        .tag("deadline", deadline)
        .register(registry);
    breaches.put(queue + '\u0000' + deadline, breachCounter(queue, deadline));
  }

  private Counter breachCounter(String queue, String deadline) {
    return Counter.builder("intake.sla.breaches")
        .description("Queue items that turned breached (counted once, by the sweeper's update)")
        .tag("queue", queue)
        .tag("deadline", deadline)
        .register(registry);
  }

  /** {@code n} items of {@code queue} turned breached on {@code deadline}. */
  public void breached(String queue, String deadline, long n) {
    register(queue, deadline);
    breaches.get(queue + '\u0000' + deadline).increment(n);
  }

  /** A calendar was loaded: it now covers up to this Unix time. */
  public void coveredUntil(long epochSeconds) {
    coveredUntil.set(epochSeconds);
  }
}
