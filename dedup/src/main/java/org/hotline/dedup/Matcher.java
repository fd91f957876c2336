package org.hotline.dedup;

/**
 * Whether two records under one blocking key (so: the same merchant) are about the same matter. The
 * content similarity (MinHash agreement, 0..{@value MinHash#SLOTS}) must pass a bar that the
 * structured signals move: an agreeing amount or date lowers it, a disagreeing one raises it or
 * rules the match out.
 *
 * <p>The two questions weigh the signals differently. A re-filing by the same person repeats the
 * same facts, so a different amount means a different matter, while the same complainant, merchant
 * and day with nothing disagreeing is strong evidence on its own: the operator's summary and the
 * consumer's own words share few characters. People in a group complaint each lost a different
 * amount, so only the content and the time count, and a group is judged by the newcomer's mean
 * agreement with its members rather than by its best match among them. Stateless, allocation-free.
 */
final class Matcher {
  // The bars are in MinHash agreements (slots of 64 that agree, about 64 × Jaccard). They were
  // set on evaluation sets of other seeds than the committed one (see dedup/EVALUATION.md).

  /** Agreement a re-filing needs when no structured signal speaks either way (J ≈ 0.15). */
  static final int DUPLICATE_BAR = 10;

  /** Lowers the re-filing bar when both amounts are known and agree. */
  static final int AMOUNT_BONUS = 8;

  /**
   * Lowers the re-filing bar when both grievances are known and the same, no amount is, and the
   * dates of the facts do not lie apart: a missing amount is common (a call centre's summary leaves
   * it out), and the same person, shop and grievance is most of a matter. 2 until 2026-12-06; 4
   * found seven more re-filings in the independent sets and none false; 7 (2026-12-06,
   * thirty-fourth session) thirteen more in the committed and independent sets, none false: a terse
   * summary and the consumer's own account of one matter share only a few shingles (J ≈ 0.05). With
   * the facts' dates known and a day apart or on one day, the bar is then 0 or below: the same
   * person, shop, known grievance and day, with no amount to disagree, is taken for one matter
   * whatever the words.
   */
  static final int GRIEVANCE_BONUS = 7;

  /**
   * {@link #GRIEVANCE_BONUS} when the dates of the facts are more than {@value #NEAR_DAY_GAP} days
   * apart: the same person's second cleaning, second repair at the same shop is then as likely as a
   * misremembered date, and the words must say more.
   */
  static final int FAR_GRIEVANCE_BONUS = 4;

  /** Lowers the re-filing bar when the facts happened on the same day. */
  static final int SAME_DAY_BONUS = 10;

  /**
   * Lowers the re-filing bar when the dates of the facts are a day apart (a misremembered date).
   */
  static final int NEXT_DAY_BONUS = 3;

  /**
   * Raises the bars when the dates of the facts are more than {@value #NEAR_DAY_GAP} days apart.
   */
  static final int FAR_DAY_PENALTY = 8;

  /**
   * Lowers the re-filing bar when one grievance is unknown and the purchase is the same: amounts
   * agree and the facts happened on the same day. Far less than {@link #AMOUNT_BONUS} and {@link
   * #SAME_DAY_BONUS} together, which another grievance over the same purchase would share: an
   * operator's summary and the consumer's own words agree on a few shingles (J ≈ 0.11 is enough),
   * an invoice refused after the meal that was overcharged on fewer.
   */
  static final int SAME_PURCHASE_BONUS = 3;

  /** Agreement one filing of another complainant needs to found a group with (J ≈ 0.22). */
  static final int CLUSTER_BAR = 14;

  /** The mean agreement with a large group's members a newcomer needs to join it. */
  static final double JOIN_MEAN = 5.5;

  /** Most the date of the facts lowers a group bar: everyone in a storm shares the day. */
  static final int CLUSTER_DAY_BONUS = 4;

  static final int NEXT_DAY_GAP = 1;
  static final int NEAR_DAY_GAP = 3;

  /** Dates of the facts further apart than this are different matters. */
  static final int MAX_DAY_GAP = 7;

  /**
   * Content agreement that alone lets a re-filing with an unknown grievance match a known one (J ≈
   * 0.35): far above the bar, where the wording itself says it is the same complaint.
   */
  static final int STRONG_CONTENT = 22;

  /**
   * Added to the group score of a pair whose grievances are known and the same: one merchant, one
   * grievance, one week is most of what a group complaint is, so storm filings in wordings that
   * share few characters still find each other.
   */
  static final int GROUP_GRIEVANCE_BONUS = 4;

  /**
   * Taken off the group score of a pair where one grievance is unknown: such a filing joins a group
   * only on content well above the bar, and never on a date alone.
   */
  static final int UNKNOWN_GROUP_PENALTY = 2;

  /** Amounts within this fraction of the larger one (or within 1 yuan) agree: rounding. */
  static final double AMOUNT_TOLERANCE = 0.10;

  private Matcher() {}

