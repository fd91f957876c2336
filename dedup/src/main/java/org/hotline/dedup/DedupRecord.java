package org.hotline.dedup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hotline.dedup.grievance.Grievance;
import org.hotline.dedup.grievance.GrievanceClassifier;

/**
 * What duplicate and group detection needs to know about one record. Only {@code id}, {@code
 * receivedAt} and {@code content} are required; the rest is null when the channel did not send it.
 * Values may arrive raw (full-width digits, any phone shape): the fingerprinter normalises them.
 * {@code grievance} is what {@link GrievanceClassifier} read from the record's category and text;
 * null means {@link Grievance#UNKNOWN}.
 */
public record DedupRecord(
    UUID id,
    Instant receivedAt,
    String phone,
    String idNumber,
    String merchantName,
    String creditCode,
    String merchantAddress,
    String platform,
    String content,
    BigDecimal amount,
    LocalDate occurredOn,
    Grievance grievance) {

  public DedupRecord {
    grievance = grievance == null ? Grievance.UNKNOWN : grievance;
  }

  /** This record with {@code g} as its grievance. */
  public DedupRecord withGrievance(Grievance g) {
    return new DedupRecord(
        id,
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
        g);
  }

  /** A record whose grievance is not known. */
  public DedupRecord(
      UUID id,
      Instant receivedAt,
      String phone,
      String idNumber,
      String merchantName,
      String creditCode,
      String merchantAddress,
      String platform,
      String content,
      BigDecimal amount,
      LocalDate occurredOn) {
    this(
        id,
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
        Grievance.UNKNOWN);
  }
}
