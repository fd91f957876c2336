package org.hotline.intake.config;

/**
 * How this node joins and uses the Hazelcast cluster, beyond the member list.
 *
 * @param secret shared by every member, at least {@value #MIN_SECRET_LENGTH} characters; required
 *     in cluster mode (the cluster's name is derived from it, see {@code cluster/ClusterSetup}),
 *     null on a single node. Never printed by {@link #toString()}.
 * @param callTimeoutMs {@code 1..60000}: how long a request waits for the cluster's dedup decision
 *     (merchant aliases and index together) before it is judged locally, as a new matter
 */
public record ClusterOptions(String secret, int callTimeoutMs) {
  public static final int MIN_SECRET_LENGTH = 16;
  public static final int DEFAULT_CALL_TIMEOUT_MS = 2_000;
  public static final int MAX_CALL_TIMEOUT_MS = 60_000;

  public ClusterOptions {
    if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "the cluster secret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    if (callTimeoutMs < 1 || callTimeoutMs > MAX_CALL_TIMEOUT_MS) {
      throw new IllegalArgumentException("the cluster call timeout must be 1..60000 ms");
    }
  }

  public static ClusterOptions defaults() {
    return new ClusterOptions(null, DEFAULT_CALL_TIMEOUT_MS);
  }

  public ClusterOptions withSecret(String newSecret) {
    return new ClusterOptions(newSecret, callTimeoutMs);
  }

  public ClusterOptions withCallTimeoutMs(int ms) {
    return new ClusterOptions(secret, ms);
  }

  @Override
  public String toString() {
    return "ClusterOptions[secret="
        + (secret == null ? "none" : "(set)")
        + ", callTimeoutMs="
        + callTimeoutMs
        + "]";
  }
}
