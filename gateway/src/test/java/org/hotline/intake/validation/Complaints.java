package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hotline.dedup.text.PhoneNumbers;
import org.hotline.intake.routing.Routing;

/** Shared test fixtures: a fixed clock, a valid complaint body, and rejection helpers. */
final class Complaints {
  /** 2026-10-02 10:00 in Xiamen, during Golden Week. */
  static final Instant NOW = Instant.parse("2026-10-02T02:00:00Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.ofHours(8));
  static final String PHONE = "138 1234 5678";
  static final String ID_NUMBER = "11010519491231002x";
  static final String NAME = "张三丰";
  static final String CREDIT_CODE = "91110000802100433B";

  static final ObjectMapper JSON = new ObjectMapper();
  static final PhoneNumbers XIAMEN_PHONES = Routing.xiamen().phoneNumbers();

  private Complaints() {}

  static ComplaintParser parser() {
    return new ComplaintParser(CLOCK, XIAMEN_PHONES);
  }

  /** A complete, valid complaint; every test changes its own copy. */
  static ObjectNode valid() {
    return (ObjectNode)
        tree(
            """
            {
              "source_id": "web-2026-000123",
              "type": "complaint",
              "received_at": "2026-10-02T09:30:00+08:00",
              "complainant": {
                "name": "%s",
                "phone": "%s",
                "id_number": "%s",
                "address": "厦门市思明区莲前街道"
              },
              "merchant": {
                "name": "曾厝垵阿海海鲜排档",
                "credit_code": "%s",
                "address": "厦门市思明区曾厝垵社23号",
                "division_code": "350203",
                "platform": "美团",
                "location": {"lat": 24.4306, "lon": 118.1386}
              },
              "category": "餐饮服务",
              "content": "10月1日晚在该店用餐，点了一份清蒸石斑，结账时按斤另收费，多收了300元。要求退还多收款项。",
              "amount": 388.5,
              "occurred_at": "2026-10-01",
              "channel_ref": {"work_order": "WO-20261002-0042", "tags": ["tourist", 1.50]}
            }
            """
                .formatted(NAME, PHONE, ID_NUMBER, CREDIT_CODE));
  }

  /** The smallest valid record: an inquiry needs no parties. */
  static ObjectNode minimalInquiry() {
    return (ObjectNode)
        tree("{\"source_id\": \"p-1\", \"type\": \"inquiry\", \"content\": \"预付卡退费怎么办理？\"}");
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] bytes(JsonNode node) {
    return utf8(node.toString());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static IntakeRequest parse(JsonNode node) {
    return parser().parse(bytes(node));
  }

  static InvalidRequestException rejected(byte[] body) {
    InvalidRequestException e =
        catchThrowableOfType(InvalidRequestException.class, () -> parser().parse(body));
    assertThat(e).as("expected the body to be rejected").isNotNull();
    assertThat(e.errors()).isNotEmpty();
    return e;
  }

  static InvalidRequestException rejected(JsonNode node) {
    return rejected(bytes(node));
  }

  static InvalidRequestException rejected(String json) {
    return rejected(utf8(json));
  }

  /**
   * The document plus {@code field} set to {@code rawJson} verbatim, so number spelling survives.
   */
  static byte[] withRaw(ObjectNode doc, String field, String rawJson) {
    ObjectNode copy = doc.deepCopy();
    copy.remove(field);
    String json = copy.toString();
    return utf8(json.substring(0, json.length() - 1) + ",\"" + field + "\":" + rawJson + "}");
  }

  /** The body with the given raw bytes spliced in where {@code marker} appears. */
  static byte[] splice(String json, String marker, int... raw) {
    byte[] before = utf8(json.substring(0, json.indexOf(marker)));
    byte[] after = utf8(json.substring(json.indexOf(marker) + marker.length()));
    byte[] out = new byte[before.length + raw.length + after.length];
    System.arraycopy(before, 0, out, 0, before.length);
    for (int i = 0; i < raw.length; i++) {
      out[before.length + i] = (byte) raw[i];
    }
    System.arraycopy(after, 0, out, before.length + raw.length, after.length);
    return out;
  }
}
