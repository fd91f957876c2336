package org.hotline.intake.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How personal data is kept: the keys that seal phones and ID numbers at rest, and how long records
 * are kept.
 *
 * @param keys the data keys, the first one active (it seals every new value), the others only open
 *     values sealed before a rotation; empty: a key generated on first start and kept in the
 *     database (a development default: it lies beside the data it protects)
 * @param retentionDays {@code 1..36500}: records received longer ago than this are deleted once
 *     their work is done; at least the dedup windows, so no live duplicate or group links to a
 *     purged record
 * @param purgeBatch {@code 1..10000}: records deleted (or re-sealed) per short transaction
 * @param jobIntervalMinutes {@code 1..1440}: how often the re-seal and purge jobs run (also once at
 *     start)
 */
public record PrivacyOptions(
    List<DataKey> keys, int retentionDays, int purgeBatch, int jobIntervalMinutes) {
  // Three years: a placeholder for the city's archive rule (unconfirmed), kept as configuration.
  public static final int DEFAULT_RETENTION_DAYS = 1095;
  public static final int DEFAULT_PURGE_BATCH = 500;
  public static final int DEFAULT_JOB_INTERVAL_MINUTES = 60;
  public static final int MAX_RETENTION_DAYS = 36_500;
  public static final int MAX_PURGE_BATCH = 10_000;
  public static final int MAX_JOB_INTERVAL_MINUTES = 1440;

  public PrivacyOptions {
    keys = List.copyOf(keys);
    Set<String> ids = new HashSet<>();
    for (DataKey k : keys) {
      if (!ids.add(k.id())) {
        throw new IllegalArgumentException("data key id " + k.id() + " is listed twice");
      }
      if (k.id().equals(DataKey.GENERATED_ID)) {
        throw new IllegalArgumentException(
            "data key id " + DataKey.GENERATED_ID + " is reserved for the generated key");
      }
    }
    if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
      throw new IllegalArgumentException("retention must be 1..36500 days");
    }
    if (purgeBatch < 1 || purgeBatch > MAX_PURGE_BATCH) {
      throw new IllegalArgumentException("purge batch must be 1..10000");
    }
    if (jobIntervalMinutes < 1 || jobIntervalMinutes > MAX_JOB_INTERVAL_MINUTES) {
      throw new IllegalArgumentException("job interval must be 1..1440 minutes");
    }
  }

  public static PrivacyOptions defaults() {
    return new PrivacyOptions(
        List.of(), DEFAULT_RETENTION_DAYS, DEFAULT_PURGE_BATCH, DEFAULT_JOB_INTERVAL_MINUTES);
  }

  public Duration retention() {
    return Duration.ofDays(retentionDays);
  }

  public PrivacyOptions withKeys(List<DataKey> newKeys) {
    return new PrivacyOptions(newKeys, retentionDays, purgeBatch, jobIntervalMinutes);
  }

  public PrivacyOptions withRetention(int days, int batch) {
    return new PrivacyOptions(keys, days, batch, jobIntervalMinutes);
  }
}
