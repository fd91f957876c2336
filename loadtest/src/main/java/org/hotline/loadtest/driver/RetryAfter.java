package org.hotline.loadtest.driver;

/** The gateway's {@code Retry-After}: delta-seconds (it sends no HTTP dates). */
final class RetryAfter {
  /** Longest wait taken from a header: a replay must not stall for a typo. */
  private static final long MAX_SECONDS = 300;

  private RetryAfter() {}

  /**
   * The header's wait in milliseconds, 0..300 s; {@code absentMillis} when absent or unreadable.
   */
  static long millis(String header, long absentMillis) {
    if (header == null) {
      return absentMillis;
    }
    try {
      return Math.max(0, Math.min(MAX_SECONDS, Long.parseLong(header.trim()))) * 1000;
    } catch (NumberFormatException e) {
      return absentMillis;
    }
  }
}
