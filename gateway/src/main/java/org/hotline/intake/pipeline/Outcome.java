package org.hotline.intake.pipeline;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * How one record ended.
 *
 * @param verdict the verdict as stored: this request's, or the original one for a replay
 * @param replayed true when the same record was already committed by an earlier request
 * @param encoded {@code verdict} as JSON text: the text the batch stored, or for a replay the
 *     stored verdict encoded again
 */
public record Outcome(JsonObject verdict, boolean replayed, String encoded) {
  public Outcome {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(encoded, "encoded");
  }

  /** The verdict as the answer's body. */
  public Buffer body() {
    return Buffer.buffer(encoded);
  }
}
