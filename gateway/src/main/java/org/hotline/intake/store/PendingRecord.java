package org.hotline.intake.store;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.hotline.intake.verdict.Verdict;

/**
 * A validated record waiting for its batch to commit.
 *
 * @param record the normalised record as JSON text, stored as jsonb
 */
public record PendingRecord(
    UUID id,
    String channel,
    String sourceId,
    byte[] contentHash,
    String type,
    OffsetDateTime receivedAt,
    String record,
    Verdict verdict) {

  /** The idempotency key as one string. */
  public String key() {
    return idempotencyKey(channel, sourceId);
  }

  public static String idempotencyKey(String channel, String sourceId) {
    return channel + '\u0000' + sourceId;
  }
}
