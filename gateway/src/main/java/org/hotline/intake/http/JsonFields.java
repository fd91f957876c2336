package org.hotline.intake.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reading the small JSON bodies of the operator endpoints: each reader adds a pointer and a detail
 * to {@code errors} instead of throwing, so one 400 lists every problem. Details never quote input.
 */
final class JsonFields {
  /** Duplicate keys are refused, as at intake: which of two values counts is not to be guessed. */
  private static final ObjectMapper STRICT =
      new ObjectMapper(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonFields() {}

  /**
   * The body as a JSON object; an empty body is an empty object. Anything else that is not an
   * object, the literal {@code null} included, is a 400, and so is an object with a key twice.
   */
  @SuppressWarnings("unchecked")
  static JsonObject body(RoutingContext ctx) {
    // RequestBody.length() is -1 when no bytes came at all.
    if (ctx.body() == null || ctx.body().length() <= 0) {
      return new JsonObject();
    }
    Object parsed;
    try {
      parsed = STRICT.readValue(Bodies.bytes(ctx.body().buffer()), Object.class);
    } catch (JsonProcessingException e) {
      String detail =
          String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
              ? "a key appears twice"
              : "not a JSON object";
      throw ApiException.invalid(
          "the body must be a JSON object", new JsonArray().add(error("", detail)));
    } catch (IOException e) {
      parsed = null;
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ApiException.invalid(
          "the body must be a JSON object", new JsonArray().add(error("", "not a JSON object")));
    }
    return new JsonObject((Map<String, Object>) map);
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
