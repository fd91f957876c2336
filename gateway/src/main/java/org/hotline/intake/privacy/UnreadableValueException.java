package org.hotline.intake.privacy;

/**
 * A sealed value that does not open: its key is not configured, or it was altered. The message
 * names the key id only, never the value.
 */
public final class UnreadableValueException extends RuntimeException {
  private final String keyId;

  UnreadableValueException(String keyId, String problem) {
    super("a value sealed under data key " + keyId + " " + problem, null, false, false);
    this.keyId = keyId;
  }

  public String keyId() {
    return keyId;
  }
}
