package org.hotline.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the library must know about the city it runs for: nothing in the library is specific to one
 * city. The gateway reads it from the city's configuration file (for Xiamen, {@code
 * routing/xiamen.yaml}, sections {@code city.area_code} and {@code merchant_names}).
 *
 * @param areaCode the telephone area code, with its leading 0 ({@code 0592}), given to a bare
 *     7-digit landline number, which was dialled locally; null when a bare number is not accepted
 * @param namePrefixes province, city and district names that open a merchant's registered name
 *     ({@code 福建省}, {@code 厦门市}, {@code 思明区}) and are dropped from its key; matched in any order,
 *     longest first
 * @param branchPlaces roads, areas, malls, townships and districts that shops name their branches
 *     after without brackets ({@code 鹭江海鲜大排档中山路店}); matched longest first
 * @param districts each district's six-digit division code ({@code 350206}) and the names it is
 *     written by ({@code 湖里区}, {@code 湖里}) or the well-known places inside it ({@code 曾厝垵} in 思明):
 *     a shop whose address or name places it in one district is not the shop of a like name in
 *     another. A name under two districts places nothing.
 * @param ambiguousPlaces places that span or could mean several districts ({@code 海沧大桥}, {@code
 *     环岛路}): a text that opens with one places nothing, though a district's name opens it too
 *     ({@code 思明园} is in 同安)
 * @param townships each district's townships by the names an address gives them ({@code 马巷街道},
 *     {@code 鼓浪屿}): they place a shop by its address ({@code 鼓浪屿龙头路}), not by its name, where a
 *     brand may be named after one ({@code 鼓浪屿馅饼} is sold all over town)
 */
public record CityProfile(
    String areaCode,
    List<String> namePrefixes,
    List<String> branchPlaces,
    Map<Integer, List<String>> districts,
    List<String> ambiguousPlaces,
    Map<Integer, List<String>> townships) {
  // 010 and 02x have three digits, all other area codes (03xx–09xx) four.
  private static final Pattern AREA_CODE = Pattern.compile("0(?:10|2[0-9]|[3-9][0-9]{2})");
  // A place name longer than this is a mistake in the file, not a place.
  private static final int MAX_NAME_LENGTH = 32;

  /**
   * @throws IllegalArgumentException naming the bad entry, when the area code is not one or a name
   *     is blank or too long
   */
  public CityProfile {
    if (areaCode != null && !AREA_CODE.matcher(areaCode).matches()) {
      throw new IllegalArgumentException(
          "area code must be 010, 02x or 0xxx (leading 0, 3 or 4 digits), got '" + areaCode + "'");
    }
    namePrefixes = checked("name prefix", namePrefixes);
    branchPlaces = checked("branch place", branchPlaces);
    districts = byDistrict("district name", districts);
    ambiguousPlaces = checked("ambiguous place", ambiguousPlaces);
    townships = byDistrict("township name", townships);
  }

  /** A city whose townships are not known: its districts and places alone place a shop. */
  public CityProfile(
      String areaCode,
      List<String> namePrefixes,
      List<String> branchPlaces,
      Map<Integer, List<String>> districts,
      List<String> ambiguousPlaces) {
    this(areaCode, namePrefixes, branchPlaces, districts, ambiguousPlaces, Map.of());
  }

  /** A city whose districts are not known: no shop is told apart by its district. */
  public CityProfile(String areaCode, List<String> namePrefixes, List<String> branchPlaces) {
    this(areaCode, namePrefixes, branchPlaces, Map.of(), List.of());
  }

  /** No city: no name prefixes or branch places are known, and bare numbers are not phones. */
  public static CityProfile none() {
    return new CityProfile(null, List.of(), List.of(), Map.of(), List.of());
  }

  private static Map<Integer, List<String>> byDistrict(
      String what, Map<Integer, List<String>> names) {
    Map<Integer, List<String>> copy = new HashMap<>();
    Objects.requireNonNull(names, what + "s")
        .forEach(
            (code, all) -> {
              if (code == null || code < 100_000 || code > 999_999) {
                throw new IllegalArgumentException(
                    "a district code must have six digits, got '" + code + "'");
              }
              copy.put(code, checked(what, all));
            });
    return Map.copyOf(copy);
  }

  private static List<String> checked(String what, List<String> names) {
    for (String name : Objects.requireNonNull(names, what + "es")) {
      if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException(
            what + " must be 1.." + MAX_NAME_LENGTH + " characters, got '" + name + "'");
      }
    }
    return List.copyOf(names);
  }
}
