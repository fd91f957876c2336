package org.hotline.dedup.grievance;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The grievance classes, their cue phrases and weights, as configured (the gateway's {@code
 * routing/grievances.yaml}, whose header documents the schema). Immutable and validated when built:
 * codes unique, no two codes with the same {@link Grievance#key()}, weights in range, every phrase
 * (cue or neutral) at most once. {@link GrievanceClassifier} compiles it.
 *
 * @param minScore evidence a class needs to be chosen, at least 1
 * @param categoryWeight evidence a matching category field adds, 0..{@value #MAX_WEIGHT}
 * @param neutral phrases that decide nothing and hide the cues inside them (requests, evidence)
 * @param classes the classes, at most {@value #MAX_CLASSES}
 */
public record GrievanceTaxonomy(
    int minScore, int categoryWeight, List<String> neutral, List<GrievanceClass> classes) {
  /** Largest weight of one cue. */
  public static final int MAX_WEIGHT = 9;

  /** Most classes; the classifier keeps a bit per class. */
  public static final int MAX_CLASSES = 63;

  public GrievanceTaxonomy {
    neutral = neutral == null ? List.of() : List.copyOf(neutral);
    classes = classes == null ? List.of() : List.copyOf(classes);
    if (minScore < 1) {
      throw new IllegalArgumentException("min_score must be at least 1");
    }
    if (categoryWeight < 0 || categoryWeight > MAX_WEIGHT) {
      throw new IllegalArgumentException("category_weight must be 0.." + MAX_WEIGHT);
    }
    if (classes.isEmpty() || classes.size() > MAX_CLASSES) {
      throw new IllegalArgumentException("classes must list 1.." + MAX_CLASSES + " classes");
    }
    checkUnique(neutral, classes);
  }

  /**
   * Reads and validates a taxonomy file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and the entry, when it is not a valid taxonomy
   */
  public static GrievanceTaxonomy load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    }
  }

  /**
   * Reads and validates a taxonomy; {@code source} names it in messages.
   *
   * @throws IOException when the stream cannot be read
   * @throws IllegalArgumentException naming {@code source} and the entry, when it is not valid
   */
  public static GrievanceTaxonomy read(InputStream yaml, String source) throws IOException {
    // Duplicate keys too: a second "3:" group of cues would silently replace the first.
    ObjectMapper mapper =
        new ObjectMapper(
                YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    TaxonomyFile file;
    try {
      file = mapper.readValue(yaml, TaxonomyFile.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
    }
    if (file == null) {
      throw new IllegalArgumentException(source + ": empty");
    }
    return file.toTaxonomy(source);
  }

  /** The grievances bound to one site ({@link GrievanceClass#siteBound}). */
  public Set<Grievance> siteBound() {
    return flagged(GrievanceClass::siteBound);
  }

  /**
   * The grievances a person has one of with a merchant at a time ({@link
   * GrievanceClass#oneMatter}).
   */
  public Set<Grievance> oneMatter() {
    return flagged(GrievanceClass::oneMatter);
  }

  /**
   * The grievances whose filings' dates say nothing of which group complaint they belong to ({@link
   * GrievanceClass#undated}).
   */
  public Set<Grievance> undated() {
    return flagged(GrievanceClass::undated);
  }

  /** A merchant's practices, repeated day after day ({@link GrievanceClass#practice}). */
  public Set<Grievance> practice() {
    return flagged(GrievanceClass::practice);
  }

  /** The grievances of the classes {@code flag} holds for. */
  private Set<Grievance> flagged(Predicate<GrievanceClass> flag) {
    return classes.stream()
        .filter(flag)
        .map(GrievanceClass::grievance)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The grievances a category word names together with another (合同, the national class, names
   * contract, not performed and prepaid): kin, which the text alone tells apart, and a call
   * centre's summary and the consumer's own words not always alike. One set: were a second word to
   * name two other classes together, all four would be kin of one another (this city's file has
   * one).
   */
  public Set<Grievance> kin() {
    Map<String, List<Grievance>> named = new HashMap<>();
    for (GrievanceClass c : classes) {
      for (String word : c.categories()) {
        named.computeIfAbsent(word, w -> new ArrayList<>()).add(c.grievance());
      }
    }
    Set<Grievance> kin = new HashSet<>();
    named.values().stream().filter(g -> g.size() > 1).forEach(kin::addAll);
    return Set.copyOf(kin);
  }

  /** The class of {@code grievance}, or null. */
  public GrievanceClass classOf(Grievance grievance) {
    for (GrievanceClass c : classes) {
      if (c.grievance().equals(grievance)) {
        return c;
      }
    }
    return null;
  }

  private static void checkUnique(List<String> neutral, List<GrievanceClass> classes) {
    Map<String, String> owner = new HashMap<>();
    Map<Integer, String> keys = new HashMap<>();
    for (String phrase : neutral) {
      claim(owner, phrase, "neutral");
    }
    for (GrievanceClass c : classes) {
      String code = c.grievance().code();
      String clash = keys.put(c.grievance().key(), code);
      if (clash != null) {
        throw new IllegalArgumentException(
            "class " + code + ": its code collides with " + clash + ", rename one");
      }
      for (Map.Entry<String, Integer> cue : c.cues().entrySet()) {
        if (cue.getValue() == null || cue.getValue() < 1 || cue.getValue() > MAX_WEIGHT) {
          throw new IllegalArgumentException(
              "class " + code + ": weight of " + cue.getKey() + " must be 1.." + MAX_WEIGHT);
        }
        claim(owner, cue.getKey(), "class " + code);
      }
      for (String category : c.categories()) {
        if (Folding.fold(category).isEmpty()) {
          throw new IllegalArgumentException("class " + code + ": an empty category word");
        }
      }
    }
  }

  private static void claim(Map<String, String> owner, String phrase, String where) {
    String folded = phrase == null ? "" : Folding.fold(phrase);
    if (folded.isEmpty()) {
      throw new IllegalArgumentException(where + ": an empty phrase");
    }
    String before = owner.put(folded, where);
    if (before != null) {
      throw new IllegalArgumentException(
          where + ": phrase " + phrase + " is already listed under " + before);
    }
  }

  /** The file as written; {@link #toTaxonomy} checks what binding cannot. */
  record TaxonomyFile(
      @JsonProperty("min_score") Integer minScore,
      @JsonProperty("category_weight") Integer categoryWeight,
      List<String> neutral,
      List<ClassEntry> classes) {

    GrievanceTaxonomy toTaxonomy(String source) {
      if (minScore == null || categoryWeight == null || classes == null) {
        throw new IllegalArgumentException(
            source + ": min_score, category_weight and classes are required");
      }
      List<GrievanceClass> built = new ArrayList<>();
      for (int i = 0; i < classes.size(); i++) {
        ClassEntry e = classes.get(i);
        String where = source + ": classes[" + i + "]" + (e == null ? "" : " (" + e.code + ")");
        try {
          built.add(e.toClass());
        } catch (RuntimeException ex) {
          throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
      }
      try {
        return new GrievanceTaxonomy(minScore, categoryWeight, neutral, built);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
      }
    }
  }

  /** One class as written: cues grouped by weight ({@code 4: [跑路, 闭店]}). */
  record ClassEntry(
      String code,
      String label,
      List<String> categories,
      Map<String, List<String>> cues,
      @JsonProperty("site_bound") Boolean siteBound,
      @JsonProperty("one_matter") Boolean oneMatter,
      Boolean undated,
      Boolean practice) {

    GrievanceClass toClass() {
      if (code == null || !Grievance.isCode(code) || code.equals(Grievance.UNKNOWN.code())) {
        throw new IllegalArgumentException("code must be lower-case snake and not unknown");
      }
      if (cues == null || cues.isEmpty()) {
        throw new IllegalArgumentException("cues are required");
      }
      Map<String, Integer> weights = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> group : cues.entrySet()) {
        int weight = weight(group.getKey());
        for (String phrase : group.getValue() == null ? List.<String>of() : group.getValue()) {
          if (weights.put(phrase, weight) != null) {
            throw new IllegalArgumentException("phrase " + phrase + " is listed twice");
          }
        }
      }
      return new GrievanceClass(
          new Grievance(code),
          label,
          categories,
          weights,
          Boolean.TRUE.equals(siteBound),
          Boolean.TRUE.equals(oneMatter),
          Boolean.TRUE.equals(undated),
          Boolean.TRUE.equals(practice));
    }

    private static int weight(String key) {
      try {
        int w = Integer.parseInt(key);
        if (w >= 1 && w <= MAX_WEIGHT) {
          return w;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("cue weight " + key + " is not 1.." + MAX_WEIGHT);
    }
  }
}
