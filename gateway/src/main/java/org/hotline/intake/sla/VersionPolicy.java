package org.hotline.intake.sla;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deadlines of one procedure version.
 *
 * @param byType intake rules per record type wire value
 * @param byChannel per channel, rules keyed by type wire value or {@link #ALL_TYPES}
 * @param mediation the mediation limit, counted from acceptance
 */
record VersionPolicy(
    Map<String, List<DeadlineRule>> byType,
    Map<String, Map<String, List<DeadlineRule>>> byChannel,
    DeadlineRule mediation) {

  /** The key under a channel whose rules apply to every record type. */
  static final String ALL_TYPES = "*";

  VersionPolicy {
    byType = Map.copyOf(byType);
    byChannel = Map.copyOf(byChannel);
  }

  /**
   * The rules for a record: the type's defaults, then the channel's rules for every type, then the
   * channel's rules for this type. A later rule with the same name replaces an earlier one, so a
   * channel can shorten a default as well as add its own deadline.
   */
  List<DeadlineRule> rulesFor(String type, String channel) {
    Map<String, DeadlineRule> rules = new LinkedHashMap<>();
    byType.getOrDefault(type, List.of()).forEach(r -> rules.put(r.name(), r));
    Map<String, List<DeadlineRule>> overrides = channel == null ? null : byChannel.get(channel);
    if (overrides != null) {
      overrides.getOrDefault(ALL_TYPES, List.of()).forEach(r -> rules.put(r.name(), r));
      overrides.getOrDefault(type, List.of()).forEach(r -> rules.put(r.name(), r));
    }
    return List.copyOf(rules.values());
  }
}
