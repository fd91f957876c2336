package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.validation.Complaints.parse;
import static org.hotline.intake.validation.Complaints.rejected;
import static org.hotline.intake.validation.Complaints.utf8;
import static org.hotline.intake.validation.Complaints.valid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ComplaintParser: content hash and stored form")
class ComplaintParserHashTest {

  static byte[] hash(ObjectNode doc) {
    return parse(doc).contentHash();
  }

  /** The same object with its keys, at every level, in reverse order. */
  static JsonNode reversed(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.reverse(names);
      ObjectNode out = Complaints.JSON.createObjectNode();
      names.forEach(n -> out.set(n, reversed(node.get(n))));
      return out;
    }
    return node;
  }

  @Nested
  @DisplayName("content hash")
  class ContentHash {
    @Test
    @DisplayName("the same record with other key order and white space hashes equal")
    void keyOrderAndWhitespace() throws Exception {
      ObjectNode doc = valid();
      byte[] compact = hash(doc);
      String pretty =
          Complaints.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reversed(doc));
      assertThat(Complaints.parser().parse(utf8(pretty)).contentHash()).isEqualTo(compact);
    }

    @Test
    @DisplayName("another spelling of the same phone, ID, credit code or text hashes equal")
    void normalisedSpellings() {
      ObjectNode doc = valid();
      ((ObjectNode) doc.get("complainant"))
          .put("phone", "+86 (138) 1234-5678")
          .put("id_number", "11010519491231002X")
          .put("name", " 张三丰 ");
      ((ObjectNode) doc.get("merchant")).put("credit_code", "91110000802100433b");
      assertThat(hash(doc)).isEqualTo(hash(valid()));
    }

    @Test
    @DisplayName("null and absent optional fields hash equal")
    void nullIsAbsent() {
      ObjectNode a = valid();
      a.remove("category");
      assertThat(hash(a)).isEqualTo(hash(valid().putNull("category")));
    }

    @Test
    @DisplayName("a defaulted received_at does not enter the hash, so a later retry matches")
    void defaultNotHashed() {
      ObjectNode doc = valid();
      doc.remove("received_at");
      Clock later = Clock.offset(Complaints.CLOCK, Duration.ofMinutes(3));
      byte[] now = Complaints.parser().parse(Complaints.bytes(doc)).contentHash();
      byte[] retry =
          new ComplaintParser(later, Complaints.XIAMEN_PHONES)
              .parse(Complaints.bytes(doc))
              .contentHash();
      assertThat(retry).isEqualTo(now);
      assertThat(hash(valid())).isNotEqualTo(now);
    }

    @Test
    @DisplayName("any change to a value, however small or deep, changes the hash")
    void valueChanges() {
      byte[] original = hash(valid());
      List<Consumer<ObjectNode>> changes =
          List.of(
              d -> d.put("content", d.get("content").asText() + "。"),
              d -> d.put("amount", 388.51),
              d -> d.put("type", "report"),
              d -> d.put("received_at", "2026-10-02T09:30:01+08:00"),
              d -> ((ObjectNode) d.get("complainant")).put("phone", "13812345679"),
              d -> ((ObjectNode) d.at("/merchant/location")).put("lon", 118.1387),
              d -> ((ObjectNode) d.get("channel_ref")).put("work_order", "WO-20261002-0043"),
              d -> ((ObjectNode) d.get("channel_ref")).putArray("tags").add(1.5).add("tourist"),
              d -> d.remove("category"));
      for (Consumer<ObjectNode> change : changes) {
        ObjectNode doc = valid();
        change.accept(doc);
        assertThat(hash(doc)).as(doc.toString()).isNotEqualTo(original);
      }
    }

    @Test
    @DisplayName("is 32 bytes of SHA-256, also available as 64 hex digits")
    void shape() {
      IntakeRequest r = parse(valid());
      assertThat(r.contentHash()).hasSize(32);
      assertThat(r.contentHashHex()).hasSize(64).matches("[0-9a-f]+");
    }
  }

  @Nested
  @DisplayName("stored form")
  class Normalized {
    @Test
    @DisplayName("uses the contract's field names and normalised values")
    void fields() {
      ObjectNode n = parse(valid()).normalized();
      assertThat(n.at("/source_id").asText()).isEqualTo("web-2026-000123");
      assertThat(n.at("/type").asText()).isEqualTo("complaint");
      assertThat(n.at("/received_at").asText()).isEqualTo("2026-10-02T09:30:00+08:00");
      assertThat(n.at("/complainant/phone").asText()).isEqualTo("13812345678");
      assertThat(n.at("/complainant/id_number").asText()).isEqualTo("11010519491231002X");
      assertThat(n.at("/merchant/credit_code").asText()).isEqualTo("91110000802100433B");
      assertThat(n.at("/merchant/location/lat").decimalValue()).isEqualByComparingTo("24.4306");
      assertThat(n.at("/amount").toString()).isEqualTo("388.5");
      assertThat(n.at("/occurred_at").asText()).isEqualTo("2026-10-01");
      assertThat(n.at("/channel_ref/work_order").asText()).isEqualTo("WO-20261002-0042");
    }

    @Test
    @DisplayName("leaves absent fields out and always carries received_at")
    void minimal() {
      ObjectNode n = parse(Complaints.minimalInquiry()).normalized();
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyInAnyOrder("source_id", "type", "received_at", "content");
    }
  }

  @Nested
  @DisplayName("personal information")
  class Privacy {
    @Test
    @DisplayName("no error detail, pointer or message repeats a phone, ID number or name")
    void noValuesInErrors() {
      String phone = "139-8765-432";
      String id = "350203199001011239";
      String name = "欧阳娜娜" + "娜".repeat(100);
      ObjectNode doc = valid().put("amount", "13912345678").put("source_id", "\u0007" + phone);
      ((ObjectNode) doc.get("complainant"))
          .put("phone", phone)
          .put("id_number", id)
          .put("name", name);
      InvalidRequestException e = rejected(doc);
      assertThat(e.errors()).hasSize(5);
      for (String secret : List.of(phone, "87654", id, "19900101", name, "欧阳", "13912345678")) {
        assertThat(e.getMessage()).doesNotContain(secret);
        assertThat(e.errors())
            .allSatisfy(
                err -> {
                  assertThat(err.detail()).doesNotContain(secret);
                  assertThat(err.pointer()).doesNotContain(secret);
                });
      }
    }

    @Test
    @DisplayName("the exception message says how many errors, nothing more")
    void message() {
      assertThat(rejected("[]").getMessage()).isEqualTo("invalid request (1 error)");
    }
  }

  @Nested
  @DisplayName("robustness")
  class Robustness {
    @Test
    @DisplayName("every truncation and byte corruption of a valid body fails only as a 400")
    void neverThrowsAnythingElse() {
      byte[] body = Complaints.bytes(valid());
      ComplaintParser parser = Complaints.parser();
      int[] replacements = {0x00, 0x22, 0x5C, 0x7B, 0x5D, 0x2C, 0x80, 0xC0, 0xFF, 0x31};
      for (int cut = 0; cut < body.length; cut++) {
        byte[] truncated = java.util.Arrays.copyOf(body, cut);
        assertParsesOrRejects(parser, truncated);
        for (int b : replacements) {
          byte[] corrupted = body.clone();
          corrupted[cut] = (byte) b;
          assertParsesOrRejects(parser, corrupted);
        }
      }
    }

    private void assertParsesOrRejects(ComplaintParser parser, byte[] body) {
      try {
        parser.parse(body);
      } catch (InvalidRequestException e) {
        assertThat(e.errors()).isNotEmpty();
      }
    }

    @Test
    @DisplayName("a null body is an empty body")
    void nullBody() {
      assertThat(rejected((byte[]) null).errors())
          .containsExactly(new FieldError("", "empty body"));
    }
  }
}
