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
final class Rfc3339 {
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?"
              + "([Zz]|[+-][0-9]{2}:[0-9]{2})");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

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

  /** A {@code yyyy-MM-dd} calendar date; empty if malformed or unreal (2026-02-30). */
  static Optional<LocalDate> date(String s) {
    if (!DATE.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The form used in stored documents, e.g. {@code 2026-10-01T09:30:00+08:00}. */
  static String format(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }
}
