package org.hotline.dedup.eval;

import static org.hotline.dedup.eval.EvalCategories.GYM;
import static org.hotline.dedup.eval.EvalCategories.GYM_CLOSURE;
import static org.hotline.dedup.eval.EvalCategories.OVERCHARGE;
import static org.hotline.dedup.eval.EvalCategories.SEAFOOD;
import static org.hotline.dedup.eval.EvalCategories.TRAINING;
import static org.hotline.dedup.eval.EvalCategories.TRAINING_CLOSURE;
import static org.hotline.dedup.eval.EvalServices.FORCED_SHOPPING;
import static org.hotline.dedup.eval.EvalServices.HOTEL;
import static org.hotline.dedup.eval.EvalServices.HOTEL_CANCEL;
import static org.hotline.dedup.eval.EvalServices.TOUR;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.hotline.dedup.eval.EvalPopulation.Merchant;
import org.hotline.dedup.eval.EvalPopulation.Person;
import org.hotline.dedup.eval.EvalVocabulary.Category;
import org.hotline.dedup.eval.EvalVocabulary.Kind;

/**
 * Generates the labelled evaluation set of duplicate and group-complaint detection, {@code
 * dedup/src/test/resources/eval/dedup-eval.tsv}, from a fixed seed: the same seed always writes the
 * same file.
 *
 * <p>What it models (see {@code dedup/EVALUATION.md}): several hundred complainants, each with one
 * or more matters against Xiamen merchants between September and November 2025; re-filings of a
 * matter through other channels (phone, web, 12345) with paraphrase and format noise; the same
 * person's other matters against the same merchant (negatives); group storms (dozens of people, one
 * merchant, one matter, within hours or days) and background complaints at the storm merchants.
 * Ground truth: {@code person_id}, {@code matter_id} (a storm's members share the storm's matter)
 * and {@code storm_id}.
 *
 * <p>Regenerate from the repository root:
 *
 * <pre>
 * ./mvnw -q -pl dedup test-compile
 * java -cp dedup/target/test-classes:dedup/target/classes \
 *     org.hotline.dedup.eval.EvalSetGenerator [seed] [output.tsv]
 * </pre>
 */
public final class EvalSetGenerator {
  /** The seed of the committed file. */
  public static final long SEED = 12315L;

