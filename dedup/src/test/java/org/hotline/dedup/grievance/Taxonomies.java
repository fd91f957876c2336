package org.hotline.dedup.grievance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's grievance taxonomy and model, for tests: the files named by the system properties
 * {@code grievance.taxonomy} and {@code grievance.corpus} (set by the dedup pom), else the same
 * files by their paths from this module.
 */
public final class Taxonomies {
  private static final String TAXONOMY = "../gateway/src/main/resources/routing/grievances.yaml";
  private static final String CORPUS = "../gateway/src/main/resources/routing/grievance-corpus.tsv";
  private static final Map<String, GrievanceClassifier> WITHOUT = new HashMap<>();
  private static GrievanceClassifier xiamen;
  private static GrievanceTaxonomy taxonomy;

  private Taxonomies() {}

  /** The classifier of the configured taxonomy and a model trained on the whole corpus. */
  public static synchronized GrievanceClassifier xiamen() {
    if (xiamen == null) {
      xiamen = new GrievanceClassifier(taxonomy(), model(source -> false));
    }
    return xiamen;
  }

  /**
   * The classifier with a model trained on the corpus without the texts of {@code source} (for
   * example {@code independent-n}): what a set is measured with, so that its own texts never teach
   * the model that reads them.
   */
  public static synchronized GrievanceClassifier xiamenWithout(String source) {
    return WITHOUT.computeIfAbsent(
        source, s -> new GrievanceClassifier(taxonomy(), model(s::equals)));
  }

  /** The classifier of the taxonomy's cues alone. */
  public static synchronized GrievanceClassifier cuesOnly() {
    return new GrievanceClassifier(taxonomy());
  }

  /** The labelled texts of the corpus. */
  public static List<GrievanceModel.Example> corpus(java.util.function.Predicate<String> skip) {
    Path path = Path.of(System.getProperty("grievance.corpus", CORPUS));
    try (InputStream in = Files.newInputStream(path)) {
      return GrievanceModel.readCorpus(in, path.getFileName().toString(), skip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GrievanceModel model(java.util.function.Predicate<String> skip) {
    return GrievanceModel.train(corpus(skip), GrievanceModel.DEFAULT_MARGIN);
  }

  private static GrievanceTaxonomy taxonomy() {
    if (taxonomy == null) {
      try {
        taxonomy =
            GrievanceTaxonomy.load(Path.of(System.getProperty("grievance.taxonomy", TAXONOMY)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return taxonomy;
  }
}
