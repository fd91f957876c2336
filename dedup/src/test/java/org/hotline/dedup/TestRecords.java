package org.hotline.dedup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hotline.dedup.grievance.Grievance;

/**
 * Builds {@link DedupRecord}s for tests: a complaint, then the changes a test cares about. Each
 * {@link #build} gets a new id.
 */
final class TestRecords {
  static final byte[] SECRET = "a-test-secret-of-enough-length".getBytes(StandardCharsets.UTF_8);
  static final Instant T0 = Instant.parse("2025-10-02T03:00:00Z");

  private Instant receivedAt = T0;
  private String phone = "13950001234";
  private String idNumber;
  private String merchantName = "鹭江海鲜大排档";
  private String creditCode;
  private String merchantAddress;
  private String platform;
  private String content = "来电人反映：其10月2日在中山路鹭江海鲜大排档吃饭，点螃蟹时说按斤卖，结账却按两算，价格翻了十倍。要求退还多收的钱。";
  private BigDecimal amount = new BigDecimal("1280");
  private LocalDate occurredOn = LocalDate.of(2025, 10, 2);
  private Grievance grievance = Grievance.UNKNOWN;

  static TestRecords complaint() {
    return new TestRecords();
  }

  TestRecords at(Instant t) {
    receivedAt = t;
    return this;
  }

  TestRecords phone(String p) {
    phone = p;
    return this;
  }

  TestRecords idNumber(String n) {
    idNumber = n;
    return this;
  }

  TestRecords merchant(String name) {
    merchantName = name;
    return this;
  }

  TestRecords creditCode(String code) {
    creditCode = code;
    return this;
  }

  TestRecords address(String a) {
    merchantAddress = a;
    return this;
  }

  TestRecords content(String c) {
    content = c;
    return this;
  }

  TestRecords amount(String yuan) {
    amount = yuan == null ? null : new BigDecimal(yuan);
    return this;
  }

  TestRecords occurredOn(LocalDate d) {
    occurredOn = d;
    return this;
  }

  /** The grievance the classifier would have read; "unknown" by default. */
  TestRecords grievance(String code) {
    grievance = Grievance.of(code);
    return this;
  }

  DedupRecord build() {
    return new DedupRecord(
        UUID.randomUUID(),
        receivedAt,
        phone,
        idNumber,
        merchantName,
        creditCode,
        merchantAddress,
        platform,
        content,
        amount,
        occurredOn,
        grievance);
  }
}
