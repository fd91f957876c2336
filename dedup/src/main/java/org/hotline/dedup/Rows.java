package org.hotline.dedup;

import java.util.UUID;

/**
 * The layout of a {@link BlockState}'s entries: rows of {@value #STRIDE} longs in one array, no
 * object per entry (136 bytes a row). Static helpers only; the array belongs to the block.
 *
 * <pre>
 * 0 id, high bits        4 received_at (epoch seconds)
 * 1 id, low bits         5 amount in cents (-1 unknown)
 * 2 phone identity       6 date of the facts (high 32 bits) | credit-code hash (low 32 bits)
 * 3 ID-number identity   7 joined via (high 32 bits) | group index (low 32 bits, -1 none)
 * 8 merchant's place (high 32 bits, Fingerprint.place) | grievance key (low 32 bits, 0 unknown)
 * 9..16 MinHash signature
 * </pre>
 */
final class Rows {
  static final int STRIDE = 9 + MinHash.WORDS;
  static final int ID_HI = 0;
  static final int ID_LO = 1;
  static final int PHONE = 2;
  static final int ID_NUMBER = 3;
  static final int RECEIVED = 4;
  static final int AMOUNT = 5;
  static final int DAY_AND_CC = 6;
  static final int GROUP = 7;
  static final int GRIEVANCE = 8;
  static final int SIGNATURE = 9;

  private Rows() {}

  /** Writes {@code fp} into the row at {@code base}, outside any group. */
  static void write(long[] rows, int base, Fingerprint fp) {
    rows[base + ID_HI] = fp.id().getMostSignificantBits();
    rows[base + ID_LO] = fp.id().getLeastSignificantBits();
    rows[base + PHONE] = fp.phoneIdentity();
    rows[base + ID_NUMBER] = fp.idNumberIdentity();
    rows[base + RECEIVED] = fp.receivedAtEpochSecond();
    rows[base + AMOUNT] = fp.amountCents();
    rows[base + DAY_AND_CC] =
        ((long) fp.occurredEpochDay() << 32) | (fp.creditCodeHash() & 0xFFFFFFFFL);
    setGroup(rows, base, -1, 0);
    rows[base + GRIEVANCE] = ((long) fp.place() << 32) | (fp.grievanceKey() & 0xFFFFFFFFL);
    System.arraycopy(fp.signatureWords(), 0, rows, base + SIGNATURE, MinHash.WORDS);
  }

  static UUID id(long[] rows, int base) {
    return new UUID(rows[base + ID_HI], rows[base + ID_LO]);
  }

  static boolean hasId(long[] rows, int base, UUID id) {
    return rows[base + ID_HI] == id.getMostSignificantBits()
        && rows[base + ID_LO] == id.getLeastSignificantBits();
  }

  /** The entry's {@code Grievance.key()}, 0 when unknown. */
  static int grievance(long[] rows, int base) {
    return (int) rows[base + GRIEVANCE];
  }

  /** The merchant's place the entry gave ({@code Fingerprint.place}), 0 when unknown. */
  static int place(long[] rows, int base) {
    return (int) (rows[base + GRIEVANCE] >>> 32);
  }

  static int group(long[] rows, int base) {
    return (int) rows[base + GROUP];
  }

  /** The {@link #tag} of the decision that put this entry into its group. */
  static int joinedVia(long[] rows, int base) {
    return (int) (rows[base + GROUP] >>> 32);
  }

  static void setGroup(long[] rows, int base, int group, int joinedVia) {
    rows[base + GROUP] = ((long) joinedVia << 32) | (group & 0xFFFFFFFFL);
  }

