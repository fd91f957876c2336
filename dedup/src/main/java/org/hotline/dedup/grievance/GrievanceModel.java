package org.hotline.dedup.grievance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A naive Bayes reading of a grievance from the characters of a text, for the texts the cue list
 * leaves unknown: trained on a labelled corpus of complaints, it reads every sequence of one, two
 * and three characters (folded as the cues are, white space dropped; none across punctuation or
 * digits) and the category field as a whole, present or not in a text. The cue list reads the
 * complained-of problem where it has a phrase for it; people say it in more ways than any list
 * holds ("一碟花生米收了 48元" is overcharging with no cue word), and sequences of characters learnt from
 * many authors' complaints read most of those. Across the labelled sets, trained on all but one and
 * tested on the one left out, the model reads about seven in ten of the complaints the cues leave
 * unknown right and a quarter wrong (dedup/EVALUATION.md, "Grievances the cues leave unknown").
 *
 * <p>A reading is given only when the best class's log-likelihood exceeds the second's by {@link
 * #margin()} and at least one of the text's sequences speaks for that class ({@link #STRONG_TEXTS},
 * {@link #SHARE}); otherwise {@link Grievance#UNKNOWN}. Without the second condition a summary that
 * says nothing ("其在该店消费后与商家产生纠纷，要求商家退款") would be given the class its generic words lean to: naive
 * Bayes is sure of itself on such texts, and a wrong class splits a matter where an unknown one
 * does not. Immutable and thread-safe; a reading costs about 5 µs for a corpus text (one probe of
 * an open-addressing table per sequence, each sequence once: no array of them built and sorted,
 * which took twice that), and the classifier asks it for every text.
 */
public final class GrievanceModel {
  /** The smoothing of counts (Lidstone): small, since most sequences are rare. */
  static final double ALPHA = 0.1;

  /** The default margin, in natural-log units: about 55 to 1 for the best class. */
  public static final double DEFAULT_MARGIN = 4.0;

  /**
   * A sequence speaks for a class when at least this many texts hold it and {@link #SHARE} of them
   * are of that class (导游 for forced trade, 复秤 for weights); most sequences (反映, 商家, 退款) speak for
   * none.
   */
  static final int STRONG_TEXTS = 5;

  static final double SHARE = 0.7;

  private static final long CATEGORY = 1L << 62;

  /**
   * Folded characters of a text the model reads, the first: a reading of a 5,000-character text
   * took a millisecond on the event loop, most of it sorting sequences that add nothing.
   */
  static final int MAX_READ = 1_000;

  private static final byte NONE = -1;

  private final Grievance[] classes;
  private final double[] prior;
  private final double[] unseen;
  private final long[] features; // sorted
  private final float[] weights; // features.length × classes.length, row-major

  /**
   * Open addressing over the features, two longs a slot: the key (0 for none), then its {@link
   * #entry}. One cache line answers a probe with all a reading needs but the weights; three arrays
   * (keys, rows, the class a row speaks for) took three misses a sequence in a table of 12 MB.
   */
  private final long[] slots;

  private final double margin;
  private final int examples;

  /** One labelled text: its grievance, its category field (or null) and its content. */
  public record Example(String source, Grievance grievance, String category, String content) {}

  private GrievanceModel(
      Grievance[] classes,
      double[] prior,
      double[] unseen,
      long[] features,
      float[] weights,
      byte[] speaksFor,
      double margin,
      int examples) {
    this.classes = classes;
    this.prior = prior;
    this.unseen = unseen;
    this.features = features;
    this.weights = weights;
    this.slots = slots(features, speaksFor);
    this.margin = margin;
    this.examples = examples;
  }

  /**
   * Trains a model on {@code examples} (those of unknown grievance are skipped).
   *
   * @param margin how much more likely, in natural-log units, the best class must be than the
   *     second before the model names it
   * @throws IllegalArgumentException when fewer than two grievances are labelled
   */
  public static GrievanceModel train(List<Example> examples, double margin) {
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("margin must be at least 0");
    }
    Map<Grievance, Integer> index = new LinkedHashMap<>();
    for (Example e : examples) {
      if (e.grievance().known()) {
        index.putIfAbsent(e.grievance(), index.size());
      }
    }
    int k = index.size();
    if (k < 2 || k > 63) {
      throw new IllegalArgumentException("a model needs examples of at least two grievances");
    }
    int[] docs = new int[k];
    long[] totals = new long[k];
    Map<Long, int[]> counts = new HashMap<>();
    int used = 0;
    for (Example e : examples) {
      if (!e.grievance().known()) {
        continue;
      }
      int y = index.get(e.grievance());
      docs[y]++;
      used++;
      long[] fs = features(e.category(), e.content());
      totals[y] += fs.length;
      for (long f : fs) {
        counts.computeIfAbsent(f, x -> new int[k])[y]++;
      }
    }
    int vocabulary = counts.size();
    double[] prior = new double[k];
    double[] unseen = new double[k];
    double[] denominator = new double[k];
    for (int y = 0; y < k; y++) {
      prior[y] = Math.log((double) docs[y] / used);
      denominator[y] = Math.log(totals[y] + ALPHA * vocabulary);
      unseen[y] = Math.log(ALPHA) - denominator[y];
    }
    long[] keys = new long[counts.size()];
    int n = 0;
    for (long f : counts.keySet()) {
      keys[n++] = f;
    }
    Arrays.sort(keys);
    float[] weights = new float[keys.length * k];
    byte[] speaksFor = new byte[keys.length];
    for (int i = 0; i < keys.length; i++) {
      int[] c = counts.get(keys[i]);
      int texts = 0;
      int top = 0;
      for (int y = 0; y < k; y++) {
        weights[i * k + y] = (float) (Math.log(c[y] + ALPHA) - denominator[y]);
        texts += c[y];
        top = c[y] > c[top] ? y : top;
      }
      // The category field alone never speaks: the taxonomy says which category words name a
      // class, and 其他 or 消费投诉 names none, however often other grievances were filed under it.
      boolean speaks = texts >= STRONG_TEXTS && c[top] >= SHARE * texts && keys[i] < CATEGORY;
      speaksFor[i] = speaks ? (byte) top : NONE;
    }
    return new GrievanceModel(
        index.keySet().toArray(new Grievance[0]),
        prior,
        unseen,
        keys,
        weights,
        speaksFor,
        margin,
        used);
  }

  /**
   * Reads a corpus: tab-separated UTF-8 lines {@code source, grievance, category, content} after a
   * header line, {@code category} possibly empty. Lines whose source {@code skip} accepts are left
   * out (a test leaves out the set it measures).
   *
   * @throws IllegalArgumentException naming {@code name} and the line, when a line is malformed
   */
  public static List<Example> readCorpus(InputStream in, String name, Predicate<String> skip)
      throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (!"source\tgrievance\tcategory\tcontent".equals(header)) {
      throw new IllegalArgumentException(
          name + ": the header must be source, grievance, category, content (tab-separated)");
    }
    List<Example> out = new ArrayList<>();
    int line = 1;
    for (String s = reader.readLine(); s != null; s = reader.readLine()) {
      line++;
      if (s.isBlank()) {
        continue;
      }
      String[] f = s.split("\t", -1);
      if (f.length != 4 || f[3].isBlank() || !Grievance.isCode(f[1])) {
        throw new IllegalArgumentException(
            name + " line " + line + ": expected source, grievance code, category, content");
      }
      if (!skip.test(f[0])) {
        out.add(new Example(f[0], Grievance.of(f[1]), f[2].isEmpty() ? null : f[2], f[3]));
      }
    }
    return out;
  }

  /**
   * What the model reads in a text: each class's log-likelihood (in {@link #classes()}'s order) and
   * the classes one of its sequences speaks for (bit {@code y} for class {@code y}).
   */
  public record Reading(double[] logLikelihood, long speaks) {
    /** Whether one of the text's sequences speaks for class {@code y}. */
    public boolean speaksFor(int y) {
      return (speaks & (1L << y)) != 0;
    }
  }

  /** The model's reading of a text. */
  public Reading reading(String category, String content) {
    int k = classes.length;
    double[] s = prior.clone();
    long speaks = 0;
    int unseenSequences = 0;
    // The features() of the text, each once, without sorting them: a set of this thread's, emptied
    // after (the event loop reads every complaint's text).
    Seen seen = SEEN.get();
    String text = readable(content);
    long[] all = seen.buffer(maxSequences(text.length()));
    int count = sequences(category, text, all);
    seen.prepare(count);
    try {
      for (int i = 0; i < count; i++) {
        long f = all[i];
        if (seen.add(f)) {
          long entry = entry(f);
          if (entry != 0) {
            speaks |= add(s, entry);
          } else {
            unseenSequences++;
          }
        }
      }
    } finally {
      seen.clear(); // whatever happened: the next text on this thread starts from an empty set
    }
    for (int y = 0; y < k; y++) {
      s[y] += unseenSequences * unseen[y];
    }
    return new Reading(s, speaks);
  }

  /**
   * {@link #reading} as {@link #train} counts a text, from the sorted array of its {@link
   * #features}: the reference {@code GrievanceModelTest} holds the fast reading to.
   */
  Reading referenceReading(String category, String content) {
    double[] s = prior.clone();
    long speaks = 0;
    for (long f : features(category, content)) {
      long entry = entry(f);
      if (entry != 0) {
        speaks |= add(s, entry);
      } else {
        for (int y = 0; y < s.length; y++) {
          s[y] += unseen[y];
        }
      }
    }
    return new Reading(s, speaks);
  }

  /**
   * Adds the weights of a feature's {@link #entry} to {@code s}; the class it speaks for, as a bit.
   */
  private long add(double[] s, long entry) {
    int k = classes.length;
    int at = (int) entry * k;
    for (int y = 0; y < k; y++) {
      s[y] += weights[at + y];
    }
    int speaks = (int) (entry >>> 32) & 0xff;
    return speaks != 0 ? 1L << (speaks - 1) : 0;
  }

  private static final ThreadLocal<Seen> SEEN = ThreadLocal.withInitial(Seen::new);

  /**
   * The features of one text seen so far: an open-addressing set of non-zero longs, grown to the
   * text's size and emptied slot by slot after each text (its table is reused by the thread).
   */
  private static final class Seen {
    private long[] slots = new long[1 << 12];
    private int[] used = new int[1 << 11];
    private long[] buffer = new long[1 << 11];
    private int n;

    long[] buffer(int size) {
      if (buffer.length < size) {
        buffer = new long[size];
      }
      return buffer;
    }

    void prepare(int features) {
      int size = Integer.highestOneBit(Math.max(16, features) * 2) * 2;
      if (slots.length < size) {
        slots = new long[size];
      }
      if (used.length < features) {
        used = new int[Math.max(features, used.length * 2)];
      }
    }

    /** Whether {@code f} (non-zero) was not in the set; it is now. */
    boolean add(long f) {
      int mask = slots.length - 1;
      for (int at = mix(f) & mask; ; at = (at + 1) & mask) {
        long held = slots[at];
        if (held == 0) {
          slots[at] = f;
          used[n++] = at;
          return true;
        }
        if (held == f) {
          return false;
        }
      }
    }

    void clear() {
      for (int i = 0; i < n; i++) {
        slots[used[i]] = 0;
      }
      n = 0;
    }
  }

  /**
   * The grievance the text reads as on its own, or {@link Grievance#UNKNOWN} when no class leads
   * the second by the margin or none of its sequences speaks for the best.
   */
  public Grievance read(String category, String content) {
    Reading r = reading(category, content);
    double[] s = r.logLikelihood();
    int best = 0;
    for (int y = 1; y < s.length; y++) {
      if (s[y] > s[best]) {
        best = y;
      }
    }
    double second = Double.NEGATIVE_INFINITY;
    for (int y = 0; y < s.length; y++) {
      if (y != best && s[y] > second) {
        second = s[y];
      }
    }
    return s[best] - second >= margin && r.speaksFor(best) ? classes[best] : Grievance.UNKNOWN;
  }

  /** The classes the model reads, in the order of a {@link Reading}'s log-likelihoods. */
  public List<Grievance> classes() {
    return List.of(classes);
  }

  /**
   * A feature's entry in {@link #slots}, 0 when the model never saw it: its row in the low 32 bits,
   * one more than the class it speaks for in the next 8 (0 for none), and the top bit set.
   */
  private long entry(long f) {
    int mask = (slots.length >> 1) - 1;
    for (int at = mix(f) & mask; ; at = (at + 1) & mask) {
      long key = slots[at << 1];
      if (key == f) {
        return slots[(at << 1) + 1];
      }
      if (key == 0) {
        return 0;
      }
    }
  }

  private static int mix(long f) {
    long h = f * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private static long[] slots(long[] features, byte[] speaksFor) {
    int size = Integer.highestOneBit(Math.max(4, features.length) * 2) * 2;
    long[] slots = new long[size * 2];
    int mask = size - 1;
    for (int row = 0; row < features.length; row++) {
      int at = mix(features[row]) & mask;
      while (slots[at << 1] != 0) {
        at = (at + 1) & mask;
      }
      slots[at << 1] = features[row];
      slots[(at << 1) + 1] = Long.MIN_VALUE | (long) (speaksFor[row] + 1) << 32 | row;
    }
    return slots;
  }

  /** The grievances the model can name. */
  public Set<Grievance> grievances() {
    return Set.of(classes);
  }

  /** How much more likely the best class must be, in natural-log units. */
  public double margin() {
    return margin;
  }

  @Override
  public String toString() {
    return "GrievanceModel["
        + classes.length
        + " classes, "
        + examples
        + " examples, "
        + features.length
        + " sequences]";
  }

  /**
   * The distinct features of a text: each sequence of one to three folded characters with no
   * punctuation or digit in it (white space dropped first), packed 16 bits a character under its
   * length; the category field as one feature. Sorted, no repeats.
   */
  static long[] features(String category, String content) {
    String text = readable(content);
    long[] fs = new long[maxSequences(text.length())];
    int n = sequences(category, text, fs);
    Arrays.sort(fs, 0, n);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || fs[i] != fs[m - 1]) {
        fs[m++] = fs[i];
      }
    }
    return Arrays.copyOf(fs, m);
  }

  /** The part of a text the model reads: folded, the first {@link #MAX_READ} characters. */
  private static String readable(String content) {
    String t = content == null ? "" : Folding.fold(content);
    return t.length() > MAX_READ ? t.substring(0, MAX_READ) : t; // the facts come first
  }

  /** The most {@link #sequences} writes for a {@link #readable} text of {@code length}. */
  private static int maxSequences(int length) {
    return 3 * length + 1;
  }

  /**
   * Writes every sequence of {@code text} (a {@link #readable} one) and the category's feature into
   * {@code out}, repeats included, in the order of the text; returns how many.
   */
  private static int sequences(String category, String text, long[] out) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      long packed = 0;
      for (int len = 1; len <= 3 && i + len <= text.length(); len++) {
        char c = text.charAt(i + len - 1);
        if (!Character.isLetter(c)) {
          break;
        }
        packed = packed << 16 | c;
        out[n++] = (long) len << 48 | packed;
      }
    }
    if (category != null && !category.isBlank()) {
      out[n++] = CATEGORY | (Folding.fold(category.strip()).hashCode() & 0xFFFFFFFFL);
    }
    return n;
  }
}
