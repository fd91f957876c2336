package org.hotline.dedup.eval;

import java.util.ArrayList;
import java.util.List;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.dedup.RecentFilings;
import org.hotline.dedup.TestCity;

/**
 * Microseconds a decision takes on the gateway's path after the fingerprint: the merchant index and
 * each complainant's recent filings ({@link RecentFilings#decide}), over an evaluation set decided
 * again and again from an empty state, on one thread. A benchmark to run by hand, not a test:
 *
 * <pre>
 * ./mvnw -q -pl dedup test-compile dependency:build-classpath -Dmdep.outputFile=$PWD/dedup/target/cp.txt
 * cd dedup && java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.hotline.dedup.eval.DecisionTiming [rounds] [set.tsv]
 * </pre>
 *
 * The committed set by default, 200 rounds; the first half warms the JIT and only the second is
 * reported. Figures in BENCHMARKS.md (issue 11).
 */
public final class DecisionTiming {
  private DecisionTiming() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    if (args.length > 1) {
      System.setProperty("dedup.eval.file", args[1]);
    }
    List<EvalRecord> set = EvalRecord.load();
    Fingerprinter fingerprinter =
        new Fingerprinter("evaluation-secret-not-for-production".getBytes(), TestCity.XIAMEN);
    List<Fingerprint> prints = new ArrayList<>();
    set.forEach(r -> prints.add(fingerprinter.fingerprint(r.record())));
    DedupOptions options = DedupOptions.defaults();
    long measured = 0;
    int decisions = 0;
    int duplicates = 0;
    for (int round = 0; round < rounds; round++) {
      RecentFilings recent = new RecentFilings(options);
      try (InMemoryDedupIndex index = new InMemoryDedupIndex(options)) {
        long start = System.nanoTime();
        for (Fingerprint f : prints) {
          DedupVerdict v = recent.decide(index, f).toCompletableFuture().join().verdict();
          duplicates += v.kind() == DedupVerdict.Kind.DUPLICATE ? 1 : 0;
        }
        if (round >= rounds / 2) {
          measured += System.nanoTime() - start;
          decisions += prints.size();
        }
      }
    }
    System.out.printf(
        "%d records, %d rounds measured: %.2f µs a decision (%d duplicates in all)%n",
        prints.size(), rounds - rounds / 2, measured / 1000.0 / decisions, duplicates);
  }
}
