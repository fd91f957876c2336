package org.hotline.intake.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SHA-256 over a canonical JSON serialisation: object keys sorted, no white space, numbers written
 * by value ({@code 1.50} and {@code 1.5} are the same). Thread-safe.
 */
final class CanonicalJson {
  private final JsonFactory factory = new JsonFactory();

  /**
   * @param skipTopLevel a top-level key to leave out, or null
   */
  byte[] sha256(JsonNode document, String skipTopLevel) {
    MessageDigest digest = Sha256.digest();
    writeTo(
        new DigestOutputStream(OutputStream.nullOutputStream(), digest), document, skipTopLevel);
    return digest.digest();
  }

  /** The canonical form itself: UTF-8 JSON, which reads back as the same document. */
  byte[] bytes(JsonNode document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTo(out, document, null);
    return out.toByteArray();
  }

  private void writeTo(OutputStream sink, JsonNode document, String skipTopLevel) {
    try (JsonGenerator g = factory.createGenerator(sink)) {
      write(g, document, skipTopLevel);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  private static void write(JsonGenerator g, JsonNode node, String skip) throws IOException {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      g.writeStartObject();
      for (String name : names) {
        if (!name.equals(skip)) {
          g.writeFieldName(name);
          write(g, node.get(name), null);
        }
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode child : node) {
        write(g, child, null);
      }
      g.writeEndArray();
    } else if (node.isNumber()) {
      g.writeNumber(canonical(node.decimalValue()));
    } else if (node.isTextual()) {
      g.writeString(node.textValue());
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else {
      g.writeNull();
    }
  }

  private static String canonical(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
  }
}
