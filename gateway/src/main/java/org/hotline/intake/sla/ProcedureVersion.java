package org.hotline.intake.sla;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Which SAMR procedure a case follows. Order No. 121 replaced Order No. 20 on 2026-04-15; a case
 * keeps the procedure of the day it was received, so the version is stored with the case rather
 * than recomputed from today's date.
 */
public enum ProcedureVersion {
  /** 《市场监督管理投诉举报处理暂行办法》, SAMR Order No. 20 (2019), for records received before 2026-04-15. */
  ORDER_20("order-20"),
  /** 《市场监督管理投诉举报处理办法》, SAMR Order No. 121, for records received from 2026-04-15. */
  ORDER_121("order-121");

  /** The first Asia/Shanghai day on which Order No. 121 applies. */
  public static final LocalDate ORDER_121_EFFECTIVE = LocalDate.of(2026, 4, 15);

  private final String wire;

  ProcedureVersion(String wire) {
    this.wire = wire;
  }

  /** The version for a record received on {@code receivedOn}, an Asia/Shanghai date. */
  public static ProcedureVersion at(LocalDate receivedOn) {
    return receivedOn.isBefore(ORDER_121_EFFECTIVE) ? ORDER_20 : ORDER_121;
  }

  /** The version for a record received at {@code receivedAt}, taken as an Asia/Shanghai date. */
  public static ProcedureVersion at(OffsetDateTime receivedAt) {
    return at(Shanghai.dateOf(receivedAt));
  }

  /** The value stored and sent, e.g. {@code "order-121"}. */
  public String wire() {
    return wire;
  }

  /** The version whose wire value is exactly {@code value}, if any. */
  public static Optional<ProcedureVersion> fromWire(String value) {
    for (ProcedureVersion v : values()) {
      if (v.wire.equals(value)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
