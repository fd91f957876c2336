package org.hotline.intake.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which fields of a record are sealed at rest, and the sealing of them: the complainant's phone and
 * ID number. Intake seals them before the record is written; the stores open them as they read, so
 * the rest of the gateway sees clear values and masks them for display. A value still in clear (a
 * record stored before sealing) is read as it is, until the re-seal job seals it.
 */
public final class RecordSealer {
  /** The sealed fields of {@code record.complainant}. */
  public static final List<String> FIELDS = List.of("phone", "id_number");

  private static final String COMPLAINANT = "complainant";

  /** Writes stored records: the defaults, as {@code JsonNode.toString} has them. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FieldCipher cipher;

  public RecordSealer(FieldCipher cipher) {
    this.cipher = cipher;
  }

  public FieldCipher cipher() {
    return cipher;
  }

  /**
   * A seal, an open and a mask here, on a start-up thread: the first use of the JCE provider, of
   * Jackson's node writer and of the masking pattern loads classes for hundreds of milliseconds,
   * which must not land on an event loop with the first record.
   */
  public void warmUp() {
    UUID id = new UUID(0, 0);
    ObjectNode doc = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    doc.putObject(COMPLAINANT).put("phone", "13800000000").put("id_number", "11010519491231002X");
    open(id, new JsonObject(seal(id, doc)));
    TextMasker.mask("来电人13800000000反映");
  }

  /** The id of the key new values are sealed under: stored in {@code complaint.pii_key}. */
  public String activeKeyId() {
    return cipher.activeKeyId();
  }

  /**
   * The record as stored: JSON text with the complainant's fields sealed, in the order of {@code
   * normalized}, which is not changed. Written straight from the tree by one generator: no copy of
   * the record, and none of an object writer's per-call set-up (which, with the copies, was about
   * half of what sealing cost a request).
   */
  public String seal(UUID id, ObjectNode normalized) {
    JsonNode complainant = normalized.get(COMPLAINANT);
    ObjectNode person =
        complainant instanceof ObjectNode p && hasAny(p) ? p : null; // else nothing to seal
    // The nodes read only the mapper's settings from it (a record's tree holds no Java objects).
    SerializerProvider settings = JSON.getSerializerProviderInstance();
    // Jackson's own text writer, as ObjectMapper.writeValueAsString uses it: its segments and the
    // generator's buffer come from the thread's recycled buffers, and the text is copied once, into
    // the String. A StringWriter grew a buffer of its own, widened it at the first Chinese
    // character and copied it again into the String: about a tenth of what intake allocated.
    BufferRecycler buffers = JSON.getFactory()._getBufferRecycler();
    try (SegmentedStringWriter out = new SegmentedStringWriter(buffers);
        JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, JsonNode> field : normalized.properties()) {
        g.writeFieldName(field.getKey());
        JsonNode value = field.getValue();
        if (value == person) {
          writeSealed(g, id, person, settings);
        } else {
          value.serialize(g, settings);
        }
      }
      g.writeEndObject();
      g.flush();
      return out.getAndClear();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    } finally {
      buffers.releaseToPool();
    }
  }

  /** The complainant with each of {@link #FIELDS} that holds text sealed, the rest as it is. */
  private void writeSealed(JsonGenerator g, UUID id, ObjectNode person, SerializerProvider settings)
      throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, JsonNode> field : person.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      g.writeFieldName(name);
      if (value.isTextual() && FIELDS.contains(name)) {
        g.writeString(cipher.seal(value.asText(), context(id, name)));
      } else {
        value.serialize(g, settings);
      }
    }
    g.writeEndObject();
  }

  /** A copy of a stored record with its fields in clear. */
  public JsonObject open(UUID id, JsonObject stored) {
    return transform(id, stored, false);
  }

  /** A copy of a stored record with its fields sealed under the active key. */
  public JsonObject reseal(UUID id, JsonObject stored) {
    return transform(id, stored, true);
  }

  private JsonObject transform(UUID id, JsonObject stored, boolean seal) {
    JsonObject person = stored.getJsonObject(COMPLAINANT);
    if (person == null) {
      return stored;
    }
    JsonObject copy = stored.copy();
    JsonObject out = copy.getJsonObject(COMPLAINANT);
    for (String field : FIELDS) {
      if (out.getValue(field) instanceof String v) {
        String context = context(id, field);
        String clear = FieldCipher.isSealed(v) ? cipher.open(v, context) : v;
        out.put(field, seal ? cipher.seal(clear, context) : clear);
      }
    }
    return copy;
  }

  private static boolean hasAny(ObjectNode person) {
    for (String field : FIELDS) {
      if (person.hasNonNull(field)) {
        return true;
      }
    }
    return false;
  }

  /** The associated data: a value opens only in the record and field it was sealed for. */
  private static String context(UUID id, String field) {
    return "complaint/" + id + "/complainant/" + field;
  }
}
