package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.validation.Complaints.parse;
import static org.hotline.intake.validation.Complaints.rejected;
import static org.hotline.intake.validation.Complaints.splice;
import static org.hotline.intake.validation.Complaints.utf8;
import static org.hotline.intake.validation.Complaints.valid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ComplaintParser: the document as a whole")
class ComplaintParserTest {

  static FieldError documentError(String detail) {
    return new FieldError("", detail);
  }

  @Nested
  @DisplayName("a well-formed record")
  class WellFormed {
    @Test
    @DisplayName("a complete complaint parses into typed, normalised values")
    void complete() {
      IntakeRequest r = parse(valid());
      assertThat(r.sourceId()).isEqualTo("web-2026-000123");
      assertThat(r.type()).isEqualTo(RecordType.COMPLAINT);
      assertThat(r.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-10-02T09:30:00+08:00"));
      assertThat(r.complainant())
          .isEqualTo(new Complainant("张三丰", "13812345678", "11010519491231002X", "厦门市思明区莲前街道"));
      assertThat(r.merchant().creditCode()).isEqualTo("91110000802100433B");
      assertThat(r.merchant().divisionCode()).isEqualTo("350203");
      assertThat(r.merchant().location()).isEqualTo(new GeoPoint(24.4306, 118.1386));
      assertThat(r.category()).isEqualTo("餐饮服务");
      assertThat(r.content()).startsWith("10月1日晚");
      assertThat(r.amount()).isEqualByComparingTo("388.5");
      assertThat(r.occurredAt()).isEqualTo("2026-10-01");
      assertThat(r.channelRef().get("work_order").asText()).isEqualTo("WO-20261002-0042");
      assertThat(r.contentHash()).hasSize(32);
    }

    @Test
    @DisplayName("an inquiry needs only source_id, type and content")
    void minimal() {
      IntakeRequest r = parse(Complaints.minimalInquiry());
      assertThat(r.type()).isEqualTo(RecordType.INQUIRY);
      assertThat(r.complainant()).isNull();
      assertThat(r.merchant()).isNull();
      assertThat(r.amount()).isNull();
      assertThat(r.channelRef()).isNull();
    }

    @Test
    @DisplayName("a UTF-8 byte order mark and surrounding white space are ignored")
    void bomAndWhitespace() {
      byte[] body = splice(" \n" + valid() + "\r\n\t ", " \n");
      byte[] withBom = new byte[body.length + 3];
      withBom[0] = (byte) 0xEF;
      withBom[1] = (byte) 0xBB;
      withBom[2] = (byte) 0xBF;
      System.arraycopy(body, 0, withBom, 3, body.length);
      assertThat(Complaints.parser().parse(withBom).sourceId()).isEqualTo("web-2026-000123");
    }
  }

  @Nested
  @DisplayName("encoding")
  class Encoding {
    private static final String BODY =
        "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"@@\"}";

    @Test
    @DisplayName("a bare string with a bad continuation byte is invalid UTF-8")
    void badContinuationAlone() {
      assertThat(rejected(new byte[] {0x22, (byte) 0xC3, 0x28, 0x22}).errors())
          .containsExactly(documentError("invalid UTF-8"));
    }

    @ParameterizedTest(name = "bytes {0}")
    @ValueSource(
        strings = {
          "C3 28", // lead byte followed by ASCII
          "C0 AF", // overlong '/'
          "C0 80", // overlong NUL (modified UTF-8)
          "E0 80 AF", // three-byte overlong '/'
          "F0 80 80 AF", // four-byte overlong '/'
          "ED A0 80", // UTF-16 surrogate encoded as UTF-8 (CESU-8)
          "F4 90 80 80", // above U+10FFFF
          "FF", // never valid
          "80", // continuation without a lead byte
          "E6 97" // truncated three-byte sequence
        })
    @DisplayName("invalid UTF-8 inside a string value is refused with 400, not mangled")
    void invalidSequences(String hex) {
      String[] parts = hex.split(" ");
      int[] raw = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        raw[i] = Integer.parseInt(parts[i], 16);
      }
      assertThat(rejected(splice(BODY, "@@", raw)).errors())
          .containsExactly(documentError("invalid UTF-8"));
    }

