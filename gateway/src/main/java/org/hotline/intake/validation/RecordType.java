package org.hotline.intake.validation;

import java.util.Optional;

/** What kind of record a channel sent; decides which parties are required and which SLA applies. */
public enum RecordType {
  /** 投诉: a consumer dispute that can be mediated. Needs a complainant and a merchant. */
  COMPLAINT("complaint"),
  /** 举报: a tip about illegal conduct; the reporter may be anonymous, the merchant is required. */
  REPORT("report"),
  /** 咨询: a question. */
  INQUIRY("inquiry"),
  /** 建议: a suggestion. */
  SUGGESTION("suggestion");

  private final String wire;

  RecordType(String wire) {
    this.wire = wire;
  }

  /** The value used in JSON, e.g. {@code "complaint"}. */
  public String wire() {
    return wire;
  }

  /** The type whose wire value is exactly {@code value} (case-sensitive), if any. */
  public static Optional<RecordType> fromWire(String value) {
    for (RecordType t : values()) {
      if (t.wire.equals(value)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