  /**
   * Whether a filing by the same complainant is the same matter as an earlier one: grievances must
   * not differ, and amounts, when both are given, must agree. {@code grievanceA} and {@code
   * grievanceB} are grievance keys, 0 for unknown. With {@code oneMatter} (the grievance is one a
   * person has one of with a merchant at a time, {@link DedupOptions#oneMatter}) the same known
   * grievance needs no agreement of words nor of amounts, only dates of the facts that allow it.
   */
  static boolean sameMatterAgain(
      int agreement,
      long amountA,
      long amountB,
      int dayA,
      int dayB,
      int ccA,
      int ccB,
      int grievanceA,
      int grievanceB,
      boolean oneMatter) {
    if (creditCodesDiffer(ccA, ccB) || grievancesDiffer(grievanceA, grievanceB)) {
      return false;
    }
    // One balance lost at one shop is told by what was paid in and by what is left (4680 yuan
    // paid for 96 lessons, then 2925 for the 60 not given): its amounts do not part it.
    boolean oneBalance = oneMatter && grievanceA != 0 && grievanceB != 0;
    if (!oneBalance && !amountsAllow(amountA, amountB)) {
      return false;
    }
    boolean amountsKnown = amountA >= 0 && amountB >= 0;
    int dayBar = dayAdjustment(dayA, dayB);
    if (dayBar == Integer.MAX_VALUE) {
      return false;
    }
    if ((grievanceA == 0) != (grievanceB == 0)) {
      // Another grievance over the same purchase shares its amount and day, so those only open
      // the door; the wording must still pass a bar they lower only in part.
      boolean samePurchase = amountsKnown && sameDay(dayA, dayB);
      boolean strong = amountsKnown || sameDay(dayA, dayB) || agreement >= STRONG_CONTENT;
      int bar = DUPLICATE_BAR + Math.max(0, dayBar) - (samePurchase ? SAME_PURCHASE_BONUS : 0);
      return strong && agreement >= bar;
    }
    if (oneMatter && grievanceA != 0) {
      // One balance lost at one closed shop: a call centre's summary of it shares few words. The
      // facts' dates must still be near, as for a re-filing under another spelling (factsAllow).
      return daysWithin(dayA, dayB, NEAR_DAY_GAP);
    }
    // The same known grievance stands in for a missing amount; with agreeing amounts it adds
    // nothing: another purchase of the same kind shares both.
    int bar = DUPLICATE_BAR - (amountsKnown ? AMOUNT_BONUS : grievanceBonus(grievanceA, dayBar));
    return agreement >= bar + dayBar;
  }

  /** What the same known grievance takes off the re-filing bar, given the dates' change to it. */
  private static int grievanceBonus(int grievance, int dayBar) {
    if (grievance == 0) {
      return 0;
    }
    return dayBar > 0 ? FAR_GRIEVANCE_BONUS : GRIEVANCE_BONUS;
  }

  /**
   * The content agreement of a filing by another complainant, adjusted by the dates of the facts
   * and the grievances, or -1 when it cannot be the same group complaint (other credit code, other
   * grievance, another shop's place, dates far apart). {@code undated}: both filings are of one
   * grievance whose dates say nothing of the matter (the shop that closed holding members' cards:
   * one member gives the day it closed, another the day they bought their card months before), so
   * the dates neither help nor part them. {@code practice}: both are of one grievance that is a
   * merchant's practice ({@link DedupOptions#practice}), so dates within the week do not part them.
   */
  static int groupScore(
      int agreement,
      int dayA,
      int dayB,
      int ccA,
      int ccB,
      int grievanceA,
      int grievanceB,
      int placeA,
      int placeB,
      boolean undated,
      boolean practice) {
    if (creditCodesDiffer(ccA, ccB)
        || grievancesDiffer(grievanceA, grievanceB)
        || otherShop(placeA, placeB)) {
      return -1;
    }
    int dayBar = undated ? 0 : clusterDayAdjustment(dayA, dayB);
    if (dayBar == Integer.MAX_VALUE) {
      return -1;
    }
    if (practice) {
      // A stall's scale, a restaurant's prices: each member comes on their own day of the week.
      dayBar = Math.min(dayBar, 0);
    }
    int grievance;
    if (grievanceA == 0 && grievanceB == 0) {
      grievance = 0;
    } else if (grievanceA == 0 || grievanceB == 0) {
      grievance = -UNKNOWN_GROUP_PENALTY;
    } else {
      // One merchant, one grievance, one window is what a group complaint is (DOMAIN.md): each
      // complainant tells it in their own words, so the wording only adds to what fits already.
      return Math.max(0, Math.max(agreement + GROUP_GRIEVANCE_BONUS, CLUSTER_BAR) - dayBar);
    }
    return Math.max(0, agreement - dayBar + grievance);
  }

  /**
   * The group score of two filings of one known grievance whose dates say nothing ({@link
   * DedupOptions#undated}) and lie weeks apart: as for dates that agree once a few words do (at
   * least {@link #FAR_DATED_WORDS} slots: a restaurant's New Year's Eve bookings, paid for from
   * December to February, told each in its own words), else the words alone with the shared
   * grievance's bonus, under {@link #CLUSTER_BAR} (a furniture store's sofa and wardrobe, late, in
   * words that share nothing, are two people's matters).
   */
  static int groupScoreOnWords(int agreement) {
    return agreement >= FAR_DATED_WORDS
        ? Math.max(agreement + GROUP_GRIEVANCE_BONUS, CLUSTER_BAR)
        : Math.max(0, agreement + GROUP_GRIEVANCE_BONUS);
  }

