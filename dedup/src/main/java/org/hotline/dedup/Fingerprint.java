package org.hotline.dedup;

import java.util.UUID;

/**
 * The compact, immutable signature of one record that the index keeps: no personal data in clear
 * (the identity is a keyed hash), small enough for a million entries in a few hundred MB.
 *
 * <p>SKELETON: the dedup-core work fills in the fields and the encoding; the accessors below are
 * the contract other code relies on.
 */
public final class Fingerprint {
  /** The record's id. */
  public UUID id() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The partition key: the merchant key, or the identity when no merchant is known. */
  public String blockingKey() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** {@code received_at} in epoch seconds. */
  public long receivedAtEpochSecond() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** A stable binary form, stored with the record so the index can be rebuilt. */
  public byte[] toBytes() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Reads {@link #toBytes()} back. */
  public static Fingerprint fromBytes(byte[] bytes) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
