package org.hotline.intake.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import java.util.List;
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
   * The record as stored: JSON text with the complainant's fields sealed. {@code normalized} is not
   * changed (the copy shares every other node).
   */
  public String seal(UUID id, ObjectNode normalized) {
    JsonNode complainant = normalized.get(COMPLAINANT);
    if (!(complainant instanceof ObjectNode person) || !hasAny(person)) {
      return normalized.toString();
    }
    ObjectNode sealedPerson = person.deepCopy();
    for (String field : FIELDS) {
      JsonNode v = sealedPerson.get(field);
      if (v != null && v.isTextual()) {
        sealedPerson.put(field, cipher.seal(v.asText(), context(id, field)));
      }
    }
    ObjectNode doc = normalized.objectNode();
    doc.setAll(normalized);
    doc.set(COMPLAINANT, sealedPerson);
    return doc.toString();
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
