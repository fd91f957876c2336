package org.hotline.dedup;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hotline.dedup.grievance.Grievance;

/**
 * Windows and thresholds of duplicate and group detection.
 *
 * @param duplicateWindow how far apart (by {@code received_at}) a re-filing still counts as a
 *     duplicate; default 30 days
 * @param clusterWindow how far apart complaints of different people still form one group; default 7
 *     days
 * @param escalationThreshold group size at which the group is escalated; default 5
 * @param oneMatter the keys ({@link Grievance#key()}) of the grievances a person has one of with a
 *     merchant at a time ({@code GrievanceTaxonomy.oneMatter}); default none
 * @param kin the keys of grievances one category word names together ({@code
 *     GrievanceTaxonomy.kin}: 合同 names contract, services not performed and prepaid cards), which
 *     the classifier tells apart from the text alone and often not alike in a summary and the
 *     consumer's own words: two of them over the same purchase are judged as if one were unread;
 *     default none
 * @param undated the keys of the grievances whose filings' dates say nothing of which group
 *     complaint they belong to ({@code GrievanceTaxonomy.undated}: the day an order or a booking
 *     was paid, weeks apart among one storm's members, where the merchant's failure is one); a
 *     one-matter grievance is so too; default none
 * @param practice the keys of the grievances that are a merchant's practice, repeated day after day
 *     ({@code GrievanceTaxonomy.practice}: its prices, its scale), whose group's members give days
 *     within a week of each other that neither help nor part them; default none
 */
