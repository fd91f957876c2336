package org.hotline.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.hotline.intake.config.DataKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("a field cipher")
class FieldCipherTest {
  static final DataKey K1 = key("k1", 1);
  static final DataKey K2 = key("k2", 2);
  static final String PHONE = "13905921234";
  static final String HERE = "complaint/0/complainant/phone";

  static DataKey key(String id, int fill) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) fill);
    return new DataKey(id, b);
  }

  @Nested
  @DisplayName("seals")
  class Seals {
    @Test
    @DisplayName("into an envelope that names its key and holds nonce, ciphertext and tag")
    void envelope() {
      String sealed = new FieldCipher(List.of(K1)).seal(PHONE, HERE);
      assertThat(sealed).startsWith("k1:").doesNotContain(PHONE);
      assertThat(FieldCipher.isSealed(sealed)).isTrue();
      assertThat(FieldCipher.keyIdOf(sealed)).isEqualTo("k1");
      byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
      assertThat(raw).hasSize(12 + PHONE.length() + 16);
      assertThat(FieldCipher.isSealed(PHONE)).isFalse();
      assertThat(FieldCipher.isSealed("0592-5123456")).isFalse();
    }

    @Test
    @DisplayName("with a fresh random nonce each time, and opens back to the clear value")
    void roundTrip() {
      FieldCipher cipher = new FieldCipher(List.of(K1));
      String a = cipher.seal(PHONE, HERE);
      String b = cipher.seal(PHONE, HERE);
      assertThat(a).isNotEqualTo(b);
      assertThat(cipher.open(a, HERE)).isEqualTo(PHONE);
      assertThat(cipher.open(b, HERE)).isEqualTo(PHONE);
    }
  }

  @Nested
  @DisplayName("refuses to open")
  class Refuses {
    FieldCipher cipher = new FieldCipher(List.of(K1));

    @Test
    @DisplayName("a value moved to another record or field, naming only the key")
    void otherContext() {
      String sealed = cipher.seal(PHONE, HERE);
      assertThatThrownBy(() -> cipher.open(sealed, "complaint/1/complainant/phone"))
          .isInstanceOf(UnreadableValueException.class)
          .hasMessageContaining("k1")
          .hasMessageNotContaining(PHONE)
          .hasMessageNotContaining(sealed.substring(3));
    }

    @Test
    @DisplayName("an altered value")
    void altered() {
      String sealed = cipher.seal(PHONE, HERE);
      char last = sealed.charAt(sealed.length() - 3);
      String altered =
          sealed.substring(0, sealed.length() - 3)
              + (last == 'A' ? 'B' : 'A')
              + sealed.substring(sealed.length() - 2);
      assertThatThrownBy(() -> cipher.open(altered, HERE))
          .isInstanceOf(UnreadableValueException.class);
      assertThatThrownBy(() -> cipher.open("k1:not base64!", HERE))
          .isInstanceOf(UnreadableValueException.class);
    }
  }

  @Nested
  @DisplayName("during a rotation")
  class Rotation {
    @Test
    @DisplayName("seals under the first key and still opens what older keys sealed")
    void oldKeysOpen() {
      String old = new FieldCipher(List.of(K1)).seal(PHONE, HERE);
      FieldCipher rotated = new FieldCipher(List.of(K2, K1));
      assertThat(rotated.activeKeyId()).isEqualTo("k2");
      assertThat(rotated.open(old, HERE)).isEqualTo(PHONE);
      assertThat(rotated.seal(PHONE, HERE)).startsWith("k2:");
    }

    @Test
    @DisplayName("fails on a value whose key was dropped, naming that key")
    void droppedKey() {
      String old = new FieldCipher(List.of(K1)).seal(PHONE, HERE);
      FieldCipher withoutK1 = new FieldCipher(List.of(K2));
      assertThatThrownBy(() -> withoutK1.open(old, HERE))
          .isInstanceOf(UnreadableValueException.class)
          .hasMessageContaining("k1 is not configured");
    }
  }

  @Test
  @DisplayName("prints its key ids, never its keys")
  void printsNoKey() {
    String k1 = Base64.getEncoder().encodeToString(K1.secret());
    assertThat(new FieldCipher(List.of(K2, K1)).toString()).contains("k2", "k1").doesNotContain(k1);
    assertThat(K1.toString()).doesNotContain(k1).contains("***");
  }
}
