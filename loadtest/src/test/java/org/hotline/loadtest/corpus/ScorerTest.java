package org.hotline.loadtest.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scoring verdicts against the truth")
class ScorerTest {
  // seq 0: A's matter 1; 1: A re-files it (duplicate); 2: B, same merchant and grievance (group);
  // 3: a transport retry of 2; 4: C, a transfer; 5: D at an unroutable merchant.
  private final List<Filing> filings =
      List.of(
          filing(0, "A", "mA", null, "350203", null, -1),
          filing(1, "A", "mA", null, "350203", null, -1),
          filing(2, "B", "mB", "g1", "350203", null, -1),
          filing(3, "B", "mB", "g1", "350203", null, 2),
          filing(4, "C", "mC", null, "transfer", "住建", -1),
          filing(5, "D", "mD", null, "triage", null, -1));

  private static Filing filing(
      long seq,
      String person,
      String matter,
      String group,
      String district,
      String to,
      long retryOf) {
    return new Filing(
        seq,
        "web",
        "s" + seq,
        "{}",
        new Truth(person, matter, "price", group, district, to, retryOf));
  }

  private static Observed accepted(long seq, String id, String cluster, String queue) {
    return new Observed(seq, id, "accepted", null, cluster, null, queue, null, "price");
  }

  private List<Observed> perfect() {
    List<Observed> o = new ArrayList<>();
    o.add(accepted(0, "r0", null, "350203"));
    o.add(new Observed(1, "r1", "duplicate", "r0", null, "350203", "350203", null, "price"));
    o.add(accepted(2, "r2", "k1", "350203"));
    o.add(accepted(3, "r2", "k1", "350203"));
    o.add(new Observed(4, "r4", "accepted", null, null, null, "transfer", "住建", "other"));
    o.add(accepted(5, "r5", null, "triage"));
    return o;
  }

  @Test
  void aPerfectRunScoresOneEverywhere() {
    Scores s = Scorer.score(filings, perfect());
    assertThat(s.filings()).isEqualTo(6);
    assertThat(s.verdicts()).isEqualTo(6);
    assertThat(s.duplicatePrecision()).isEqualTo(1.0);
    assertThat(s.duplicateRecall()).isEqualTo(1.0);
    assertThat(s.crossPersonMerges()).isZero();
    assertThat(s.groupPrecision()).isEqualTo(1.0);
    assertThat(s.groupRecall()).isEqualTo(1.0);
    assertThat(s.routingAccuracy()).isEqualTo(1.0);
    assertThat(s.transferAccuracy()).isEqualTo(1.0);
    assertThat(s.retries()).isEqualTo(1);
    assertThat(s.retryMismatches()).isZero();
    assertThat(s.wrongDistricts()).isZero();
  }

  @Test
  void aWrongDuplicateLowersPrecisionAndACrossPersonMergeIsCounted() {
    List<Observed> o = perfect();
    // B's filing merged into A's: a wrong duplicate of another person.
    o.set(2, new Observed(2, "r2", "duplicate", "r0", null, null, "350203", null, "price"));
    Scores s = Scorer.score(filings, o);
    assertThat(s.duplicatePrecision()).isEqualTo(0.5);
    assertThat(s.duplicateRecall()).isEqualTo(1.0);
    assertThat(s.crossPersonMerges()).isEqualTo(1);
  }

  @Test
  void aMissedDuplicateLowersRecall() {
    List<Observed> o = perfect();
    o.set(1, accepted(1, "r1", null, "350203"));
    Scores s = Scorer.score(filings, o);
    assertThat(s.duplicateRecall()).isEqualTo(0.0);
    assertThat(s.duplicatePrecision()).isEqualTo(1.0);
  }

  @Test
  void aRetryWithAnotherIdBreaksIdempotency() {
    List<Observed> o = perfect();
    o.set(3, accepted(3, "r3", "k1", "350203"));
    assertThat(Scorer.score(filings, o).retryMismatches()).isEqualTo(1);
  }

  @Test
  void aWrongDistrictCountsApartFromTriage() {
    List<Observed> o = perfect();
    o.set(5, accepted(5, "r5", null, "350206"));
    o.set(4, accepted(4, "r4", null, "350203"));
    Scores s = Scorer.score(filings, o);
    assertThat(s.routingAccuracy()).isEqualTo(3.0 / 5);
    assertThat(s.transferAccuracy()).isEqualTo(0.0);
    assertThat(s.wrongDistricts()).isEqualTo(2);
  }

  @Test
  void clusteringStrangersLowersGroupPrecision() {
    List<Observed> o = perfect();
    o.set(5, accepted(5, "r5", "k1", "triage"));
    Scores s = Scorer.score(filings, o);
    assertThat(s.groupPrecision()).isEqualTo(0.0);
    assertThat(s.groupRecall()).isEqualTo(1.0);
  }
}