    @Test
    @DisplayName("valid multi-byte UTF-8, including 4-byte characters, is accepted")
    void validMultibyte() {
      byte[] body = splice(BODY, "@@", 0xE6, 0x97, 0xA5, 0xF0, 0x9F, 0x98, 0x80);
      assertThat(Complaints.parser().parse(body).content()).isEqualTo("日😀");
    }

    @Test
    @DisplayName("a thread decodes each body afresh: no text of a longer body before it is read")
    void decodingBufferReused() {
      String longContent = "日".repeat(3000) + "尾";
      byte[] longBody = utf8(BODY.replace("@@", longContent));
      assertThat(Complaints.parser().parse(longBody).content()).isEqualTo(longContent);
      byte[] shortBody = splice(BODY, "@@", 0xE6, 0x97, 0xA5);
      assertThat(Complaints.parser().parse(shortBody).content()).isEqualTo("日");
      assertThat(rejected(splice(BODY, "@@", 0xC3, 0x28)).errors())
          .containsExactly(documentError("invalid UTF-8"));
      assertThat(Complaints.parser().parse(shortBody).content()).isEqualTo("日");
    }

    @Test
    @DisplayName("a body longer than the text a thread keeps is decoded whole")
    void longerThanKept() {
      String padded = BODY.replace("@@", "x") + " ".repeat(StrictJsonReader.KEPT_CHARS);
      byte[] body = utf8(padded);
      assertThat(body.length).isGreaterThan(StrictJsonReader.KEPT_CHARS);
      assertThat(Complaints.parser().parse(body).content()).isEqualTo("x");
      assertThat(rejected(utf8(padded + "}")).errors())
          .containsExactly(documentError("trailing content after the JSON object"));
    }

