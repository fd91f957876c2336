package org.hotline.metrics;

import java.util.Map;

/**
 * What the database said at one poll: the queues' work and clocks, and the group complaints in
 * progress. Immutable; gauges read the latest one ({@link LatestSnapshot}).
 *
 * @param queues by queue code ({@code 350203}, {@code triage}, {@code transfer}, …)
 * @param groupsActive group complaints whose window is still open (they can still grow)
 * @param databaseUp whether the poll succeeded; false keeps the previous counts
 */
public record QueueSnapshot(Map<String, Queue> queues, long groupsActive, boolean databaseUp) {

  public QueueSnapshot {
    queues = Map.copyOf(queues);
  }

  /** Before the first poll: nothing known, database not yet seen. */
  public static QueueSnapshot empty() {
    return new QueueSnapshot(Map.of(), 0, false);
  }

  /** The same counts, marked as not refreshed because the database did not answer. */
  public QueueSnapshot databaseDown() {
    return new QueueSnapshot(queues, groupsActive, false);
  }

  /**
   * One queue.
   *
   * @param waiting items ready to be claimed
   * @param leased items claimed, under a lease
   * @param handling accepted items being handled (mediation), until closed
   * @param stuck items parked after too many lost leases
   * @param oldestAgeSeconds age of the oldest waiting item, 0 when none waits
   * @param atRisk open items due by the end of the next working day, by deadline name
   * @param breached open items past due, by deadline name
   */
  public record Queue(
      long waiting,
      long leased,
      long handling,
      long stuck,
      long oldestAgeSeconds,
      Map<String, Long> atRisk,
      Map<String, Long> breached) {

    public Queue {
      atRisk = Map.copyOf(atRisk);
      breached = Map.copyOf(breached);
    }

    static final Queue EMPTY = new Queue(0, 0, 0, 0, 0, Map.of(), Map.of());

    /** Items in {@code state}, one of {@link QueueMeters#STATES}. */
    public long depth(String state) {
      return switch (state) {
        case "waiting" -> waiting;
        case "leased" -> leased;
        case "handling" -> handling;
        case "stuck" -> stuck;
        default -> 0;
      };
    }
  }

  /** A queue's row, or an empty one for a queue with no open items. */
  public Queue queue(String code) {
    return queues.getOrDefault(code, Queue.EMPTY);
  }
}
