package org.hotline.dedup.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.hotline.dedup.DedupIndex;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;

/**
 * Fills an index the way a month of intake would: records in {@code received_at} order, each one
 * decided, until the index holds the wanted number of entries (duplicates are not held).
 */
final class Prefill {
  static final long SEED = 12315;
  static final byte[] SECRET = "benchmark-identity-secret-32-byt".getBytes(StandardCharsets.UTF_8);

  /** What the fill decided, by kind. */
  final Map<DedupVerdict.Kind, Long> verdicts = new EnumMap<>(DedupVerdict.Kind.class);

  final Corpus corpus;
  final Fingerprinter fingerprinter = new Fingerprinter(SECRET);
  final Instant end;

  /** A corpus whose month ends now, sized so that about {@code entries} records are held. */
  Prefill(long entries) {
    this.end = Instant.now();
    long records = entries * 100 / (100 - Corpus.REFILING_PERCENT);
    this.corpus = new Corpus(SEED, end, records);
  }

  /** Decides records into {@code index} until it holds {@code entries} of them. */
  void fill(DedupIndex index, long entries) {
    fill(index, entries, f -> {});
  }

  /** As {@link #fill(DedupIndex, long)}, telling {@code held} about every fingerprint kept. */
  void fill(DedupIndex index, long entries, Consumer<Fingerprint> onHeld) {
    long held = 0;
    while (held < entries) {
      Fingerprint fingerprint = fingerprinter.fingerprint(corpus.next());
      DedupVerdict verdict = index.decide(fingerprint).toCompletableFuture().join();
      verdicts.merge(verdict.kind(), 1L, Long::sum);
      if (verdict.kind() != DedupVerdict.Kind.DUPLICATE) {
        held++;
        onHeld.accept(fingerprint);
      }
    }
  }
}
