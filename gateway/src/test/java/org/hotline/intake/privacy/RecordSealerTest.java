package org.hotline.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a record sealer")
class RecordSealerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final FieldCipher cipher = new FieldCipher(List.of(FieldCipherTest.K1));
  private final RecordSealer sealer = new RecordSealer(cipher);

  /**
   * The stored text as sealing wrote it before it wrote the tree itself: a copy of the record with
   * the sealed values put in place, written by {@code toString}. The sealed values are those of
   * {@code stored} (each seal draws a fresh nonce), so the two texts must be equal character for
   * character.
   */
  private static String asBefore(ObjectNode normalized, String stored) throws Exception {
    JsonNode person = normalized.get("complainant");
    if (!(person instanceof ObjectNode p)
        || RecordSealer.FIELDS.stream().noneMatch(p::hasNonNull)) {
      return normalized.toString();
    }
    JsonNode sealedPerson = MAPPER.readTree(stored).get("complainant");
    ObjectNode copy = p.deepCopy();
    for (String field : RecordSealer.FIELDS) {
      if (copy.get(field) != null && copy.get(field).isTextual()) {
        copy.set(field, sealedPerson.get(field));
      }
    }
    ObjectNode doc = normalized.objectNode();
    doc.setAll(normalized);
    doc.set("complainant", copy);
    return doc.toString();
  }

  /** A value of any kind a record's tree can hold, nested up to {@code depth}. */
  private static JsonNode value(SplittableRandom random, int depth) {
    return switch (random.nextInt(depth > 0 ? 11 : 9)) {
      case 0 -> NODES.textNode("厦门市思明区中山路" + random.nextInt(1000) + "号");
      case 1 -> NODES.textNode("quote \" backslash \\ tab \t nul \u0000 emoji 😀 \u2028");
      case 2 -> NODES.numberNode(new BigDecimal("1E+3"));
      case 3 -> NODES.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(2));
      case 4 -> NODES.numberNode(random.nextLong());
      case 5 -> NODES.numberNode(random.nextDouble() * 1e6);
      case 6 -> NODES.booleanNode(random.nextBoolean());
      case 7 -> NODES.nullNode();
      case 8 -> NODES.numberNode(random.nextInt());
      case 9 -> {
        ObjectNode o = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          o.set("k" + random.nextInt(10), value(random, depth - 1));
        }
        yield o;
      }
      default -> {
        var a = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.add(value(random, depth - 1));
        }
        yield a;
      }
    };
  }

  private static ObjectNode record(SplittableRandom random) {
    ObjectNode doc = NODES.objectNode();
    doc.put("source_id", "S-" + random.nextInt());
    doc.put("type", "complaint");
    if (random.nextInt(5) > 0) {
      ObjectNode person = NODES.objectNode();
      person.put("name", "王小明");
      switch (random.nextInt(5)) {
        case 0 -> person.put("phone", "13905921234").put("id_number", "35020319800101123X");
        case 1 -> person.put("id_number", "35020319800101123X");
        case 2 -> person.put("address", "湖里区").put("phone", "05925123456");
        case 3 -> person.put("phone", 12345L); // not text: left as it is
        default -> person.putNull("phone");
      }
      doc.set("complainant", person);
    } else if (random.nextBoolean()) {
      doc.put("complainant", "not an object");
    }
    doc.put("content", "商家不退款");
    doc.set("amount", value(random, 0));
    doc.set("channel_ref", value(random, 3));
    return doc;
  }

  @Test
  @DisplayName(
      "writes, character for character, what a sealed copy's toString wrote, on 5,000 random"
          + " records; its sealed fields open to the clear values, and the record is not changed")
  void likeTheCopy() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 5_000; i++) {
      ObjectNode normalized = record(random);
      String before = normalized.toString();
      UUID id = new UUID(random.nextLong(), random.nextLong());

      String stored = sealer.seal(id, normalized);

      assertThat(stored).isEqualTo(asBefore(normalized, stored));
      assertThat(normalized.toString()).isEqualTo(before);
      assertThat(stored).doesNotContain("13905921234", "05925123456", "35020319800101123X");
      JsonNode original = normalized.get("complainant");
      JsonNode sealed = MAPPER.readTree(stored).get("complainant");
      for (String field : RecordSealer.FIELDS) {
        if (original instanceof ObjectNode p && p.path(field).isTextual()) {
          String context = "complaint/" + id + "/complainant/" + field;
          assertThat(cipher.open(sealed.get(field).asText(), context))
              .isEqualTo(p.get(field).asText());
        }
      }
    }
  }
}
