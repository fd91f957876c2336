package org.hotline.dedup.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CreditCodes")
class CreditCodesTest {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  @Nested
  @DisplayName("validation")
  class Validation {
    /** Codes of well-known companies, from public registration records. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "91110000802100433B",
          "914403001922038216",
          "91330100799655058B",
          "9144030071526726XG",
          "91110108551385082Q"
        })
    @DisplayName("accepts real registered codes")
    void realCodes(String code) {
      assertThat(CreditCodes.isValid(code)).isTrue();
    }

    @Test
    @DisplayName("accepts a code whose check value is 0, computed as (31 - 0) mod 31")
    void checkValueZero() {
      String first17 = findWithCheck('0');
      assertThat(CreditCodes.isValid(first17 + "0")).isTrue();
    }

    @Test
    @DisplayName("refuses every other check character")
    void everyWrongCheck() {
      String first17 = "91110000802100433";
      for (char c : ALPHABET.toCharArray()) {
        assertThat(CreditCodes.isValid(first17 + c)).as("check %s", c).isEqualTo(c == 'B');
      }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "91110000802100433",
          "91110000802100433BB",
          "91110000802100433b", // not upper-cased
          "9111000080210O433B", // O is not in the alphabet
          "9111000080210I433B",
          "9111000080210S433B",
          "9111000080210V433B",
          "9111000080210Z433B",
          "91110000802100433 ",
          ""
        })
    @DisplayName("refuses wrong lengths and characters outside the alphabet")
    void shape(String code) {
      assertThat(CreditCodes.isValid(code)).isFalse();
    }

    @Test
    @DisplayName("null is invalid")
    void nullInvalid() {
      assertThat(CreditCodes.isValid(null)).isFalse();
    }
  }

  @Nested
  @DisplayName("normalisation and check characters")
  class Normalisation {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {" 91110000802100433b ", "９１１１００００８０２１００４３３Ｂ", "91110000802100433B"})
    @DisplayName("trims, converts full-width characters and upper-cases")
    void normalises(String raw) {
      assertThat(CreditCodes.normalise(raw)).contains("91110000802100433B");
    }

    @Test
    @DisplayName("refuses null and invalid codes")
    void refuses() {
      assertThat(CreditCodes.normalise(null)).isEmpty();
      assertThat(CreditCodes.normalise("91110000802100433A")).isEmpty();
    }

    @Test
    @DisplayName("computes the check character of real codes")
    void checkCharacter() {
      assertThat(CreditCodes.checkCharacter("91110000802100433")).isEqualTo('B');
      assertThat(CreditCodes.checkCharacter("91440300192203821")).isEqualTo('6');
      assertThat(CreditCodes.checkCharacter("9144030071526726X")).isEqualTo('G');
    }

    @Test
    @DisplayName("refuses to compute a check character for foreign characters")
    void checkCharacterRefuses() {
      assertThatThrownBy(() -> CreditCodes.checkCharacter("9111000080210O433"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CreditCodes.checkCharacter("911"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName(
      "the registering authority's division is the 3rd to 8th characters of a valid code only")
  void registeringDivision() {
    String jimei = "92350211MA31FR6T4";
    String code = jimei + CreditCodes.checkCharacter(jimei);
    assertThat(CreditCodes.registeringDivision(code)).isEqualTo("350211");
    assertThat(CreditCodes.registeringDivision(" " + code.toLowerCase(java.util.Locale.ROOT) + " "))
        .isEqualTo("350211");
    assertThat(CreditCodes.registeringDivision(jimei + (code.charAt(17) == '0' ? '1' : '0')))
        .as("a wrong check character")
        .isNull();
    assertThat(CreditCodes.registeringDivision(null)).isNull();
  }

  /** A 17-character prefix whose check character is {@code wanted}. */
  static String findWithCheck(char wanted) {
    for (int i = 0; i < 100_000; i++) {
      String first17 = "91350200MA" + String.format("%07d", i);
      if (CreditCodes.checkCharacter(first17) == wanted) {
        return first17;
      }
    }
    throw new AssertionError("no prefix found");
  }
}
