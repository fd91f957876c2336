package org.hotline.intake.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.intake.config.DataKey;

/**
 * AES-256-GCM for single values, under a ring of keys: the first seals, every one opens. A sealed
 * value is an envelope {@code <key id>:<base64 of nonce | ciphertext | tag>} with a random 96-bit
 * nonce, so it names the key that opens it and a rotation never needs to guess.
 *
 * <p>Each value is bound to where it lives by the associated data (the record id and the field), so
 * a ciphertext copied into another row or field does not open. A random nonce under one key is safe
 * for about 2^32 values (NIST SP 800-38D); at the hotline's volume that is centuries, and a
 * rotation starts the count again. Thread-safe: a {@link Cipher} is made per call (microseconds), a
 * few per record.
 */
public final class FieldCipher {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final char SEPARATOR = ':';

  private final Map<String, SecretKey> keys = new LinkedHashMap<>();
  private final String activeId;
  private final SecureRandom random = new SecureRandom();

  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance(TRANSFORMATION);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
            }
          });

  /**
   * @param ring at least one key; the first is active
   */
  public FieldCipher(List<DataKey> ring) {
    if (ring.isEmpty()) {
      throw new IllegalArgumentException("a cipher needs at least one data key");
    }
    for (DataKey k : ring) {
      keys.put(k.id(), new SecretKeySpec(k.secret(), "AES"));
    }
    activeId = ring.get(0).id();
  }

  /** The id of the key that seals. */
  public String activeKeyId() {
    return activeId;
  }

  /** Whether {@code keyId} is on the ring. */
  public boolean knows(String keyId) {
    return keys.containsKey(keyId);
  }

  /**
   * Whether a stored value is an envelope rather than clear text. Phones and ID numbers never hold
   * the separator, so a value with one is sealed.
   */
  public static boolean isSealed(String value) {
    return value.indexOf(SEPARATOR) > 0;
  }

  /** The key id an envelope names. */
  public static String keyIdOf(String sealed) {
    return sealed.substring(0, sealed.indexOf(SEPARATOR));
  }

  /** {@code clear} sealed under the active key, bound to {@code context}. */
  public String seal(String clear, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = CIPHERS.get();
      c.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length);
      out.put(nonce).put(sealed);
      return activeId + SEPARATOR + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
    }
  }

  /**
   * The clear text of an envelope made for {@code context}.
   *
   * @throws UnreadableValueException naming only the key id, when the key is not on the ring or the
   *     envelope does not open (altered, or made for another record or field)
   */
  public String open(String sealed, String context) {
    String keyId = keyIdOf(sealed);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new UnreadableValueException(keyId, "is not configured");
    }
    try {
      byte[] raw = Base64.getDecoder().decode(sealed.substring(keyId.length() + 1));
      if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new UnreadableValueException(keyId, "does not open this value (too short)");
      }
      Cipher c = CIPHERS.get();
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] clear = c.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | javax.crypto.AEADBadTagException e) {
      throw new UnreadableValueException(keyId, "does not open this value");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
    }
  }

  /** Only the ids: the keys never print. */
  @Override
  public String toString() {
    return "FieldCipher[active=" + activeId + ", keys=" + keys.keySet() + "]";
  }
}
