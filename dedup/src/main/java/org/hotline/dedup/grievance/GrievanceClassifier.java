package org.hotline.dedup.grievance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the grievance of a record from its category field and its text, by the cue phrases of a
 * {@link GrievanceTaxonomy}. Pure and thread-safe: the phrases are compiled once into a {@link
 * CueTrie}, and a call walks the text once (at each position the longest phrase, none inside a
 * longer one already found), allocating one small score array. Meant for the event loop: a 5,000
 * character text costs a few tens of microseconds.
 *
 * <p>The class with the most evidence wins when it reaches the taxonomy's {@code min_score} and no
 * other class ties with it; otherwise the answer is {@link Grievance#UNKNOWN}. A tie means the text
 * names two problems equally, and a wrong class costs more than no class: two filings of one matter
 * read as different grievances are never duplicates, while an unknown one can still match on strong
 * signals.
 *
 * <p>With a {@link GrievanceModel}, every text is read by the cues' evidence and the model's
 * reading added ({@link #CUE_WEIGHT}, {@link #MODEL_WEIGHT}); a class is named only when the cues
 * give it {@code min_score} or a sequence of the text speaks for it in the model. The cues alone
 * read a class the model has no examples of.
 */
public final class GrievanceClassifier {
  private static final int NEUTRAL = -1;
  private static final int WEIGHT_BITS = 4; // weights are 0..9

  private final GrievanceTaxonomy taxonomy;
  private final Grievance[] grievances;
  private final CueTrie text;
  private final CueTrie categories;

  /** The classes each category word names, by the word's payload in {@link #categories}. */
  private final long[] categoryClasses;

  private final GrievanceModel model;

  /** Each class's index in the model's reading, -1 when the model has no examples of it. */
  private final int[] modelClass;

  /**
   * What one point of cue weight counts for against the model's weighted log-likelihood ({@link
   * #MODEL_WEIGHT}; natural log): a cue of weight 3 is worth 15.
   */
  static final double CUE_WEIGHT = 5.0;

  /**
   * What the model's log-likelihood counts for. Naive Bayes adds up every sequence of one to three
   * characters as if each were new evidence, so its log-odds overstate: a long text's reading
   * outweighed a cue of weight 9. Weighed at 0.35 and added to the cues' for every text, not only
   * where the cues' evidence was thin (a top score under 4, as before 2026-12-07), the labelled
   * sets each read by a model trained without them read 7,432 of 8,052 texts right instead of 7,249
   * (wrong 478 instead of 639), `holdout.tsv` 154 of 158 instead of 153, and the three sets written
   * after the choice (AJ, AK, AL) 548 of 619 instead of 529 (dedup/EVALUATION.md).
   */
  static final double MODEL_WEIGHT = 0.35;

  /** A classifier by the taxonomy's cues alone. */
  public GrievanceClassifier(GrievanceTaxonomy taxonomy) {
    this(taxonomy, null);
  }

  /**
   * A classifier by the taxonomy's cues, and {@code model} for the texts they leave unknown.
   *
   * @param model null for none
   * @throws IllegalArgumentException when the model names a grievance the taxonomy has not
   */
  public GrievanceClassifier(GrievanceTaxonomy taxonomy, GrievanceModel model) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    this.model = model;
    List<GrievanceClass> classes = taxonomy.classes();
    this.grievances = new Grievance[classes.size()];
    CueTrie.Builder cues = new CueTrie.Builder();
    taxonomy.neutral().forEach(p -> cues.add(p, NEUTRAL));
    // A category word may name several classes (合同, the national class, covers contract terms,
    // services not performed and prepaid cards): its payload is the set of them.
    Map<String, Long> named = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      GrievanceClass gc = classes.get(c);
      grievances[c] = gc.grievance();
      for (Map.Entry<String, Integer> cue : gc.cues().entrySet()) {
        cues.add(cue.getKey(), c << WEIGHT_BITS | cue.getValue());
      }
      for (String word : gc.categories()) {
        named.merge(Folding.fold(word), 1L << c, (a, b) -> a | b); // as the trie will hold it
      }
    }
    CueTrie.Builder words = new CueTrie.Builder();
    this.categoryClasses = new long[named.size()];
    int w = 0;
    for (Map.Entry<String, Long> e : named.entrySet()) {
      categoryClasses[w] = e.getValue();
      words.add(e.getKey(), w++);
    }
    this.text = cues.build();
    this.categories = words.build();
    this.modelClass = new int[grievances.length];
    java.util.Arrays.fill(modelClass, -1);
    if (model != null) {
      List<Grievance> known = List.of(grievances);
      List<Grievance> read = model.classes();
      for (int m = 0; m < read.size(); m++) {
        int c = known.indexOf(read.get(m));
        if (c < 0) {
          throw new IllegalArgumentException(
              "the grievance model names " + read.get(m).code() + ", which the taxonomy has not");
        }
        modelClass[c] = m;
      }
    }
  }

  /**
   * The grievance of a record.
   *
   * @param category the channel's category field, or null
   * @param content the record's text, or null
   */
  public Grievance classify(String category, String content) {
    int[] scores = new int[grievances.length];
    long named = 0;
    if (category != null && taxonomy.categoryWeight() > 0) {
      named = scoreCategory(category, scores);
    }
    if (content != null) {
      scoreText(content, scores);
    }
    int cue = decide(scores, named);
    // The cues alone read every text without a model, and a class the model has no examples of.
    if (model == null || (cue >= 0 && modelClass[cue] < 0)) {
      return cue < 0 ? Grievance.UNKNOWN : grievances[cue];
    }
    return fuse(scores, model.reading(category, content));
  }

  /**
   * The class with the most evidence of the cues' and the model's together: {@value #MODEL_WEIGHT}
   * of the model's log-likelihood plus {@value #CUE_WEIGHT} for each point of cue weight (the
   * category field's included). Named only when the cues give it {@code min_score} or one of the
   * text's sequences speaks for it; otherwise unknown.
   */
  private Grievance fuse(int[] scores, GrievanceModel.Reading reading) {
    double[] likelihood = reading.logLikelihood();
    int best = -1;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < scores.length; c++) {
      int m = modelClass[c];
      if (m >= 0) {
        double value = MODEL_WEIGHT * likelihood[m] + CUE_WEIGHT * scores[c];
        if (value > bestValue) {
          best = c;
          bestValue = value;
        }
      }
    }
    if (best < 0) {
      return Grievance.UNKNOWN; // the model knows none of the classes
    }
    boolean evidence = scores[best] >= taxonomy.minScore() || reading.speaksFor(modelClass[best]);
    return evidence ? grievances[best] : Grievance.UNKNOWN;
  }

  /** The taxonomy this classifier was built from. */
  public GrievanceTaxonomy taxonomy() {
    return taxonomy;
  }

  /** The model for texts the cues leave unknown, or null. */
  public GrievanceModel model() {
    return model;
  }

  @Override
  public String toString() {
    return "GrievanceClassifier["
        + grievances.length
        + " classes"
        + (model == null ? "" : ", " + model)
        + "]";
  }

  /** Each class named anywhere in the category gets the category weight, once. */
  private long scoreCategory(String category, int[] scores) {
    long named = 0;
    for (int i = 0; i < category.length(); i++) {
      int node = CueTrie.ROOT;
      for (int j = i; j < category.length() && node >= 0; j++) {
        char c = Folding.fold(category.charAt(j));
        if (c == Folding.SKIP) {
          continue;
        }
        node = categories.next(node, c);
        if (node >= 0 && categories.payload(node) != CueTrie.NONE) {
          named |= categoryClasses[categories.payload(node)];
        }
      }
    }
    for (int c = 0; c < scores.length; c++) {
      if ((named & (1L << c)) != 0) {
        scores[c] += taxonomy.categoryWeight();
      }
    }
    return named;
  }

  /**
   * Adds the weight of each phrase found: at each position the longest, unless it lies inside a
   * phrase found at an earlier position ("退款" inside the neutral "要求退款").
   */
  private void scoreText(String s, int[] scores) {
    int coveredTo = 0;
    for (int i = 0; i < s.length(); i++) {
      int found = CueTrie.NONE;
      int end = -1;
      int node = CueTrie.ROOT;
      for (int j = i; j < s.length(); j++) {
        char c = Folding.fold(s.charAt(j));
        if (c == Folding.SKIP) {
          if (j == i) {
            break; // no phrase starts with white space
          }
          continue;
        }
        node = text.next(node, c);
        if (node < 0) {
          break;
        }
        int p = text.payload(node);
        if (p != CueTrie.NONE) {
          found = p;
          end = j + 1;
        }
      }
      if (end > coveredTo) {
        coveredTo = end;
        if (found != NEUTRAL) {
          scores[found >> WEIGHT_BITS] += found & ((1 << WEIGHT_BITS) - 1);
        }
      }
    }
  }

  /**
   * The class with the most evidence, at least {@code min_score}; when two tie, the one the
   * category field named ({@code named}, bits by class) if only one of them is: the channel's
   * operator chose it, and in the hand-written sets it was the labelled grievance in 20 of 26 such
   * ties (set H's "办卡时说24小时营业…要求退卡" under 虚假宣传). Otherwise unknown.
   */
  private int decide(int[] scores, long named) {
    int best = -1;
    for (int c = 0; c < scores.length; c++) {
      if (best < 0 || scores[c] > scores[best]) {
        best = c;
      }
    }
    if (best < 0 || scores[best] < taxonomy.minScore()) {
      return -1;
    }
    int chosen = -1;
    int tied = 0;
    for (int c = 0; c < scores.length; c++) {
      if (scores[c] == scores[best]) {
        tied++;
        if ((named & (1L << c)) != 0) {
          chosen = chosen == -1 ? c : -2;
        }
      }
    }
    if (tied == 1) {
      return best;
    }
    return chosen >= 0 ? chosen : -1;
  }
}
