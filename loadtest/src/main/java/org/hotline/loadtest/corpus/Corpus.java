package org.hotline.loadtest.corpus;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible stream of filings with their ground truth.
 *
 * <p>Each call decides, in this order: a transport retry of a recent filing (same channel,
 * source_id and body); a member of a group complaint active at t; a re-filing of an earlier matter
 * by the same person, usually through another channel (a true duplicate); the same person at the
 * same merchant with a different grievance (a new matter, not a duplicate); otherwise a new matter.
 * Merchants, people and wording are drawn from pools built in the constructor, so {@link
 * #next(double)} does no parsing and no regex. Not thread-safe: one generator thread calls it.
 *
 * <p>Source ids are unique within a corpus and differ between seeds (up to a million filings per
 * channel, seeds modulo 1000), and person phone numbers depend on the seed: run two corpora with
 * the same seed against one gateway and the second is all replays and duplicates; with other seeds,
 * it is all new records.
 */
public final class Corpus {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int RECENT_MATTERS = 4096;
  private static final int RECENT_FILINGS = 32;
  private static final int SHOPS_PER_TRADE = 40;

  /**
   * Filings per shop in a large corpus: the pool grows with the corpus so that a shop is named by a
   * few filings whatever the corpus's length. A fixed pool turns every shop into a group complaint
   * once the corpus is long (at a million filings, nine records in ten joined a group), where real
   * intake spreads over a city's merchants and groups stay the planted events and rare chance.
   */
  static final int FILINGS_PER_SHOP = 2;

  /** The pool's cap per trade: 15 trades of this many shops is a large city's register. */
  static final int MAX_SHOPS_PER_TRADE = 50_000;

  /** Seeds whose phone and 12345 source_ids never meet: 1000 seeds of a million filings each. */
  private static final long SEEDS_APART = 1000;

  private static final int NUMBERS_PER_SEED = 1_000_000;

  private final Scenario scenario;
  private final int year;
  private final Mix mix;
  private final SplittableRandom rng;
  private final Shops shops;
  private final People people;
  private final List<Events> events = new ArrayList<>();
  private final Bodies bodies = new Bodies();
  private final Matter[] recentMatters = new Matter[RECENT_MATTERS];
  private final String[] recentChannels = new String[RECENT_MATTERS];
  private final Filing[] recentFilings = new Filing[RECENT_FILINGS];
  private final Map<Long, GroupState> groups = new HashMap<>();
  private long matters;
  private long seq;
  private int persons;
  private int phoneCalls;
  private int workOrders;

  /**
   * A corpus for {@code scenario} dated in the latest Golden Week that has ended by today in
   * Beijing ({@link #yearFor}); the same seed on the same year gives the same filings.
   */
  public Corpus(Scenario scenario, long seed) {
    this(scenario, seed, yearFor(LocalDate.now(CHINA)));
  }

  /**
   * As {@link #Corpus(Scenario, long)}, with a merchant pool sized for about {@code
   * expectedFilings}: the default pool up to 1,200 filings, larger beyond ({@link #shopsPerTrade}).
   * Up to that count the filings are the same as without it.
   */
  public static Corpus sized(Scenario scenario, long seed, long expectedFilings) {
    return new Corpus(
        scenario, seed, yearFor(LocalDate.now(CHINA)), shopsPerTrade(expectedFilings));
  }

  /** Shops per trade for a corpus of about {@code expectedFilings}. */
  static int shopsPerTrade(long expectedFilings) {
    long perTrade = expectedFilings / (Trade.values().length * (long) FILINGS_PER_SHOP);
    return (int) Math.max(SHOPS_PER_TRADE, Math.min(MAX_SHOPS_PER_TRADE, perTrade));
  }

  /**
   * A corpus for {@code scenario} whose facts happen in September and October of {@code year}; the
   * same seed and year give the same filings.
   *
   * @param year the year of the facts, 2000..2999
   */
  public Corpus(Scenario scenario, long seed, int year) {
    this(scenario, seed, year, SHOPS_PER_TRADE);
  }

  private Corpus(Scenario scenario, long seed, int year, int shopsPerTrade) {
    if (year < 2000 || year > 2999) {
      throw new IllegalArgumentException("year must be 2000..2999, was " + year);
    }
    this.year = year;
    this.scenario = scenario;
    this.mix = Mix.of(scenario);
    this.rng = new SplittableRandom(seed);
    SplittableRandom setup = rng.split();
    this.shops = new Shops(setup, shopsPerTrade);
    this.people = new People(seed);
    // Call and work-order numbers of another seed start elsewhere, so that runs with other seeds
    // against one database never reuse a phone or 12345 source_id (a 422 there, not a record).
    this.phoneCalls = this.workOrders = (int) Math.floorMod(seed, SEEDS_APART) * NUMBERS_PER_SEED;
    plantEvents(setup);
  }

  /**
   * The year whose Golden Week (1–7 October) has ended by {@code today}: this year from 8 October
   * on, else last year. The gateway reads a date without a year ("10月1日", as operators write them)
   * as the latest such date on or before its receipt, so the corpus's dates must be in that same
   * year, or a re-filing whose text and fields state one day would be judged a day a year apart.
   */
  public static int yearFor(LocalDate today) {
    LocalDate endOfGoldenWeek = LocalDate.of(today.getYear(), 10, 8);
    return today.isBefore(endOfGoldenWeek) ? today.getYear() - 1 : today.getYear();
  }

  /** The year of the facts. */
  public int year() {
    return year;
  }

  /** The scenario this corpus generates. */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * The next filing for an arrival at fraction {@code t} ∈ [0,1] of the run (the profile's position
   * in its compressed week or storm). Same seed and same sequence of t give the same filings.
   */
  public Filing next(double t) {
    double r = rng.nextDouble();
    Filing f;
    if (r < mix.retry() && recentFilings[0] != null) {
      f = retry();
    } else {
      f = fresh(t);
      recentFilings[(int) (f.seq() % RECENT_FILINGS)] = f;
    }
    return f;
  }

  /**
   * Golden Week's relative arrival rate at {@code t} ∈ [0,1]: seven daily waves peaking around
   * 10:00 and 20:00, quiet nights, the first holiday days busiest. Mean 1 over [0,1].
   */
  public static double goldenWeekRate(double t) {
    return Rates.goldenWeek(t);
  }

  /**
   * The storm's relative arrival rate at {@code t} ∈ [0,1]: 0.5 outside the window t ∈ [0.35,
   * 0.55), 3.0 inside it; mean 1. Inside the window about 83% of filings are storm complaints, so
   * with a flat rate the storm is still there, only thinner.
   */
  public static double stormRate(double t) {
    return Rates.storm(t);
  }

  /**
   * Writes filings with their truth as JSONL, one object a line: {@code seq}, {@code channel},
   * {@code source_id}, {@code body} (as a JSON object), {@code truth} ({@code person}, {@code
   * matter}, {@code grievance}, {@code group}, {@code district}, {@code transfer_to}, {@code
   * retry_of}).
   */
  public static void writeJsonl(Iterable<Filing> filings, Writer out) throws IOException {
    Jsonl.write(filings, out);
  }

  private Filing retry() {
    Filing original = recentFilings[rng.nextInt(RECENT_FILINGS)];
    if (original == null) {
      original = recentFilings[0];
    }
    Truth t = original.truth();
    long of = t.isRetry() ? t.retryOf() : original.seq();
    Truth truth =
        new Truth(
            t.person(), t.matter(), t.grievance(), t.group(), t.district(), t.transferTo(), of);
    return new Filing(seq++, original.channel(), original.sourceId(), original.body(), truth);
  }

  private Filing fresh(double t) {
    double r = rng.nextDouble();
    for (Events e : events) {
      double share = e.shareAt(t);
      if (share > 0 && r < share) {
        Matter m =
            new Matter(
                newPerson(),
                e.shop(),
                e.grievance(),
                goods(e.shop()),
                40 + rng.nextInt(400),
                Rates.day(t));
        return file(m, channel(null), t);
      }
    }
    r = rng.nextDouble();
    if (matters > 0 && r < mix.refile()) {
      int i = recentIndex();
      return file(recentMatters[i], channel(recentChannels[i]), t);
    }
    if (matters > 0 && r < mix.refile() + mix.otherGrievance()) {
      Matter old = recentMatters[recentIndex()];
      String g = old.shop().trade().otherGrievance(rng, old.grievance());
      if (g != null) {
        Matter m = new Matter(old.person(), old.shop(), g, old.goods(), old.amount(), Rates.day(t));
        return file(m, channel(null), t);
      }
    }
    Shop shop = pickShop(t);
    Person person =
        persons > 0 && rng.nextInt(20) == 0 ? recentMatters[recentIndex()].person() : newPerson();
    Matter m =
        new Matter(
            person,
            shop,
            shop.trade().grievance(rng),
            goods(shop),
            amount(shop),
            scenario == Scenario.GOLDEN_WEEK ? Rates.day(t) : rng.nextInt(7));
    return file(m, channel(null), t);
  }

  private Filing file(Matter m, String channel, double t) {
    String sourceId;
    String workOrder = null;
    int month = scenario == Scenario.GOLDEN_WEEK ? 10 : 9;
    int date = (scenario == Scenario.GOLDEN_WEEK ? 1 : 15) + m.day();
    String ymd = year + (month < 10 ? "0" : "") + month + (date < 10 ? "0" : "") + date;
    switch (channel) {
      case "phone" -> sourceId = "TEL" + ymd + "-" + (++phoneCalls);
      case "web" -> sourceId = "W" + Long.toHexString(rng.nextLong() | Long.MIN_VALUE);
      default -> {
        String n = Integer.toString(++workOrders);
        workOrder = "GD" + ymd + "000000".substring(Math.min(6, n.length())) + n;
        sourceId = "12345-" + workOrder;
      }
    }
    String body = bodies.render(rng, channel, sourceId, workOrder, m, year, month, date);
    Truth truth =
        new Truth(
            m.person().id(),
            m.id(),
            m.grievance(),
            group(m),
            m.shop().district(),
            m.shop().trade().department,
            -1);
    int slot = (int) (matters++ % RECENT_MATTERS);
    recentMatters[slot] = m;
    recentChannels[slot] = channel;
    return new Filing(seq++, channel, sourceId, body, truth);
  }

  /**
   * The group complaint a matter belongs to once a second person has complained about the same
   * merchant and grievance; null before, as the gateway can only cluster from the second member.
   */
  private String group(Matter m) {
    long key = m.groupKey();
    GroupState g = groups.get(key);
    if (g == null) {
      groups.put(key, new GroupState(m.person().index()));
      return null;
    }
    if (g.founder != m.person().index()) {
      g.shared = true;
    }
    return g.shared ? "g" + m.shop().index() + "-" + m.grievance() : null;
  }

  private String channel(String previous) {
    for (int attempt = 0; ; attempt++) {
      int r = rng.nextInt(100);
      String c = r < 45 ? "phone" : r < 85 ? "web" : "12345";
      // Re-filings come mostly through another channel: the consumer called, then posted.
      if (previous == null || !c.equals(previous) || attempt > 0 && rng.nextInt(6) == 0) {
        return c;
      }
    }
  }

  private Shop pickShop(double t) {
    double hot = mix.hotspots();
    if (scenario == Scenario.GOLDEN_WEEK) {
      // Tourists crowd the scenic areas in the daytime waves.
      double h = Rates.hour(t);
      hot = h >= 8 && h <= 22 ? 0.55 : 0.25;
    }
    Shop[] pool = rng.nextDouble() < hot ? shops.hotspots : shops.all;
    return pool[rng.nextInt(pool.length)];
  }

  private int recentIndex() {
    long n = Math.min(matters, RECENT_MATTERS);
    return (int) ((matters - 1 - rng.nextLong(n)) % RECENT_MATTERS);
  }

  private Person newPerson() {
    return people.make(rng, persons++);
  }

  private String goods(Shop s) {
    String[] g = s.trade().goods;
    return g[rng.nextInt(g.length)];
  }

  private int amount(Shop s) {
    return switch (s.trade()) {
      case FITNESS, TRAINING, BEAUTY -> 500 + 100 * rng.nextInt(60);
      case ELECTRONICS -> 200 + 50 * rng.nextInt(120);
      case HOTEL -> 198 + 20 * rng.nextInt(60);
      default -> 20 + rng.nextInt(980);
    };
  }

  private void plantEvents(SplittableRandom setup) {
    Set<String> taken = shops.names();
    int next = shops.all.length;
    switch (scenario) {
      case GOLDEN_WEEK -> {
        events.add(event(setup, next++, Trade.SEAFOOD, "曾厝垵", "weights", 0.16, 0.22, 0.10, taken));
        events.add(
            event(setup, next++, Trade.HOTEL, "鼓浪屿", "not_performed", 0.44, 0.49, 0.08, taken));
        events.add(event(setup, next, Trade.FITNESS, "五缘湾", "prepaid", 0.70, 0.80, 0.06, taken));
      }
      case STORM ->
          events.add(
              event(
                  setup,
                  next,
                  Trade.SEAFOOD,
                  "中山路",
                  "price",
                  Rates.STORM_FROM,
                  Rates.STORM_TO,
                  -1,
                  taken));
      default -> {}
    }
  }

  private static Events event(
      SplittableRandom setup,
      int index,
      Trade trade,
      String place,
      String grievance,
      double from,
      double to,
      double share,
      Set<String> taken) {
    Place p = null;
    for (Place candidate : Place.ALL) {
      if (candidate.name().equals(place)) {
        p = candidate;
      }
    }
    return new Events(Shops.extra(setup, index, trade, p, taken), grievance, from, to, share);
  }

  /** Who first complained about a merchant and grievance, and whether anyone else has since. */
  private static final class GroupState {
    final int founder;
    boolean shared;

    GroupState(int founder) {
      this.founder = founder;
    }
  }
}
