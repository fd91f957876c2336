package org.hotline.dedup.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.dedup.MerchantAliases;
import org.hotline.dedup.RecentFilings;
import org.hotline.dedup.TestCity;
import org.hotline.dedup.grievance.Taxonomies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the labelled evaluation set ({@code src/test/resources/eval/dedup-eval.tsv}, made by {@link
 * EvalSetGenerator}) through {@link Fingerprinter} and {@link InMemoryDedupIndex} in {@code
 * received_at} order and holds the results to the bars of the issue. Method and figures: {@code
 * dedup/EVALUATION.md}. Another file can be scored with {@code -Ddedup.eval.file=PATH}.
 */
@DisplayName("Evaluation on the labelled set")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationTest {
  private static final byte[] SECRET =
      "evaluation-secret-not-for-production".getBytes(StandardCharsets.UTF_8);

  private EvalMetrics metrics;

  @BeforeAll
  void run() throws Exception {
    List<EvalRecord> set = EvalRecord.load();
    metrics = evaluate(set);
    System.out.printf("evaluation set: %d records%n%s%n%s%n", set.size(), metrics, grievances(set));
    if (Boolean.getBoolean("dedup.eval.verbose")) {
      System.out.println("false duplicates: " + metrics.falseDuplicates);
      System.out.println("missed duplicates: " + metrics.missedDuplicates);
      System.out.println("false group pairs: " + metrics.falsePairs);
      metrics.storms.stream().sorted().forEach(System.out::println);
    }
  }

  /**
   * Every record of {@code set} through {@link Fingerprinter}, a fresh {@link InMemoryDedupIndex}
   * and {@link RecentFilings} in file order ({@code received_at}), as the gateway judges them,
   * scored against the set's truth.
   */
  static EvalMetrics evaluate(List<EvalRecord> set) throws Exception {
    return EvalMetrics.score(set, verdicts(set), OPTIONS.duplicateWindow());
  }

  /** The gateway's options from grievances.yaml at HEAD. */
  static final DedupOptions OPTIONS =
      DedupOptions.defaults()
          .withOneMatter(Taxonomies.xiamen().taxonomy().oneMatter())
          .withKin(Taxonomies.xiamen().taxonomy().kin())
          .withUndated(Taxonomies.xiamen().taxonomy().undated())
          .withPractice(Taxonomies.xiamen().taxonomy().practice());

  /** Each record's verdict by its id, {@code set} judged in file order as the gateway judges it. */
  static Map<UUID, DedupVerdict> verdicts(List<EvalRecord> set) throws Exception {
    Fingerprinter fingerprinter =
        new Fingerprinter(
            SECRET,
            TestCity.XIAMEN,
            MerchantAliases.inMemory(Fingerprinter.DEFAULT_MAX_ALIASES),
            Taxonomies.xiamen().taxonomy().siteBound());
    RecentFilings recent = new RecentFilings(OPTIONS, fingerprinter::placeOpening);
    Map<UUID, DedupVerdict> verdicts = new HashMap<>();
    try (InMemoryDedupIndex index = new InMemoryDedupIndex(OPTIONS)) {
      for (EvalRecord r : set) {
        DedupVerdict v =
            recent
                .decide(index, fingerprinter.fingerprint(r.record()))
                .toCompletableFuture()
                .join()
                .verdict();
        verdicts.put(r.record().id(), v);
      }
    }
    return verdicts;
  }

  /** How the classifier read the set's filings, against the generator's ground truth. */
  static String grievances(List<EvalRecord> set) {
    int right = 0;
    int unknown = 0;
    for (EvalRecord r : set) {
      String read = r.record().grievance().code();
      right += read.equals(r.grievance()) ? 1 : 0;
      unknown += r.record().grievance().known() ? 0 : 1;
      if (Boolean.getBoolean("dedup.eval.verbose") && !read.equals(r.grievance())) {
        System.out.printf("grievance %s read as %s: %s%n", r.grievance(), read, r.recordId());
      }
    }
    return String.format(
        "grievance: %d of %d read right, %d unknown, %d wrong",
        right, set.size(), unknown, set.size() - right - unknown);
  }

  @Test
  @DisplayName("duplicate precision is at least 0.98")
  void duplicatePrecision() {
    assertThat(metrics.duplicatePrecision()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  @DisplayName("duplicate recall is at least 0.90")
  void duplicateRecall() {
    assertThat(metrics.duplicateRecall()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  @DisplayName("no duplicate ever links two different complainants")
  void noMergesAcrossComplainants() {
    assertThat(metrics.merges).isZero();
  }

  @Test
  @DisplayName("pairwise cluster precision is at least 0.90")
  void clusterPrecision() {
    assertThat(metrics.clusterPrecision()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  @DisplayName("pairwise cluster recall is at least 0.85")
  void clusterRecall() {
    assertThat(metrics.clusterRecall()).isGreaterThanOrEqualTo(0.85);
  }
}
