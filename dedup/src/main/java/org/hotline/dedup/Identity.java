package org.hotline.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.dedup.text.IdNumbers;
import org.hotline.dedup.text.PhoneNumbers;

/**
 * The complainant's identity as keyed hashes (HMAC-SHA256 under a server secret, truncated to 64
 * bits) of the normalised phone number and ID number, never the numbers themselves (PIPL: matching
 * across records uses a keyed hash). The phone and the ID number are hashed separately so that a
 * filing that gives only one of them still matches one that gives both. 0 means unknown.
 * Thread-safe.
 */
public final class Identity {
  /** The hash of a missing or invalid number. */
  public static final long UNKNOWN = 0L;

  private static final String ALGORITHM = "HmacSHA256";
  // Domain separation: a phone and an ID number never hash alike even if their digits did.
  private static final byte PHONE_DOMAIN = 'p';
  private static final byte ID_DOMAIN = 'i';

  private final ThreadLocal<Mac> macs;
  private final PhoneNumbers phones;

  /**
   * @param secret the server secret, at least 16 bytes; copied, never exposed
   * @param phones the city's phone rules (its area code for bare local numbers)
   */
  public Identity(byte[] secret, PhoneNumbers phones) {
    this.phones = java.util.Objects.requireNonNull(phones, "phones");
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("the identity secret needs at least 16 bytes");
    }
    SecretKeySpec key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
    this.macs = ThreadLocal.withInitial(() -> newMac(key));
    macs.get(); // fail at construction, not on the first record, if HMAC is unavailable
  }

  /** The hash of a phone number in any common shape, or {@link #UNKNOWN}. */
  public long ofPhone(String raw) {
    return phones.normalise(raw).map(p -> hash(PHONE_DOMAIN, p)).orElse(UNKNOWN);
  }

  /** The hash of a valid ID number (any case, full-width, spaced), or {@link #UNKNOWN}. */
  public long ofIdNumber(String raw) {
    return IdNumbers.normalise(raw).map(n -> hash(ID_DOMAIN, n)).orElse(UNKNOWN);
  }

  /**
   * Whether two filings come from the same person. ID numbers decide when both are known (a family
   * sharing one phone is several people; a person with a new phone is one); otherwise the phones
   * must be known and equal. Unknown on either side is never the same person.
   */
  public static boolean samePerson(long phoneA, long idA, long phoneB, long idB) {
    if (idA != UNKNOWN && idB != UNKNOWN) {
      return idA == idB;
    }
    return phoneA != UNKNOWN && phoneA == phoneB;
  }

  @Override
  public String toString() {
    return "Identity[HMAC-SHA256/64]";
  }

  private long hash(byte domain, String normalised) {
    Mac mac = macs.get();
    mac.update(domain);
    byte[] digest = mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
    long h = ByteBuffer.wrap(digest).getLong();
    return h == UNKNOWN ? 1L : h;
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
