package org.hotline.intake.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The routing YAML, bound as written. The schema is documented at the top of {@code
 * routing/xiamen.yaml}; {@link Gazetteer}, {@link Jurisdiction}, {@link Platforms} and {@link
 * DivisionCodes} check it and compile it. Unknown keys are rejected so that a misspelt key fails at
 * start-up instead of silently routing everything to triage.
 */
record RoutingConfig(
    City city,
    List<District> districts,
    Townships townships,
    List<Place> places,
    List<Ambiguous> ambiguous,
    List<String> outside,
    @JsonProperty("no_address") List<String> noAddress,
    List<Platform> platforms,
    JurisdictionTable jurisdiction,
    @JsonProperty("merchant_names") MerchantNames merchantNames) {

  RoutingConfig {
    noAddress = orEmpty(noAddress);
    districts = orEmpty(districts);
    places = orEmpty(places);
    ambiguous = orEmpty(ambiguous);
    outside = orEmpty(outside);
    platforms = orEmpty(platforms);
    townships = townships == null ? new Townships(null, null, null, null) : townships;
    jurisdiction = jurisdiction == null ? new JurisdictionTable(null, null) : jurisdiction;
    merchantNames = merchantNames == null ? new MerchantNames(null, null) : merchantNames;
  }

  /**
   * The city: its name, its city-level code, the names that say "this city" and decide nothing, and
   * its telephone area code (null when not given).
   */
  record City(
      String name, String code, List<String> neutral, @JsonProperty("area_code") String areaCode) {
    City {
      neutral = orEmpty(neutral);
    }
  }

  /**
   * A district with a bureau: its 6-digit code, its official name and the other ways it is written.
   */
  record District(String code, String name, List<String> aliases) {
    District {
      aliases = orEmpty(aliases);
    }
  }

  /**
   * The township list: a CSV with columns {@code code,name,areaCode} (relative to the YAML file),
   * the suffix-less names safe to match alone, and extra spellings of official names.
   */
  record Townships(
      String file,
      @JsonProperty("short_names") List<String> shortNames,
      Map<String, String> aliases,
      @JsonProperty("alone_names") List<String> aloneNames) {
    Townships {
      shortNames = orEmpty(shortNames);
      aliases = aliases == null ? Map.of() : aliases;
      aloneNames = orEmpty(aloneNames);
    }
  }

  /**
   * A well-known place inside one district. {@code confirmed} records whether anyone checked it.
   */
  record Place(List<String> names, String district, Boolean confirmed) {
    Place {
      names = orEmpty(names);
    }
  }

  /** A place that spans or could mean several districts: it never decides on its own. */
  record Ambiguous(List<String> names, List<String> districts) {
    Ambiguous {
      names = orEmpty(names);
      districts = orEmpty(districts);
    }
  }

  /**
   * A platform operator. {@code district} is set when it is registered in one of this city's
   * districts; otherwise {@code registered_in} says where, and its sellers go to triage.
   */
  record Platform(
      String name,
      List<String> aliases,
      String district,
      @JsonProperty("registered_in") String registeredIn) {
    Platform {
      aliases = orEmpty(aliases);
    }
  }

  /** Matters outside market regulation and the categories whose content is read for them. */
  record JurisdictionTable(
      @JsonProperty("generic_categories") List<String> genericCategories, List<Rule> rules) {
    JurisdictionTable {
      genericCategories = orEmpty(genericCategories);
      rules = orEmpty(rules);
    }
  }

  /**
   * One matter for another department. {@code categories} match anywhere in the channel's category;
   * {@code whole_categories} only when the category is that word and nothing more (医疗, but not 医疗器械
   * or 医疗广告, which are market regulation's own); {@code content_keywords} match the content when
   * the category is absent or generic, or always when {@code any_category} is true (a case already
   * before a court is never ours, whatever its category).
   */
  record Rule(
      String name,
      String department,
      List<String> categories,
      @JsonProperty("whole_categories") List<String> wholeCategories,
      @JsonProperty("content_keywords") List<String> contentKeywords,
      @JsonProperty("any_category") Boolean anyCategory) {
    Rule {
      categories = orEmpty(categories);
      wholeCategories = orEmpty(wholeCategories);
      contentKeywords = orEmpty(contentKeywords);
      anyCategory = anyCategory != null && anyCategory;
    }
  }

  /** The place names the dedup library strips from merchant names (not used for routing). */
  record MerchantNames(
      List<String> prefixes, @JsonProperty("branch_places") List<String> branchPlaces) {
    MerchantNames {
      prefixes = orEmpty(prefixes);
      branchPlaces = orEmpty(branchPlaces);
    }
  }

  static RoutingConfig read(InputStream yaml) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    RoutingConfig config = mapper.readValue(yaml, RoutingConfig.class);
    if (config == null || config.city() == null) {
      throw new IOException("routing configuration has no city");
    }
    return config;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
