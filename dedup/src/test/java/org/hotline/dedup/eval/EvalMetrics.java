package org.hotline.dedup.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.DedupVerdict;

/**
 * Scores verdicts against the evaluation set's ground truth.
 *
 * <ul>
 *   <li>Duplicate precision: a predicted duplicate is right when its original has the same {@code
 *       person_id} and {@code matter_id}.
 *   <li>Duplicate recall: over true re-filings, records whose person and matter were filed before
 *       within the duplicate window.
 *   <li>Merges across complainants: predicted duplicates whose original is another person's.
 *   <li>Cluster precision and recall, pairwise over pairs of records of different people: a pair is
 *       predicted when both records are in one group (a duplicate counts in its original's group)
 *       and true when both belong to one storm.
 * </ul>
 */
final class EvalMetrics {
  final List<String> falseDuplicates = new ArrayList<>();
  final List<String> missedDuplicates = new ArrayList<>();
  final List<String> storms = new ArrayList<>();
  final List<String> falsePairs = new ArrayList<>();
  int predictedDuplicates;
  int correctDuplicates;
  int trueRefilings;
  int foundRefilings;
  int merges;
  long predictedPairs;
  long correctPairs;
  long truePairs;

  static EvalMetrics score(
      List<EvalRecord> set, Map<UUID, DedupVerdict> verdicts, Duration window) {
    EvalMetrics m = new EvalMetrics();
    Map<UUID, EvalRecord> byId = new HashMap<>();
    set.forEach(r -> byId.put(r.record().id(), r));
    m.duplicates(set, verdicts, byId, window);
    m.clusters(set, verdicts, byId);
    return m;
  }

  double duplicatePrecision() {
    return ratio(correctDuplicates, predictedDuplicates);
  }

  double duplicateRecall() {
    return ratio(foundRefilings, trueRefilings);
  }

  double clusterPrecision() {
    return ratio(correctPairs, predictedPairs);
  }

  double clusterRecall() {
    return ratio(correctPairs, truePairs);
  }

  @Override
  public String toString() {
    return String.format(
        "duplicates: precision %.4f (%d/%d), recall %.4f (%d/%d), merges across complainants %d%n"
            + "clusters (pairwise): precision %.4f (%d/%d), recall %.4f (%d/%d)",
        duplicatePrecision(),
        correctDuplicates,
        predictedDuplicates,
        duplicateRecall(),
        foundRefilings,
        trueRefilings,
        merges,
        clusterPrecision(),
        correctPairs,
        predictedPairs,
        clusterRecall(),
        correctPairs,
        truePairs);
  }

  private void duplicates(
      List<EvalRecord> set,
      Map<UUID, DedupVerdict> verdicts,
      Map<UUID, EvalRecord> byId,
      Duration window) {
    Map<String, EvalRecord> lastFiling = new HashMap<>();
    for (EvalRecord r : set) {
      DedupVerdict v = verdicts.get(r.record().id());
      String key = r.personId() + "/" + r.matterId();
      EvalRecord earlier = lastFiling.put(key, r);
      boolean refiling =
          earlier != null
              && Duration.between(earlier.receivedAt(), r.receivedAt()).compareTo(window) <= 0;
      boolean correct = false;
      if (v.kind() == DedupVerdict.Kind.DUPLICATE) {
        predictedDuplicates++;
        EvalRecord original = byId.get(v.duplicateOf());
        correct = sameMatter(original, r);
        if (correct) {
          correctDuplicates++;
        } else {
          falseDuplicates.add(r.recordId() + " -> " + original.recordId());
        }
        if (!original.personId().equals(r.personId())) {
          merges++;
        }
      }
      if (refiling) {
        trueRefilings++;
        if (correct) {
          foundRefilings++;
        } else {
          missedDuplicates.add(
              r.recordId() + " (earlier " + earlier.recordId() + ", got " + v.kind() + ")");
        }
      }
    }
  }

