package org.hotline.intake.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;
import org.hotline.intake.validation.JsonBodies;

/**
 * Reading the small JSON bodies of the operator endpoints: each reader adds a pointer and a detail
 * to {@code errors} instead of throwing, so one 400 lists every problem. Details never quote input.
 */
final class JsonFields {
  private JsonFields() {}

  /**
   * The body as a JSON object, read as strictly as intake reads a record ({@link JsonBodies}: a key
   * twice, anything after the object, invalid UTF-8 are 400s); an empty body is an empty object.
   * Anything else that is not an object, the literal {@code null} included, is a 400.
   */
  static JsonObject body(RoutingContext ctx) {
    // RequestBody.length() is -1 when no bytes came at all.
    if (ctx.body() == null || ctx.body().length() <= 0) {
      return new JsonObject();
    }
    return new JsonObject(JsonBodies.object(Bodies.bytes(ctx.body().buffer())));
  }

  /**
   * An error for each field of {@code body} not in {@code known}, as the intake rejects unknown
   * fields: a misspelt {@code lease_secs} would otherwise be ignored and its default taken
   * silently.
   */
  static void rejectUnknown(JsonObject body, Set<String> known, JsonArray errors) {
    for (String name : body.fieldNames()) {
      if (!known.contains(name)) {
        errors.add(error("/" + name.replace("~", "~0").replace("/", "~1"), "unknown field"));
      }
    }
  }

  static int intField(
      JsonObject body, String name, int fallback, int min, int max, JsonArray errors) {
    Object v = body.getValue(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long value = n.longValue();
      if (value >= min && value <= max) {
        return (int) value;
      }
    }
    errors.add(error("/" + name, "must be a whole number from " + min + " to " + max));
    return fallback;
  }

  static String optionalText(JsonObject body, String name, int max, JsonArray errors) {
    Object v = body.getValue(name);
    if (v == null) {
      return null;
    }
    if (v instanceof String s && !s.isBlank() && s.length() <= max && s.indexOf('\u0000') < 0) {
      return s.strip();
    }
    errors.add(error("/" + name, textProblem(v, max)));
    return null;
  }

  /** What is wrong with a text field's value, in words that name the fault (never the value). */
  private static String textProblem(Object v, int max) {
    if (!(v instanceof String s)) {
      return "must be text";
    }
    if (s.isBlank()) {
      return "must not be empty";
    }
    if (s.length() > max) {
      return "must be at most " + max + " characters";
    }
    return "must not contain a NUL character";
  }

  static JsonObject error(String pointer, String detail) {
    return new JsonObject().put("pointer", pointer).put("detail", detail);
  }

  /** The UUID, or null when {@code s} is not one. */
  static UUID uuid(String s) {
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
