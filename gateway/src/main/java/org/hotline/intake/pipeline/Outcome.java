package org.hotline.intake.pipeline;

import io.vertx.core.json.JsonObject;

/**
 * How one record ended.
 *
 * @param verdict the verdict as stored: this request's, or the original one for a replay
 * @param replayed true when the same record was already committed by an earlier request
 */
public record Outcome(JsonObject verdict, boolean replayed) {}
