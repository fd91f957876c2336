package org.hotline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Locale;

/**
 * Duplicates and group complaints.
 *
 * <ul>
 *   <li>{@code intake.dedup.verdicts} (counter, {@code intake_dedup_verdicts_total}): stored
 *       records by {@code verdict}: {@code new} (a new matter), {@code duplicate} (the same
 *       complainant's re-filing), {@code clustered} (joined a group complaint). Replays are not
 *       counted again.
 *   <li>{@code intake.groups.escalated} (counter, {@code intake_groups_escalated_total}): group
 *       complaints that reached the escalation threshold. The index decides this once per group
 *       (atomically per merchant, on one node), so sums over a cluster do not double count.
 *   <li>{@code intake.groups.active} (gauge): group complaints whose window is still open, from the
 *       latest database snapshot.
 * </ul>
 */
public final class DedupMeters implements MeterBinder {
  /** The {@code verdict} label values, in the order of the dedup library's verdict kinds. */
  public static final List<String> VERDICTS = List.of("new", "duplicate", "clustered");

  private final LatestSnapshot latest;
  private final Counter[] verdicts = new Counter[VERDICTS.size()];
  private Counter escalated;

  public DedupMeters(LatestSnapshot latest) {
    this.latest = latest;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (int i = 0; i < VERDICTS.size(); i++) {
      verdicts[i] =
          Counter.builder("intake.dedup.verdicts")
              .description("Stored records by duplicate/group verdict")
              .tag("verdict", VERDICTS.get(i))
              .register(registry);
    }
    escalated =
        Counter.builder("intake.groups.escalated")
            .description("Group complaints that reached the escalation threshold")
            .register(registry);
    Gauge.builder("intake.groups.active", latest, l -> l.get().groupsActive())
        .description("Group complaints whose window is still open")
        .register(registry);
  }

  /**
   * One stored record's verdict.
   *
   * @param kind the verdict kind's name ({@code NEW}, {@code DUPLICATE}, {@code CLUSTERED})
   * @param escalatedNow whether this record brought its group to the threshold
   */
  public void verdict(String kind, boolean escalatedNow) {
    int i = VERDICTS.indexOf(kind.toLowerCase(Locale.ROOT));
    if (i >= 0) {
      verdicts[i].increment();
    }
    if (escalatedNow) {
      escalated.increment();
    }
  }
}
