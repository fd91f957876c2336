package org.hotline.dedup.grievance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The gateway's grievance taxonomy, for tests: the file named by the system property {@code
 * grievance.taxonomy} (set by the dedup pom), else the same file by its path from this module.
 */
public final class Taxonomies {
  private static final String DEFAULT = "../gateway/src/main/resources/routing/grievances.yaml";
  private static GrievanceClassifier xiamen;

  private Taxonomies() {}

  /** The classifier of the configured taxonomy, built once. */
  public static synchronized GrievanceClassifier xiamen() {
    if (xiamen == null) {
      try {
        xiamen =
            new GrievanceClassifier(
                GrievanceTaxonomy.load(Path.of(System.getProperty("grievance.taxonomy", DEFAULT))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return xiamen;
  }
}
