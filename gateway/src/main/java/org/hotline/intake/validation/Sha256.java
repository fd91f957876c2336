package org.hotline.intake.validation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests for the request path (a body's canonical hash, an API key's look-up hash), each a
 * clone of one made at start-up: {@code MessageDigest.getInstance} looks the algorithm up among the
 * security providers on every call.
 */
public final class Sha256 {
  private static final MessageDigest PROTOTYPE;

  static {
    try {
      PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private Sha256() {}

  /** A fresh digest, as {@code MessageDigest.getInstance("SHA-256")} would give. */
  public static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone(); // never used itself, so always in its first state
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance("SHA-256"); // a provider whose digest does not clone
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }
}
