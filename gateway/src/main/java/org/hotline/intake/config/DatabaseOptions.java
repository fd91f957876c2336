package org.hotline.intake.config;

/**
 * Limits on the gateway's PostgreSQL sessions, so a hung or slow database fails requests (503, the
 * idempotency key freed) instead of pinning them.
 *
 * @param statementTimeoutMs {@code 1..3600000}: the server cancels a statement running longer
 *     (SQLSTATE 57014, which the API answers with 503)
 * @param idleInTransactionTimeoutMs {@code 1..3600000}: the server ends a session that holds a
 *     transaction open this long without a statement, releasing its locks
 * @param responseTimeoutMs {@code 1..3600000}: the gateway's own bound on one intake exchange with
 *     the database (a connection from the pool, a batch's whole transaction, a read): past it the
 *     request fails with 503 and the connection is closed, for a server that accepts connections
 *     but never answers, which no server-side timeout can catch
 * @param allowUnsafeDurability start even when the database does not flush commits durably ({@code
 *     fsync} off, or {@code synchronous_commit} neither {@code on} nor {@code remote_apply}); for
 *     throw-away test databases only, since a 2xx would then not mean the record survives a crash
 */
public record DatabaseOptions(
    int statementTimeoutMs,
    int idleInTransactionTimeoutMs,
    int responseTimeoutMs,
    boolean allowUnsafeDurability) {
  public static final int DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;
  public static final int DEFAULT_RESPONSE_TIMEOUT_MS = 5_000;
  public static final int MAX_TIMEOUT_MS = 3_600_000;

  /**
   * A pooled connection idle this long is closed by the pool's cleaner, so that one borrowed from
   * the pool has been silent for at most this (plus a cleaner period) when its query starts.
   */
  public static final int POOL_IDLE_TIMEOUT_MS = 30_000;

  /** How often the pool's cleaner looks for idle connections. */
  public static final int POOL_CLEANER_PERIOD_MS = 1_000;

  public DatabaseOptions {
    if (statementTimeoutMs < 1 || statementTimeoutMs > MAX_TIMEOUT_MS) {
      throw new IllegalArgumentException("statement timeout must be 1..3600000 ms");
    }
    if (idleInTransactionTimeoutMs < 1 || idleInTransactionTimeoutMs > MAX_TIMEOUT_MS) {
      throw new IllegalArgumentException("idle-in-transaction timeout must be 1..3600000 ms");
    }
    if (responseTimeoutMs < 1 || responseTimeoutMs > MAX_TIMEOUT_MS) {
      throw new IllegalArgumentException("response timeout must be 1..3600000 ms");
    }
  }

  public static DatabaseOptions defaults() {
    return new DatabaseOptions(
        DEFAULT_STATEMENT_TIMEOUT_MS,
        DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        DEFAULT_RESPONSE_TIMEOUT_MS,
        false);
  }

  /**
   * How long a pool connection may read nothing before it is closed: the last resort for the
   * exchanges no response deadline covers (a connection attempt the server never answers, the
   * queue's and the board's queries), so that a hung server cannot hold the pool's connections for
   * ever. Above the longest silence a healthy connection can show: idle in the pool (then evicted),
   * then a statement the server cancels at its statement timeout or an intake exchange cut at its
   * response timeout.
   */
  public long readIdleTimeoutMs() {
    return POOL_IDLE_TIMEOUT_MS
        + POOL_CLEANER_PERIOD_MS
        + 2L * Math.max(statementTimeoutMs, responseTimeoutMs);
  }

  public DatabaseOptions withStatementTimeoutMs(int ms) {
    return new DatabaseOptions(
        ms, idleInTransactionTimeoutMs, responseTimeoutMs, allowUnsafeDurability);
  }

  public DatabaseOptions withResponseTimeoutMs(int ms) {
    return new DatabaseOptions(
        statementTimeoutMs, idleInTransactionTimeoutMs, ms, allowUnsafeDurability);
  }

  public DatabaseOptions withAllowUnsafeDurability(boolean allow) {
    return new DatabaseOptions(
        statementTimeoutMs, idleInTransactionTimeoutMs, responseTimeoutMs, allow);
  }
}
