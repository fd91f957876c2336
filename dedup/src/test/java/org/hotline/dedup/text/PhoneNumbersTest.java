package org.hotline.dedup.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.dedup.TestCity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PhoneNumbers")
class PhoneNumbersTest {
  private static final PhoneNumbers PHONES = new PhoneNumbers(TestCity.XIAMEN.areaCode());

  @Nested
  @DisplayName("bare local numbers")
  class Local {
    @Test
    @DisplayName("get the area code of the city's configuration, Xiamen's from its file")
    void configuredAreaCode() {
      assertThat(PHONES.normalise("5123456")).contains("0592-5123456");
      assertThat(new PhoneNumbers("0595").normalise("512 3456")).contains("0595-5123456");
    }

    @Test
    @DisplayName("are refused without an area code, while full numbers are still accepted")
    void noAreaCode() {
      PhoneNumbers none = new PhoneNumbers(null);
      assertThat(none.normalise("5123456")).isEmpty();
      assertThat(none.normalise("0592-5123456")).contains("0592-5123456");
      assertThat(none.normalise("13812345678")).contains("13812345678");
    }
  }

  @Nested
  @DisplayName("mobile numbers")
  class Mobile {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "13812345678",
          "138 1234 5678",
          "138-1234-5678",
          "138.1234.5678",
          "(138)12345678",
          "+8613812345678",
          "+86 138 1234 5678",
          "+86-138-1234-5678",
          "0086 138 1234 5678",
          "8613812345678",
          "86 13812345678",
          "１３８１２３４５６７８",
          "＋８６　１３８－１２３４－５６７８",
          " 13812345678 ",
          "138\u20141234\u20145678"
        })
    @DisplayName("every common shape normalises to 11 digits")
    void shapes(String raw) {
      assertThat(PHONES.normalise(raw)).contains("13812345678");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"13012345678", "14512345678", "19912345678", "16612345678"})
    @DisplayName("prefixes 13 to 19 are mobile")
    void prefixes(String raw) {
      assertThat(PHONES.normalise(raw)).contains(raw);
    }
  }

  @Nested
  @DisplayName("landlines")
  class Landline {
    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource({
      "0592-5123456, 0592-5123456",
      "05925123456, 0592-5123456",
      "(0592) 512 3456, 0592-5123456",
      "０５９２－５１２３４５６, 0592-5123456",
      "+86 592 5123456, 0592-5123456",
      "+86 (0592) 5123456, 0592-5123456",
      "0086 592 5123456, 0592-5123456",
      "86 592 5123456, 0592-5123456",
      "010-62345678, 010-62345678",
      "+86 10 6234 5678, 010-62345678",
      "021 5123 4567, 021-51234567",
      "020-8765432, 020-8765432",
      "0595-22123456, 0595-22123456",
      "5123456, 0592-5123456",
      "512 3456, 0592-5123456",
      "8612345, 0592-8612345"
    })
    @DisplayName("normalise to area code, dash, subscriber number")
    void shapes(String raw, String normal) {
      assertThat(PHONES.normalise(raw)).contains(normal);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "0592-5123456转123",
          "0592-5123456 转 8001",
          "0592-5123456 ext 12",
          "0592-5123456 EXT.12",
          "0592-5123456#123",
          "0592-5123456＃123",
          "0592-5123456 分机 12"
        })
    @DisplayName("an extension is dropped")
    void extensions(String raw) {
      assertThat(PHONES.normalise(raw)).contains("0592-5123456");
    }
  }

  @Nested
  @DisplayName("numbers from abroad")
  class Abroad {
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
      "+886 912 345 678, +886-912345678",
      "+886 (0)912-345-678, +886-912345678",
      "00886912345678, +886-912345678",
      "0912-345-678, +886-912345678",
      "+886 2 2345 6789, +886-223456789",
      "+852 9123 4567, +852-91234567",
      "00853 6612 3456, +853-66123456",
      "+1 415 555 0100, +14155550100",
      "+44 20 7946 0958, +442079460958"
    })
    @DisplayName("keep their country code: Taiwan's, Hong Kong's and Macao's apart from the rest")
    void normalised(String raw, String normal) {
      assertThat(PHONES.normalise(raw)).contains(normal);
    }

    @Test
    @DisplayName("are masked like others: the code kept, the last four digits shown")
    void masked() {
      assertThat(PhoneNumbers.mask("+886-912345678")).isEqualTo("+886-*****5678");
      assertThat(PhoneNumbers.mask("+14155550100")).isEqualTo("+14*****0100");
    }
  }

  @Nested
  @DisplayName("not phone numbers")
  class Invalid {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "",
          "   ",
          "12345678901", // 12 is not a mobile prefix
          "1381234567", // 10 digits
          "138123456789", // 12 digits
          "+852 9123 456", // Hong Kong has 8 digits
          "+886 0123 45678", // no Taiwan number starts with 0 or 1 after the trunk 0
          "+1 415", // too short for any country
          "00 0592 5123456", // no country code starts with 0
          "0912-345-67", // 9 digits from 09
          "0592-0123456", // subscriber starting with 0
          "0592-1123456", // subscriber starting with 1
          "0592-512345", // 6-digit subscriber
          "0592-512345678", // 9-digit subscriber
          "011-62345678", // no 01x area code but 010
          "0123456", // bare local number starting with 0
          "1123456", // bare local number starting with 1
          "51234567", // 8 digits without area code
          "abc",
          "138 1234 567a",
          "13812345678 13812345678",
          "+86",
          "0086",
          "++8613812345678",
          "138+12345678"
        })
    @DisplayName("are refused")
    void refused(String raw) {
      assertThat(PHONES.normalise(raw)).isEmpty();
    }

    @Test
    @DisplayName("null and absurdly long input are refused")
    void nullAndLong() {
      assertThat(PHONES.normalise(null)).isEmpty();
      assertThat(PHONES.normalise("1".repeat(100_000))).isEmpty();
    }
  }

  @Nested
  @DisplayName("masking")
  class Masking {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "13812345678, 138****5678",
      "0592-5123456, 0592-***3456",
      "010-62345678, 010-****5678",
      "1234567, *******",
      "abc-12, abc-**"
    })
    @DisplayName("keeps only what identifies the line, not the person")
    void masks(String normal, String masked) {
      assertThat(PhoneNumbers.mask(normal)).isEqualTo(masked);
    }

    @Test
    @DisplayName("null stays null")
    void nullMask() {
      assertThat(PhoneNumbers.mask(null)).isNull();
    }
  }
}
