package org.hotline.intake.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hotline.dedup.CityProfile;
import org.hotline.dedup.MerchantKeys;
import org.hotline.dedup.text.CreditCodes;
import org.hotline.dedup.text.PhoneNumbers;
import org.hotline.intake.routing.AddressResolver.Finding;
import org.hotline.intake.routing.AddressResolver.Outcome;
import org.hotline.intake.routing.DivisionCodes.Kind;
import org.hotline.intake.routing.DivisionCodes.Reading;

/**
 * Decides which queue a record goes to: a district bureau, city-level triage, or a transfer to
 * another department.
 *
 * <p>Jurisdiction comes first: a matter outside market regulation is transferred wherever the
 * merchant is. Then the merchant's location, never the complainant's, in this order:
 *
 * <ol>
 *   <li>the division code, when it is one of this city's districts (a township or village code
 *       through its first six digits);
 *   <li>the address: district, township and well-known place names, all of which must agree;
 *   <li>when no address says where, the district whose bureau registered the merchant, by its
 *       credit code;
 *   <li>for an online seller with no address, the district where its platform is registered;
 *   <li>otherwise triage.
 * </ol>
 *
 * Any disagreement (the code and the address name different districts, the address names two) or
 * ambiguity (a bridge between two districts, a city-level code, another city) also goes to triage:
 * a wrong district costs the complainant days, triage costs minutes. Reports route the same way, by
 * where the conduct took place, which is the merchant address they carry.
 *
 * <p>All data comes from YAML ({@link #xiamen()} is the bundled default, {@link #fromYaml(Path)}
 * loads another city). Instances are immutable: {@link #route} is pure, thread-safe and allocation-
 * light, every dictionary having been compiled at load time.
 */
public final class Routing {
  /** The bundled default configuration, on the classpath. */
  public static final String XIAMEN_RESOURCE = "routing/xiamen.yaml";

  private final String city;
  private final Set<String> districts;
  private final Set<String> departments;
  private final Jurisdiction jurisdiction;
  private final DivisionCodes codes;
  private final AddressResolver addresses;
  private final Platforms platforms;
  private final java.util.Map<String, String> districtNames;
  private final CityProfile cityProfile;

  private Routing(RoutingConfig config, InputStream townships) throws IOException {
    Gazetteer gazetteer = new Gazetteer(config, townships);
    this.city = config.city().name();
    this.districts =
        config.districts().stream()
            .map(RoutingConfig.District::code)
            .collect(Collectors.toCollection(TreeSet::new));
    this.departments =
        config.jurisdiction().rules().stream()
            .map(RoutingConfig.Rule::department)
            .collect(Collectors.toCollection(TreeSet::new));
    this.jurisdiction = new Jurisdiction(config.jurisdiction());
    this.codes = new DivisionCodes(gazetteer.districts(), config.city().code());
    this.addresses = new AddressResolver(gazetteer, config.noAddress());
    this.platforms = new Platforms(config.platforms(), gazetteer.districts());
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    config.districts().forEach(d -> names.put(d.code(), d.name()));
    this.districtNames = java.util.Collections.unmodifiableMap(names);
    this.cityProfile = cityProfile(config, gazetteer.townshipNames());
  }

