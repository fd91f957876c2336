package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.validation.Complaints.minimalInquiry;
import static org.hotline.intake.validation.Complaints.parse;
import static org.hotline.intake.validation.Complaints.rejected;
import static org.hotline.intake.validation.Complaints.valid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ComplaintParser: top-level fields")
class ComplaintParserFieldsTest {

  static FieldError error(String pointer, String detail) {
    return new FieldError(pointer, detail);
  }

  @Nested
  @DisplayName("unknown fields")
  class UnknownFields {
    @Test
    @DisplayName("each unknown top-level field is reported at its own pointer")
    void topLevel() {
      ObjectNode doc = valid();
      doc.put("foo", 1).put("channel", "web");
      assertThat(rejected(doc).errors())
          .containsExactly(error("/foo", "unknown field"), error("/channel", "unknown field"));
    }

    @Test
    @DisplayName("'/' and '~' in an unknown name are escaped in the pointer (RFC 6901)")
    void escapesPointerTokens() {
      ObjectNode doc = valid();
      doc.put("a/b", 1).put("c~d", 2);
      assertThat(rejected(doc).errors())
          .containsExactly(error("/a~1b", "unknown field"), error("/c~0d", "unknown field"));
    }

    @Test
    @DisplayName("unknown fields inside complainant, merchant and location are refused")
    void nested() {
      ObjectNode doc = valid();
      ((ObjectNode) doc.get("complainant")).put("wechat", "x");
      ((ObjectNode) doc.get("merchant")).put("owner", "x");
      ((ObjectNode) doc.at("/merchant/location")).put("alt", 3);
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/complainant/wechat", "unknown field"),
              error("/merchant/owner", "unknown field"),
              error("/merchant/location/alt", "unknown field"));
    }

