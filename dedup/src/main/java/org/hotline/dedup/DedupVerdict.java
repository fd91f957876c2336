package org.hotline.dedup;

import java.util.List;
import java.util.UUID;

/**
 * The index's decision about one record.
 *
 * @param kind what the record is
 * @param duplicateOf the original's id when {@code kind} is {@link Kind#DUPLICATE}
 * @param clusterId the group complaint the record joined when {@code kind} is {@link
 *     Kind#CLUSTERED}
 * @param clusterSize the group's size including this record
 * @param escalated true exactly when this decision brought the group to the escalation threshold
 *     (or past it, when the group grew by more than this record)
 * @param joinedWith earlier records that became members of the group with this decision, so the
 *     caller can store their membership: the first member when the group is created, earlier
 *     filings of the matter that had not matched each other, and the members of another group of
 *     the same matter that is merged into this one
 */
public record DedupVerdict(
    Kind kind,
    UUID duplicateOf,
    UUID clusterId,
    int clusterSize,
    boolean escalated,
    List<UUID> joinedWith) {

  /** What a record is, relative to what the index already holds. */
  public enum Kind {
    /** Nothing matched: a new matter. */
    NEW,
    /** The same complainant filed the same matter against the same merchant within the window. */
    DUPLICATE,
    /** Other complainants filed the same matter against the same merchant within the window. */
    CLUSTERED
  }

  public DedupVerdict {
    joinedWith = joinedWith == null ? List.of() : List.copyOf(joinedWith);
  }

  public static DedupVerdict fresh() {
    return new DedupVerdict(Kind.NEW, null, null, 0, false, List.of());
  }

  /** A re-filing of {@code original}. */
  public static DedupVerdict duplicateOf(UUID original) {
    return new DedupVerdict(Kind.DUPLICATE, original, null, 0, false, List.of());
  }

  /**
   * A re-filing of {@code original}, a member of the group complaint {@code clusterId} of {@code
   * clusterSize} members: one more filing of a member's matter, which carries the group it belongs
   * to but is no member of its own (the group's size does not count it).
   */
  public static DedupVerdict duplicateOf(UUID original, UUID clusterId, int clusterSize) {
    return new DedupVerdict(Kind.DUPLICATE, original, clusterId, clusterSize, false, List.of());
  }
}
