package org.hotline.loadtest.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The merchant pool of one corpus, built once from the seed so that {@code next()} only indexes
 * arrays. Tourist trades sit mostly at scenic places; a share of shops is unroutable (→ triage),
 * some are outside market regulation (→ transfer), some sell only online.
 */
final class Shops {
  /** Out-of-town platforms: a seller there without an address goes to triage. */
  private static final String[] PLATFORMS_ELSEWHERE = {"淘宝", "拼多多", "抖音", "京东", "美团"};

  /** A platform registered in 思明 (xiamen.yaml): a seller without an address goes there. */
  private static final String PLATFORM_HOME = "美柚";

  private static final String HOME_DISTRICT = "350203";

  /**
   * The city's own bureau (厦门市市场监督管理局) as a credit code's registering authority: a company it
   * registered is placed in no district by its code, so a shop whose place cannot decide keeps its
   * truth (triage, or its platform's district). A district's code would route it there (the gateway
   * reads the registering bureau when no address says where the shop operates).
   */
  private static final String CITY_BUREAU = "350200";

  /** Up to this attempt a shop gets the small chain numbers of the default pool. */
  private static final int LAST_SMALL_NUMBER = 64;

  final Shop[] all;

  /** Tourist-trade shops at 中山路, 曾厝垵 and 鼓浪屿: the Golden Week surge targets. */
  final Shop[] hotspots;

  Shops(SplittableRandom rng, int perTrade) {
    List<Shop> shops = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Trade trade : Trade.values()) {
      int count = trade.department != null ? Math.max(3, perTrade / 5) : perTrade;
      for (int i = 0; i < count; i++) {
        String name = uniqueName(rng, trade, taken);
        shops.add(build(rng, shops.size(), trade, name));
      }
    }
    all = shops.toArray(Shop[]::new);
    hotspots = shops.stream().filter(s -> s.hotspot() && s.trade().scenic).toArray(Shop[]::new);
  }

  /** A fresh, named shop outside the pool: the target of a storm or a group complaint. */
  static Shop extra(SplittableRandom rng, int index, Trade trade, Place place, Set<String> taken) {
    return build(rng, place, index, trade, uniqueName(rng, trade, taken));
  }

  Set<String> names() {
    Set<String> names = new HashSet<>();
    for (Shop s : all) {
      names.add(s.names()[0]);
    }
    return names;
  }

  private static String uniqueName(SplittableRandom rng, Trade trade, Set<String> taken) {
    for (int attempt = 0; ; attempt++) {
      String name =
          trade.prefixes[rng.nextInt(trade.prefixes.length)]
              + trade.suffixes[rng.nextInt(trade.suffixes.length)];
      if (attempt > LAST_SMALL_NUMBER) {
        // A large pool: numbers past those already tried, so each shop costs a few attempts
        // rather than a walk through every number taken (quadratic in the pool).
        name = name.replace("店", "") + (LAST_SMALL_NUMBER + taken.size() + attempt) + "号店";
      } else if (attempt > 8) {
        // A small name space runs out: a number keeps names distinct, as real chains do.
        name = name.replace("店", "") + (attempt - 7) + "号店";
      }
      if (taken.add(name)) {
        return name;
      }
    }
  }

  private static Shop build(SplittableRandom rng, int index, Trade trade, String name) {
    if (trade == Trade.ONLINE && rng.nextInt(3) > 0) {
      return online(rng, index, name);
    }
    return build(rng, place(rng, trade), index, trade, name);
  }

  private static Place place(SplittableRandom rng, Trade trade) {
    Place[] all = Place.ALL;
    while (true) {
      Place p = all[rng.nextInt(all.length)];
      boolean triage = Place.TRIAGE.equals(p.district());
      // Tourist trades cluster at the hotspots; one shop in ~8 has an address that cannot decide.
      if (trade.scenic && !p.hotspot() && rng.nextInt(3) > 0) {
        continue;
      }
      if (triage && rng.nextInt(2) > 0) {
        continue;
      }
      return p;
    }
  }

  private static Shop build(
      SplittableRandom rng, Place place, int index, Trade trade, String name) {
    boolean decided = !Place.TRIAGE.equals(place.district());
    String district = trade.department != null ? Place.TRANSFER : place.district();
    String code = decided ? place.district() : CITY_BUREAU;
    String creditCode = rng.nextInt(2) == 0 ? Checksums.creditCode(rng, code) : null;
    String divisionCode = decided && rng.nextInt(5) < 2 ? place.district() : null;
    String platform =
        trade == Trade.ONLINE ? PLATFORMS_ELSEWHERE[rng.nextInt(PLATFORMS_ELSEWHERE.length)] : null;
    return new Shop(
        index,
        trade,
        names(name, place),
        addresses(rng, place),
        creditCode,
        divisionCode,
        platform,
        district,
        place);
  }

  /** An online seller that published no address: routed by its platform's registration. */
  private static Shop online(SplittableRandom rng, int index, String name) {
    boolean home = rng.nextInt(6) == 0;
    String platform =
        home ? PLATFORM_HOME : PLATFORMS_ELSEWHERE[rng.nextInt(PLATFORMS_ELSEWHERE.length)];
    String creditCode =
        rng.nextInt(3) == 0 ? Checksums.creditCode(rng, home ? HOME_DISTRICT : CITY_BUREAU) : null;
    return new Shop(
        index,
        Trade.ONLINE,
        new String[] {name, platform + name},
        new String[0],
        creditCode,
        null,
        platform,
        home ? HOME_DISTRICT : Place.TRIAGE,
        null);
  }

  private static String[] names(String name, Place place) {
    if (place.branch()) {
      return new String[] {
        name, "厦门" + name, name + "（" + place.name() + "店）", name + place.name() + "店"
      };
    }
    return new String[] {name, "厦门" + name, "厦门市" + name};
  }

  private static String[] addresses(SplittableRandom rng, Place place) {
    int number = 1 + rng.nextInt(299);
    String tail =
        switch (rng.nextInt(4)) {
          case 0 -> number + "号";
          case 1 -> "商业街" + number + "号";
          case 2 -> number + "号" + (1 + rng.nextInt(3)) + "楼";
          default -> number + "号之" + (1 + rng.nextInt(9));
        };
    String district = Place.districtName(place.district());
    if (district == null) {
      // Unroutable addresses stay bare: a city prefix could complete a longer, decisive name.
      return new String[] {place.name() + tail, place.name() + "附近"};
    }
    return new String[] {
      "厦门市" + district + place.name() + tail,
      place.name() + tail,
      "福建省厦门市" + place.name() + tail,
      district + place.name() + "附近",
    };
  }
}
