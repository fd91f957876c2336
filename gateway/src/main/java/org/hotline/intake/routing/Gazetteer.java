package org.hotline.intake.routing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name an address can carry, compiled from configuration into one longest-match dictionary:
 * the city itself, its districts, its townships, well-known places, places that could mean several
 * districts, and names of other cities. Built once; read concurrently.
 */
final class Gazetteer {
  /** What a name says about where an address is. */
  enum Kind {
    /** The city or its province: in town, district unknown. */
    CITY,
    /** A district name. */
    DISTRICT,
    /** A township (街道, 镇) or another township-level unit. */
    TOWNSHIP,
    /** A well-known place inside one district. */
    PLACE,
    /** A place that spans, or could mean, several districts. */
    AMBIGUOUS,
    /** Another city, county or province. */
    OUTSIDE;

    boolean definite() {
      return this == DISTRICT || this == TOWNSHIP || this == PLACE;
    }
  }

  /**
   * One name's meaning.
   *
   * @param kind what sort of name it is
   * @param label the canonical name, used in reasons (configuration text, never the record's)
   * @param districts the district it lies in; several for {@link Kind#AMBIGUOUS}; none for {@link
   *     Kind#CITY} and {@link Kind#OUTSIDE}
   */
  record Entry(Kind kind, String label, Set<String> districts) {
    String district() {
      return districts.iterator().next();
    }
  }

  private static final String[] TOWNSHIP_SUFFIXES = {"街道", "镇", "乡"};

  private final NameTrie<Entry> names = new NameTrie<>();
  private final Set<String> districts = new LinkedHashSet<>();
  private final Map<String, Entry> alone = new HashMap<>();
  private final Map<String, List<String>> townshipNames = new HashMap<>();

  /**
   * @param config the bound YAML
   * @param townships the township file named by the configuration, or null when it names none
   */
  Gazetteer(RoutingConfig config, InputStream townships) throws IOException {
    for (RoutingConfig.District d : config.districts()) {
      require(d.code() != null && d.name() != null, "a district needs a code and a name");
      require(districts.add(d.code()), "district " + d.code() + " is configured twice");
    }
    require(!districts.isEmpty(), "no districts configured");
    String city = config.city().name();
    require(city != null, "the city needs a name");
    for (String n : config.city().neutral()) {
      add(n, new Entry(Kind.CITY, city, Set.of()));
    }
    for (RoutingConfig.District d : config.districts()) {
      Entry e = new Entry(Kind.DISTRICT, d.name(), Set.of(d.code()));
      add(d.name(), e);
      for (String alias : d.aliases()) {
        add(alias, e);
      }
    }
    if (townships != null) {
      addTownships(config.townships(), TownshipFile.read(townships));
    } else {
      RoutingConfig.Townships t = config.townships();
      require(
          t.shortNames().isEmpty() && t.aliases().isEmpty() && t.aloneNames().isEmpty(),
          "township names without a file");
    }
    for (RoutingConfig.Place p : config.places()) {
      require(!p.names().isEmpty(), "a place needs a name");
      Entry e = new Entry(Kind.PLACE, p.names().get(0), Set.of(known(p.district())));
      for (String n : p.names()) {
        add(n, e);
      }
    }
    for (RoutingConfig.Ambiguous a : config.ambiguous()) {
      require(!a.names().isEmpty(), "an ambiguous place needs a name");
      Set<String> covers = new LinkedHashSet<>();
      a.districts().forEach(d -> covers.add(known(d)));
      require(!covers.isEmpty(), "ambiguous place " + a.names().get(0) + " lists no districts");
      Entry e = new Entry(Kind.AMBIGUOUS, a.names().get(0), Set.copyOf(covers));
      for (String n : a.names()) {
        add(n, e);
      }
    }
    for (String o : config.outside()) {
      add(o, new Entry(Kind.OUTSIDE, o, Set.of()));
    }
    for (String name : alone.keySet()) {
      // A name with a meaning of its own (莲花 is AMBIGUOUS) is read as that, alone or not.
      require(names.get(name) == null, "alone_names " + name + " has another meaning");
    }
  }

  NameTrie<Entry> names() {
    return names;
  }

  /**
   * The township a bare name ({@code townships.alone_names}: 江头, 杏林) stands for when it is the
   * whole address, folded; null for any other text.
   */
  Entry alone(String folded) {
    return alone.get(folded);
  }

  /** This city's district codes. */
  Set<String> districts() {
    return Set.copyOf(districts);
  }

  private void addTownships(RoutingConfig.Townships cfg, List<TownshipFile.Township> rows) {
    Set<String> shortNames = new HashSet<>(cfg.shortNames());
    Set<String> aloneNames = new HashSet<>(cfg.aloneNames());
    Set<String> official = new HashSet<>();
    for (TownshipFile.Township t : rows) {
      require(
          districts.contains(t.district()),
          "township " + t.code() + " belongs to unconfigured district " + t.district());
      Entry e = new Entry(Kind.TOWNSHIP, t.name(), Set.of(t.district()));
      add(t.name(), e);
      official.add(t.name());
      townshipName(t.district(), t.name());
      String bare = stripSuffix(t.name());
      // A bare name is matched only when configured: many (金山, 大同, 新店) are common words or
      // roads elsewhere in town, and a false township match sends a complaint to the wrong bureau.
      if (shortNames.remove(bare)) {
        add(bare, e);
        townshipName(t.district(), bare);
      }
      if (aloneNames.remove(bare)) {
        alone.put(Normaliser.fold(bare), e);
      }
    }
    require(shortNames.isEmpty(), "short_names without a township: " + shortNames);
    require(aloneNames.isEmpty(), "alone_names without a township: " + aloneNames);
    for (Map.Entry<String, String> alias : cfg.aliases().entrySet()) {
      Entry e = names.get(Normaliser.fold(alias.getValue()));
      require(
          e != null && official.contains(alias.getValue()),
          "township alias " + alias.getKey() + " names no township");
      add(alias.getKey(), e);
      townshipName(e.district(), alias.getKey());
    }
  }

  /**
   * The townships' names that place an address wherever they stand, by district code: official
   * names, the configured short names and aliases (not the names that decide only alone).
   */
  Map<String, List<String>> townshipNames() {
    Map<String, List<String>> copy = new HashMap<>();
    townshipNames.forEach((district, names) -> copy.put(district, List.copyOf(names)));
    return copy;
  }

  private void townshipName(String district, String name) {
    townshipNames.computeIfAbsent(district, d -> new ArrayList<>()).add(name);
  }

  private static String stripSuffix(String name) {
    for (String s : TOWNSHIP_SUFFIXES) {
      if (name.endsWith(s) && name.length() > s.length() + 1) {
        return name.substring(0, name.length() - s.length());
      }
    }
    return name;
  }

  private String known(String district) {
    require(districts.contains(district), "unknown district " + district);
    return district;
  }

  /**
   * Adds a name. The same name twice is fine when both mean the same district (鼓浪屿 is a township
   * and a place): the first, more specific kind is kept. A name with two different meanings is a
   * configuration error, never resolved silently.
   */
  private void add(String name, Entry e) {
    String key = Normaliser.fold(name);
    require(!key.isEmpty(), "empty name in routing configuration");
    Entry old = names.put(key, e);
    if (old == null || old.equals(e)) {
      return;
    }
    boolean sameDistrict =
        old.kind().definite() && e.kind().definite() && old.districts().equals(e.districts());
    require(sameDistrict, "name " + name + " is configured with two meanings");
    names.put(key, old);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("routing configuration: " + message);
    }
  }
}
