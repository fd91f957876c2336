package org.hotline.dedup.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.HashSet;
import java.util.Set;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.InMemoryDedupIndex;

/**
 * Estimates the heap an {@link InMemoryDedupIndex} needs per held complaint: fill one with the
 * benchmark month, measure used heap after full collections with the index reachable and again
 * after dropping it, and divide the difference by the entries held. An estimate: it includes
 * everything only the index keeps alive (maps, states, fingerprints, key strings) and nothing else,
 * at the granularity the JVM reports.
 *
 * <p>Run in a fresh JVM with a fixed heap: {@code java -Xms3g -Xmx3g ... IndexFootprint [entries]}.
 * See {@code dedup/BENCHMARKS.md}.
 */
public final class IndexFootprint {
  private IndexFootprint() {}

  public static void main(String[] args) {
    long entries = args.length > 0 ? Long.parseLong(args[0]) : VerdictBenchmark.ENTRIES;
    Prefill prefill = new Prefill(entries);
    KeyCounter keys = new KeyCounter();

    long baseline = usedAfterGc();
    InMemoryDedupIndex index = new InMemoryDedupIndex(DedupOptions.defaults());
    long started = System.nanoTime();
    prefill.fill(index, entries, keys::add);
    double fillSeconds = (System.nanoTime() - started) / 1e9;
    long withIndex = usedAfterGc();
    long held = index.size();
    Reference.reachabilityFence(index);
    index = null;
    long withoutIndex = usedAfterGc();

    long retained = withIndex - withoutIndex;
    System.out.printf("entries held:            %,d%n", held);
    System.out.printf("blocking keys:           %,d%n", keys.distinct());
    System.out.printf("fill verdicts:           %s (%.1f s)%n", prefill.verdicts, fillSeconds);
    System.out.printf(
        "content (avg):           %.1f characters%n",
        (double) prefill.contentChars / prefill.records);
    System.out.printf("fingerprint bytes (avg): %.1f (toBytes)%n", keys.averageBytes());
    System.out.printf("heap retained by index:  %,d bytes%n", retained);
    System.out.printf("bytes per entry:         %.1f%n", (double) retained / held);
    System.out.printf(
        "cross-check (grown since baseline, includes corpus state): %.1f bytes per entry%n",
        (double) (withIndex - baseline) / held);
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    // Repeat until stable: one System.gc() may leave finalizable or soft garbage behind.
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /**
   * Counts distinct blocking keys by a 64-bit hash, so it holds no reference to the index's own key
   * strings (which would then survive the index and spoil the measurement).
   */
  static final class KeyCounter {
    private final Set<Long> hashes = new HashSet<>();
    private long fingerprints;
    private long bytes;

    void add(Fingerprint f) {
      hashes.add(hash(f.blockingKey()));
      fingerprints++;
      bytes += f.toBytes().length;
    }

    int distinct() {
      return hashes.size();
    }

    double averageBytes() {
      return fingerprints == 0 ? 0 : (double) bytes / fingerprints;
    }

    private static long hash(String s) {
      long h = 0xcbf29ce484222325L;
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0x100000001b3L;
      }
      return h;
    }
  }
}
