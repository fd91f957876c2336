package org.hotline.intake.store;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** How a submitted record ended: newly committed, or already there from an earlier request. */
public sealed interface WriteResult {
  /**
   * Committed by this request's batch.
   *
   * @param encoded {@code verdict} as the JSON text the batch stored, which the answer sends rather
   *     than encoding the verdict again
   */
  record Stored(JsonObject verdict, String encoded) implements WriteResult {
    public Stored {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(encoded, "encoded");
    }
  }

  /** (channel, source_id) was already committed; the caller compares the content hash. */
  record Existing(byte[] contentHash, JsonObject verdict) implements WriteResult {}
}
