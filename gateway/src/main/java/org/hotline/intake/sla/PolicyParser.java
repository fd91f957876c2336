package org.hotline.intake.sla;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hotline.intake.validation.RecordType;

/**
 * Turns the policy YAML tree into {@link VersionPolicy} values. Every key is checked: a misspelt
 * type or unit would otherwise drop a statutory deadline without a word.
 */
final class PolicyParser {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final String source;

  private PolicyParser(String source) {
    this.source = source;
  }

  static Map<ProcedureVersion, VersionPolicy> parse(JsonNode root, String source) {
    return new PolicyParser(source).versions(root);
  }

  private Map<ProcedureVersion, VersionPolicy> versions(JsonNode root) {
    object(root, "the document");
    onlyKeys(root, "the document", Set.of("versions"));
    JsonNode versions = object(root.get("versions"), "versions");
    Map<ProcedureVersion, VersionPolicy> out = new EnumMap<>(ProcedureVersion.class);
    for (Iterator<String> it = versions.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      ProcedureVersion v =
          ProcedureVersion.fromWire(key)
              .orElseThrow(() -> fail("versions", "unknown procedure version \"" + key + "\""));
      out.put(v, version(versions.get(key), "versions." + key));
    }
    for (ProcedureVersion v : ProcedureVersion.values()) {
      if (!out.containsKey(v)) {
        throw fail("versions", "missing procedure version \"" + v.wire() + "\"");
      }
    }
    return out;
  }

  private VersionPolicy version(JsonNode node, String at) {
    object(node, at);
    onlyKeys(node, at, Set.of("intake", "channels", "mediation"));
    Map<String, List<DeadlineRule>> byType = new LinkedHashMap<>();
    JsonNode intake = node.get("intake");
    if (intake != null) {
      object(intake, at + ".intake");
      for (Iterator<String> it = intake.fieldNames(); it.hasNext(); ) {
        String type = it.next();
        knownType(type, at + ".intake");
        byType.put(type, rules(intake.get(type), at + ".intake." + type));
      }
    }
    Map<String, Map<String, List<DeadlineRule>>> byChannel = new LinkedHashMap<>();
    JsonNode channels = node.get("channels");
    if (channels != null) {
      object(channels, at + ".channels");
      for (Iterator<String> it = channels.fieldNames(); it.hasNext(); ) {
        String channel = it.next();
        byChannel.put(channel, channel(channels.get(channel), at + ".channels." + channel));
      }
    }
    JsonNode mediation = node.get("mediation");
    if (mediation == null) {
      throw fail(at, "missing \"mediation\"");
    }
    return new VersionPolicy(byType, byChannel, rule(mediation, at + ".mediation"));
  }

  private Map<String, List<DeadlineRule>> channel(JsonNode node, String at) {
    object(node, at);
    Map<String, List<DeadlineRule>> out = new LinkedHashMap<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String type = it.next();
      if (!VersionPolicy.ALL_TYPES.equals(type)) {
        knownType(type, at);
      }
      out.put(type, rules(node.get(type), at + "." + type));
    }
    return out;
  }

  private List<DeadlineRule> rules(JsonNode node, String at) {
    if (node == null || !node.isArray()) {
      throw fail(at, "expected a list of {name, working_days | calendar_days}");
    }
    List<DeadlineRule> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      DeadlineRule r = rule(node.get(i), at + "[" + i + "]");
      if (!names.add(r.name())) {
        throw fail(at, "deadline \"" + r.name() + "\" is listed twice");
      }
      out.add(r);
    }
    return out;
  }

  private DeadlineRule rule(JsonNode node, String at) {
    object(node, at);
    onlyKeys(node, at, Set.of("name", "working_days", "calendar_days"));
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual() || !NAME.matcher(name.textValue()).matches()) {
      throw fail(at, "\"name\" must be lower_snake_case, e.g. accept_by");
    }
    JsonNode working = node.get("working_days");
    JsonNode calendar = node.get("calendar_days");
    if ((working == null) == (calendar == null)) {
      throw fail(at, "give exactly one of \"working_days\" or \"calendar_days\"");
    }
    JsonNode days = working != null ? working : calendar;
    if (!days.isIntegralNumber()
        || !days.canConvertToInt()
        || days.intValue() < 1
        || days.intValue() > WorkingCalendar.MAX_DAYS) {
      throw fail(
          at,
          (working != null ? "working_days" : "calendar_days")
              + " must be an integer 1.."
              + WorkingCalendar.MAX_DAYS
              + ", got "
              + days);
    }
    return new DeadlineRule(name.textValue(), days.intValue(), working != null);
  }

  private void knownType(String type, String at) {
    if (RecordType.fromWire(type).isEmpty()) {
      throw fail(at, "unknown record type \"" + type + "\"");
    }
  }

  private JsonNode object(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      throw fail(at, "expected a mapping");
    }
    return node;
  }

  private void onlyKeys(JsonNode node, String at, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw fail(at, "unknown key \"" + key + "\"; expected " + new TreeSet<>(allowed));
      }
    }
  }

  private IllegalArgumentException fail(String at, String why) {
    return new IllegalArgumentException("SLA policy " + source + ", " + at + ": " + why);
  }
}
