package org.hotline.intake.sla;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One year's official calendar in the NateScarlet/holiday-cn format, parsed and checked on its own.
 * A wrong entry would silently shift every deadline around it, so anything doubtful is refused with
 * a message that names the file and the entry.
 *
 * @param label names the file in error messages
 * @param year the year the file declares
 * @param days each listed date and whether it is a day off ({@code false}: a make-up working day)
 */
record HolidayFile(String label, int year, Map<LocalDate, Boolean> days) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  HolidayFile {
    days = Collections.unmodifiableMap(new LinkedHashMap<>(days));
  }

  /**
   * Reads and validates one file.
   *
   * @throws IllegalArgumentException when the content is not a valid calendar
   * @throws IOException when the stream cannot be read
   */
  static HolidayFile parse(String label, InputStream in) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonParseException e) {
      throw invalid(label, "not valid JSON: " + e.getOriginalMessage() + " at " + where(e));
    } catch (JsonProcessingException e) {
      throw invalid(label, "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid(label, "expected a JSON object with \"year\" and \"days\"");
    }
    JsonNode yearNode = root.get("year");
    if (yearNode == null || !yearNode.canConvertToInt() || !yearNode.isIntegralNumber()) {
      throw invalid(label, "\"year\" must be an integer");
    }
    int year = yearNode.intValue();
    JsonNode list = root.get("days");
    if (list == null || !list.isArray()) {
      throw invalid(label, "\"days\" must be an array");
    }
    Map<LocalDate, Boolean> days = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String at = label + " days[" + i + "]";
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        throw invalid(at, "expected an object with \"date\" and \"isOffDay\"");
      }
      LocalDate date = date(at, entry.get("date"));
      JsonNode off = entry.get("isOffDay");
      if (off == null || !off.isBoolean()) {
        throw invalid(at + " (" + date + ")", "\"isOffDay\" must be true or false");
      }
      checkYear(at, year, date);
      if (!off.booleanValue() && !isWeekend(date)) {
        throw invalid(
            at,
            date
                + " is a "
                + date.getDayOfWeek()
                + " marked as a make-up working day (isOffDay false); only a weekend can be one");
      }
      if (days.put(date, off.booleanValue()) != null) {
        throw invalid(at, "duplicate date " + date);
      }
    }
    // A published calendar always has days off; an empty or all-make-up list means a broken copy,
    // which would otherwise pass as "no holidays this year".
    if (!days.containsValue(Boolean.TRUE)) {
      throw invalid(label, "no day off listed for " + year + "; refusing an empty calendar");
    }
    return new HolidayFile(label, year, days);
  }

  private static LocalDate date(String at, JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw invalid(at, "\"date\" must be a string yyyy-MM-dd");
    }
    try {
      return LocalDate.parse(node.textValue());
    } catch (DateTimeParseException e) {
      throw invalid(at, "\"date\" is not a date yyyy-MM-dd: \"" + node.textValue() + "\"");
    }
  }

  /**
   * Dates belong to the declared year, except that a holiday spanning New Year may list a day just
   * across it: holiday-cn's 2012.json has the make-up day 2011-12-31. So December of the year
   * before and January of the year after are accepted; anything further is a mislabelled file.
   */
  private static void checkYear(String at, int year, LocalDate date) {
    boolean ok =
        date.getYear() == year
            || (date.getYear() == year - 1 && date.getMonth() == Month.DECEMBER)
            || (date.getYear() == year + 1 && date.getMonth() == Month.JANUARY);
    if (!ok) {
      throw invalid(at, "date " + date + " does not belong to the file's year " + year);
    }
  }

  static boolean isWeekend(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
  }

  private static String where(JsonParseException e) {
    return e.getLocation() == null
        ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static IllegalArgumentException invalid(String at, String why) {
    return new IllegalArgumentException("holiday calendar " + at + ": " + why);
  }
}