  private void clusters(
      List<EvalRecord> set, Map<UUID, DedupVerdict> verdicts, Map<UUID, EvalRecord> byId) {
    Map<UUID, UUID> clusterOf = new HashMap<>();
    for (EvalRecord r : set) {
      DedupVerdict v = verdicts.get(r.record().id());
      if (v.kind() == DedupVerdict.Kind.CLUSTERED) {
        clusterOf.put(r.record().id(), v.clusterId());
        v.joinedWith().forEach(j -> clusterOf.put(j, v.clusterId()));
      } else if (v.kind() == DedupVerdict.Kind.DUPLICATE && v.clusterId() != null) {
        // A re-filing that brought its matter into a group: its original and the records it
        // joined with are members, as the gateway stores them.
        v.joinedWith().forEach(j -> clusterOf.put(j, v.clusterId()));
      }
    }
    Map<UUID, List<EvalRecord>> groups = new HashMap<>();
    for (EvalRecord r : set) {
      UUID c = groupOf(r.record().id(), verdicts, clusterOf);
      if (c != null) {
        groups.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
      }
    }
    groups.values().forEach(g -> countPairs(g, true));
    Map<String, List<EvalRecord>> storms = new HashMap<>();
    set.stream()
        .filter(r -> r.stormId() != null)
        .forEach(r -> storms.computeIfAbsent(r.stormId(), k -> new ArrayList<>()).add(r));
    storms.values().forEach(g -> countPairs(g, false));
    storms.forEach((id, g) -> this.storms.add(stormSummary(id, g, verdicts, clusterOf)));
  }

  /** A storm's records: how many, how many in its largest group, how many in no group. */
  private static String stormSummary(
      String id, List<EvalRecord> storm, Map<UUID, DedupVerdict> verdicts, Map<UUID, UUID> of) {
    Map<UUID, Integer> sizes = new HashMap<>();
    int loose = 0;
    for (EvalRecord r : storm) {
      UUID c = groupOf(r.record().id(), verdicts, of);
      if (c == null) {
        loose++;
      } else {
        sizes.merge(c, 1, Integer::sum);
      }
    }
    int largest = sizes.values().stream().max(Integer::compare).orElse(0);
    StringBuilder members = new StringBuilder();
    if (Boolean.getBoolean("dedup.eval.verbose")) {
      for (EvalRecord r : storm) {
        UUID c = groupOf(r.record().id(), verdicts, of);
        DedupRecord d = r.record();
        members.append(
            String.format(
                "%n  %s %s group %s | %s | %s | %s | read %s (label %s) | %s | %.40s",
                r.recordId(),
                r.channel(),
                c == null ? "-" : c.toString().substring(0, 8),
                d.merchantName(),
                d.merchantAddress(),
                d.occurredOn(),
                d.grievance(),
                r.grievance(),
                d.amount(),
                d.content()));
      }
    }
    return String.format(
            "%s: %d records, largest group %d, %d groups, %d in none",
            id, storm.size(), largest, sizes.size(), loose)
        + members;
  }

  /** A record's group: its own, or for a duplicate its original's. */
  private static UUID groupOf(
      UUID id, Map<UUID, DedupVerdict> verdicts, Map<UUID, UUID> clusterOf) {
    DedupVerdict v = verdicts.get(id);
    UUID own = clusterOf.get(id);
    if (own == null && v.kind() == DedupVerdict.Kind.DUPLICATE) {
      return clusterOf.get(v.duplicateOf());
    }
    return own;
  }

  private void countPairs(List<EvalRecord> group, boolean predicted) {
    for (int i = 0; i < group.size(); i++) {
      for (int j = i + 1; j < group.size(); j++) {
        EvalRecord a = group.get(i);
        EvalRecord b = group.get(j);
        if (a.personId().equals(b.personId())) {
          continue;
        }
        if (predicted) {
          predictedPairs++;
          if (a.stormId() != null && Objects.equals(a.stormId(), b.stormId())) {
            correctPairs++;
          } else {
            falsePairs.add(a.recordId() + " ~ " + b.recordId());
          }
        } else {
          truePairs++;
        }
      }
    }
  }

  private static boolean sameMatter(EvalRecord a, EvalRecord b) {
    return a.personId().equals(b.personId()) && a.matterId().equals(b.matterId());
  }

  private static double ratio(long num, long den) {
    return den == 0 ? 1.0 : num / (double) den;
  }
}
