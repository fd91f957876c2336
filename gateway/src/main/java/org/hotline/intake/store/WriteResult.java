package org.hotline.intake.store;

import io.vertx.core.json.JsonObject;

/** How a submitted record ended: newly committed, or already there from an earlier request. */
public sealed interface WriteResult {
  /**
   * Committed by this request's batch.
   *
   * @param encoded {@code verdict} as the JSON text stored, when the batch encoded it (the answer
   *     sends it rather than encoding the verdict again); else null
   */
  record Stored(JsonObject verdict, String encoded) implements WriteResult {
    public Stored(JsonObject verdict) {
      this(verdict, null);
    }
  }

  /** (channel, source_id) was already committed; the caller compares the content hash. */
  record Existing(byte[] contentHash, JsonObject verdict) implements WriteResult {}
}