    @Test
    @DisplayName("a raw NUL byte is refused")
    void rawNul() {
      assertThat(rejected(splice(BODY, "@@", 0x41, 0x00, 0x42)).errors())
          .containsExactly(documentError(StrictJsonReader.NUL));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"x\\u0000y\"}",
          "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"x\",\"k\\u0000\":1}",
          "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"x\","
              + "\"channel_ref\":{\"deep\":[{\"v\":\"\\u0000\"}]}}"
        })
    @DisplayName("an escaped \\u0000 is refused in any value or key, channel_ref included")
    void escapedNul(String json) {
      assertThat(rejected(json).errors()).containsExactly(documentError(StrictJsonReader.NUL));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "\"content\":\"x\\u000ж\"",
          "\"content\":\"x\\u12\"",
          "\"content\":\"x\",\"k\\u00６１\":1",
          "\"content\":\"x\\u00g1\""
        })
    @DisplayName("a \\u escape without four ASCII hex digits is malformed, whatever follows it")
    void badUnicodeEscape(String fields) {
      String json = "{\"source_id\":\"a\",\"type\":\"inquiry\"," + fields + "}";
      assertThat(rejected(json).errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.pointer()).isEmpty();
                assertThat(e.detail()).startsWith("malformed JSON");
              });
    }

    @Test
    @DisplayName("an escaped backslash before u is no escape")
    void escapedBackslashThenU() {
      String json = "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"C:\\\\users\"}";
      assertThat(Complaints.parser().parse(utf8(json)).content()).isEqualTo("C:\\users");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "\"content\":\"x\\ud800\"",
          "\"content\":\"\\udc00x\"",
          "\"content\":\"\\udc00\\ud800\"",
          "\"content\":\"x\",\"channel_ref\":{\"\\ud83d\":1}",
          "\"content\":\"x\",\"channel_ref\":{\"a\":[\"\\ude00\"]}"
        })
    @DisplayName("an unpaired UTF-16 surrogate is refused in any value or key")
    void loneSurrogate(String fields) {
      String json = "{\"source_id\":\"a\",\"type\":\"inquiry\"," + fields + "}";
      assertThat(rejected(json).errors()).containsExactly(documentError(TreeChecks.LONE_SURROGATE));
    }

    @Test
    @DisplayName("an escaped surrogate pair is a normal character")
    void pairedSurrogates() {
      String json = "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"\\ud83d\\ude00\"}";
      assertThat(Complaints.parser().parse(utf8(json)).content()).isEqualTo("😀");
    }
  }

  @Nested
  @DisplayName("syntax")
  class Syntax {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\n\t  \r\n"})
    @DisplayName("an empty or blank body is refused")
    void empty(String body) {
      assertThat(rejected(utf8(body)).errors()).containsExactly(documentError("empty body"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "[{\"source_id\":\"a\"}]", "\"text\"", "42", "true", "null"})
    @DisplayName("anything but an object at the top is refused")
    void notAnObject(String body) {
      assertThat(rejected(body).errors())
          .containsExactly(documentError("body must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{} {}", "{}x", "{}]", "{} \"13812345678\""})
    @DisplayName("content after the object is refused")
    void trailing(String body) {
      assertThat(rejected(body).errors())
          .containsExactly(documentError("trailing content after the JSON object"));
    }

    @Test
    @DisplayName("a syntax error names its line and column but not the text around it")
    void locatesSyntaxErrors() {
      String body = "{\n  \"source_id\": \"a\",\n  \"content\": tel13812345678\n}";
      FieldError e = rejected(body).errors().get(0);
      assertThat(e.pointer()).isEmpty();
      assertThat(e.detail()).startsWith("malformed JSON at line 3 column ");
      assertThat(e.detail()).doesNotContain("13812345678").doesNotContain("tel");
    }

    @Test
    @DisplayName("a truncated document is malformed")
    void truncated() {
      assertThat(rejected("{\"source_id\": \"a\", \"content\": \"张三").errors().get(0).detail())
          .startsWith("malformed JSON at line 1 column ")
          .endsWith("unexpected end of input")
          .doesNotContain("张三");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "{'source_id': 'a'}",
          "{\"source_id\": \"a\",}",
          "{\"source_id\": \"a\" /* c */}",
          "{source_id: \"a\"}",
          "{\"amount\": NaN}",
          "{\"amount\": 01}",
          "{\"amount\": .5}",
          "{\"content\": \"tab\tinside\"}"
        })
    @DisplayName("JSON extensions are not accepted")
    void strictSyntax(String body) {
      assertThat(rejected(body).errors()).hasSize(1);
      assertThat(rejected(body).errors().get(0).detail()).startsWith("malformed JSON");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{\"source_id\":\"a\",\"source_id\":\"a\"} | source_id",
          "{\"merchant\":{\"name\":\"a\",\"name\":\"b\"}} | name",
          "{\"channel_ref\":{\"x\":[{\"k\":1,\"k\":2}]}} | k",
          "{\"channel_ref\":{\"a\\\"b\":1,\"a\\\"b\":2}} | a\\\"b"
        })
    @DisplayName("a duplicate key is refused at any level and named in the detail")
    void duplicateKeys(String body, String key) {
      assertThat(rejected(body).errors())
          .containsExactly(documentError("duplicate key \"" + key + "\""));
    }

    @Test
    @DisplayName("the same key in sibling objects is not a duplicate")
    void siblingsMayShareKeys() {
      ObjectNode doc = valid();
      doc.putObject("channel_ref").put("name", "x").putObject("inner").put("name", "y");
      assertThat(parse(doc).channelRef().at("/inner/name").asText()).isEqualTo("y");
    }
  }
}
