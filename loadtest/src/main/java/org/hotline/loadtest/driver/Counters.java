package org.hotline.loadtest.driver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts per one-second interval (taken and reset by the ticker) and totals for the measured part.
 * An outcome is an HTTP status ({@code "202"}) or a transport error kind ({@code "timeout"}).
 */
final class Counters {
  /**
   * Arrivals counted all at once (replay's backlog); the open model counts by {@link #intendedAt}.
   */
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

  /** Arrivals by the second their intended time falls in (1 for the first), until taken. */
  private final Map<Long, LongAdder> intendedBySecond = new ConcurrentHashMap<>();

  /** Counts one arrival due {@code intendedNanos} from the run's start, 0 or more. */
  void intendedAt(long intendedNanos) {
    intendedBySecond
        .computeIfAbsent(TimeUnit.NANOSECONDS.toSeconds(intendedNanos) + 1, k -> new LongAdder())
        .increment();
  }

  /**
   * Arrivals due up to the end of {@code second} and not yet taken, and {@link #intended} since the
   * last call: a row counts what was due in it, whatever instant its tick ran at.
   */
  long takeIntended(long second) {
    long n = intended.sumThenReset();
    for (Map.Entry<Long, LongAdder> e : intendedBySecond.entrySet()) {
      if (e.getKey() <= second) {
        n += e.getValue().sumThenReset();
      }
    }
    return n;
  }

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
