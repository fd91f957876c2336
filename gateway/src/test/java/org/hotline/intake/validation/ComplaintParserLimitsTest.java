package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.validation.ComplaintParserTest.documentError;
import static org.hotline.intake.validation.Complaints.bytes;
import static org.hotline.intake.validation.Complaints.rejected;
import static org.hotline.intake.validation.Complaints.utf8;
import static org.hotline.intake.validation.Complaints.valid;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ComplaintParser: nesting and number limits")
class ComplaintParserLimitsTest {

  @Nested
  @DisplayName("limits")
  class Limits {
    private static final String HEAD =
        "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"x\",\"channel_ref\":";

    /** A valid record nested {@code depth} objects deep, the top-level object being 1. */
    private String nestedObjects(int depth) {
      return HEAD + "{\"a\":".repeat(depth - 1) + "1" + "}".repeat(depth - 1) + "}";
    }

    /** The same with arrays below channel_ref: arrays count as levels too. */
    private String nestedArrays(int depth) {
      return HEAD + "{\"a\":" + "[".repeat(depth - 2) + "1" + "]".repeat(depth - 2) + "}}";
    }

    @Test
    @DisplayName("nesting 16 levels deep is accepted")
    void depth16() {
      assertThat(Complaints.parser().parse(utf8(nestedObjects(16))).channelRef()).isNotNull();
      assertThat(Complaints.parser().parse(utf8(nestedArrays(16))).channelRef()).isNotNull();
    }

    @Test
    @DisplayName("nesting 17 levels deep is refused")
    void depth17() {
      assertThat(rejected(nestedObjects(17)).errors())
          .containsExactly(documentError("nesting deeper than 16"));
      assertThat(rejected(nestedArrays(17)).errors())
          .containsExactly(documentError("nesting deeper than 16"));
    }

    @Test
    @DisplayName("deep nesting is refused before it can exhaust the stack")
    void veryDeep() {
      assertThat(rejected("[".repeat(100_000)).errors())
          .containsExactly(documentError("nesting deeper than 16"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e400", "-1e400", "1E+301", "1.1e300"})
    @DisplayName("a number of magnitude above 1e300 is refused, even in channel_ref")
    void tooLarge(String number) {
      String json =
          "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"x\",\"channel_ref\":{\"n\":"
              + number
              + "}}";
      assertThat(rejected(json).errors()).containsExactly(documentError(TreeChecks.TOO_LARGE));
      assertThat(rejected("{\"amount\":" + number + "}").errors())
          .containsExactly(documentError(TreeChecks.TOO_LARGE));
    }

    @Test
    @DisplayName("a 400-digit integer is refused as too large")
    void hugeInteger() {
      String json = "{\"amount\":" + "9".repeat(400) + "}";
      assertThat(rejected(json).errors()).containsExactly(documentError(TreeChecks.TOO_LARGE));
    }

    @Test
    @DisplayName("a number longer than 1000 characters is refused before it is converted")
    void tooLong() {
      String json = "{\"amount\":1" + "0".repeat(1000) + "}";
      assertThat(rejected(json).errors())
          .containsExactly(documentError("number longer than 1000 characters"));
    }

    @Test
    @DisplayName("an exponent beyond what BigDecimal holds is refused, not a 500")
    void exponentOverflow() {
      assertThat(rejected("{\"amount\":1e2147483648}").errors())
          .containsExactly(documentError("number too large to hold"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e-400", "1e-301", "0.0000000001e-300"})
    @DisplayName("a number with more than 300 fractional digits is refused")
    void tooPrecise(String number) {
      String json = "{\"channel_ref\":{\"n\":" + number + "}}";
      assertThat(rejected(json).errors()).containsExactly(documentError(TreeChecks.TOO_PRECISE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e300", "-1e300", "1e-300", "123456789012345678901234567890"})
    @DisplayName("numbers at the limits are accepted in channel_ref")
    void atTheLimit(String number) {
      String json =
          "{\"source_id\":\"a\",\"type\":\"inquiry\",\"content\":\"x\",\"channel_ref\":{\"n\":"
              + number
              + "}}";
      IntakeRequest r = Complaints.parser().parse(utf8(json));
      assertThat(r.channelRef().get("n").decimalValue())
          .isEqualByComparingTo(new BigDecimal(number));
    }

    @Test
    @DisplayName("document errors are reported once each, not once per occurrence")
    void distinctDocumentErrors() {
      String json =
          "{\"channel_ref\":{\"a\":1e400,\"b\":1e500,\"c\":\"\\u0000\",\"d\":\"\\u0000\"}}";
      assertThat(rejected(json).errors())
          .containsExactlyInAnyOrder(
              documentError(TreeChecks.TOO_LARGE), documentError(StrictJsonReader.NUL));
    }

    @Test
    @DisplayName("bytes of a valid record are accepted as well as its tree")
    void roundTrip() {
      assertThat(Complaints.parser().parse(bytes(valid())).sourceId()).isNotBlank();
    }
  }
}
