package org.hotline.dedup.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("IdNumbers")
class IdNumbersTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 10, 2);

  @Nested
  @DisplayName("validation")
  class Validation {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "11010519491231002X", // the GB 11643 test vector
          "35020319900101123X",
          "350203200002290029", // 2000 was a leap year
          "350203202610020013" // born today
        })
    @DisplayName("accepts numbers with a correct check character and a real birth date")
    void valid(String id) {
      assertThat(IdNumbers.isValid(id, TODAY)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "110105194912310021", // check character should be X
          "11010519491231002x", // not normalised
          "350203189912310012", // born before 1900
          "350203199013010015", // month 13
          "350203202610030019", // born tomorrow
          "110105190002290025", // 1900 was not a leap year
          "35020319900101123",
          "35020319900101123XX",
          "3502031990010112 X",
          "A5020319900101123X",
          ""
        })
    @DisplayName("refuses bad checksums, impossible dates and wrong shapes")
    void invalid(String id) {
      assertThat(IdNumbers.isValid(id, TODAY)).isFalse();
    }

    @Test
    @DisplayName("null is invalid")
    void nullInvalid() {
      assertThat(IdNumbers.isValid(null)).isFalse();
    }

    @Test
    @DisplayName("without a date given, today in China is used")
    void defaultToday() {
      assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
    }
  }

  @Nested
  @DisplayName("normalisation")
  class Normalisation {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "11010519491231002X",
          "11010519491231002x",
          " 11010519491231002x ",
          "110105 19491231 002X",
          "１１０１０５１９４９１２３１００２Ｘ",
          "１１０１０５１９４９１２３１００２ｘ"
        })
    @DisplayName("accepts lower-case x, full-width characters and spaces")
    void normalises(String raw) {
      assertThat(IdNumbers.normalise(raw, TODAY)).contains("11010519491231002X");
    }

    @Test
    @DisplayName("refuses null and invalid numbers")
    void refuses() {
      assertThat(IdNumbers.normalise(null, TODAY)).isEmpty();
      assertThat(IdNumbers.normalise("110105194912310021", TODAY)).isEmpty();
      assertThat(IdNumbers.normalise("11010519491231002X")).contains("11010519491231002X");
    }
  }

  @Nested
  @DisplayName("masking")
  class Masking {
    @Test
    @DisplayName("keeps the first 6 and last 4 characters")
    void mask() {
      assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    @DisplayName("masks short input entirely and leaves null as null")
    void shortInput() {
      assertThat(IdNumbers.mask("1101051949")).isEqualTo("**********");
      assertThat(IdNumbers.mask(null)).isNull();
    }
  }
}
