package org.hotline.dedup.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-class precision and recall of the {@link GrievanceClassifier} with the configured taxonomy on
 * the labelled set {@code src/test/resources/grievance/holdout.tsv}: texts in the three channels'
 * styles, written before the cue list and never used to tune it ({@code tune.tsv} was). Another
 * file: {@code -Dgrievance.eval.file=PATH}; the confusions: {@code -Dgrievance.eval.verbose=true}.
 */
@DisplayName("Grievance classification on the held-out labelled set")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrievanceAccuracyTest {
  // Bars, per known class, below the figures measured on the held-out set (dedup/EVALUATION.md).
  // One text of a class of 8 or more is at most 12% of it, so the per-class bars leave room for one
  // or two misses; a class with fewer texts (other: 4) is held by the overall accuracy alone, since
  // one reading of an inquiry as other would put it under any bar.
  // 2026-12-07: 0.943 with the cues alone, 0.962 with the model reading what they leave unknown,
  // 0.975 with the two read together where the cues' evidence is thin or tied.
  static final double MIN_ACCURACY = 0.96;
  static final double MIN_PRECISION = 0.85;
  static final double MIN_RECALL = 0.75;
  static final int MIN_TEXTS_PER_CLASS = 8;

  private final Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
  private int right;
  private int total;

  record Labelled(String grievance, String channel, String category, String content) {}

  @BeforeAll
  void run() throws IOException {
    GrievanceClassifier classifier = Taxonomies.xiamen();
    boolean verbose = Boolean.getBoolean("grievance.eval.verbose");
    for (Labelled l : load()) {
      String got = classifier.classify(l.category(), l.content()).code();
      total++;
      if (got.equals(l.grievance())) {
        right++;
        counts.computeIfAbsent(got, k -> new int[3])[0]++;
      } else {
        counts.computeIfAbsent(got, k -> new int[3])[1]++;
        counts.computeIfAbsent(l.grievance(), k -> new int[3])[2]++;
        if (verbose) {
          System.out.printf("%s → %s: %s%n", l.grievance(), got, l.content());
        }
      }
    }
    System.out.println(table());
  }

  @Test
  @DisplayName("at least 96% of the texts get their labelled grievance")
  void accuracy() {
    assertThat((double) right / total).isGreaterThanOrEqualTo(MIN_ACCURACY);
  }

  @Test
  @DisplayName(
      "every known class of 8 texts or more is precise: a wrong class splits a matter in two")
  void precisionPerClass() {
    counts.forEach(
        (code, c) -> {
          if (!code.equals(Grievance.UNKNOWN.code()) && c[0] + c[2] >= MIN_TEXTS_PER_CLASS) {
            assertThat(precision(c)).as(code).isGreaterThanOrEqualTo(MIN_PRECISION);
          }
        });
  }

  @Test
  @DisplayName("every known class of 8 texts or more is found in most of its texts")
  void recallPerClass() {
    counts.forEach(
        (code, c) -> {
          if (!code.equals(Grievance.UNKNOWN.code()) && c[0] + c[2] >= MIN_TEXTS_PER_CLASS) {
            assertThat(recall(c)).as(code).isGreaterThanOrEqualTo(MIN_RECALL);
          }
        });
  }

  private String table() {
    StringBuilder sb =
        new StringBuilder("| class | texts | precision | recall |\n|---|---|---|---|\n");
    counts.forEach(
        (code, c) ->
            sb.append(
                String.format(
                    "| %s | %d | %.2f | %.2f |%n", code, c[0] + c[2], precision(c), recall(c))));
    return sb.append(
            String.format("accuracy %.3f (%d of %d)", (double) right / total, right, total))
        .toString();
  }

  private static double precision(int[] c) {
    return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
  }

  private static double recall(int[] c) {
    return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
  }

  static List<Labelled> load() throws IOException {
    String file = System.getProperty("grievance.eval.file");
    try (InputStream in =
        file != null && !file.isBlank()
            ? Files.newInputStream(Path.of(file))
            : GrievanceAccuracyTest.class.getResourceAsStream("/grievance/holdout.tsv")) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Labelled> out = new ArrayList<>();
      reader.readLine(); // header
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          String[] f = line.split("\t", -1);
          out.add(new Labelled(f[0], f[1], f[2].isEmpty() ? null : f[2], f[3]));
        }
      }
      return out;
    }
  }
}
