package org.hotline.intake.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.hotline.dedup.text.Text;

/**
 * Reads typed fields from one request and collects every error instead of stopping at the first.
 * Not thread-safe: one instance per parse.
 *
 * <p>Conventions: an absent field and JSON {@code null} are the same; text is NFC and trimmed, and
 * empty text counts as absent; details never quote the value.
 */
final class FieldReader {
  private final List<FieldError> errors = new ArrayList<>();

  /** RFC 6901 pointer to {@code name} inside the object at {@code base}. */
  static String pointer(String base, String name) {
    return base + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** The value of {@code name}, or null when absent or JSON null. */
  static JsonNode value(ObjectNode object, String name) {
    JsonNode n = object.get(name);
    return n == null || n.isNull() ? null : n;
  }

  void error(String pointer, String detail) {
    errors.add(new FieldError(pointer, detail));
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  void rejectUnknown(ObjectNode object, String base, Set<String> known) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        error(pointer(base, name), "unknown field");
      }
    }
  }

  /**
   * A string field, NFC and trimmed.
   *
   * @return the text, or null when absent, blank or in error
   */
  String text(ObjectNode object, String base, String name, int maxCodePoints, boolean required) {
    JsonNode n = present(object, base, name, required);
    if (n == null) {
      return null;
    }
    if (!n.isTextual()) {
      error(pointer(base, name), "must be a string");
      return null;
    }
    String s = Text.clean(n.textValue());
    if (s.isEmpty()) {
      if (required) {
        error(pointer(base, name), "must not be blank");
      }
      return null;
    }
    if (Text.codePoints(s) > maxCodePoints) {
      error(pointer(base, name), "must be at most " + maxCodePoints + " characters");
      return null;
    }
    if (hasHiddenControl(s)) {
      error(pointer(base, name), "must not contain control characters");
      return null;
    }
    return s;
  }

  /**
   * A control character that is no white space (U+0001, DEL, C1 but NEL; tab, line feed, carriage
   * return, VT and FF, which text pasted from Word or a PDF holds, are taken), or one that reorders
   * text for display (U+202A..U+202E, U+2066..U+2069): a handler's screen would show something else
   * than what is stored.
   */
  static boolean hasHiddenControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((Character.isISOControl(c) && !(c >= '\t' && c <= '\r') && c != '\u0085')
          || (c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The field's value, or null; a missing required field is recorded as an error. The pointer is
   * built only for an error: a valid record reads some twenty fields.
   */
  private JsonNode present(ObjectNode object, String base, String name, boolean required) {
    JsonNode n = value(object, name);
    if (n == null && required) {
      error(pointer(base, name), "is required");
    }
    return n;
  }

  /**
   * An object field.
   *
   * @return the object, or null when absent or not an object
   */
  ObjectNode object(ObjectNode object, String base, String name) {
    JsonNode n = value(object, name);
    if (n == null) {
      return null;
    }
    if (!n.isObject()) {
      error(pointer(base, name), "must be an object");
      return null;
    }
    return (ObjectNode) n;
  }

  /**
   * A number field; strings holding digits are refused, not coerced.
   *
   * @return the exact value, or null when absent or in error
   */
  BigDecimal number(ObjectNode object, String base, String name, boolean required) {
    JsonNode n = present(object, base, name, required);
    if (n == null) {
      return null;
    }
    if (!n.isNumber()) {
      error(pointer(base, name), "must be a number");
      return null;
    }
    return n.decimalValue();
  }

  /** Whether {@code name} holds something other than null or blank text. */
  static boolean isGiven(ObjectNode object, String name) {
    JsonNode n = value(object, name);
    return n != null && !(n.isTextual() && Text.clean(n.textValue()).isEmpty());
  }
}
