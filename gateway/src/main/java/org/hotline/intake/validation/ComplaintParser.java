package org.hotline.intake.validation;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import org.hotline.dedup.text.PhoneNumbers;

/**
 * The strict parser, validator and normaliser for a {@code POST /v1/complaints} body.
 *
 * <p>Bad input of any kind ends in an {@link InvalidRequestException}, never in another exception.
 * Document-level problems (encoding, syntax, limits) stop at once; field problems are all collected
 * into one exception. Thread-safe: build one and share it.
 */
public final class ComplaintParser {
  /** The deepest nesting accepted, counting the top-level object as 1. */
  public static final int MAX_DEPTH = 16;

  static final int MAX_SOURCE_ID = 128;
  static final int MAX_CATEGORY = 64;
  static final int MAX_CONTENT = 5000;
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * The oldest {@code received_at} taken: a backlog replayed years late is still taken, a year 0001
   * or 1999 typed by mistake is not (its every deadline breached at once, on no calendar).
   */
  static final Duration MAX_AGE = Duration.ofDays(3660);

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
  private static final int AMOUNT_DECIMALS = 2;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final Set<String> FIELDS =
      Set.of(
          "source_id",
          "type",
          "received_at",
          "complainant",
          "merchant",
          "category",
          "content",
          "amount",
          "occurred_at",
          "channel_ref");

  private final Clock clock;
  private final PhoneNumbers phones;
  private final StrictJsonReader reader = new StrictJsonReader(MAX_DEPTH);
  private final CanonicalJson canonical = new CanonicalJson();

  /**
   * @param clock the source of "now" for the default {@code received_at} and the future-time check
   * @param phones the city's phone rules: the area code a bare 7-digit number gets
   */
  public ComplaintParser(Clock clock, PhoneNumbers phones) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.phones = Objects.requireNonNull(phones, "phones");
  }

  /**
   * Parses raw request bytes (UTF-8).
   *
   * @throws InvalidRequestException with every problem found; details never quote values
   */
  public IntakeRequest parse(byte[] body) throws InvalidRequestException {
    ObjectNode doc = reader.read(body);
    OffsetDateTime now = OffsetDateTime.now(clock);
    FieldReader f = new FieldReader();
    ObjectNode out = reader.mapper().createObjectNode();
    f.rejectUnknown(doc, "", FIELDS);

    String sourceId = sourceId(f, doc);
    Parties.putIfPresent(out, "source_id", sourceId);
    RecordType type = type(f, doc);
    if (type != null) {
      out.put("type", type.wire());
    }
    OffsetDateTime receivedAt = receivedAt(f, doc, now);
    if (receivedAt != null) {
      out.put("received_at", Rfc3339.format(receivedAt));
    }
    LocalDate today = LocalDate.ofInstant(now.toInstant(), CHINA);
    Complainant complainant = Parties.complainant(f, doc, type, today, phones, out);
    Merchant merchant = Parties.merchant(f, doc, type, out);
    String category = f.text(doc, "", "category", MAX_CATEGORY, false);
    Parties.putIfPresent(out, "category", category);
    String content = f.text(doc, "", "content", MAX_CONTENT, true);
    Parties.putIfPresent(out, "content", content);
    BigDecimal amount = amount(f, doc);
    if (amount != null) {
      out.set("amount", DecimalNode.valueOf(amount));
    }
    String occurredAt = occurredAt(f, doc);
    Parties.putIfPresent(out, "occurred_at", occurredAt);
    ObjectNode channelRef = f.object(doc, "", "channel_ref");
    if (channelRef != null) {
      out.set("channel_ref", channelRef);
    }
    f.throwIfAny();

    // The hash covers what the channel sent, so a default received_at must not enter it:
    // a retry a second later would otherwise look like a conflicting record.
    boolean defaulted = receivedAt == null;
    byte[] hash = canonical.sha256(out, defaulted ? "received_at" : null);
    if (defaulted) {
      receivedAt = now.truncatedTo(ChronoUnit.MICROS);
      out.put("received_at", Rfc3339.format(receivedAt));
    }
    return new IntakeRequest(
        sourceId,
        type,
        receivedAt,
        complainant,
        merchant,
        category,
        content,
        amount,
        occurredAt,
        channelRef,
        hash,
        out);
  }

  private static String sourceId(FieldReader f, ObjectNode doc) {
    String id = f.text(doc, "", "source_id", MAX_SOURCE_ID, true);
    if (id != null && hasControl(id)) {
      f.error("/source_id", "must not contain control characters");
      return null;
    }
    return id;
  }

  /** Whether {@code s} holds a control character (all of them are in the BMP, below surrogates). */
  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static RecordType type(FieldReader f, ObjectNode doc) {
    String wire = f.text(doc, "", "type", Integer.MAX_VALUE, true);
    if (wire == null) {
      return null;
    }
    RecordType type = RecordType.fromWire(wire).orElse(null);
    if (type == null) {
      f.error("/type", "must be one of complaint, report, inquiry, suggestion");
    }
    return type;
  }

  private static OffsetDateTime receivedAt(FieldReader f, ObjectNode doc, OffsetDateTime now) {
    String raw = f.text(doc, "", "received_at", Integer.MAX_VALUE, false);
    if (raw == null) {
      return null;
    }
    OffsetDateTime t = Rfc3339.dateTime(raw).orElse(null);
    if (t == null) {
      f.error("/received_at", "must be an RFC 3339 date-time with offset");
      return null;
    }
    if (t.toInstant().isAfter(now.toInstant().plus(MAX_CLOCK_SKEW))) {
      f.error("/received_at", "must not be more than 5 minutes in the future");
      return null;
    }
    if (t.toInstant().isBefore(now.toInstant().minus(MAX_AGE))) {
      f.error("/received_at", "must not be more than " + MAX_AGE.toDays() + " days in the past");
      return null;
    }
    return t;
  }

  private static BigDecimal amount(FieldReader f, ObjectNode doc) {
    BigDecimal v = f.number(doc, "", "amount", false);
    if (v == null) {
      return null;
    }
    if (v.signum() < 0) {
      f.error("/amount", "must not be negative");
      return null;
    }
    if (v.compareTo(MAX_AMOUNT) > 0) {
      f.error("/amount", "must be at most " + MAX_AMOUNT.toPlainString());
      return null;
    }
    BigDecimal plain = Numbers.plain(v);
    if (plain.scale() > AMOUNT_DECIMALS) {
      f.error("/amount", "must have at most 2 decimal places");
      return null;
    }
    return plain;
  }

  private static String occurredAt(FieldReader f, ObjectNode doc) {
    String raw = f.text(doc, "", "occurred_at", Integer.MAX_VALUE, false);
    if (raw == null) {
      return null;
    }
    if (Rfc3339.date(raw).isEmpty() && Rfc3339.dateTime(raw).isEmpty()) {
      f.error("/occurred_at", "must be a date (yyyy-MM-dd) or an RFC 3339 date-time with offset");
      return null;
    }
    return raw;
  }
}
