package org.hotline.dedup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What duplicate and group detection needs to know about one record. Only {@code id}, {@code
 * receivedAt} and {@code content} are required; the rest is null when the channel did not send it.
 * Values may arrive raw (full-width digits, any phone shape): the fingerprinter normalises them.
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
    LocalDate occurredOn) {}
