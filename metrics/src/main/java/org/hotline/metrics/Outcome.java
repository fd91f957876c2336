package org.hotline.metrics;

import java.util.Locale;

/** How the gateway answered one record: the {@code outcome} label of {@code intake_requests}. */
public enum Outcome {
  /** Stored and queued (202). */
  ACCEPTED,
  /** Stored as a duplicate of an earlier record (202, verdict {@code duplicate}). */
  DUPLICATE,
  /** The same record again: the stored verdict (200, {@code Idempotent-Replayed}). */
  REPLAYED,
  /** Refused for what it is or who sent it (400, 401, 403, 413, 415, …). */
  REJECTED,
  /** The same source_id still in flight (409) or reused for other content (422). */
  CONFLICT,
  /** Refused for now: writer full, draining, or the database unavailable (503). */
  OVERLOADED,
  /** A bug (500). */
  ERROR;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The label value. */
  public String label() {
    return label;
  }

  /** Whether this outcome is a server-side failure for the availability objective (5xx). */
  public boolean serverFailure() {
    return this == OVERLOADED || this == ERROR;
  }

  /** The outcome of an HTTP status, when the verdict does not say more (duplicate). */
  public static Outcome ofStatus(int status) {
    if (status == 200) {
      return REPLAYED;
    }
    if (status >= 200 && status < 300) {
      return ACCEPTED;
    }
    if (status == 409 || status == 422) {
      return CONFLICT;
    }
    if (status == 503) {
      return OVERLOADED;
    }
    if (status >= 500) {
      return ERROR;
    }
    return REJECTED;
  }
}
