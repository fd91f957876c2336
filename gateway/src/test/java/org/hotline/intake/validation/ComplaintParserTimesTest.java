package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.validation.Complaints.NOW;
import static org.hotline.intake.validation.Complaints.parse;
import static org.hotline.intake.validation.Complaints.rejected;
import static org.hotline.intake.validation.Complaints.valid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ComplaintParser: received_at and occurred_at")
class ComplaintParserTimesTest {

  static FieldError error(String pointer, String detail) {
    return new FieldError(pointer, detail);
  }

  @Nested
  @DisplayName("received_at")
  class ReceivedAt {
    @Test
    @DisplayName("defaults to the clock's now when absent or null")
    void defaultsToNow() {
      ObjectNode doc = valid();
      doc.remove("received_at");
      IntakeRequest r = parse(doc);
      assertThat(r.receivedAt().toInstant()).isEqualTo(NOW);
      assertThat(r.normalized().get("received_at").asText()).isEqualTo("2026-10-02T10:00:00+08:00");
      assertThat(parse(valid().putNull("received_at")).receivedAt().toInstant()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("keeps the offset the channel sent")
    void keepsOffset() {
      IntakeRequest r = parse(valid().put("received_at", "2026-10-01T23:15:30.250Z"));
      assertThat(r.receivedAt())
          .isEqualTo(OffsetDateTime.of(2026, 10, 1, 23, 15, 30, 250_000_000, ZoneOffset.UTC));
      assertThat(r.normalized().get("received_at").asText()).isEqualTo("2026-10-01T23:15:30.25Z");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "2026-10-02T10:05:00+08:00",
          "2026-10-02T02:04:59.999999999Z",
          "2026-10-02t02:00:00z",
          "2025-12-31T23:59:59-05:00"
        })
    @DisplayName("accepts RFC 3339 with offset, up to 5 minutes ahead of the clock")
    void accepted(String value) {
      assertThat(parse(valid().put("received_at", value)).receivedAt()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "1999-01-01T09:00:00+08:00"})
    @DisplayName("refuses a time more than ten years before the clock, a typing slip")
    void ancient(String value) {
      assertThat(rejected(valid().put("received_at", value)).errors())
          .containsExactly(error("/received_at", "must not be more than 3660 days in the past"));
      assertThat(parse(valid().put("received_at", "2017-01-02T09:00:00+08:00")).receivedAt())
          .as("a backlog of years is still taken")
          .isNotNull();
    }

    @Test
    @DisplayName("refuses a time more than 5 minutes in the future")
    void future() {
      assertThat(rejected(valid().put("received_at", "2026-10-02T10:05:01+08:00")).errors())
          .containsExactly(error("/received_at", "must not be more than 5 minutes in the future"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "2026-10-02T09:30:00", // no offset
          "2026-10-02 09:30:00+08:00",
          "2026-10-02T09:30+08:00", // no seconds
          "2026-10-02",
          "2026-02-30T09:30:00+08:00",
          "2026-10-02T24:00:00Z",
          "2026-10-02T09:30:00+0800",
          "2026-10-02T09:30:00+08:00:00",
          "2026-10-02T09:30:00.1234567890Z",
          "1727830200",
          "yesterday"
        })
    @DisplayName("refuses anything but an RFC 3339 date-time with offset")
    void malformed(String value) {
      assertThat(rejected(valid().put("received_at", value)).errors())
          .containsExactly(error("/received_at", "must be an RFC 3339 date-time with offset"));
    }

    @Test
    @DisplayName("a number is a type error")
    void type() {
      assertThat(rejected(valid().put("received_at", 1727830200)).errors())
          .containsExactly(error("/received_at", "must be a string"));
    }
  }

  @Nested
  @DisplayName("occurred_at")
  class OccurredAt {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-10-01", "2026-10-01T19:30:00+08:00", "2024-02-29"})
    @DisplayName("a date or a date-time with offset is kept as sent")
    void accepted(String value) {
      assertThat(parse(valid().put("occurred_at", value)).occurredAt()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {"2026/10/01", "2026-10-1", "2026-02-30", "2026-10-01T19:30:00", "国庆节晚上"})
    @DisplayName("anything else is refused")
    void refused(String value) {
      assertThat(rejected(valid().put("occurred_at", value)).errors())
          .containsExactly(
              error(
                  "/occurred_at",
                  "must be a date (yyyy-MM-dd) or an RFC 3339 date-time with offset"));
    }

    @Test
    @DisplayName("is optional")
    void optional() {
      ObjectNode doc = valid();
      doc.remove("occurred_at");
      assertThat(parse(doc).occurredAt()).isNull();
      assertThat(parse(doc).normalized().has("occurred_at")).isFalse();
    }
  }
}
