package org.hotline.intake.store;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hotline.intake.verdict.Verdict;

/**
 * A validated record waiting for its batch to commit, with what dedup decided about it.
 *
 * @param record the normalised record as JSON text (stored as written), personal fields sealed
 * @param blockingKey the dedup partition key, or null when nothing identifies merchant or person
 * @param fingerprint the dedup fingerprint's bytes, kept so the index can be rebuilt
 * @param escalated whether this record brought its group to the escalation threshold
 * @param joinedWith earlier records that became members of this record's group with it
 * @param unlinked the verdict to store instead when a record this one links to (its original, or a
 *     record it joined a group with) is not committed: accepted, routed, with its own deadlines;
 *     null when the record links to nothing
 * @param piiKey the id of the data key that sealed the record's personal fields; null when nothing
 *     sealed it
 */
public record PendingRecord(
    UUID id,
    String channel,
    String sourceId,
    byte[] contentHash,
    String type,
    OffsetDateTime receivedAt,
    String record,
    Verdict verdict,
    String blockingKey,
    byte[] fingerprint,
    boolean escalated,
    List<UUID> joinedWith,
    Verdict unlinked,
    String piiKey) {

  public PendingRecord {
    joinedWith = joinedWith == null ? List.of() : List.copyOf(joinedWith);
  }

  /** The committed records this one links to: its original, and those it joined a group with. */
  public Set<UUID> linkTargets() {
    Set<UUID> targets = new LinkedHashSet<>(joinedWith);
    if (verdict.duplicateOf() != null) {
      targets.add(verdict.duplicateOf());
    }
    return targets;
  }

  /** This record as stored when a link target is missing: no link, no group, queued on its own. */
  PendingRecord demoted() {
    if (unlinked == null) {
      throw new IllegalStateException("a linked record without its unlinked verdict");
    }
    return new PendingRecord(
        id,
        channel,
        sourceId,
        contentHash,
        type,
        receivedAt,
        record,
        unlinked,
        blockingKey,
        fingerprint,
        false,
        List.of(),
        null,
        piiKey);
  }

  /** A record dedup has not looked at. */
  public PendingRecord(
      UUID id,
      String channel,
      String sourceId,
      byte[] contentHash,
      String type,
      OffsetDateTime receivedAt,
      String record,
      Verdict verdict) {
    this(
        id,
        channel,
        sourceId,
        contentHash,
        type,
        receivedAt,
        record,
        verdict,
        null,
        null,
        false,
        List.of(),
        null,
        null);
  }

  /** The idempotency key as one string. */
  public String key() {
    return idempotencyKey(channel, sourceId);
  }

  public static String idempotencyKey(String channel, String sourceId) {
    return channel + '\u0000' + sourceId;
  }
}
