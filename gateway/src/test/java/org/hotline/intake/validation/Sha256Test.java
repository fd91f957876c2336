package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sha256.digest")
class Sha256Test {
  @Test
  @DisplayName("gives a fresh digest each time, which hashes as getInstance's does")
  void fresh() throws Exception {
    byte[] a = "第一".getBytes(StandardCharsets.UTF_8);
    byte[] b = "second".getBytes(StandardCharsets.UTF_8);
    MessageDigest one = Sha256.digest();
    MessageDigest two = Sha256.digest();
    assertThat(one).isNotSameAs(two);
    one.update(a); // half used: must not show in the next one taken
    MessageDigest three = Sha256.digest();
    assertThat(three.digest(b)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(b));
    assertThat(two.digest(b)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(b));
    assertThat(one.digest(b)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(concat(a, b)));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
