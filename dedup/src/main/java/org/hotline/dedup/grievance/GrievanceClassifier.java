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
 * <p>With a {@link GrievanceModel}, a text the cues leave unknown is read by the model, which names
 * a class only when it is clearly the likeliest: the cues decide wherever they find evidence, the
 * model where people used words no cue holds.
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
    if (model != null) {
      List<Grievance> known = List.of(grievances);
      for (Grievance g : model.grievances()) {
        if (!known.contains(g)) {
          throw new IllegalArgumentException(
              "the grievance model names " + g.code() + ", which the taxonomy has not");
        }
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
    if (category != null && taxonomy.categoryWeight() > 0) {
      scoreCategory(category, scores);
    }
    if (content != null) {
      scoreText(content, scores);
    }
    Grievance read = decide(scores);
    return read.known() || model == null || tie(scores) ? read : model.read(category, content);
  }

  /** Whether two classes tie with enough evidence each: the text names two problems. */
  private boolean tie(int[] scores) {
    int best = 0;
    for (int score : scores) {
      best = Math.max(best, score);
    }
    return best >= taxonomy.minScore();
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
  private void scoreCategory(String category, int[] scores) {
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

  private Grievance decide(int[] scores) {
    int best = -1;
    boolean tie = false;
    for (int c = 0; c < scores.length; c++) {
      if (best < 0 || scores[c] > scores[best]) {
        best = c;
        tie = false;
      } else if (scores[c] == scores[best]) {
        tie = true;
      }
    }
    return best < 0 || tie || scores[best] < taxonomy.minScore()
        ? Grievance.UNKNOWN
        : grievances[best];
  }
}
