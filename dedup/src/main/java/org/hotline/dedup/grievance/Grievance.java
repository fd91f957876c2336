package org.hotline.dedup.grievance;

/**
 * A grievance class (问题类别) by its wire name: {@code prepaid}, {@code price}, … or {@link #UNKNOWN}.
 * The classes themselves are configuration ({@link GrievanceTaxonomy}); this is only the name, so
 * that a fingerprint stored under one taxonomy still reads under a revised one.
 *
 * @param code lower-case snake, 1 to {@value #MAX_LENGTH} characters, starting with a letter
 */
public record Grievance(String code) {
  /** Longest code accepted. */
  public static final int MAX_LENGTH = 32;

  /** No evidence of any class. */
  public static final Grievance UNKNOWN = new Grievance("unknown");

  public Grievance {
    if (!isCode(code)) {
      throw new IllegalArgumentException(
          "grievance code must be lower-case snake of at most " + MAX_LENGTH + " characters");
    }
  }

  /** The grievance named {@code code}, or {@link #UNKNOWN} for null or "unknown". */
  public static Grievance of(String code) {
    return code == null || UNKNOWN.code.equals(code) ? UNKNOWN : new Grievance(code);
  }

  /** Whether this is a class, not {@link #UNKNOWN}. */
  public boolean known() {
    return !UNKNOWN.code.equals(code);
  }

  /**
   * A non-zero 32-bit key of a known grievance, 0 for {@link #UNKNOWN}: what the index keeps per
   * entry. {@link GrievanceTaxonomy} refuses codes whose keys collide.
   */
  public int key() {
    if (!known()) {
      return 0;
    }
    int h = 0x811C9DC5; // FNV-1a: the same on every node and after every restart
    for (int i = 0; i < code.length(); i++) {
      h = (h ^ code.charAt(i)) * 0x01000193;
    }
    return h == 0 ? 1 : h;
  }

  @Override
  public String toString() {
    return code;
  }

  static boolean isCode(String s) {
    if (s == null
        || s.isEmpty()
        || s.length() > MAX_LENGTH
        || s.charAt(0) < 'a'
        || s.charAt(0) > 'z') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }
}
