package org.hotline.intake.privacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Masks phone and ID numbers written inside free text: a call-centre summary often quotes the
 * caller's number ("来电人（13812345678）反映……"), and {@code channel_ref} holds whatever a channel sends.
 * Mobiles become {@code 138****5678}, landlines keep their first 3 and last 4 digits, ID numbers
 * their first 6 and last 4 characters (DOMAIN.md), whatever their shape in the text: full-width
 * digits, spaces or dashes between groups, a {@code +86} prefix.
 *
 * <p>It errs towards masking: any 18-character ID shape is masked, checksum or not, and so is an
 * order number that looks like a mobile. The unmasked record is one audited call away.
 */
public final class TextMasker {
  private TextMasker() {}

  /** The text with every phone and ID number in it masked; null stays null. */
  public static String mask(String text) {
    List<PersonalNumbers.Found> numbers = text == null ? List.of() : PersonalNumbers.find(text);
    if (numbers.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    for (PersonalNumbers.Found n : numbers) {
      out.append(text, last, n.start()).append(n.masked());
      last = n.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  /**
   * A copy of a JSON document with every string masked, at any depth, and every number that reads
   * as a phone or ID number replaced by its masked text; the members named in {@code keep} (at the
   * top level) are left as they are. Member names inside are masked too: an upstream's {@code
   * channel_ref} may key its data by the caller's number.
   */
  public static JsonObject maskAll(JsonObject doc, java.util.Set<String> keep) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : doc) {
      out.put(
          keep.contains(e.getKey()) ? e.getKey() : mask(e.getKey()),
          keep.contains(e.getKey()) ? e.getValue() : maskValue(e.getValue()));
    }
    return out;
  }

  private static Object maskValue(Object v) {
    if (v instanceof String s) {
      return mask(s);
    }
    if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
      String text = n.toString();
      String masked = mask(text);
      return masked.equals(text) ? v : masked;
    }
    if (v instanceof JsonObject o) {
      return maskAll(o, java.util.Set.of());
    }
    if (v instanceof JsonArray a) {
      JsonArray out = new JsonArray();
      a.forEach(x -> out.add(maskValue(x)));
      return out;
    }
    return v;
  }
}
