package org.hotline.intake.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hotline.intake.verdict.Verdict;

/**
 * A validated record waiting for its batch to commit, with what dedup decided about it.
 *
 * @param record the normalised record as JSON text, stored as jsonb
 * @param blockingKey the dedup partition key, or null when nothing identifies merchant or person
 * @param fingerprint the dedup fingerprint's bytes, kept so the index can be rebuilt
 * @param escalated whether this record brought its group to the escalation threshold
 * @param joinedWith earlier records that became members of this record's group with it
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
    List<UUID> joinedWith) {

  public PendingRecord {
    joinedWith = joinedWith == null ? List.of() : List.copyOf(joinedWith);
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
        List.of());
  }

  /** The idempotency key as one string. */
  public String key() {
    return idempotencyKey(channel, sourceId);
  }

  public static String idempotencyKey(String channel, String sourceId) {
    return channel + '\u0000' + sourceId;
  }
}
