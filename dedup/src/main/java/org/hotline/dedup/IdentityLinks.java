package org.hotline.dedup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one filing taught about a complainant's two numbers: a filing that gives both the phone and
 * the ID number ties them, so that the person's later filing with only one of them is known by
 * both. Without it, a first filing by phone (the call centre) and a third by ID number only
 * (12345), or the other way round, are two people to every comparison, though the second, a
 * duplicate that gave both numbers, showed them one: the third was then grouped with the person's
 * own first filing, a group of one complainant (sets R and S, each twice).
 *
 * <p>A filing that gives the ID number alone is completed with the latest phone given with it, one
 * that gives the phone alone with the ID number given with that phone; neither when the phone was
 * given with two different ID numbers: a family's phone is several people's ({@link
 * Identity#samePerson} lets ID numbers tell them apart), and no member's ID number is lent to a
 * filing by the family phone. Keyed hashes only, as {@link Fingerprint} holds them. This node's
 * memory, like {@link RecentFilings}: bounded by {@code max} ties each way, the oldest forgotten
 * first; thread-safe.
 */
final class IdentityLinks {
  /** A phone given with more than one ID number: it completes nothing. */
  private static final long SHARED = Identity.UNKNOWN;

  private final Map<Long, Long> phoneOfIdNumber;
  private final Map<Long, Long> idNumberOfPhone;

  IdentityLinks(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    this.phoneOfIdNumber = bounded(max);
    this.idNumberOfPhone = bounded(max);
  }

  /** Ties {@code fp}'s phone and ID number, when it gives both. */
  synchronized void learn(Fingerprint fp) {
    long phone = fp.phoneIdentity();
    long idNumber = fp.idNumberIdentity();
    if (phone == Identity.UNKNOWN || idNumber == Identity.UNKNOWN) {
      return;
    }
    phoneOfIdNumber.remove(idNumber); // the newest tie is the eldest's last to go
    phoneOfIdNumber.put(idNumber, phone);
    Long known = idNumberOfPhone.remove(phone);
    idNumberOfPhone.put(phone, known == null || known == idNumber ? idNumber : SHARED);
  }

  /**
   * {@code fp} with the number it lacks, when a filing tied it to the one it gives (and, for a
   * phone, to one ID number only); else {@code fp} itself.
   */
  synchronized Fingerprint complete(Fingerprint fp) {
    long phone = fp.phoneIdentity();
    long idNumber = fp.idNumberIdentity();
    if (phone == Identity.UNKNOWN && idNumber != Identity.UNKNOWN) {
      Long tied = phoneOfIdNumber.get(idNumber);
      // Not through a family's phone: the mother's filing by ID number must not become the
      // father's by phone.
      Long holder = tied == null ? null : idNumberOfPhone.get(tied);
      return holder == null || holder != idNumber ? fp : fp.withIdentity(tied, idNumber);
    }
    if (idNumber == Identity.UNKNOWN && phone != Identity.UNKNOWN) {
      Long tied = idNumberOfPhone.get(phone);
      return tied == null || tied == SHARED ? fp : fp.withIdentity(phone, tied);
    }
    return fp;
  }

  private static Map<Long, Long> bounded(int max) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
        return size() > max;
      }
    };
  }
}
