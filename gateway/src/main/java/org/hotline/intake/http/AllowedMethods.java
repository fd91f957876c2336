package org.hotline.intake.http;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The methods each path allows, for the {@code Allow} header a 405 must carry (RFC 9110 §15.5.6),
 * read from the served OpenAPI document so that the two cannot disagree. A path the document does
 * not name (the board's script and style sheet) is served by GET alone.
 */
final class AllowedMethods {
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private record Entry(Pattern path, String methods) {}

  private final List<Entry> entries;

  private AllowedMethods(List<Entry> entries) {
    this.entries = entries;
  }

  /** The paths of an OpenAPI document, each template's {@code {name}} one path segment. */
  static AllowedMethods of(JsonObject openApi) {
    List<Entry> entries = new ArrayList<>();
    JsonObject paths = openApi.getJsonObject("paths", new JsonObject());
    for (String template : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(template);
      List<String> methods = new ArrayList<>();
      for (String m : METHODS) {
        if (item.containsKey(m)) {
          methods.add(m.toUpperCase(Locale.ROOT));
        }
      }
      entries.add(new Entry(pattern(template), String.join(", ", methods)));
    }
    return new AllowedMethods(List.copyOf(entries));
  }

  private static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        regex.append(Pattern.quote(template.substring(at)));
        break;
      }
      if (open > at) {
        regex.append(Pattern.quote(template.substring(at, open)));
      }
      regex.append("[^/]+");
      at = close + 1;
    }
    return Pattern.compile(regex.toString());
  }

  /** The {@code Allow} value for a request path. */
  String of(String path) {
    // The router takes a path with a trailing slash for the path without it.
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    for (Entry e : entries) {
      if (e.path().matcher(path).matches()) {
        return e.methods();
      }
    }
    return "GET";
  }
}
