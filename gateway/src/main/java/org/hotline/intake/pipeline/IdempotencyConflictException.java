package org.hotline.intake.pipeline;

/** The (channel, source_id) was already used for a record with different content. */
public final class IdempotencyConflictException extends RuntimeException {
  public IdempotencyConflictException() {
    super(
        "this source_id was already used for a record with different content", null, false, false);
  }
}
