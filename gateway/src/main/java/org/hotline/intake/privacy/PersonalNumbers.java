package org.hotline.intake.privacy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.dedup.text.IdNumbers;
import org.hotline.dedup.text.PhoneNumbers;
import org.hotline.dedup.text.Text;

/**
 * Phone and ID numbers as they are written in free text, whatever their shape: full-width digits,
 * spaces or dashes between groups, a {@code +86} prefix, a landline's area code in brackets. What
 * {@link TextMasker} masks, and what the test suite's log scan looks for. It depends on the JDK and
 * the dedup library's text rules only, so the scan can run on a bare class path.
 */
public final class PersonalNumbers {
  private static final String D = "[0-9０-９]";
  private static final String NOT_BEFORE = "(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])";
  private static final String NOT_AFTER = "(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])";
  private static final String SEP = "[ \\-－\u3000]?";

  /** A resident ID number: 6 + 8 + 3 digits and a check character, groups optionally spaced. */
  private static final String ID = D + "{6}" + SEP + D + "{8}" + SEP + D + "{3}[0-9０-９XxＸｘ]";

  /** A mainland mobile, optionally after +86, digits optionally grouped by spaces or dashes. */
  private static final String MOBILE =
      "(?:[+＋]?(?:86|８６)" + SEP + ")?[1１][3-9３-９](?:" + SEP + D + "){9}";

  /** A landline with its area code: 0592-5123456, (0592)5123456, 059 25123456. */
  private static final String LANDLINE = "[(（]?[0０]" + D + "{2,3}[)）]?" + SEP + D + "{7,8}";

  /**
   * Any of the three, standing alone (no letter or digit glued to either end), in the named group
   * {@code id}, {@code mobile} or {@code landline}.
   */
  public static final Pattern PATTERN =
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

  private PersonalNumbers() {}

  /** What a match is. */
  public enum Kind {
    ID,
    MOBILE,
    LANDLINE
  }

  public static Kind kind(Matcher m) {
    if (m.group("id") != null) {
      return Kind.ID;
    }
    return m.group("mobile") != null ? Kind.MOBILE : Kind.LANDLINE;
  }

  /** The digits (and an ID's X) of a match, half-width, without separators or a +86. */
  public static String digitsOf(Matcher m) {
    String half = Text.toHalfWidth(m.group()).toUpperCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(half.length());
    for (int i = 0; i < half.length(); i++) {
      char c = half.charAt(i);
      if ((c >= '0' && c <= '9') || c == 'X') {
        sb.append(c);
      }
    }
    String digits = sb.toString();
    return kind(m) == Kind.MOBILE ? digits.substring(digits.length() - 11) : digits;
  }

  /**
   * The match masked for display (DOMAIN.md): a mobile {@code 138****5678}, a landline its first 3
   * and last 4 digits, an ID number its first 6 and last 4 characters.
   */
  public static String masked(Matcher m) {
    String digits = digitsOf(m);
    return kind(m) == Kind.ID ? IdNumbers.mask(digits) : PhoneNumbers.mask(digits);
  }

  /** Seven digits in the text at least: most texts are passed over without running the pattern. */
  public static boolean mayHoldOne(CharSequence text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < 7; i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
        digits++;
      }
    }
    return digits >= 7;
  }
}
