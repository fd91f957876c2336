package org.hotline.intake.store;

import io.vertx.core.json.JsonObject;

/** How a submitted record ended: newly committed, or already there from an earlier request. */
public sealed interface WriteResult {
  /** Committed by this request's batch. */
  record Stored(JsonObject verdict) implements WriteResult {}

  /** (channel, source_id) was already committed; the caller compares the content hash. */
  record Existing(byte[] contentHash, JsonObject verdict) implements WriteResult {}
}