public record DedupOptions(
    Duration duplicateWindow,
    Duration clusterWindow,
    int escalationThreshold,
    Set<Integer> oneMatter,
    Set<Integer> kin,
    Set<Integer> undated,
    Set<Integer> practice) {
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofDays(30);
  public static final Duration DEFAULT_CLUSTER_WINDOW = Duration.ofDays(7);
  public static final int DEFAULT_ESCALATION_THRESHOLD = 5;

  public DedupOptions {
    if (duplicateWindow.isNegative() || clusterWindow.isNegative()) {
      throw new IllegalArgumentException("windows must not be negative");
    }
    if (escalationThreshold < 2) {
      throw new IllegalArgumentException("escalation threshold must be at least 2");
    }
    oneMatter = oneMatter == null ? Set.of() : Set.copyOf(oneMatter);
    kin = kin == null ? Set.of() : Set.copyOf(kin);
    undated = undated == null ? Set.of() : Set.copyOf(undated);
    practice = practice == null ? Set.of() : Set.copyOf(practice);
  }

  /** Options with no practice grievance. */
  public DedupOptions(
      Duration duplicateWindow,
      Duration clusterWindow,
      int escalationThreshold,
      Set<Integer> oneMatter,
      Set<Integer> kin,
      Set<Integer> undated) {
    this(duplicateWindow, clusterWindow, escalationThreshold, oneMatter, kin, undated, Set.of());
  }

  /** The one key a kin's grievances share in a group ({@link #groupKind}). */
  private int kinKey() {
    int least = Integer.MAX_VALUE;
    for (int k : kin) {
      least = Math.min(least, k);
    }
    return least;
  }

  /** Options with no one-matter, kin, undated or practice grievance. */
  public DedupOptions(Duration duplicateWindow, Duration clusterWindow, int escalationThreshold) {
    this(duplicateWindow, clusterWindow, escalationThreshold, Set.of(), Set.of(), Set.of());
  }

  /** These options with {@code grievances} as the one-matter grievances. */
  public DedupOptions withOneMatter(Collection<Grievance> grievances) {
    return new DedupOptions(
        duplicateWindow,
        clusterWindow,
        escalationThreshold,
        keys(grievances),
        kin,
        undated,
        practice);
  }

  /** These options with {@code grievances} as the kin grievances. */
  public DedupOptions withKin(Collection<Grievance> grievances) {
    return new DedupOptions(
        duplicateWindow,
        clusterWindow,
        escalationThreshold,
        oneMatter,
        keys(grievances),
        undated,
        practice);
  }

  /** These options with {@code grievances} as the undated grievances. */
  public DedupOptions withUndated(Collection<Grievance> grievances) {
    return new DedupOptions(
        duplicateWindow,
        clusterWindow,
        escalationThreshold,
        oneMatter,
        kin,
        keys(grievances),
        practice);
  }

  /** These options with {@code grievances} as the practice grievances. */
  public DedupOptions withPractice(Collection<Grievance> grievances) {
    return new DedupOptions(
        duplicateWindow,
        clusterWindow,
        escalationThreshold,
        oneMatter,
        kin,
        undated,
        keys(grievances));
  }

  /**
   * Whether the grievance {@code key} is a merchant's practice ({@link #practice}): two people's
   * filings of it a few days apart within the week are no further apart for a group than two of one
   * day.
   */
  public boolean practice(int key) {
    return key != 0 && practice.contains(key);
  }

  /**
   * Whether two filings of the grievance {@code key} by different people are told apart by their
   * dates not at all in a group complaint: a one-matter or an undated grievance.
   */
  public boolean undatedInGroups(int key) {
    return key != 0 && (oneMatter.contains(key) || undated.contains(key));
  }

  /**
   * Whether filings of the grievance {@code key} whose dates lie weeks apart are judged on their
   * words: an undated grievance that is not one matter (a furniture store's sofa and wardrobe, paid
   * for weeks apart, are two orders; a closed shop's cards bought months apart are one storm's).
   */
  public boolean wordsOverDates(int key) {
    return key != 0 && undated.contains(key) && !oneMatter.contains(key);
  }

  /**
   * How many {@link #clusterWindow}s back a filing of a grievance whose dates say nothing ({@link
   * #undatedInGroups}) may join a group that has already formed: a closed gym's or school's members
   * find out one by one and file over three weeks (set AT: the 悦颜美容 members of 4-23 to 5-12).
   * Founding a group with one earlier filing keeps the cluster window.
   */
  static final int UNDATED_JOIN_WINDOWS = 3;

  /**
   * How far back, in seconds, the members of a group that has formed count for a newcomer of the
   * grievance {@code key}: the cluster window, or {@link #UNDATED_JOIN_WINDOWS} of them for a
   * grievance whose dates say nothing ({@link #undatedInGroups}).
   */
  public long joinWindowSeconds(int key) {
    long w = clusterWindow.getSeconds();
    return undatedInGroups(key) ? UNDATED_JOIN_WINDOWS * w : w;
  }

  /** Whether a person has one matter of the grievance {@code key} with a merchant at a time. */
  public boolean oneMatter(int key) {
    return key != 0 && oneMatter.contains(key);
  }

  /** Whether {@code a} and {@code b} are two known, different grievances of one kin. */
  public boolean kin(int a, int b) {
    return a != 0 && b != 0 && a != b && kin.contains(a) && kin.contains(b);
  }

  /**
   * The grievance key {@code key} as a group complaint's members are told apart: one key (the
   * least) for all of a kin, the key itself otherwise. A storm's members tell one matter each in
   * their own words, and the classifier reads a camp cancelled after the fees were paid as a
   * service not performed in one filing and as a prepaid balance lost in the next; a group of one
   * kin admits the others, each scored against it as if unread ({@link #asJudged}).
   */
  public int groupKind(int key) {
    return key != 0 && kin.contains(key) ? kinKey() : key;
  }

  /**
   * The earlier filing's grievance as {@code now}'s re-filing is judged against it: unread (0) when
   * the two are kin, else as it is.
   */
  public int asJudged(int now, int earlier) {
    return kin(now, earlier) ? 0 : earlier;
  }

  private static Set<Integer> keys(Collection<Grievance> grievances) {
    Set<Integer> keys = new HashSet<>();
    for (Grievance g : grievances) {
      if (g.known()) {
        keys.add(g.key());
      }
    }
    return keys;
  }

  public static DedupOptions defaults() {
    return new DedupOptions(
        DEFAULT_DUPLICATE_WINDOW, DEFAULT_CLUSTER_WINDOW, DEFAULT_ESCALATION_THRESHOLD);
  }

  /**
   * How long an entry must be kept: the longest of the duplicate window, the cluster window and,
   * when some grievance's dates say nothing, its {@link #joinWindowSeconds}.
   */
  public Duration retention() {
    Duration groups =
        oneMatter.isEmpty() && undated.isEmpty()
            ? clusterWindow
            : clusterWindow.multipliedBy(UNDATED_JOIN_WINDOWS);
    return duplicateWindow.compareTo(groups) >= 0 ? duplicateWindow : groups;
  }
}
