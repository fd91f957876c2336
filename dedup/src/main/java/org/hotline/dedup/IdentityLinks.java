package org.hotline.dedup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one filing taught about a complainant's two numbers: a filing that gives both the phone and
 * the ID number ties them, so that the person's later filing with only one of them is known by
 * both. Without it, a first filing by phone (the call centre) and a third by ID number only (12345)
 * are two people to every comparison, though the second, a duplicate by phone that also gave the ID
 * number, showed them one: the third was then grouped with the person's own first filing, a group
 * of one complainant.
 *
 * <p>Only a filing that gives the ID number alone is completed, with the latest phone given with
 * it: that only adds a comparison by phone where there was none. A filing that gives the phone
 * alone is not given an ID number: a family's phone is several people's ({@link
 * Identity#samePerson} lets ID numbers tell them apart), and a son's filing by the family phone,
 * given his mother's ID number, would no longer match his own later filing with his. Keyed hashes
 * only, as {@link Fingerprint} holds them. This node's memory, like {@link RecentFilings}: bounded
 * by {@code max} ties, the oldest forgotten first; thread-safe.
 */
final class IdentityLinks {
  private final Map<Long, Long> phoneOfIdNumber;

  IdentityLinks(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    this.phoneOfIdNumber = bounded(max);
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
  }

  /**
   * {@code fp} with the phone last given with its ID number, when it gives the ID number alone and
   * a filing tied it; else {@code fp} itself.
   */
  synchronized Fingerprint complete(Fingerprint fp) {
    if (fp.phoneIdentity() != Identity.UNKNOWN || fp.idNumberIdentity() == Identity.UNKNOWN) {
      return fp;
    }
    Long tied = phoneOfIdNumber.get(fp.idNumberIdentity());
    return tied == null ? fp : fp.withIdentity(tied, fp.idNumberIdentity());
  }

  synchronized int size() {
    return phoneOfIdNumber.size();
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
