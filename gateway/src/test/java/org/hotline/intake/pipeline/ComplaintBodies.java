package org.hotline.intake.pipeline;

import static org.hotline.intake.support.FuzzText.maybe;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.hotline.intake.support.FuzzText;

/**
 * Request bodies shaped like the contract's, with fuzzed values: most get past the JSON syntax, so
 * the fuzzer spends its time in validation, normalisation, dedup and routing.
 */
final class ComplaintBodies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ComplaintBodies() {}

  static byte[] from(FuzzedDataProvider data) {
    ObjectNode doc = NODES.objectNode();
    put(doc, "source_id", maybe(data, new String[] {"web-2026-000123", "热线-1", " "}));
    put(doc, "type", maybe(data, FuzzText.TYPES));
    put(doc, "received_at", maybe(data, FuzzText.RECEIVED_AT));
    if (data.consumeBoolean()) {
      ObjectNode c = doc.putObject("complainant");
      put(c, "name", maybe(data, FuzzText.PERSON_NAMES));
      put(c, "phone", maybe(data, FuzzText.PHONES));
      put(c, "id_number", maybe(data, FuzzText.ID_NUMBERS));
      put(c, "address", maybe(data, FuzzText.ADDRESSES));
    }
    if (data.consumeBoolean()) {
      merchant(data, doc.putObject("merchant"));
    }
    put(doc, "category", maybe(data, FuzzText.CATEGORIES));
    put(doc, "content", maybe(data, FuzzText.CONTENTS));
    if (data.consumeBoolean()) {
      doc.set("amount", number(data));
    }
    put(doc, "occurred_at", maybe(data, FuzzText.OCCURRED_AT));
    if (data.consumeBoolean()) {
      doc.set("channel_ref", extra(data, 3));
    }
    try {
      return JSON.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new AssertionError("a tree of strings and numbers serialises", e);
    }
  }

  private static void merchant(FuzzedDataProvider data, ObjectNode m) {
    put(m, "name", maybe(data, FuzzText.MERCHANT_NAMES));
    put(m, "credit_code", maybe(data, FuzzText.CREDIT_CODES));
    put(m, "address", maybe(data, FuzzText.ADDRESSES));
    put(m, "division_code", maybe(data, FuzzText.DIVISION_CODES));
    put(m, "platform", maybe(data, FuzzText.PLATFORMS));
    if (data.consumeBoolean()) {
      ObjectNode at = m.putObject("location");
      at.set("lat", number(data));
      at.set("lon", number(data));
    }
  }

  /**
   * A number of any sign, size and scale, sometimes as text or null (which the contract refuses).
   */
  private static JsonNode number(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 ->
          NODES.numberNode(new BigDecimal(BigInteger.valueOf(data.consumeLong()), scale(data)));
      case 1 -> NODES.numberNode(data.consumeRegularDouble(-200, 200));
      case 2 -> NODES.numberNode(data.consumeInt());
      default -> data.consumeBoolean() ? NODES.textNode("12.5") : NODES.nullNode();
    };
  }

  private static int scale(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.consumeInt(-4, 6) : data.consumeInt(-400, 400);
  }

  /** Free-form channel_ref: objects, arrays, strings and numbers, {@code depth} levels at most. */
  private static JsonNode extra(FuzzedDataProvider data, int depth) {
    int kind = data.consumeInt(0, depth > 0 ? 3 : 1);
    return switch (kind) {
      case 0 -> NODES.textNode(data.consumeString(20));
      case 1 -> number(data);
      case 2 -> {
        ObjectNode o = NODES.objectNode();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
          o.set(data.consumeString(10), extra(data, depth - 1));
        }
        yield o;
      }
      default -> {
        var a = NODES.arrayNode();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
          a.add(extra(data, depth - 1));
        }
        yield a;
      }
    };
  }

  private static void put(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
