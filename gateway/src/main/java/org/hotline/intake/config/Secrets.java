package org.hotline.intake.config;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * How configuration records print without their secrets. A record lists the components that hold
 * one; every other component prints as itself, so a component added later is shown, never hidden,
 * and must redact itself if it is a secret.
 */
public final class Secrets {
  static final String MASK = "***";

  private Secrets() {}

  /** {@code Name[a=1, secret=***]}: like a record's own toString, with {@code redact} applied. */
  static String describe(Record r, Map<String, Function<Object, String>> redact) {
    StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('[');
    RecordComponent[] components = r.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      Object value;
      try {
        value = components[i].getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("record component " + name + " is unreadable", e);
      }
      sb.append(i == 0 ? "" : ", ").append(name).append('=');
      sb.append(value == null ? "null" : redact.getOrDefault(name, String::valueOf).apply(value));
    }
    return sb.append(']').toString();
  }

  /** {@value #MASK} for any secret. */
  static String redact(Object secret) {
    return MASK;
  }

  /**
   * A {@code postgresql://user:pass@host:port/db} URL with its password replaced by {@value #MASK};
   * a URL that does not parse is replaced whole, since it may hold a password anywhere.
   */
  public static String redactUrl(Object url) {
    String text = String.valueOf(url);
    try {
      URI uri = new URI(text);
      String query = uri.getRawQuery();
      if (query != null && query.toLowerCase(java.util.Locale.ROOT).contains("password")) {
        text = text.replace("?" + query, "?" + MASK);
      }
      String info = uri.getRawUserInfo();
      if (info == null || !info.contains(":")) {
        return text;
      }
      String user = info.substring(0, info.indexOf(':'));
      return text.replace(info + "@", user + ":" + MASK + "@");
    } catch (java.net.URISyntaxException e) {
      return "(a URL that does not parse)";
    }
  }
}
