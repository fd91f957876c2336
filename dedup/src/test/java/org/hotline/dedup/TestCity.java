package org.hotline.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The city profiles tests run with. Xiamen's is read from the gateway's own configuration file, so
 * the library's tests measure the data the gateway runs with, and the library holds none of it.
 */
public final class TestCity {
  /** The gateway's city file, relative to the dedup module (Maven's working directory). */
  public static final Path XIAMEN_FILE =
      Path.of("../gateway/src/main/resources/routing/xiamen.yaml");

  /** Xiamen: area code 0592, its districts, townships and well-known places. */
  public static final CityProfile XIAMEN = read(XIAMEN_FILE);

  private TestCity() {}

  /** Xiamen's profile as it was before its townships placed a shop. */
  public static CityProfile withoutTownships() {
    return new CityProfile(
        XIAMEN.areaCode(),
        XIAMEN.namePrefixes(),
        XIAMEN.branchPlaces(),
        XIAMEN.districts(),
        XIAMEN.ambiguousPlaces());
  }

  /** The {@code city.area_code} and {@code merchant_names} sections of a city file. */
  public static CityProfile read(Path file) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      JsonNode names = root.path("merchant_names");
      Map<Integer, List<String>> districts = new HashMap<>();
      root.path("districts")
          .forEach(
              d -> {
                List<String> all = new ArrayList<>(List.of(d.path("name").asText()));
                all.addAll(strings(d.path("aliases")));
                districts.put(Integer.parseInt(d.path("code").asText()), all);
              });
      Map<Integer, List<String>> townships = townships(file, root.path("townships"), districts);
      List<String> ambiguous = new ArrayList<>();
      root.path("ambiguous").forEach(a -> ambiguous.addAll(strings(a.path("names"))));
      root.path("places")
          .forEach(
              p -> {
                List<String> of = districts.get(Integer.parseInt(p.path("district").asText()));
                if (of != null) {
                  of.addAll(strings(p.path("names")));
                }
              });
      return new CityProfile(
          root.path("city").path("area_code").asText(null),
          strings(names.path("prefixes")),
          strings(names.path("branch_places")),
          districts,
          ambiguous,
          townships);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the city file " + file.toAbsolutePath(), e);
    }
  }

  /**
   * The townships' names of {@code districts}, as the gateway's gazetteer reads them: each official
   * name of the file the city file names ({@code code,name,areaCode,…}), its configured short name
   * and the aliases.
   */
  private static Map<Integer, List<String>> townships(
      Path file, JsonNode townships, Map<Integer, List<String>> districts) throws IOException {
    Map<Integer, List<String>> out = new HashMap<>();
    String csv = townships.path("file").asText(null);
    if (csv == null) {
      return out;
    }
    Set<String> shortNames = new HashSet<>(strings(townships.path("short_names")));
    Map<String, Integer> official = new HashMap<>();
    List<String> lines = Files.readAllLines(file.resolveSibling(csv), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      String name = f[1].replace("\"", "");
      int code = Integer.parseInt(f[2]);
      if (!districts.containsKey(code)) {
        continue;
      }
      List<String> of = out.computeIfAbsent(code, c -> new ArrayList<>());
      official.put(name, code);
      of.add(name);
      String bare = name.replaceFirst("(街道|镇|乡)$", "");
      if (shortNames.contains(bare)) {
        of.add(bare);
      }
    }
    townships
        .path("aliases")
        .fields()
        .forEachRemaining(
            a -> {
              Integer code = official.get(a.getValue().asText());
              if (code != null) {
                out.get(code).add(a.getKey());
              }
            });
    return out;
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }
}
