package org.hotline.dedup.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model's corpus (gateway/src/main/resources/routing/grievance-corpus.tsv) is what
 * dedup/tools/grievance-corpus.py makes of the labelled sets: a set added or relabelled without
 * running it fails here, and so does a generated set or the classifier's held-out set slipping in.
 */
@DisplayName("The grievance corpus holds the hand-written sets, and only them")
class GrievanceCorpusTest {
  private static final Path EVAL = Path.of("src/test/resources/eval");

  @Test
  @DisplayName("every labelled complaint of eval/independent-*.tsv, in order, under its set's name")
  void matchesTheSets() throws IOException {
    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.list(EVAL)) {
      for (Path f :
          files
              .filter(p -> p.getFileName().toString().startsWith("independent-"))
              .sorted()
              .toList()) {
        String source = f.getFileName().toString().replaceFirst("\\.tsv$", "");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
          String[] c = line.split("\t", -1);
          if (!line.isBlank() && !c[16].isEmpty() && !c[16].equals("unknown") && !c[12].isBlank()) {
            expected.add(String.join("\t", source, c[16], clean(c[15]), clean(c[12])));
          }
        }
      }
    }
    List<String> corpus = new ArrayList<>();
    for (GrievanceModel.Example e : Taxonomies.corpus(s -> !s.startsWith("independent-"))) {
      corpus.add(
          String.join(
              "\t",
              e.source(),
              e.grievance().code(),
              e.category() == null ? "" : e.category(),
              e.content()));
    }
    assertThat(corpus).as("run python3 dedup/tools/grievance-corpus.py").isEqualTo(expected);
  }

  @Test
  @DisplayName("holds neither the generated set nor the held-out grievance texts")
  void leavesOut() {
    assertThat(Taxonomies.corpus(s -> false))
        .extracting(GrievanceModel.Example::source)
        .doesNotContain("dedup-eval", "grievance-holdout");
  }

  private static String clean(String s) {
    return String.join(" ", s.trim().split("\\s+")).trim();
  }
}