  /**
   * MinHash slots (of 64) two far-dated filings of an undated grievance share to be one storm's.
   */
  static final int FAR_DATED_WORDS = 5;

  /**
   * Whether two places ({@code Fingerprint.place}: district and name tag) are two shops: their
   * districts are known and differ, and the names differ. One name in two districts may be one
   * chain whose members hold one card ({@code 力健健身（集美店）} beside the 湖里 shop); a name that only
   * sounds or reads like it, in another district, is another shop ({@code 金力健身} in 同安, {@code 鲸力健身}
   * in 湖里).
   */
  static boolean otherShop(int placeA, int placeB) {
    return districtsDiffer(district(placeA), district(placeB)) && !sameName(placeA, placeB);
  }

  /** The district of a place ({@code Fingerprint.place}), 0 when unknown. */
  static int district(int place) {
    return place >>> 12;
  }

  /**
   * Whether a group's member at {@code member} vouches that a filing at {@code place} may be its
   * shop: both in one known district, or of one name (a chain's branch).
   */
  static boolean shares(int member, int place) {
    return (district(member) != 0 && district(member) == district(place))
        || sameName(member, place);
  }

  /** Both places' name tags known and equal. */
  static boolean sameName(int placeA, int placeB) {
    int tag = placeA & 0xFFF;
    return tag != 0 && tag == (placeB & 0xFFF);
  }

  /** Both districts known (non-zero codes) and not the same. */
  static boolean districtsDiffer(int districtA, int districtB) {
    return districtA != 0 && districtB != 0 && districtA != districtB;
  }

  /** Both grievances known (non-zero keys) and not the same: two matters. */
  static boolean grievancesDiffer(int grievanceA, int grievanceB) {
    return grievanceA != 0 && grievanceB != 0 && grievanceA != grievanceB;
  }

  /** Whether one filing alone is close enough to found a group with, or to be pulled into one. */
  static boolean pairFits(int score) {
    return score >= CLUSTER_BAR;
  }

  /**
   * Whether a filing belongs to a group whose {@code members} (within the window) it scores {@code
   * total} with. The mean score must pass a bar that starts at the pair bar for one member and
   * falls toward {@link #JOIN_MEAN} as members add evidence: a storm's members each share a few
   * words with the newcomer, an unrelated filing shares few with any of them.
   */
  static boolean joinsGroup(int total, int members) {
    if (members == 0) {
      return false;
    }
    double bar = JOIN_MEAN + (CLUSTER_BAR - JOIN_MEAN) / (double) members;
    return total >= bar * members;
  }

  /** Amounts do not rule out one matter: one is unknown, or they agree ({@link #amountsAgree}). */
  static boolean amountsAllow(long a, long b) {
    return a < 0 || b < 0 || amountsAgree(a, b);
  }

  /**
   * Nothing in the facts says two filings are different matters: amounts agreeing when both are
   * known, credit codes not different, dates of the facts at most {@value #NEAR_DAY_GAP} days apart
   * when both are known. What a re-filing judged by something other than its words must meet.
   */
  static boolean factsAllow(long amountA, long amountB, int dayA, int dayB, int ccA, int ccB) {
    return amountsAllow(amountA, amountB)
        && !creditCodesDiffer(ccA, ccB)
        && daysWithin(dayA, dayB, NEAR_DAY_GAP);
  }

  /** The dates of the facts at most {@code gap} days apart, or one of them unknown. */
  static boolean daysWithin(int dayA, int dayB, int gap) {
    return dayA == Fingerprint.UNKNOWN_DAY
        || dayB == Fingerprint.UNKNOWN_DAY
        || Math.abs(dayA - dayB) <= gap;
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

  private static boolean sameDay(int dayA, int dayB) {
    return dayA != Fingerprint.UNKNOWN_DAY && dayA == dayB;
  }

  /** The change to the bar for these dates of the facts; MAX_VALUE rules the match out. */
  private static int dayAdjustment(int dayA, int dayB) {
    if (dayA == Fingerprint.UNKNOWN_DAY || dayB == Fingerprint.UNKNOWN_DAY) {
      return 0;
    }
    int gap = Math.abs(dayA - dayB);
    if (gap == 0) {
      return -SAME_DAY_BONUS;
    }
    if (gap <= NEXT_DAY_GAP) {
      return -NEXT_DAY_BONUS;
    }
    if (gap <= NEAR_DAY_GAP) {
      return 0;
    }
    return gap <= MAX_DAY_GAP ? FAR_DAY_PENALTY : Integer.MAX_VALUE;
  }

  private static int clusterDayAdjustment(int dayA, int dayB) {
    int adj = dayAdjustment(dayA, dayB);
    return adj < 0 ? -Math.min(-adj, CLUSTER_DAY_BONUS) : adj;
  }
}