    @Test
    @DisplayName("channel_ref is free-form and kept exactly as sent")
    void channelRefFreeForm() {
      String ref = "{\"anything\":\"goes\",\"list\":[1,\"two\",null],\"price\":1.50}";
      IntakeRequest r = Complaints.parser().parse(Complaints.withRaw(valid(), "channel_ref", ref));
      assertThat(r.channelRef().toString()).isEqualTo(ref);
      assertThat(r.normalized().get("channel_ref").toString()).isEqualTo(ref);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "\"ref\"", "12", "true"})
    @DisplayName("channel_ref must be an object")
    void channelRefObject(String value) {
      ObjectNode doc = valid();
      doc.set("channel_ref", Complaints.tree(value));
      assertThat(rejected(doc).errors())
          .containsExactly(error("/channel_ref", "must be an object"));
    }
  }

  @Nested
  @DisplayName("source_id")
  class SourceId {
    @Test
    @DisplayName("is required")
    void required() {
      ObjectNode doc = valid();
      doc.remove("source_id");
      assertThat(rejected(doc).errors()).containsExactly(error("/source_id", "is required"));
    }

    @Test
    @DisplayName("must not be blank once trimmed")
    void blank() {
      assertThat(rejected(valid().put("source_id", " \u3000 ")).errors())
          .containsExactly(error("/source_id", "must not be blank"));
    }

    @Test
    @DisplayName("must be a string, not a number")
    void type() {
      assertThat(rejected(valid().put("source_id", 42)).errors())
          .containsExactly(error("/source_id", "must be a string"));
    }

    @Test
    @DisplayName("is limited to 128 code points, not UTF-16 units")
    void length() {
      assertThat(parse(valid().put("source_id", "😀".repeat(128))).sourceId()).hasSize(256);
      assertThat(rejected(valid().put("source_id", "a".repeat(129))).errors())
          .containsExactly(error("/source_id", "must be at most 128 characters"));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0007", "000A", "001B", "007F", "0085"})
    @DisplayName("must not contain control characters")
    void controls(String hex) {
      String id = "a" + (char) Integer.parseInt(hex, 16) + "b";
      assertThat(rejected(valid().put("source_id", id)).errors())
          .containsExactly(error("/source_id", "must not contain control characters"));
    }

    @Test
    @DisplayName("is trimmed")
    void trimmed() {
      assertThat(parse(valid().put("source_id", "  wo-1\t")).sourceId()).isEqualTo("wo-1");
    }
  }

  @Nested
  @DisplayName("type")
  class Type {
    @ParameterizedTest
    @EnumSource(RecordType.class)
    @DisplayName("each wire value maps to its record type")
    void values(RecordType type) {
      assertThat(parse(valid().put("type", type.wire())).type()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Complaint", "COMPLAINT", "投诉", "feedback"})
    @DisplayName("anything else is refused")
    void unknown(String value) {
      assertThat(rejected(valid().put("type", value)).errors())
          .containsExactly(error("/type", "must be one of complaint, report, inquiry, suggestion"));
    }

    @Test
    @DisplayName("is required")
    void required() {
      ObjectNode doc = minimalInquiry();
      doc.remove("type");
      assertThat(rejected(doc).errors()).containsExactly(error("/type", "is required"));
    }
  }

  @Nested
  @DisplayName("content and category")
  class ContentAndCategory {
    @Test
    @DisplayName("content is required")
    void required() {
      ObjectNode doc = valid();
      doc.remove("content");
      assertThat(rejected(doc).errors()).containsExactly(error("/content", "is required"));
    }

    @Test
    @DisplayName("content of only white space, ideographic spaces included, is blank")
    void blank() {
      assertThat(rejected(valid().put("content", " \n\u3000\t")).errors())
          .containsExactly(error("/content", "must not be blank"));
    }

    @Test
    @DisplayName("content holds up to 5000 code points after NFC and trimming")
    void length() {
      String decomposed = "e\u0301".repeat(5000); // 10000 code points, 5000 after NFC
      assertThat(parse(valid().put("content", "  " + decomposed + "  ")).content())
          .isEqualTo("é".repeat(5000));
      assertThat(rejected(valid().put("content", "字".repeat(5001))).errors())
          .containsExactly(error("/content", "must be at most 5000 characters"));
    }

    @Test
    @DisplayName("text is stored in NFC and trimmed, but full-width characters in prose are kept")
    void nfc() {
      IntakeRequest r = parse(valid().put("content", "\u3000Cafe\u0301 收费１２０元 "));
      assertThat(r.content()).isEqualTo("Café 收费１２０元");
    }

    @Test
    @DisplayName(
        "a hidden control character (U+0001, DEL, a bidi override) is refused; tabs and lines not")
    void hiddenControls() {
      for (String bad : new String[] {"多收\u0001了钱", "多收了钱\u007f", "店名\u202e反转", "x\u2066y"}) {
        assertThat(rejected(valid().put("content", bad)).errors())
            .containsExactly(error("/content", "must not contain control characters"));
      }
      assertThat(rejected(valid().put("category", "价格\u202e")).errors())
          .containsExactly(error("/category", "must not contain control characters"));
      assertThat(parse(valid().put("content", "第一行\n第二行\t多收了钱\r\n")).content())
          .isEqualTo("第一行\n第二行\t多收了钱");
      // Line and page breaks pasted from Word or a PDF are white space, not hidden controls.
      assertThat(parse(valid().put("content", "第一行\u000b第二行\u000c第三行\u0085完")).content())
          .isNotNull();
    }

    @Test
    @DisplayName("category is optional, at most 64 characters, and blank means absent")
    void category() {
      assertThat(parse(valid().put("category", "   ")).category()).isNull();
      assertThat(parse(valid().putNull("category")).category()).isNull();
      assertThat(parse(valid().put("category", "预付卡")).category()).isEqualTo("预付卡");
      assertThat(rejected(valid().put("category", "类".repeat(65))).errors())
          .containsExactly(error("/category", "must be at most 64 characters"));
    }
  }

  @Nested
  @DisplayName("amount")
  class Amount {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"100\"", "\"１００\"", "true", "[1]", "{}"})
    @DisplayName("must be a JSON number: strings are not coerced")
    void type(String value) {
      assertThat(rejected(Complaints.withRaw(valid(), "amount", value)).errors())
          .containsExactly(error("/amount", "must be a number"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "0, 0",
      "0.00, 0",
      "12.50, 12.5",
      "12.5, 12.5",
      "0.01, 0.01",
      "1E+3, 1000",
      "1000000000000, 1000000000000",
      "999999999999.99, 999999999999.99"
    })
    @DisplayName("accepts 0 to 1e12 with at most 2 decimals, without trailing zeros")
    void accepted(String sent, String stored) {
      IntakeRequest r = Complaints.parser().parse(Complaints.withRaw(valid(), "amount", sent));
      assertThat(r.amount().toPlainString()).isEqualTo(stored);
      assertThat(r.normalized().get("amount").toString()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "-0.01 | must not be negative",
          "-5 | must not be negative",
          "1000000000000.01 | must be at most 1000000000000",
          "1e13 | must be at most 1000000000000",
          "12.345 | must have at most 2 decimal places",
          "0.001 | must have at most 2 decimal places"
        })
    @DisplayName("refuses negatives, more than 1e12 and fractions of a fen")
    void refused(String sent, String detail) {
      assertThat(rejected(Complaints.withRaw(valid(), "amount", sent)).errors())
          .containsExactly(error("/amount", detail));
    }

    @Test
    @DisplayName("null means absent")
    void nullIsAbsent() {
      assertThat(parse(valid().putNull("amount")).amount()).isNull();
    }
  }

  @Nested
  @DisplayName("several problems at once")
  class Collects {
    @Test
    @DisplayName("every field error is reported in one exception, in document order")
    void allErrors() {
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.put("type", "complaint").put("amount", "12").put("zzz", 1);
      doc.putObject("merchant").put("credit_code", "91110000802100433A");
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/zzz", "unknown field"),
              error("/source_id", "is required"),
              error("/complainant", "is required for type complaint"),
              error("/merchant/credit_code", "is not a valid unified social credit code"),
              error("/content", "is required"),
              error("/amount", "must be a number"));
    }
  }
}
