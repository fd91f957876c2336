package org.hotline.intake.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotline.intake.routing.Gazetteer.Entry;
import org.hotline.intake.routing.Gazetteer.Kind;
import org.hotline.intake.routing.NameTrie.Match;

/**
 * Decides the district a merchant address names, or says why it cannot. Every name in the address
 * is found; the address decides only when all of them agree. Disagreement, a place that spans
 * districts, or a name of another city leaves the decision to triage: a wrong district costs the
 * complainant days, triage costs minutes.
 */
final class AddressResolver {
  /** What an address said. */
  enum Outcome {
    /** One district, and nothing against it. */
    DISTRICT,
    /** Names of two or more districts. */
    CONFLICT,
    /** Only places that could mean several districts. */
    AMBIGUOUS,
    /** Another city, county or province. */
    OUTSIDE,
    /** Nothing that locates it: a road and a number, say. */
    UNRESOLVED
  }

  /**
   * @param outcome what the address said
   * @param district the district when the outcome is {@link Outcome#DISTRICT}
   * @param possible the districts still possible: one for DISTRICT, those every ambiguous place
   *     shares for AMBIGUOUS, none otherwise
   * @param reason the reason tag for a route decided by this finding
   */
  record Finding(Outcome outcome, String district, Set<String> possible, String reason) {}

  private final NameTrie<Entry> names;
  private final Gazetteer gazetteer;
  private final Set<String> placeholders = new HashSet<>();

  /**
   * @param gazetteer the names to look for
   * @param placeholders what people write when there is no address (无, 不详): such an address counts
   *     as absent, so an online seller that wrote one still gets the platform rule
   */
  AddressResolver(Gazetteer gazetteer, List<String> placeholders) {
    this.names = gazetteer.names();
    this.gazetteer = gazetteer;
    placeholders.forEach(p -> this.placeholders.add(lettersAndDigits(Normaliser.fold(p))));
  }

  /** True when {@code address} says something: not null, not blank, not only a placeholder. */
  boolean present(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String key = lettersAndDigits(Normaliser.fold(address));
    return !key.isEmpty() && !placeholders.contains(key);
  }

  Finding resolve(String address) {
    String s = Normaliser.fold(address);
    List<Match<Entry>> found = names.scan(s);
    int start = 0;
    for (Match<Entry> m : found) {
      if (m.start() != start || m.value().kind() != Kind.CITY) {
        break;
      }
      start = m.end();
    }
    if (OtherCities.named(s, found, start)) {
      return new Finding(Outcome.OUTSIDE, null, Set.of(), "outside_city");
    }
    Set<String> definite = new LinkedHashSet<>();
    Entry strongest = null;
    List<Entry> ambiguous = new ArrayList<>(2);
    for (Match<Entry> m : found) {
      Entry e = m.value();
      if (e.kind().definite()) {
        definite.add(e.district());
        if (strongest == null || e.kind().compareTo(strongest.kind()) < 0) {
          strongest = e;
        }
      } else if (e.kind() == Kind.AMBIGUOUS) {
        ambiguous.add(e);
      }
    }
    if (definite.size() > 1) {
      return new Finding(Outcome.CONFLICT, null, Set.of(), "conflict:address");
    }
    if (definite.size() == 1) {
      String d = strongest.district();
      for (Entry a : ambiguous) {
        // 湖里区 + 软件园: the district does not hold that place, so one of them is wrong.
        if (!a.districts().contains(d)) {
          return new Finding(Outcome.CONFLICT, null, Set.of(), "conflict:address");
        }
      }
      String reason = "address:" + kindTag(strongest.kind()) + ":" + strongest.label();
      return new Finding(Outcome.DISTRICT, d, Set.of(d), reason);
    }
    if (!ambiguous.isEmpty()) {
      Set<String> possible = new LinkedHashSet<>(ambiguous.get(0).districts());
      ambiguous.forEach(a -> possible.retainAll(a.districts()));
      String reason = "ambiguous:" + ambiguous.get(0).label();
      return new Finding(Outcome.AMBIGUOUS, null, Set.copyOf(possible), reason);
    }
    // A township's bare name that is common elsewhere (江头, 杏林) decides only as all there is.
    Entry township = gazetteer.alone(lettersAndDigits(s.substring(start)));
    if (township != null) {
      String d = township.district();
      return new Finding(Outcome.DISTRICT, d, Set.of(d), "address:township:" + township.label());
    }
    return new Finding(Outcome.UNRESOLVED, null, Set.of(), Route.UNRESOLVED_ADDRESS);
  }

  private static String lettersAndDigits(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String kindTag(Kind k) {
    return switch (k) {
      case DISTRICT -> "district";
      case TOWNSHIP -> "township";
      default -> "place";
    };
  }
}
