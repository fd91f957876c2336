package org.hotline.intake.privacy;

import java.util.ArrayList;
import java.util.List;
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
  // A space, a dash, or a zero-width character (U+200B..U+200D, U+2060, U+FEFF) that hides a
  // number from a plain search but not from a reader.
  private static final String SEP = "[ \\-－\u3000\u200B-\u200D\u2060\uFEFF]?";

  /**
   * A resident ID number: 17 digits and a check character, a space or dash allowed between any two
   * (written 6-8-4, 6-4-4-4 or 3-3-4-4-4 as people read them out).
   */
  private static final String ID = D + "(?:" + SEP + D + "){16}" + SEP + "[0-9０-９XxＸｘ]";

  /**
   * A first-generation ID number (issued until 2004): 15 digits, no check character; taken only
   * when it reads as one ({@link #plausibleLegacyId}: a province's code and a birth date), so a
   * work-order number, an IMEI or a tracking number of 15 digits is left alone.
   */
  private static final String LEGACY_ID = D + "{15}";

  /** A mainland mobile, optionally after +86, digits optionally grouped by spaces or dashes. */
  private static final String MOBILE =
      "(?:[+＋]?(?:86|８６)" + SEP + ")?[1１][3-9３-９](?:" + SEP + D + "){9}";

  /** A trunk 0 written after a country code, perhaps in brackets: {@code +886 (0)912…}. */
  private static final String TRUNK_ZERO = "(?:[(（]?[0０][)）]?" + SEP + ")?";

  /**
   * Any other country's number after its code ({@code +65 9123 4567}, {@code (+1) 415-555-0100},
   * {@code 0044 20 7946 0958}): a plus or 00, a code of one to three digits that is not China's 86,
   * an optional trunk 0, and 7 to 12 digits more.
   */
  private static final String OTHER_COUNTRY =
      "[(（]?(?:[+＋]|[0０]{2})(?![8８][6６])[1-9１-９]"
          + D
          + "{0,2}[)）]?"
          + SEP
          + TRUNK_ZERO
          + digits(7, 12);

  /**
   * A number from Hong Kong, Macao or Taiwan after its country code ({@code +886 912 345 678},
   * {@code 00852-9123-4567}), a trunk 0 after the code allowed, a Taiwan mobile as written there
   * ({@code 0912-345-678}), or another country's ({@link #OTHER_COUNTRY}).
   */
  private static final String ABROAD =
      "(?:(?:[+＋]|[0０]{2})(?:852|853|886|８５２|８５３|８８６)"
          + SEP
          + TRUNK_ZERO
          + digits(8, 9)
          + "|[0０][9９]"
          + D
          + "{2}"
          + SEP
          + D
          + "{3}"
          + SEP
          + D
          + "{3}|"
          + OTHER_COUNTRY
          + ")";

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
              + ")|(?<legacy>"
              + LEGACY_ID
              + ")|(?<abroad>"
              + ABROAD
              + ")|(?<mobile>"
              + MOBILE
              + ")|(?<landline>"
              + LANDLINE
              + "))"
              + NOT_AFTER);

  private PersonalNumbers() {}

  /** {@code min} to {@code max} digits, a separator allowed between any two. */
  private static String digits(int min, int max) {
    return D + "(?:" + SEP + D + "){" + (min - 1) + "," + (max - 1) + "}";
  }

  /** What a number is. */
  public enum Kind {
    ID,
    MOBILE,
    LANDLINE
  }

  /**
   * A number found in a text.
   *
   * @param start where it starts in the text
   * @param end where it ends (exclusive)
   * @param digits its digits (and an ID's X), half-width, without separators or a +86
   */
  public record Found(int start, int end, Kind kind, String digits) {
    /**
     * Masked for display (DOMAIN.md): a mobile {@code 138****5678}, a landline its first 3 and last
     * 4 digits, an ID number its first 6 and last 4 characters.
     */
    public String masked() {
      if (kind == Kind.ID && digits.length() == 15) {
        return digits.substring(0, 6) + "*****" + digits.substring(11); // as long as it was
      }
      return kind == Kind.ID ? IdNumbers.mask(digits) : PhoneNumbers.mask(digits);
    }
  }

  /**
   * Every number in {@code text}, in order. The pattern runs only over stretches that could hold
   * one (seven digits or more with nothing but separators, signs and brackets between them), seen
   * with their neighbours: most text is passed over by a plain character scan, many times cheaper
   * than the pattern.
   */
  public static List<Found> find(CharSequence text) {
    List<Found> found = List.of();
    Matcher m = null;
    int runStart = -1;
    int digits = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      boolean digit = (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
      if (digit || RUN_CHARACTERS.indexOf(c) >= 0) {
        runStart = runStart < 0 ? i : runStart;
        digits += digit ? 1 : 0;
        continue;
      }
      if (digits >= 7) {
        m = m == null ? PATTERN.matcher(text).useTransparentBounds(true) : m;
        m.region(runStart, i);
        while (m.find()) {
          found = found.isEmpty() ? new ArrayList<>() : found;
          Found f = of(m);
          if (f != null) {
            found.add(f);
          }
        }
      }
      runStart = -1;
      digits = 0;
    }
    return found;
  }

  /** The number {@code m} found, or null for 15 digits that do not read as an ID number. */
  private static Found of(Matcher m) {
    if (m.group("legacy") != null) {
      String digits = Text.toHalfWidth(m.group());
      return plausibleLegacyId(digits) ? new Found(m.start(), m.end(), Kind.ID, digits) : null;
    }
    Kind kind =
        m.group("id") != null
            ? Kind.ID
            : m.group("mobile") != null || m.group("abroad") != null ? Kind.MOBILE : Kind.LANDLINE;
    String half = Text.toHalfWidth(m.group()).toUpperCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(half.length());
    for (int i = 0; i < half.length(); i++) {
      char c = half.charAt(i);
      if ((c >= '0' && c <= '9') || c == 'X') {
        sb.append(c);
      }
    }
    String digits = sb.toString();
    if (m.group("abroad") != null) {
      return new Found(m.start(), m.end(), kind, digits); // masked as any other: last 4 shown
    }
    if (kind == Kind.MOBILE) {
      digits = digits.substring(digits.length() - 11); // without the +86
    }
    return new Found(m.start(), m.end(), kind, digits);
  }

  /**
   * Whether 15 half-width digits read as a first-generation ID number: a province's code (11..15,
   * 21..23, 31..37, 41..46, 50..54, 61..65) and a birth date yyMMdd after the 6-digit area code.
   */
  static boolean plausibleLegacyId(String d) {
    int province = Integer.parseInt(d, 0, 2, 10);
    boolean known =
        (province >= 11 && province <= 15)
            || (province >= 21 && province <= 23)
            || (province >= 31 && province <= 37)
            || (province >= 41 && province <= 46)
            || (province >= 50 && province <= 54)
            || (province >= 61 && province <= 65);
    int month = Integer.parseInt(d, 8, 10, 10);
    int day = Integer.parseInt(d, 10, 12, 10);
    return known && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  /** What may stand among the digits of one number: separators, signs, brackets, an ID's X. */
  private static final String RUN_CHARACTERS = " -－\u3000\u200B\u200C\u200D\u2060\uFEFF+＋()（）XxＸｘ";
}
