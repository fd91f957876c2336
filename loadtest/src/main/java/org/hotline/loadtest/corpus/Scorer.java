package org.hotline.loadtest.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the gateway's verdicts against the corpus's ground truth.
 *
 * <ul>
 *   <li><b>Retries</b> (truth {@code retryOf ≥ 0}) are transport retries answered as replays: they
 *       are left out of every figure below and only checked for idempotency (same id as their
 *       original).
 *   <li><b>Duplicates.</b> A predicted duplicate is correct when its {@code duplicate_of} is the id
 *       of a filing with the same person and matter; one pointing at another person's filing is a
 *       cross-person merge. Precision = correct / predicted. Recall is counted per matter, so that
 *       arrival order under concurrency does not matter: a matter with k answered filings has k−1
 *       true duplicates, and min(k−1, correct links within it) of them were found.
 *   <li><b>Groups</b>, pairwise over filings answered {@code accepted}: pairs sharing a {@code
 *       cluster_id} versus pairs sharing a truth group. The truth group is null until a second
 *       person joins, as the gateway's first member carries no cluster id.
 *   <li><b>Routing</b> over accepted verdicts, and duplicates that carry a queue: queue equals the
 *       truth district, or {@code transfer} for a truth transfer. Transfer accuracy also needs the
 *       right department.
 * </ul>
 *
 * A ratio with nothing to count (no predicted duplicates, no truth transfers…) is 1.0: nothing was
 * found wrong. Filings without a verdict (errors, not sent) count in {@code filings} only.
 */
public final class Scorer {
  private static final String DUPLICATE = "duplicate";
  private static final String ACCEPTED = "accepted";
  private static final String TRANSFER = "transfer";

  private Scorer() {}

  /**
   * Scores {@code observed} (any order, some filings may be missing) against {@code filings}.
   *
   * @param filings the corpus as sent, in any order
   * @param observed one verdict per answered filing, matched by seq
   */
  public static Scores score(List<Filing> filings, List<Observed> observed) {
    Map<Long, Filing> bySeq = new HashMap<>(filings.size() * 2);
    for (Filing f : filings) {
      bySeq.put(f.seq(), f);
    }
    Map<Long, Observed> verdicts = new HashMap<>(observed.size() * 2);
    Map<String, Filing> byId = new HashMap<>(observed.size() * 2);
    for (Observed o : observed) {
      Filing f = bySeq.get(o.seq());
      if (f == null || o.id() == null) {
        continue;
      }
      verdicts.put(o.seq(), o);
      if (!f.truth().isRetry()) {
        byId.putIfAbsent(o.id(), f);
      }
    }
    Tally tally = new Tally();
    for (Map.Entry<Long, Observed> e : verdicts.entrySet()) {
      Filing f = bySeq.get(e.getKey());
      Observed o = e.getValue();
      Truth t = f.truth();
      if (t.isRetry()) {
        Observed original = verdicts.get(t.retryOf());
        if (original != null) {
          tally.retries++;
          if (!original.id().equals(o.id())) {
            tally.retryMismatches++;
          }
        }
        continue;
      }
      tally.matter(t.matter());
      if (DUPLICATE.equals(o.status())) {
        tally.duplicate(t, byId.get(o.duplicateOf()));
      }
      if (ACCEPTED.equals(o.status())) {
        tally.groups.add(o.clusterId(), t.group());
      }
      if (ACCEPTED.equals(o.status()) || o.queue() != null) {
        tally.route(t, o);
      }
    }
    return tally.scores(filings.size(), verdicts.size());
  }

  /** Running counts of one scoring pass. */
  private static final class Tally {
    final Map<String, int[]> perMatter = new HashMap<>();
    final Pairs groups = new Pairs();
    long predicted;
    long correct;
    long crossPerson;
    long routed;
    long routedRight;
    long transfers;
    long transfersRight;
    long wrongDistricts;
    long retries;
    long retryMismatches;

    /** [answered filings, correct links] per matter. */
    void matter(String matter) {
      perMatter.computeIfAbsent(matter, k -> new int[2])[0]++;
    }

    void duplicate(Truth t, Filing target) {
      predicted++;
      if (target == null) {
        return;
      }
      Truth o = target.truth();
      if (!o.person().equals(t.person())) {
        crossPerson++;
      } else if (o.matter().equals(t.matter())) {
        correct++;
        perMatter.get(t.matter())[1]++;
      }
    }

    void route(Truth t, Observed o) {
      routed++;
      boolean transfer = t.transferTo() != null;
      if (transfer ? TRANSFER.equals(o.queue()) : t.district().equals(o.queue())) {
        routedRight++;
      } else if (o.queue() != null && isDistrict(o.queue())) {
        wrongDistricts++;
      }
      if (transfer) {
        transfers++;
        if (TRANSFER.equals(o.queue()) && t.transferTo().equals(o.transferTo())) {
          transfersRight++;
        }
      }
    }

    Scores scores(long filings, long verdicts) {
      long trueDuplicates = 0;
      long found = 0;
      for (int[] m : perMatter.values()) {
        trueDuplicates += m[0] - 1;
        found += Math.min(m[0] - 1, m[1]);
      }
      return new Scores(
          filings,
          verdicts,
          ratio(correct, predicted),
          ratio(found, trueDuplicates),
          crossPerson,
          groups.precision(),
          groups.recall(),
          ratio(routedRight, routed),
          ratio(transfersRight, transfers),
          retries,
          retryMismatches,
          wrongDistricts);
    }

    private static boolean isDistrict(String queue) {
      return !queue.equals("triage") && !queue.equals(TRANSFER);
    }
  }

  static double ratio(long num, long den) {
    return den == 0 ? 1.0 : (double) num / den;
  }
}
