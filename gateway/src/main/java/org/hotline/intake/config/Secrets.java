package org.hotline.intake.config;

import java.lang.reflect.RecordComponent;
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
   * A {@code postgresql://user:pass@host:port/db} URL with its password replaced by {@value #MASK},
   * in the user info and in a {@code password=} parameter. Plain text work rather than a URI
   * parser: a password may hold characters (an {@code @}, a space) that make the URL unparseable,
   * and it must be hidden all the same.
   */
  public static String redactUrl(Object url) {
    String text = PASSWORD_PARAMETER.matcher(String.valueOf(url)).replaceAll("$1" + MASK);
    int scheme = text.indexOf("://");
    int at = text.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return text;
    }
    int colon = text.indexOf(':', scheme + 3);
    if (colon < 0 || colon > at) {
      return text;
    }
    return text.substring(0, colon + 1) + MASK + text.substring(at);
  }

  private static final java.util.regex.Pattern PASSWORD_PARAMETER =
      java.util.regex.Pattern.compile("(?i)(password=)[^&]*");
}
