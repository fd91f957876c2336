package org.hotline.intake.verdict;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.grievance.Grievance;

/**
 * What the gateway decided about one record; the body of a 202 and of a replayed 200.
 *
 * @param id the record's id
 * @param status {@code accepted} or {@code duplicate}
 * @param duplicateOf the original's id when status is {@code duplicate}
 * @param clusterId the group complaint this record joined, if any
 * @param clusterSize the group's size when this record joined it
 * @param district division code of the competent bureau, or null when not decided
 * @param queue a district code, {@code triage} or {@code transfer}; null for a duplicate, which is
 *     not queued again
 * @param transferTo the competent department when queue is {@code transfer}
 * @param grievance the grievance class read from the record (a wire name of {@code
 *     routing/grievances.yaml}) or {@code unknown}; a duplicate carries its own
 * @param deadlines named deadlines as RFC 3339 strings (empty until the SLA policy fills them)
 */
public record Verdict(
    UUID id,
    String status,
    UUID duplicateOf,
    UUID clusterId,
    Integer clusterSize,
    String district,
    String queue,
    String transferTo,
    String grievance,
    Map<String, String> deadlines) {

  public static final String ACCEPTED = "accepted";
  public static final String DUPLICATE = "duplicate";
  public static final String TRIAGE = "triage";

  /**
   * {@code deadlines} marks a deadline computed without an official calendar for its year with a
   * second entry, {@code <name>_provisional: "true"}.
   */
  public static final String PROVISIONAL_SUFFIX = "_provisional";

  public Verdict {
    grievance = grievance == null ? Grievance.UNKNOWN.code() : grievance;
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
  }

  /** A record nothing has been decided about yet, grievance unknown: accepted, in triage. */
  public static Verdict acceptedToTriage(UUID id) {
    return acceptedToTriage(id, Grievance.UNKNOWN);
  }

  /** A record nothing has been decided about yet: accepted and waiting in triage. */
  public static Verdict acceptedToTriage(UUID id, Grievance grievance) {
    return new Verdict(
        id, ACCEPTED, null, null, null, null, TRIAGE, null, code(grievance), Map.of());
  }

  /**
   * The verdict for a record dedup has judged. A duplicate is linked and not queued, and carries
   * the group of its original when that is a member of one; a member of a group is queued like any
   * other record, carrying its group.
   */
  public static Verdict of(UUID id, DedupVerdict dedup, Grievance grievance) {
    String g = code(grievance);
    return switch (dedup.kind()) {
      case NEW -> acceptedToTriage(id, grievance);
      case DUPLICATE ->
          new Verdict(
              id,
              DUPLICATE,
              dedup.duplicateOf(),
              dedup.clusterId(),
              dedup.clusterId() == null ? null : dedup.clusterSize(),
              null,
              null,
              null,
              g,
              Map.of());
      case CLUSTERED ->
          new Verdict(
              id,
              ACCEPTED,
              null,
              dedup.clusterId(),
              dedup.clusterSize(),
              null,
              TRIAGE,
              null,
              g,
              Map.of());
    };
  }

  private static String code(Grievance g) {
    return g == null ? Grievance.UNKNOWN.code() : g.code();
  }

  /** This verdict routed: where the record is queued, unless it is a duplicate (never queued). */
  public Verdict routed(String newDistrict, String newQueue, String newTransferTo) {
    if (DUPLICATE.equals(status)) {
      return this;
    }
    return new Verdict(
        id,
        status,
        duplicateOf,
        clusterId,
        clusterSize,
        newDistrict,
        newQueue,
        newTransferTo,
        grievance,
        deadlines);
  }

  /** This verdict with its intake deadlines; a duplicate has none, its original's clock runs. */
  public Verdict withDeadlines(Map<String, String> newDeadlines) {
    if (DUPLICATE.equals(status)) {
      return this;
    }
    return new Verdict(
        id,
        status,
        duplicateOf,
        clusterId,
        clusterSize,
        district,
        queue,
        transferTo,
        grievance,
        newDeadlines);
  }

  /** A deadline by name and time. */
  public record Due(String name, OffsetDateTime at) {
    /**
     * The time of {@code due}, or null when there is no deadline (a queue item's {@code due_at}).
     */
    public static OffsetDateTime atOf(Due due) {
      return due == null ? null : due.at();
    }

    /**
     * The name of {@code due}, or null when there is none (a queue item's {@code due_deadline}).
     */
    public static String nameOf(Due due) {
      return due == null ? null : due.name();
    }
  }

  /**
   * The earliest deadline with its name ({@code accept_by}, …), or null when there is none; of two
   * due at the same time, the first by name, as the queue metrics have always named it.
   */
  public Due nearestDue() {
    return nearestOf(deadlines);
  }

  /** {@link #nearestDue} of deadlines by name, their provisional flags included or not. */
  public static Due nearestOf(Map<String, String> deadlines) {
    String name = null;
    OffsetDateTime at = null;
    for (Map.Entry<String, String> e : deadlines.entrySet()) {
      if (e.getKey().endsWith(PROVISIONAL_SUFFIX)) {
        continue;
      }
      OffsetDateTime t = PARSED.get(e.getValue(), OffsetDateTime::parse);
      if (at == null || t.isBefore(at) || (t.isEqual(at) && e.getKey().compareTo(name) < 0)) {
        name = e.getKey();
        at = t;
      }
    }
    return name == null ? null : new Due(name, at);
  }

  /**
   * Deadline times already parsed: deadlines fall at the end of a working day, so the records of a
   * day share a handful of them, and parsing one (about a microsecond) for every queued record was
   * a visible share of the hot path.
   */
  private static final Memo<String, OffsetDateTime> PARSED = new Memo<>(4096);

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("status", status)
        .put("duplicate_of", duplicateOf == null ? null : duplicateOf.toString())
        .put("cluster_id", clusterId == null ? null : clusterId.toString())
        .put("cluster_size", clusterSize)
        .put("district", district)
        .put("queue", queue)
        .put("transfer_to", transferTo)
        .put("grievance", grievance)
        .put("deadlines", deadlinesJson(deadlines));
  }

  /**
   * Stored deadlines (a verdict's, or an acceptance's, whose flag was the string "true" until
   * 2026-12-06) as the values {@link #deadlinesJson} takes: every value as text.
   */
  public static Map<String, String> deadlineValues(JsonObject stored) {
    Map<String, String> values = new TreeMap<>();
    stored.forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
    return values;
  }

  /**
   * Deadlines as their wire form, sorted by name: each deadline an RFC 3339 string, each {@code
   * <name>_provisional} flag a JSON boolean.
   */
  public static JsonObject deadlinesJson(Map<String, String> deadlines) {
    TreeMap<String, Object> out = new TreeMap<>();
    deadlines.forEach(
        (k, v) -> out.put(k, k.endsWith(PROVISIONAL_SUFFIX) ? Boolean.valueOf(v) : (Object) v));
    return new JsonObject(out);
  }
}
