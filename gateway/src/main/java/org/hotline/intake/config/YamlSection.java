package org.hotline.intake.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of the gateway's YAML file, read strictly. Each getter names the key it reads; {@link
 * #rejectUnknown()} then fails on any key nobody asked for, at any depth, so that a misspelt key
 * stops start-up instead of silently leaving a default in force. Errors name the file and the key's
 * full path ({@code dedup.escalation_threshold}, {@code keys[1].channel}); text values are never
 * quoted back, since some are secrets.
 */
final class YamlSection {
  private final JsonNode node;
  private final String path;
  private final String file;
  private final Set<String> known = new TreeSet<>();
  private final List<YamlSection> children = new ArrayList<>();

  private YamlSection(JsonNode node, String path, String file) {
    this.node = node;
    this.path = path;
    this.file = file;
  }

  /** The top level of {@code file}; an empty file is an empty mapping. */
  static YamlSection root(JsonNode node, String file) {
    YamlSection root = new YamlSection(node, "", file);
    if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
      throw root.error("the top level", "must be a mapping of keys to values");
    }
    return root;
  }

  /** A whole number in {@code min..max}, or null when the key is absent. */
  Integer integer(String key, int min, int max) {
    JsonNode v = value(key);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
      String got = v.isNumber() ? v.asText() : "a " + v.getNodeType().name().toLowerCase();
      throw error(key, "must be a whole number " + min + ".." + max + ", got " + got);
    }
    return v.intValue();
  }

  /** A non-blank string (a bare YAML number is read as its text), or null when absent. */
  String text(String key) {
    JsonNode v = value(key);
    if (v == null) {
      return null;
    }
    if (!(v.isTextual() || v.isNumber()) || v.asText().isBlank()) {
      throw error(key, "must be a non-empty string");
    }
    return v.asText();
  }

  /** {@code true} or {@code false}, or null when absent. */
  Boolean bool(String key) {
    JsonNode v = value(key);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw error(key, "must be true or false");
    }
    return v.booleanValue();
  }

  /** A list of strings; empty when absent. */
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    JsonNode v = value(key);
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw error(key, "must be a list of strings");
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode s = v.get(i);
      if (!s.isTextual() || s.asText().isEmpty()) {
        throw error(key + "[" + i + "]", "must be a non-empty string");
      }
      out.add(s.asText());
    }
    return out;
  }

  /** The nested mapping; an empty one when absent. */
  YamlSection section(String key) {
    JsonNode v = value(key);
    if (v != null && !v.isObject()) {
      throw error(key, "must be a mapping of keys to values");
    }
    return child(v, qualified(key));
  }

  /** The list of mappings; empty when absent. */
  List<YamlSection> sections(String key) {
    List<YamlSection> out = new ArrayList<>();
    JsonNode v = value(key);
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw error(key, "must be a list");
    }
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isObject()) {
        throw error(key + "[" + i + "]", "must be a mapping of keys to values");
      }
      out.add(child(v.get(i), qualified(key) + "[" + i + "]"));
    }
    return out;
  }

  /** Fails on the first key, here or in a section read from here, that no getter asked for. */
  void rejectUnknown() {
    if (node != null && node.isObject()) {
      for (var it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!known.contains(key)) {
          throw error(
              key,
              "is not a known key"
                  + (known.isEmpty() ? "" : " (known here: " + String.join(", ", known) + ")"));
        }
      }
    }
    children.forEach(YamlSection::rejectUnknown);
  }

  /** An error about {@code key} of this section, naming the file and the key's full path. */
  IllegalArgumentException error(String key, String problem) {
    return new IllegalArgumentException(
        "configuration file " + file + ": " + qualified(key) + " " + problem);
  }

  /** The key's value, or null when absent or written as null; remembers the key as known. */
  private JsonNode value(String key) {
    known.add(key);
    JsonNode v = node == null ? null : node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  private YamlSection child(JsonNode v, String childPath) {
    YamlSection s = new YamlSection(v, childPath, file);
    children.add(s);
    return s;
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
