package org.hotline.loadtest.corpus;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise agreement of two clusterings (predicted and true), counted from cluster sizes instead of
 * enumerating pairs: a storm of thousands stays linear. A null label is "in no cluster".
 */
final class Pairs {
  private final Map<String, Long> predicted = new HashMap<>();
  private final Map<String, Long> truth = new HashMap<>();
  private final Map<String, Long> both = new HashMap<>();

  void add(String predictedLabel, String trueLabel) {
    if (predictedLabel != null) {
      predicted.merge(predictedLabel, 1L, Long::sum);
    }
    if (trueLabel != null) {
      truth.merge(trueLabel, 1L, Long::sum);
    }
    if (predictedLabel != null && trueLabel != null) {
      both.merge(predictedLabel + '\u0000' + trueLabel, 1L, Long::sum);
    }
  }

  double precision() {
    return Scorer.ratio(pairs(both), pairs(predicted));
  }

  double recall() {
    return Scorer.ratio(pairs(both), pairs(truth));
  }

  private static long pairs(Map<String, Long> sizes) {
    long n = 0;
    for (long s : sizes.values()) {
      n += s * (s - 1) / 2;
    }
    return n;
  }
}
