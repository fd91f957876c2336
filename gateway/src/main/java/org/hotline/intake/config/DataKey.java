package org.hotline.intake.config;

import java.util.regex.Pattern;

/**
 * One AES-256 key for personal data at rest. Its id is stored with every value it seals, so a value
 * always names the key that opens it.
 *
 * @param id {@code [A-Za-z0-9_-]{1,16}}; {@value #GENERATED_ID} is reserved for the key the gateway
 *     generates when none is configured
 * @param secret exactly 32 bytes
 */
public record DataKey(String id, byte[] secret) {
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  public static final int SECRET_BYTES = 32;

  /** The id of the key generated and kept in the database when none is configured. */
  public static final String GENERATED_ID = "db";

  public DataKey {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a data key id must match " + ID.pattern());
    }
    if (secret == null || secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException(
          "data key " + id + " must be " + SECRET_BYTES + " bytes (AES-256)");
    }
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** The id only: the secret never reaches a log line or an error. */
  @Override
  public String toString() {
    return "DataKey[id=" + id + ", secret=***]";
  }
}
