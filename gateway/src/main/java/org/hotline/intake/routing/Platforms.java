package org.hotline.intake.routing;

import java.util.List;
import java.util.Set;
import org.hotline.intake.routing.NameTrie.Match;

/**
 * Where platform operators are registered. Since 2026-04-15 a platform seller that has published no
 * address goes to the bureau where the platform operator is registered; only operators registered
 * in one of this city's districts can be routed here, the others go to triage for a cross-city
 * transfer. The platform field is free text ("淘宝店铺", "抖音直播间"), so names are found inside it.
 */
final class Platforms {
  /** A compiled platform: its canonical name and its district here, or null when elsewhere. */
  record Operator(String name, String district) {}

  private final NameTrie<Operator> names = new NameTrie<>();

  Platforms(List<RoutingConfig.Platform> platforms, Set<String> districts) {
    for (RoutingConfig.Platform p : platforms) {
      if (p.name() == null || (p.district() == null) == (p.registeredIn() == null)) {
        throw new IllegalArgumentException(
            "routing configuration: platform needs a name and one of district, registered_in");
      }
      if (p.district() != null && !districts.contains(p.district())) {
        throw new IllegalArgumentException(
            "routing configuration: platform " + p.name() + " in unknown district");
      }
      Operator op = new Operator(p.name(), p.district());
      put(p.name(), op);
      p.aliases().forEach(a -> put(a, op));
    }
  }

  /** The route for a seller on {@code platform} with no address of its own. */
  Route route(String platform) {
    Operator found = null;
    for (Match<Operator> m : names.scan(Normaliser.fold(platform))) {
      if (found != null && !found.equals(m.value())) {
        return Route.triage("ambiguous:platform");
      }
      found = m.value();
    }
    if (found == null) {
      return Route.triage(Route.UNKNOWN_PLATFORM);
    }
    if (found.district() == null) {
      return Route.triage(Route.PLATFORM_OUTSIDE + found.name());
    }
    return Route.toDistrict(found.district(), "platform:" + found.name());
  }

  private void put(String name, Operator op) {
    Operator old = names.put(Normaliser.fold(name), op);
    if (old != null && !old.equals(op)) {
      throw new IllegalArgumentException("routing configuration: platform " + name + " twice");
    }
  }
}