  /** A 32-bit tag of a record id, to remember which decision grouped an entry. */
  static int tag(UUID id) {
    return (int) MinHash.mix(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
  }

  static boolean within(long[] rows, int base, Fingerprint fp, long window) {
    return Math.abs(fp.receivedAtEpochSecond() - rows[base + RECEIVED]) <= window;
  }

  static boolean samePerson(long[] rows, int base, Fingerprint fp) {
    return Identity.samePerson(
        fp.phoneIdentity(), fp.idNumberIdentity(), rows[base + PHONE], rows[base + ID_NUMBER]);
  }

  /**
   * Whether the entry is the complainant's earlier filing of the same matter; {@code oneMatter}:
   * {@code fp}'s grievance is one a person has one of with a merchant at a time (read once a
   * decision, not once an entry); kin grievances as {@link DedupOptions#asJudged} says.
   */
  static boolean sameMatterAgain(
      long[] rows, int base, Fingerprint fp, boolean oneMatter, DedupOptions options) {
    long dayCc = rows[base + DAY_AND_CC];
    return Matcher.sameMatterAgain(
        MinHash.agreement(fp.signatureWords(), 0, rows, base + SIGNATURE),
        fp.amountCents(),
        rows[base + AMOUNT],
        fp.occurredEpochDay(),
        (int) (dayCc >> 32),
        fp.creditCodeHash(),
        (int) dayCc,
        fp.grievanceKey(),
        options.asJudged(fp.grievanceKey(), grievance(rows, base)),
        oneMatter);
  }

  /** {@link #factsAllow} without the amounts: the dates of the facts and the credit codes. */
  static boolean datesAllow(long[] rows, int base, Fingerprint fp) {
    long dayCc = rows[base + DAY_AND_CC];
    return Matcher.factsAllow(
        Fingerprint.UNKNOWN_AMOUNT,
        rows[base + AMOUNT],
        fp.occurredEpochDay(),
        (int) (dayCc >> 32),
        fp.creditCodeHash(),
        (int) dayCc);
  }

  /** {@link Matcher#factsAllow} for the entry and {@code fp}. */
  static boolean factsAllow(long[] rows, int base, Fingerprint fp) {
    long dayCc = rows[base + DAY_AND_CC];
    return Matcher.factsAllow(
        fp.amountCents(),
        rows[base + AMOUNT],
        fp.occurredEpochDay(),
        (int) (dayCc >> 32),
        fp.creditCodeHash(),
        (int) dayCc);
  }

  /**
   * How well the entry fits as a member of the same group complaint, or -1; the dates of the facts
   * left out when both are of one grievance whose dates say nothing of the group ({@link
   * DedupOptions#undatedInGroups}: a closed shop's cards, bought on many days; a renovation paid
   * for weeks apart).
   */
  static int groupScore(long[] rows, int base, Fingerprint fp, DedupOptions options) {
    long dayCc = rows[base + DAY_AND_CC];
    int grievance = grievance(rows, base);
    int day = (int) (dayCc >> 32);
    boolean undated = grievance == fp.grievanceKey() && options.undatedInGroups(grievance);
    int agreement = MinHash.agreement(fp.signatureWords(), 0, rows, base + SIGNATURE);
    if (undated
        && options.wordsOverDates(grievance)
        && !Matcher.daysWithin(fp.occurredEpochDay(), day, Matcher.MAX_DAY_GAP)) {
      // Paid for weeks apart: the dates neither part two orders nor say they are one storm's, so
      // the words decide (a furniture store's sofa and wardrobe, late, are two people's matters);
      // two shops (their credit codes, or their districts and names) are still two (set AM: 北欧家居馆
      // in 翔安 and 北欧风尚家具 in 海沧, a group of one).
      if (Matcher.creditCodesDiffer(fp.creditCodeHash(), (int) dayCc)
          || Matcher.otherShop(fp.place(), place(rows, base))) {
        return -1;
      }
      return Matcher.groupScoreOnWords(agreement);
    }
    return Matcher.groupScore(
        agreement,
        fp.occurredEpochDay(),
        day,
        fp.creditCodeHash(),
        (int) dayCc,
        fp.grievanceKey(),
        options.asJudged(fp.grievanceKey(), grievance),
        fp.place(),
        place(rows, base),
        undated,
        grievance == fp.grievanceKey() && options.practice(grievance));
  }
}
