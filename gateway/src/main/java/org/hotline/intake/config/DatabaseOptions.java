package org.hotline.intake.config;

/**
 * Server-side limits on the gateway's PostgreSQL sessions, so a hung or slow database fails
 * requests (503, the idempotency key freed) instead of pinning them.
 *
 * @param statementTimeoutMs {@code 1..3600000}: the server cancels a statement running longer
 *     (SQLSTATE 57014, which the API answers with 503)
 * @param idleInTransactionTimeoutMs {@code 1..3600000}: the server ends a session that holds a
 *     transaction open this long without a statement, releasing its locks
 * @param allowUnsafeDurability start even when the database does not flush commits durably ({@code
 *     fsync} off, or {@code synchronous_commit} neither {@code on} nor {@code remote_apply}); for
 *     throw-away test databases only, since a 2xx would then not mean the record survives a crash
 */
public record DatabaseOptions(
    int statementTimeoutMs, int idleInTransactionTimeoutMs, boolean allowUnsafeDurability) {
  public static final int DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;
  public static final int MAX_TIMEOUT_MS = 3_600_000;

  public DatabaseOptions {
    if (statementTimeoutMs < 1 || statementTimeoutMs > MAX_TIMEOUT_MS) {
      throw new IllegalArgumentException("statement timeout must be 1..3600000 ms");
    }
    if (idleInTransactionTimeoutMs < 1 || idleInTransactionTimeoutMs > MAX_TIMEOUT_MS) {
      throw new IllegalArgumentException("idle-in-transaction timeout must be 1..3600000 ms");
    }
  }

  public static DatabaseOptions defaults() {
    return new DatabaseOptions(
        DEFAULT_STATEMENT_TIMEOUT_MS, DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS, false);
  }

  public DatabaseOptions withStatementTimeoutMs(int ms) {
    return new DatabaseOptions(ms, idleInTransactionTimeoutMs, allowUnsafeDurability);
  }

  public DatabaseOptions withAllowUnsafeDurability(boolean allow) {
    return new DatabaseOptions(statementTimeoutMs, idleInTransactionTimeoutMs, allow);
  }
}
