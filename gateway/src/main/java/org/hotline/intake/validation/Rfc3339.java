package org.hotline.intake.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps. {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} alone is too lenient (it
 * takes times without seconds and offsets with seconds), so the shape is checked first.
 */
public final class Rfc3339 {
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?"
              + "([Zz]|[+-][0-9]{2}:[0-9]{2})");

  private Rfc3339() {}

  /** A date-time with an offset ({@code Z} or {@code ±hh:mm}); empty if malformed or unreal. */
  static Optional<OffsetDateTime> dateTime(String s) {
    if (!DATE_TIME.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(s.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A {@code yyyy-MM-dd} calendar date; empty if malformed or unreal (2026-02-30). Read directly
   * (ten characters, ASCII digits and two hyphens): most records carry one.
   */
  static Optional<LocalDate> date(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return Optional.empty();
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 7);
    int day = number(s, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The ASCII digits {@code s[from, to)} as a number, or -1 if any is not one. */
  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static final java.time.ZoneOffset BEIJING = java.time.ZoneOffset.ofHours(8);

  /**
   * An instant as the gateway writes its own times (received, created, lease and queue times): at
   * +08:00, the offset of every deadline, with the seconds always written ({@code
   * OffsetDateTime.toString()} leaves out zero seconds, which RFC 3339 does not allow).
   */
  public static String beijing(OffsetDateTime t) {
    return format(t.withOffsetSameInstant(BEIJING));
  }

  /**
   * The form used in stored documents, e.g. {@code 2026-10-01T09:30:00+08:00}: exactly what {@link
   * DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes (seconds always, a fraction only when there is
   * one and without its trailing zeros, {@code Z} for a zero offset), written directly for the
   * years 0000-9999 and offsets in whole minutes, every record's case. The formatter's general
   * machinery (a fraction through {@code BigDecimal}) was a few percent of the bytes a request
   * allocated.
   */
  public static String format(OffsetDateTime t) {
    int year = t.getYear();
    int offset = t.getOffset().getTotalSeconds();
    if (year < 0 || year > 9999 || offset % 60 != 0) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    StringBuilder b = new StringBuilder(35);
    digits(b, year, 4).append('-');
    digits(b, t.getMonthValue(), 2).append('-');
    digits(b, t.getDayOfMonth(), 2).append('T');
    digits(b, t.getHour(), 2).append(':');
    digits(b, t.getMinute(), 2).append(':');
    digits(b, t.getSecond(), 2);
    int nano = t.getNano();
    if (nano != 0) {
      int width = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        width--;
      }
      digits(b.append('.'), nano, width);
    }
    if (offset == 0) {
      return b.append('Z').toString();
    }
    int minutes = Math.abs(offset) / 60;
    b.append(offset < 0 ? '-' : '+');
    digits(b, minutes / 60, 2).append(':');
    return digits(b, minutes % 60, 2).toString();
  }

  /** {@code value} (not negative) in at least {@code width} digits, zeros in front. */
  private static StringBuilder digits(StringBuilder b, int value, int width) {
    for (int pad = width - 1, v = value / 10; pad > 0; pad--, v /= 10) {
      if (v == 0) {
        b.append('0');
      }
    }
    return b.append(value);
  }
}
