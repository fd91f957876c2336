package org.hotline.intake.pipeline;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * How one record ended.
 *
 * @param verdict the verdict as stored: this request's, or the original one for a replay
 * @param replayed true when the same record was already committed by an earlier request
 * @param encoded {@code verdict} as JSON text when the batch that stored it encoded it; else null
 */
public record Outcome(JsonObject verdict, boolean replayed, String encoded) {
  public Outcome(JsonObject verdict, boolean replayed) {
    this(verdict, replayed, null);
  }

  /** The verdict as the answer's body: the text the batch already encoded, when it did. */
  public Buffer body() {
    return encoded != null ? Buffer.buffer(encoded) : verdict.toBuffer();
  }
}