  private static CityProfile cityProfile(
      RoutingConfig config, Map<String, List<String>> townships) {
    try {
      Map<Integer, List<String>> districts = new HashMap<>();
      for (RoutingConfig.District d : config.districts()) {
        List<String> names = new ArrayList<>(List.of(d.name()));
        names.addAll(d.aliases());
        districts.put(Integer.parseInt(d.code()), names);
      }
      // Well-known places inside one district (曾厝垵 is in 思明) say where a shop is, too; a
      // township's names (鼓浪屿, 马巷街道) by its address.
      Map<Integer, List<String>> byTownship = new HashMap<>();
      townships.forEach((code, names) -> byTownship.put(Integer.parseInt(code), names));
      for (RoutingConfig.Place p : config.places()) {
        List<String> names = districts.get(Integer.parseInt(p.district()));
        if (names != null) {
          names.addAll(p.names());
        }
      }
      return new CityProfile(
          config.city().areaCode(),
          config.merchantNames().prefixes(),
          config.merchantNames().branchPlaces(),
          districts,
          config.ambiguous().stream().flatMap(a -> a.names().stream()).toList(),
          byTownship);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "city.area_code, merchant_names or districts: " + e.getMessage(), e);
    }
  }

  /** The bundled Xiamen configuration ({@value #XIAMEN_RESOURCE}), loaded once. */
  public static Routing xiamen() {
    return Bundled.XIAMEN;
  }

  /**
   * Loads a city's configuration. The township file it names is read relative to the YAML file.
   *
   * @throws IOException when a file cannot be read or the configuration is invalid
   */
  public static Routing fromYaml(Path file) throws IOException {
    RoutingConfig config;
    try (InputStream in = Files.newInputStream(file)) {
      config = RoutingConfig.read(in);
    }
    String townships = config.townships().file();
    if (townships == null) {
      return build(config, null);
    }
    Path dir = file.toAbsolutePath().getParent();
    try (InputStream in = Files.newInputStream(dir.resolve(townships))) {
      return build(config, in);
    }
  }

  /** The configured city's name, e.g. 厦门市. */
  public String city() {
    return city;
  }

  /** The division codes of the districts with a bureau: each is a queue. */
  public Set<String> districts() {
    return Collections.unmodifiableSet(districts);
  }

  /** The departments of the jurisdiction table, to which matters are transferred. */
  public Set<String> departments() {
    return Collections.unmodifiableSet(departments);
  }

  /**
   * What the dedup library and the phone rules need to know about this city: its area code and the
   * place names in merchant names, from the same file.
   */
  public CityProfile cityProfile() {
    return cityProfile;
  }

  /** The rules for this city's phone numbers: a bare 7-digit number gets its area code. */
  public PhoneNumbers phoneNumbers() {
    return new PhoneNumbers(cityProfile.areaCode());
  }

  /** Where {@code in} goes. Never null. */
  public Route route(RoutingInput in) {
    Route transfer = jurisdiction.match(in.category(), in.content());
    if (transfer != null) {
      return transfer;
    }
    Reading code = codes.read(in.divisionCode());
    Finding address =
        addresses.present(in.merchantAddress()) ? addresses.resolve(in.merchantAddress()) : null;
    if (code.kind() == Kind.DISTRICT) {
      return byCode(code.district(), address);
    }
    if (address != null) {
      if (code.kind() == Kind.OTHER_CITY && address.outcome() == Outcome.DISTRICT) {
        // The code places the merchant in another city and the address in ours: one is wrong.
        return Route.triage("conflict:division_code");
      }
      if (address.outcome() == Outcome.DISTRICT) {
        return Route.toDistrict(address.district(), address.reason());
      }
      Route placed =
          address.outcome() == Outcome.UNRESOLVED && code.kind() != Kind.OTHER_CITY
              ? placedWithoutAddress(in)
              : null;
      return placed != null ? placed : Route.triage(address.reason());
    }
    if (code.kind() == Kind.OTHER_CITY) {
      return Route.triage("outside_city:division_code");
    }
    Route placed = placedWithoutAddress(in);
    if (placed != null) {
      return placed;
    }
    if (hasText(in.platform())) {
      return platforms.route(in.platform());
    }
    return Route.triage(Route.NO_LOCATION);
  }

  /**
   * Each district bureau's division code and official name (思明区), in the order the configuration
   * lists them: labels for people, such as the status board.
   */
  public java.util.Map<String, String> districtNames() {
    return districtNames;
  }

  /**
   * The district whose bureau registered the merchant, by its credit code's registering authority
   * (characters 3 to 8: {@code 92350211…} in 集美), when it is one of this city's districts; null
   * otherwise (no code, or one registered by the city's bureau, {@code 350200}, or elsewhere).
   * DOMAIN.md: the bureau where the respondent is registered (住所地) has jurisdiction too; used only
   * when nothing says where the shop operates.
   */
  private String registeredIn(String creditCode) {
    String division = CreditCodes.registeringDivision(creditCode);
    return division != null && districts.contains(division) ? division : null;
  }

  /** A district code decides unless the address contradicts it. */
  private static Route byCode(String district, Finding address) {
    if (address == null) {
      return Route.toDistrict(district, "division_code");
    }
    return switch (address.outcome()) {
      case DISTRICT, AMBIGUOUS ->
          address.possible().contains(district)
              ? Route.toDistrict(district, "division_code")
              : Route.triage("conflict:division_code");
      case OUTSIDE -> Route.triage("conflict:division_code");
      case CONFLICT -> Route.triage("conflict:address");
      case UNRESOLVED -> Route.toDistrict(district, "division_code");
    };
  }

  /**
   * Where a merchant no address places is, when something else says: the place its name opens with
   * when the name only describes the shop ({@link #describedPlace}), else the bureau that
   * registered it ({@link #registeredIn}); null when neither does.
   */
  private Route placedWithoutAddress(RoutingInput in) {
    Route named = describedPlace(in.merchantName());
    if (named != null) {
      return named;
    }
    String registered = registeredIn(in.creditCode());
    return registered == null ? null : Route.toDistrict(registered, Route.CREDIT_CODE);
  }

  /** Words after a place that make a merchant name a description of where the shop is. */
  private static final List<String> DESCRIBING = MerchantKeys.describingWords();

  /**
   * The last characters of a kind of shop after a place and 一 ({@code 五缘湾一健身房}, {@code
   * 莲前街道一少儿编程培训机构}): a bare 一 describes only before one, not in a brand ({@code 同安一品鲜}).
   */
  private static final String KIND_ENDS = "店馆房所司构摊档铺厅场点行部室班园院";

  /**
   * The district of the place a merchant name opens with when the name only describes the shop, as
   * call centres and 12345 write it ({@code 曾厝垵那家海鲜店}, {@code 鼓浪屿某馅饼店}, {@code 五缘湾一健身房（力美健身）}): the
   * place before the first describing word, resolved as an address; null when the name names the
   * shop (a brand that opens with a place, {@code 同安封肉}, stays unplaced) or the place is not one
   * district's. Reason {@code merchant_name:} and the address's.
   */
  private Route describedPlace(String name) {
    if (!hasText(name)) {
      return null;
    }
    String n = name.strip();
    int end = -1;
    for (String word : DESCRIBING) {
      int at = n.indexOf(word);
      end = at >= 2 && (end < 0 || at < end) ? at : end;
    }
    int one = n.indexOf('一', 2);
    if (one >= 2 && (end < 0 || one < end) && kindFollows(n.substring(one + 1))) {
      end = one;
    }
    if (end < 0) {
      return null;
    }
    Finding place = addresses.resolve(n.substring(0, end));
    return place.outcome() == Outcome.DISTRICT
        ? Route.toDistrict(place.district(), Route.MERCHANT_NAME + place.reason())
        : null;
  }

  /** Whether {@code rest}, without its brackets, is a kind of shop ({@link #KIND_ENDS}). */
  private static boolean kindFollows(String rest) {
    int open = rest.indexOf('（') >= 0 ? rest.indexOf('（') : rest.indexOf('(');
    String kind = (open >= 0 ? rest.substring(0, open) : rest).strip();
    return kind.length() >= 2 && KIND_ENDS.indexOf(kind.charAt(kind.length() - 1)) >= 0;
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }

  private static Routing build(RoutingConfig config, InputStream townships) throws IOException {
    try {
      return new Routing(config, townships);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Routing fromClasspath(String resource) throws IOException {
    ClassLoader loader = Routing.class.getClassLoader();
    RoutingConfig config;
    try (InputStream in = open(loader, resource)) {
      config = RoutingConfig.read(in);
    }
    String townships = config.townships().file();
    if (townships == null) {
      return build(config, null);
    }
    String dir = resource.substring(0, resource.lastIndexOf('/') + 1);
    try (InputStream in = open(loader, dir + townships)) {
      return build(config, in);
    }
  }

  private static InputStream open(ClassLoader loader, String resource) throws IOException {
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("no classpath resource " + resource);
    }
    return in;
  }

  /** Holder idiom: loaded on first use, once, by the class loader's own locking. */
  private static final class Bundled {
    static final Routing XIAMEN;

    static {
      try {
        XIAMEN = fromClasspath(XIAMEN_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("bundled routing configuration is broken", e);
      }
    }
  }
}
