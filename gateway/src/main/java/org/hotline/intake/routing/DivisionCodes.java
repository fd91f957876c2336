package org.hotline.intake.routing;

import java.util.Set;

/**
 * Reads a merchant's administrative division code. A district code decides; a township (9-digit) or
 * village (12-digit) code decides through its first six digits. The city-level code, or a code of
 * this city that is not a district (a retired one, say), names the city but not the district, so
 * routing does not guess from it. A code of another city says the merchant is elsewhere.
 */
final class DivisionCodes {
  /** What a division code says. */
  enum Kind {
    /** No code, or not a well-formed one. */
    NONE,
    /** One of this city's districts. */
    DISTRICT,
    /** This city, district unknown. */
    CITY,
    /** Another city. */
    OTHER_CITY
  }

  /** A read code: its kind, and the district when the kind is {@link Kind#DISTRICT}. */
  record Reading(Kind kind, String district) {
    static final Reading NONE = new Reading(Kind.NONE, null);
    static final Reading CITY = new Reading(Kind.CITY, null);
    static final Reading OTHER_CITY = new Reading(Kind.OTHER_CITY, null);
  }

  private final Set<String> districts;
  private final String cityPrefix;

  /**
   * @param districts this city's 6-digit district codes
   * @param cityCode the 6-digit city-level code; its first four digits identify the city
   */
  DivisionCodes(Set<String> districts, String cityCode) {
    if (!isDigits(cityCode) || cityCode.length() != 6) {
      throw new IllegalArgumentException("city code must be 6 digits");
    }
    for (String d : districts) {
      if (!isDigits(d) || d.length() != 6 || !d.startsWith(cityCode.substring(0, 4))) {
        throw new IllegalArgumentException("district code " + d + " is not a code of this city");
      }
    }
    this.districts = Set.copyOf(districts);
    this.cityPrefix = cityCode.substring(0, 4);
  }

  Reading read(String raw) {
    String code = Normaliser.fold(raw);
    int n = code.length();
    if ((n != 6 && n != 9 && n != 12) || !isDigits(code)) {
      return Reading.NONE;
    }
    String district = code.substring(0, 6);
    if (districts.contains(district)) {
      return new Reading(Kind.DISTRICT, district);
    }
    return code.startsWith(cityPrefix) ? Reading.CITY : Reading.OTHER_CITY;
  }

  private static boolean isDigits(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
