package org.hotline.intake.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * A validated, normalised {@code POST /v1/complaints} body, as produced by {@link ComplaintParser}.
 *
 * <p>The array and the JSON nodes are not copied: treat them as read-only.
 *
 * @param sourceId the channel's own id, 1–128 characters
 * @param type the record type
 * @param receivedAt when the channel received it; the parse time when the channel did not say
 * @param complainant the complainant, or null when absent
 * @param merchant the merchant, or null when absent
 * @param category the channel's category, or null
 * @param content the facts and the request, NFC, trimmed, 1–5000 characters
 * @param amount yuan, 0..1e12 with at most 2 decimals, no trailing zeros; or null
 * @param occurredAt a {@code yyyy-MM-dd} date or an RFC 3339 date-time as sent; or null
 * @param channelRef channel-specific extras exactly as sent; or null
 * @param contentHash SHA-256 of the canonical form of what the channel sent: equal for the same
 *     record re-sent with other key order, whitespace or phone formatting, different when any value
 *     changes. Compared to tell an idempotent replay (200) from a conflicting one (422)
 * @param normalized the document to store: contract field names, normalised values, {@code
 *     received_at} always present
 */
public record IntakeRequest(
    String sourceId,
    RecordType type,
    OffsetDateTime receivedAt,
    Complainant complainant,
    Merchant merchant,
    String category,
    String content,
    BigDecimal amount,
    String occurredAt,
    ObjectNode channelRef,
    byte[] contentHash,
    ObjectNode normalized) {

  /** {@link #contentHash} as 64 lower-case hex digits. */
  public String contentHashHex() {
    return HexFormat.of().formatHex(contentHash);
  }
}
