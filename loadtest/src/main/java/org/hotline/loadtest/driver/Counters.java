package org.hotline.loadtest.driver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts per one-second interval (taken and reset by the ticker) and totals for the measured part.
 * An outcome is an HTTP status ({@code "202"}) or a transport error kind ({@code "timeout"}).
 */
final class Counters {
  final LongAdder intended = new LongAdder();
  final LongAdder sent = new LongAdder();
  final LongAdder completed = new LongAdder();
  final AtomicLong inFlight = new AtomicLong();

  private final Map<String, LongAdder> intervalOutcomes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> measuredOutcomes = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> channelOutcomes = new ConcurrentHashMap<>();
  final LongAdder measuredIntended = new LongAdder();
  final LongAdder measuredSent = new LongAdder();

  /** Requests answered 409 (the same source_id still in progress) and sent again. */
  final LongAdder raceResends = new LongAdder();

  /** Counts one finished request (answered or failed). */
  void outcome(String channel, String outcome, boolean measured) {
    completed.increment();
    inFlight.decrementAndGet();
    add(intervalOutcomes, outcome, 1);
    if (measured) {
      add(measuredOutcomes, outcome, 1);
      add(channelOutcomes.computeIfAbsent(channel, c -> new ConcurrentHashMap<>()), outcome, 1);
    }
  }

  /** Counts {@code n} outcomes of one batch item kind without touching the in-flight count. */
  void batchOutcome(String channel, String outcome, long n) {
    add(intervalOutcomes, outcome, n);
    add(measuredOutcomes, outcome, n);
    add(channelOutcomes.computeIfAbsent(channel, c -> new ConcurrentHashMap<>()), outcome, n);
  }

  /** The outcomes since the last call, sorted; the interval counts restart. */
  Map<String, Long> takeIntervalOutcomes() {
    Map<String, Long> out = new TreeMap<>();
    intervalOutcomes.forEach(
        (k, v) -> {
          long n = v.sumThenReset();
          if (n > 0) {
            out.put(k, n);
          }
        });
    return out;
  }

  Map<String, Long> measuredOutcomes() {
    return snapshot(measuredOutcomes);
  }

  Map<String, Map<String, Long>> channelOutcomes() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    channelOutcomes.forEach((k, v) -> out.put(k, snapshot(v)));
    return out;
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static void add(Map<String, LongAdder> m, String key, long n) {
    m.computeIfAbsent(key, k -> new LongAdder()).add(n);
  }
}
