package org.hotline.intake.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every key, string and number of a parsed tree, including free-form {@code channel_ref}.
 * PostgreSQL text and jsonb refuse NUL and unpaired surrogates, and a number beyond these bounds is
 * never a real amount or coordinate; catching them here turns a would-be 500 into a 400.
 */
final class TreeChecks {
  static final String LONE_SURROGATE = "unpaired UTF-16 surrogate is not allowed";
  static final String TOO_LARGE = "number too large to hold (magnitude above 1e300)";
  static final String TOO_PRECISE = "number has more than 300 fractional digits";

  private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e300");
  private static final int MAX_SCALE = 300;

  private TreeChecks() {}

  /** Distinct problems found, in document order; empty when the tree is acceptable. */
  static List<String> problems(JsonNode root) {
    Set<String> found = new LinkedHashSet<>();
    walk(root, found);
    return new ArrayList<>(found);
  }

  // Recursion is bounded by the parser's nesting limit.
  private static void walk(JsonNode node, Set<String> found) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        checkString(e.getKey(), found);
        walk(e.getValue(), found);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        walk(child, found);
      }
    } else if (node.isTextual()) {
      checkString(node.textValue(), found);
    } else if (node.isNumber()) {
      checkNumber(node.decimalValue(), found);
    }
  }

  private static void checkString(String s, Set<String> found) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        found.add(StrictJsonReader.NUL);
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          found.add(LONE_SURROGATE);
        }
      } else if (Character.isLowSurrogate(c)) {
        found.add(LONE_SURROGATE);
      }
    }
  }

  private static void checkNumber(BigDecimal value, Set<String> found) {
    // compareTo looks at exponents first, so 1e999999999 costs nothing here.
    if (value.abs().compareTo(MAX_MAGNITUDE) > 0) {
      found.add(TOO_LARGE);
    } else if (value.scale() > MAX_SCALE) {
      found.add(TOO_PRECISE);
    }
  }
}
