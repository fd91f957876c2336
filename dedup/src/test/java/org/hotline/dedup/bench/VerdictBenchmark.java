package org.hotline.dedup.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The verdict path of {@link InMemoryDedupIndex} against a realistic month: one million held
 * entries (see {@link Corpus} for their shape), one thread.
 *
 * <p>Each invocation decides a batch of {@value #BATCH} complaints that arrive after the month
 * (drawn from the same distribution: re-filings, group incidents, one-off complaints). Before the
 * next batch, an untimed step forgets the batch again, so every batch meets the same one-million
 * index instead of one that grows by hundreds of thousands per second of benchmark. Within a batch
 * the index grows by at most {@value #BATCH} entries (2%).
 *
 * <p>Not a test: run it as described in {@code dedup/BENCHMARKS.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class VerdictBenchmark {
  static final int ENTRIES = 1_000_000;
  static final int BATCH = 20_000;

  /** The filled index and the batch of arriving complaints, fingerprinted in advance. */
  @State(Scope.Benchmark)
  public static class Month {
    InMemoryDedupIndex index;
    Fingerprinter fingerprinter;
    DedupRecord[] arriving;
    Fingerprint[] arrivingFingerprints;
    boolean decidedSinceUndo;

    @Setup(Level.Trial)
    public void fill() {
      Prefill prefill = new Prefill(ENTRIES);
      index = new InMemoryDedupIndex(DedupOptions.defaults());
      prefill.fill(index, ENTRIES);
      fingerprinter = prefill.fingerprinter;
      arriving = new DedupRecord[BATCH];
      arrivingFingerprints = new Fingerprint[BATCH];
      for (int i = 0; i < BATCH; i++) {
        // Right after the month, spread over a few minutes as at a busy hour.
        arriving[i] = prefill.corpus.at(prefill.last.plusMillis(10L * i + 1));
        arrivingFingerprints[i] = fingerprinter.fingerprint(arriving[i]);
      }
      // Untimed dry run of the batch, to report what it decides.
      Map<DedupVerdict.Kind, Integer> batchVerdicts = new EnumMap<>(DedupVerdict.Kind.class);
      for (Fingerprint f : arrivingFingerprints) {
        batchVerdicts.merge(verdict(index, f).kind(), 1, Integer::sum);
      }
      decidedSinceUndo = true;
      undoPreviousBatch();
      System.out.printf(
          "%nindex: %,d entries held; fill verdicts %s; content %.0f chars on average;"
              + " batch of %,d: %s%n",
          index.size(),
          prefill.verdicts,
          (double) prefill.contentChars / prefill.records,
          BATCH,
          batchVerdicts);
    }

    /** Untimed: takes the previous batch out again. */
    @Setup(Level.Invocation)
    public void undoPreviousBatch() {
      if (decidedSinceUndo) {
        for (Fingerprint f : arrivingFingerprints) {
          index.forget(f);
        }
        decidedSinceUndo = false;
      }
    }
  }

  /** Arriving complaints, for the fingerprinting-only benchmark: no index needed. */
  @State(Scope.Benchmark)
  public static class Arrivals {
    Fingerprinter fingerprinter;
    DedupRecord[] arriving;

    @Setup(Level.Trial)
    public void generate() {
      Prefill prefill = new Prefill(ENTRIES);
      prefill.skip(ENTRIES); // so that the arrivals include re-filings, as in Month
      fingerprinter = prefill.fingerprinter;
      arriving = new DedupRecord[BATCH];
      for (int i = 0; i < BATCH; i++) {
        arriving[i] = prefill.corpus.at(prefill.last.plusMillis(10L * i + 1));
      }
    }
  }

  /** Index lookup, comparison with the candidates under the key, insert; fingerprints given. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void decide(Month month, Blackhole blackhole) {
    month.decidedSinceUndo = true;
    for (Fingerprint f : month.arrivingFingerprints) {
      blackhole.consume(verdict(month.index, f));
    }
  }

  /** As {@link #decide}, with the fingerprint computed from the record each time. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void fingerprintAndDecide(Month month, Blackhole blackhole) {
    month.decidedSinceUndo = true;
    for (DedupRecord r : month.arriving) {
      blackhole.consume(verdict(month.index, month.fingerprinter.fingerprint(r)));
    }
  }

  /** The fingerprint alone: normalisation, keyed identity hash, shingles and signature. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void fingerprint(Arrivals arrivals, Blackhole blackhole) {
    for (DedupRecord r : arrivals.arriving) {
      blackhole.consume(arrivals.fingerprinter.fingerprint(r));
    }
  }

  private static DedupVerdict verdict(InMemoryDedupIndex index, Fingerprint f) {
    return index.decide(f).toCompletableFuture().join();
  }
}