  static final String DEFAULT_OUTPUT = "dedup/src/test/resources/eval/dedup-eval.tsv";
  static final String HEADER =
      "record_id\treceived_at\tchannel\tperson_id\tmatter_id\tstorm_id\tphone\tid_number"
          + "\tmerchant_name\tcredit_code\tmerchant_address\tplatform\tcontent\tamount\toccurred_on"
          + "\tcategory\tgrievance";
  static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 10);
  private static final int DAYS = 70;
  private static final int BACKGROUND_PEOPLE = 560;
  private static final int[] MERCHANTS_PER_CATEGORY = {28, 18, 26, 22, 22, 12, 12, 22, 16};

  /** One matter: a person's dispute with a merchant, or a storm member's share of the storm. */
  record Matter(
      String id,
      Person person,
      Merchant merchant,
      Kind kind,
      int fact,
      String goods,
      String detail,
      long amountYuan,
      LocalDate occurredOn,
      Instant firstFiled,
      String stormId) {

    /** The ground-truth grievance of the matter's fact. */
    String grievance() {
      return kind.facts().get(fact).grievance();
    }
  }

  /** A group storm: many people, one merchant, one matter, from {@code start} for some hours. */
  record Storm(
      String id,
      Category category,
      Kind kind,
      int fact,
      int place,
      String start,
      int hours,
      int size) {}

  static final List<Storm> STORMS =
      List.of(
          new Storm("S01", SEAFOOD, OVERCHARGE, 0, 0, "2025-10-02T11:00", 30, 40),
          new Storm("S02", SEAFOOD, OVERCHARGE, 1, 1, "2025-10-04T10:00", 14, 25),
          new Storm("S03", SEAFOOD, OVERCHARGE, 2, 2, "2025-10-06T09:00", 20, 18),
          new Storm("S04", GYM, GYM_CLOSURE, 0, 6, "2025-10-20T08:00", 72, 45),
          new Storm("S05", GYM, GYM_CLOSURE, 0, 8, "2025-09-22T08:00", 60, 15),
          new Storm("S06", TRAINING, TRAINING_CLOSURE, 0, 4, "2025-11-03T08:00", 80, 25),
          new Storm("S07", HOTEL, HOTEL_CANCEL, 0, 1, "2025-09-29T10:00", 48, 20),
          new Storm("S08", TOUR, FORCED_SHOPPING, 0, 2, "2025-10-03T12:00", 50, 12));

  private final Random random;
  private final EvalPopulation population;
  private final EvalFilings filings;
  private final List<Matter> matters = new ArrayList<>();
  private final List<Merchant> merchants = new ArrayList<>();

  EvalSetGenerator(long seed) {
    this.random = new Random(seed);
    this.population = new EvalPopulation(random);
    this.filings = new EvalFilings(random, population, new EvalRenderer(random));
  }

  public static void main(String[] args) throws IOException {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : SEED;
    Path out = Path.of(args.length > 1 ? args[1] : DEFAULT_OUTPUT);
    List<String> lines = new EvalSetGenerator(seed).generate();
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.printf("wrote %d records to %s (seed %d)%n", lines.size() - 1, out, seed);
  }

  /** The file's lines: the header, then one record per line in {@code received_at} order. */
  List<String> generate() {
    for (int c = 0; c < EvalCategories.ALL.size(); c++) {
      merchants.addAll(population.merchants(EvalCategories.ALL.get(c), MERCHANTS_PER_CATEGORY[c]));
    }
    for (int i = 0; i < BACKGROUND_PEOPLE; i++) {
      background(population.person());
    }
    STORMS.forEach(this::storm);
    List<EvalFilings.Row> rows = new ArrayList<>();
    matters.forEach(m -> rows.addAll(filings.of(m)));
    rows.sort(Comparator.comparing(EvalFilings.Row::received).thenComparing(EvalFilings.Row::seq));
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < rows.size(); i++) {
      lines.add(rows.get(i).toTsv(String.format("R%05d", i + 1)));
    }
    return lines;
  }

  /** A person's matters: one, sometimes another elsewhere, sometimes another at the same shop. */
  private void background(Person p) {
    Merchant first = popularMerchant();
    Matter m = backgroundMatter(p, first, randomDay(), null);
    if (m == null) {
      return;
    }
    if (random.nextDouble() < 0.2) {
      backgroundMatter(p, popularMerchant(), randomDay(), null);
    }
    if (random.nextDouble() < 0.22) {
      int gap = (1 + random.nextInt(20)) * (random.nextBoolean() ? 1 : -1);
      backgroundMatter(p, first, m.occurredOn().plusDays(gap), m);
    }
    if (random.nextDouble() < 0.22) {
      otherGrievance(p, m);
    }
  }

  /**
   * The same person's other grievance over the same purchase, days apart at most 3, often with the
   * same amount: "refused an invoice" after "overcharged", "insulted" after "short weight". Only
   * the grievance tells the two matters apart.
   */
  private void otherGrievance(Person p, Matter first) {
    Merchant merchant = first.merchant();
    for (int attempt = 0; attempt < 20; attempt++) {
      boolean side = random.nextDouble() < 0.7;
      Kind kind = pick(side ? EvalSideKinds.of(merchant.category()) : merchant.category().kinds());
      int fact = random.nextInt(kind.facts().size());
      String grievance = kind.facts().get(fact).grievance();
      LocalDate day = first.occurredOn().plusDays(random.nextInt(7) - 3);
      if (grievance.equals(first.grievance()) || crowded(merchant, grievance, day, p)) {
        continue;
      }
      String goods =
          kind.goods().contains(first.goods()) || (side && EvalSideKinds.isPurchase(first.goods()))
              ? first.goods()
              : pick(side ? merchant.category().kinds().get(0).goods() : kind.goods());
      long amount = random.nextBoolean() ? first.amountYuan() : amount(kind);
      add(p, merchant, kind, fact, goods, amount, day, null);
      return;
    }
  }

  /**
   * A matter at {@code merchant} of another kind than other people's matters there in the same
   * fortnight (otherwise it would be a group). With {@code sibling}, the same person's other
   * matter: other kind, fact or goods, and an amount that is not a rounding of the first.
   */
  private Matter backgroundMatter(Person p, Merchant merchant, LocalDate day, Matter sibling) {
    for (int attempt = 0; attempt < 20; attempt++) {
      Kind kind = pick(merchant.category().kinds());
      int fact = random.nextInt(kind.facts().size());
      String goods = pick(kind.goods());
      if (crowded(merchant, kind.facts().get(fact).grievance(), day, p)
          || (sibling != null && sameFacts(sibling, kind, fact, goods))) {
        continue;
      }
      long amount =
          sibling != null && sibling.kind() == kind
              ? otherAmount(sibling.amountYuan())
              : amount(kind);
      return add(p, merchant, kind, fact, goods, amount, day, null);
    }
    return null;
  }

  private void storm(Storm s) {
    Merchant merchant = population.merchant(s.category(), EvalVocabulary.PLACES.get(s.place()));
    merchants.add(merchant);
    LocalDateTime start = LocalDateTime.parse(s.start());
    String matterId = s.id() + "-M";
    for (int i = 0; i < s.size(); i++) {
      Person p = random.nextDouble() < 0.07 ? population.anonymousPerson() : population.person();
      LocalDateTime at = start.plusMinutes(random.nextInt(s.hours() * 60));
      Matter m =
          new Matter(
              matterId,
              p,
              merchant,
              s.kind(),
              s.fact(),
              pick(s.kind().goods()),
              pick(s.category().details()),
              amount(s.kind()),
              at.toLocalDate(),
              at.toInstant(CHINA).plus(Duration.ofMinutes(10 + random.nextInt(180))),
              s.id());
      matters.add(m);
    }
    // Other people's other matters at the same merchant while the storm rages: other kinds, and
    // other grievances over the storm's own goods on the storm's days.
    for (int i = 0; i < 4; i++) {
      LocalDate day = start.toLocalDate().plusDays(random.nextInt(5) - 2);
      backgroundMatter(population.person(), merchant, day, null);
    }
    for (Kind side : EvalSideKinds.of(s.category())) {
      LocalDate day = start.plusMinutes(random.nextInt(s.hours() * 60)).toLocalDate();
      Person p = population.person();
      if (!crowded(merchant, side.facts().get(0).grievance(), day, p)) {
        add(p, merchant, side, 0, pick(s.kind().goods()), amount(side), day, null);
      }
    }
  }

  private Matter add(
      Person p,
      Merchant merchant,
      Kind kind,
      int fact,
      String goods,
      long amount,
      LocalDate day,
      String storm) {
    Instant filed =
        day.atTime(8, 0).toInstant(CHINA).plus(Duration.ofMinutes(random.nextInt(60 * 60)));
    Matter m =
        new Matter(
            String.format("M%04d", matters.size() + 1),
            p,
            merchant,
            kind,
            fact,
            goods,
            pick(merchant.category().details()),
            amount,
            day,
            filed,
            storm);
    matters.add(m);
    return m;
  }

  /**
   * Whether another person has a matter of this grievance at this merchant within a fortnight: two
   * people with one grievance against one merchant at the same time are a group, so a background
   * matter must not look like one.
   */
  private boolean crowded(Merchant merchant, String grievance, LocalDate day, Person p) {
    return matters.stream()
        .anyMatch(
            o ->
                o.merchant() == merchant
                    && o.grievance().equals(grievance)
                    && o.person() != p
                    && Math.abs(o.occurredOn().toEpochDay() - day.toEpochDay()) <= 14);
  }

  private static boolean sameFacts(Matter sibling, Kind kind, int fact, String goods) {
    return sibling.kind() == kind && sibling.fact() == fact && sibling.goods().equals(goods);
  }

  /** Few merchants draw many complaints, many draw few. */
  private Merchant popularMerchant() {
    double u = random.nextDouble();
    return merchants.get((int) (merchants.size() * u * u));
  }

  private LocalDate randomDay() {
    return FIRST_DAY.plusDays(random.nextInt(DAYS));
  }

  private long amount(Kind kind) {
    double logMin = Math.log(kind.minYuan());
    double logMax = Math.log(kind.maxYuan());
    long yuan = Math.round(Math.exp(logMin + random.nextDouble() * (logMax - logMin)));
    return yuan >= 100 && random.nextBoolean()
        ? yuan / 10 * 10 + (random.nextBoolean() ? 8 : 0)
        : yuan;
  }

  /** Another purchase's amount: a half, a third, double or triple, never a rounding. */
  private long otherAmount(long yuan) {
    int[][] factors = {{1, 2}, {1, 3}, {2, 1}, {3, 1}};
    int[] f = factors[random.nextInt(factors.length)];
    return Math.max(1, yuan * f[0] / f[1]);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  static String iso(Instant t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(CHINA));
  }
}
