package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.hotline.dedup.text.PhoneNumbers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Identity")
class IdentityTest {
  private static final PhoneNumbers PHONES = new PhoneNumbers(TestCity.XIAMEN.areaCode());
  private static final String ID = "11010519491231002X";
  private final Identity identity = new Identity(TestRecords.SECRET, PHONES);

  @Nested
  @DisplayName("of a phone number")
  class Phones {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "+86 139-5000-1234",
          "139 5000 1234",
          "139-5000-1234",
          "１３９５０００１２３４",
          "+8613950001234",
          "86 13950001234"
        })
    @DisplayName("is the same hash in every shape")
    void shapes(String raw) {
      assertThat(identity.ofPhone(raw)).isEqualTo(identity.ofPhone("13950001234"));
    }

    @Test
    @DisplayName("differs between numbers, and between secrets")
    void differs() {
      long h = identity.ofPhone("13950001234");
      assertThat(identity.ofPhone("13950001235")).isNotEqualTo(h);
      Identity other =
          new Identity("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8), PHONES);
      assertThat(other.ofPhone("13950001234")).isNotEqualTo(h);
    }

    @Test
    @DisplayName("is unknown (0) when missing or not a phone number")
    void unknown() {
      assertThat(identity.ofPhone(null)).isEqualTo(Identity.UNKNOWN);
      assertThat(identity.ofPhone("12345")).isEqualTo(Identity.UNKNOWN);
    }

    @Test
    @DisplayName("treats a landline in any shape as one number")
    void landline() {
      assertThat(identity.ofPhone("0592-5123456")).isEqualTo(identity.ofPhone("(0592)5123456"));
      assertThat(identity.ofPhone("5123456")).isEqualTo(identity.ofPhone("0592 5123456"));
    }
  }

  @Nested
  @DisplayName("of an ID number")
  class IdNumbers {
    @Test
    @DisplayName("is the same hash whatever its case, width or spacing")
    void shapes() {
      long h = identity.ofIdNumber(ID);
      assertThat(h).isNotEqualTo(Identity.UNKNOWN);
      assertThat(identity.ofIdNumber("11010519491231002x")).isEqualTo(h);
      assertThat(identity.ofIdNumber("１１０１０５１９４９１２３１００２Ｘ")).isEqualTo(h);
      assertThat(identity.ofIdNumber("110105 19491231 002X")).isEqualTo(h);
    }

    @Test
    @DisplayName("is unknown when the checksum is wrong")
    void invalid() {
      assertThat(identity.ofIdNumber("110105194912310021")).isEqualTo(Identity.UNKNOWN);
    }

    @Test
    @DisplayName("never equals the hash of a phone with the same digits")
    void domains() {
      assertThat(identity.ofIdNumber(ID)).isNotEqualTo(identity.ofPhone(ID));
    }
  }

  @Nested
  @DisplayName("same person")
  class SamePerson {
    @Test
    @DisplayName("is decided by the ID numbers when both are known")
    void idDecides() {
      assertThat(Identity.samePerson(1, 7, 2, 7)).as("new phone, same ID").isTrue();
      assertThat(Identity.samePerson(1, 7, 1, 8)).as("shared phone, other ID").isFalse();
    }

    @Test
    @DisplayName("is decided by the phones otherwise")
    void phoneDecides() {
      assertThat(Identity.samePerson(1, 7, 1, 0)).isTrue();
      assertThat(Identity.samePerson(1, 0, 2, 7)).isFalse();
    }

    @Test
    @DisplayName("is never true when either side is unknown")
    void unknown() {
      assertThat(Identity.samePerson(0, 0, 0, 0)).isFalse();
      assertThat(Identity.samePerson(0, 7, 1, 0)).isFalse();
    }
  }

  @Nested
  @DisplayName("personal data")
  class PersonalData {
    @Test
    @DisplayName("never appears in a fingerprint's bytes or text, nor in the identity's")
    void notInClear() {
      Fingerprinter fingerprinter = new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
      Fingerprint fp =
          fingerprinter.fingerprint(
              TestRecords.complaint().phone("+86 139-5000-1234").idNumber(ID).build());
      String bytes = new String(fp.toBytes(), StandardCharsets.ISO_8859_1);
      String utf8 = new String(fp.toBytes(), StandardCharsets.UTF_8);
      // The record's id is a random UUID, whose text may hold "1234" or "5000" by chance.
      String text = fp.toString().replace(fp.id().toString(), "<id>");
      assertThat(text).contains("<id>");
      for (String s : new String[] {bytes, utf8, text, identity.toString()}) {
        assertThat(s)
            .doesNotContain("13950001234", "5000", "1234", "11010519491231002X", "19491231");
      }
      assertThat(fp.toString()).doesNotContain("鹭江");
    }

    @Test
    @DisplayName("needs a secret of at least 16 bytes")
    void shortSecret() {
      assertThatThrownBy(() -> new Identity(new byte[8], PHONES))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
