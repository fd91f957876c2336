package org.hotline.intake.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A complaint row as read back, with the ids of its duplicates and the group it belongs to (the
 * group null when none; both null when they were not read, as for a claimed item), and the
 * deadlines now in force ({@code deadlines}: the verdict's until a decision changes them, see
 * {@code ComplaintStore.DEADLINES_IN_FORCE}). {@code record} holds personal data in clear: mask
 * before showing.
 */
public record StoredComplaint(
    UUID id,
    String channel,
    String sourceId,
    String type,
    OffsetDateTime receivedAt,
    OffsetDateTime createdAt,
    String state,
    String queue,
    JsonObject record,
    JsonObject verdict,
    JsonArray duplicates,
    JsonObject cluster,
    JsonObject deadlines) {}
