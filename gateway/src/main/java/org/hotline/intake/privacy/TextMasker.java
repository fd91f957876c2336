package org.hotline.intake.privacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.dedup.text.IdNumbers;
import org.hotline.dedup.text.PhoneNumbers;
import org.hotline.dedup.text.Text;

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
  private static final String D = "[0-9０-９]";
  private static final String NOT_BEFORE = "(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])";
  private static final String NOT_AFTER = "(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])";
  private static final String SEP = "[ \\-－\u3000]?";

  /** A resident ID number: 6 + 8 + 3 digits and a check character, groups optionally spaced. */
  static final String ID = D + "{6}" + SEP + D + "{8}" + SEP + D + "{3}[0-9０-９XxＸｘ]";

  /** A mainland mobile, optionally after +86, digits optionally grouped by spaces or dashes. */
  static final String MOBILE = "(?:[+＋]?(?:86|８６)" + SEP + ")?[1１][3-9３-９](?:" + SEP + D + "){9}";

  /** A landline with its area code: 0592-5123456, (0592)5123456, 059 25123456. */
  static final String LANDLINE = "[(（]?[0０]" + D + "{2,3}[)）]?" + SEP + D + "{7,8}";

  /** Any of the three, standing alone (no letter or digit glued to either end). */
  public static final Pattern NUMBERS =
      Pattern.compile(
          NOT_BEFORE
              + "(?:(?<id>"
              + ID
              + ")|(?<mobile>"
              + MOBILE
              + ")|(?<landline>"
              + LANDLINE
              + "))"
              + NOT_AFTER);

  private TextMasker() {}

  /** The text with every phone and ID number in it masked; null stays null. */
  public static String mask(String text) {
    if (text == null || !mayHoldNumber(text)) {
      return text;
    }
    Matcher m = NUMBERS.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m.start()).append(masked(m));
      last = m.end();
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  private static String masked(Matcher m) {
    String digits = digitsOf(m.group());
    if (m.group("id") != null) {
      return IdNumbers.mask(digits);
    }
    if (m.group("mobile") != null) {
      return PhoneNumbers.mask(digits.substring(digits.length() - 11));
    }
    return PhoneNumbers.mask(digits);
  }

  /** The digits (and an ID's X) of a match, half-width, without separators or a +86. */
  static String digitsOf(String match) {
    String half = Text.toHalfWidth(match).toUpperCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder(half.length());
    for (int i = 0; i < half.length(); i++) {
      char c = half.charAt(i);
      if ((c >= '0' && c <= '9') || c == 'X') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Seven digits in the text at least: most texts are skipped without running the pattern. */
  private static boolean mayHoldNumber(String text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < 7; i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
        digits++;
      }
    }
    return digits >= 7;
  }

  /**
   * A copy of a JSON document with every string masked, at any depth, and every number that reads
   * as a phone or ID number replaced by its masked text; the members named in {@code keep} (at the
   * top level) are left as they are.
   */
  public static JsonObject maskAll(JsonObject doc, java.util.Set<String> keep) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : doc) {
      out.put(e.getKey(), keep.contains(e.getKey()) ? e.getValue() : maskValue(e.getValue()));
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
