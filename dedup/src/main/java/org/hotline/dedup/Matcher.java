package org.hotline.dedup;

/**
 * Whether two records under one blocking key (so: the same merchant) are about the same matter. The
 * content similarity (MinHash agreement, 0..{@value MinHash#SLOTS}) must pass a bar that the
 * structured signals move: an agreeing amount or date lowers it, a disagreeing one raises it or
 * rules the match out. The bars differ for the two questions. A re-filing by the same person
 * repeats the same facts (amount, date), so a different amount means a different matter; people in
 * a group complaint each lost a different amount, so only the content and the time count.
 * Stateless, allocation-free.
 */
final class Matcher {
  /** Agreement a re-filing needs with no structured signal either way (J ≈ 0.25). */
  static final int DUPLICATE_BAR = 17;

  /** Agreement members of a group complaint need with each other (J ≈ 0.22). */
  static final int CLUSTER_BAR = 15;

  static final int AMOUNT_BONUS = 5;
  static final int SAME_DAY_BONUS = 3;
  static final int FAR_DAY_PENALTY = 8;

  /** Dates of the facts this many days apart (or fewer) agree. */
  static final int SAME_DAY_GAP = 1;

  /** Beyond this, the dates disagree. */
  static final int NEAR_DAY_GAP = 3;

  /** Beyond this, the facts happened at different times: not the same matter. */
  static final int MAX_DAY_GAP = 14;

  /** Amounts within this fraction of the larger one (or within 1 yuan) agree: rounding. */
  static final double AMOUNT_TOLERANCE = 0.10;

  private Matcher() {}

  /**
   * Whether a filing by the same complainant is the same matter as an earlier one: amounts, when
   * both are given, must agree.
   */
  static boolean sameMatterAgain(
      int agreement, long amountA, long amountB, int dayA, int dayB, int ccA, int ccB) {
    if (creditCodesDiffer(ccA, ccB)) {
      return false;
    }
    boolean amountsKnown = amountA >= 0 && amountB >= 0;
    if (amountsKnown && !amountsAgree(amountA, amountB)) {
      return false;
    }
    int bar = DUPLICATE_BAR - (amountsKnown ? AMOUNT_BONUS : 0);
    int dayBar = dayAdjustment(dayA, dayB);
    return dayBar != Integer.MAX_VALUE && agreement >= bar + dayBar;
  }

  /**
   * How well a filing by another complainant fits as a member of the same group complaint, or -1
   * when it does not. Higher is better.
   */
  static int groupFit(int agreement, int dayA, int dayB, int ccA, int ccB) {
    if (creditCodesDiffer(ccA, ccB)) {
      return -1;
    }
    int dayBar = dayAdjustment(dayA, dayB);
    if (dayBar == Integer.MAX_VALUE || agreement < CLUSTER_BAR + dayBar) {
      return -1;
    }
    return agreement;
  }

  /** Same merchant name but registered under different credit codes: two branches or companies. */
  static boolean creditCodesDiffer(int ccA, int ccB) {
    return ccA != 0 && ccB != 0 && ccA != ccB;
  }

  /**
   * Within 1 yuan or {@value #AMOUNT_TOLERANCE} of the larger, or one is the other rounded down to
   * its leading digit ("一千多元" for 1280).
   */
  static boolean amountsAgree(long a, long b) {
    long hi = Math.max(a, b);
    long lo = Math.min(a, b);
    if (hi - lo <= Math.max(100, (long) (hi * AMOUNT_TOLERANCE))) {
      return true;
    }
    return lo >= 100 && lo == leadingDigit(hi);
  }

  /** {@code v} rounded down to its leading digit: 128000 → 100000. */
  static long leadingDigit(long v) {
    long unit = 1;
    while (v / unit >= 10) {
      unit *= 10;
    }
    return v / unit * unit;
  }

  /** The change to the bar for these dates of the facts; MAX_VALUE rules the match out. */
  private static int dayAdjustment(int dayA, int dayB) {
    if (dayA == Fingerprint.UNKNOWN_DAY || dayB == Fingerprint.UNKNOWN_DAY) {
      return 0;
    }
    int gap = Math.abs(dayA - dayB);
    if (gap <= SAME_DAY_GAP) {
      return -SAME_DAY_BONUS;
    }
    if (gap <= NEAR_DAY_GAP) {
      return 0;
    }
    return gap <= MAX_DAY_GAP ? FAR_DAY_PENALTY : Integer.MAX_VALUE;
  }
}
